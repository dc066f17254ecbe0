"""The Atom feed of newly added profiles and cases (``feed.xml``).

"Newly added" is each record's own ``published`` month (YYYY-MM), never a file
time, so two builds of the same tree give the same bytes.  Newest first; ties
by kind (profiles first) then slug.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from showcase.catalog import urls
from showcase.catalog.indexes import Catalog
from showcase.check.collection import Entry
from showcase.outputs.files import absolute
from showcase.render.markup import plain_text

FEED_PATH = urls.FEED
FEED_LIMIT = 50
ATOM = "http://www.w3.org/2005/Atom"
KIND_LABELS = {"profile": "地域おこし協力隊", "case": "地域運営組織"}


def newest_entries(catalog: Catalog, limit: int = FEED_LIMIT) -> list[Entry]:
    entries = sorted(catalog.profiles + catalog.cases, key=lambda e: (e.kind != "profile", e.slug))
    return sorted(entries, key=lambda e: e.record.published, reverse=True)[:limit]


def month_timestamp(year_month: str) -> str:
    """``2026-11`` → ``2026-11-01T00:00:00Z`` (Atom dates are full RFC 3339 timestamps)."""
    return f"{year_month}-01T00:00:00Z"


def entry_summary(entry: Entry) -> str:
    record = entry.record
    place = f"{record.prefecture} {record.municipality}"
    if entry.kind == "profile":
        return f"{place}の地域おこし協力隊（{'・'.join(record.fields)}）。" + plain_text(record.activities[0].title, 60)
    return plain_text(record.summary, 120)


def _id(site_url: str, path: str, fallback: str) -> str:
    return absolute(site_url, path) if site_url else f"urn:chiiki-showcase:{fallback}"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def render_feed(catalog: Catalog, *, site_url: str = "", site_name: str = "chiiki-showcase",
                limit: int = FEED_LIMIT) -> str:
    """The Atom 1.0 document as text (UTF-8, with an XML declaration)."""
    entries = newest_entries(catalog, limit)
    updated = month_timestamp(entries[0].record.published) if entries else month_timestamp(catalog.today)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "ja"})
    _add(feed, "title", f"{site_name}（新着のプロフィールと事例）")
    _add(feed, "subtitle", "地域おこし協力隊のプロフィールと地域運営組織（RMO）の事例の新着。掲載年月の新しい順。")
    _add(feed, "id", _id(site_url, FEED_PATH, "feed"))
    _add(feed, "link", rel="self", type="application/atom+xml", href=absolute(site_url, FEED_PATH))
    _add(feed, "link", rel="alternate", type="text/html", href=absolute(site_url, ""))
    _add(feed, "updated", updated)
    author = _add(feed, "author")
    _add(author, "name", "chiiki-showcase")
    _add(feed, "rights", "掲載データは CC BY 4.0（出典: chiiki-showcase）")
    for entry in entries:
        record = entry.record
        item = _add(feed, "entry")
        _add(item, "title", f"{record.name}（{KIND_LABELS[entry.kind]}・{record.prefecture} {record.municipality}）")
        _add(item, "link", rel="alternate", type="text/html", href=absolute(site_url, entry.url))
        _add(item, "id", _id(site_url, entry.url, f"{entry.kind}:{entry.slug}"))
        _add(item, "published", month_timestamp(record.published))
        _add(item, "updated", month_timestamp(record.published))
        _add(item, "summary", entry_summary(entry))
        _add(item, "category", term=KIND_LABELS[entry.kind])
        labels = record.fields if entry.kind == "profile" else dict.fromkeys(a.category for a in record.activities)
        for label in labels:
            _add(item, "category", term=label)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
