"""Build the Pagefind search index from the records and hand-written pages (engine-independent).

Pagefind does not read the published pages.  Each searchable page becomes one :class:`SearchDoc` (its text,
title, result metadata and filters); they are written as tiny HTML files into a scratch folder whose body holds
the page's terms (:func:`showcase.search.terms.search_terms`), and Pagefind indexes that folder into the site's
``pagefind/`` (:mod:`showcase.search.pagefind`).  The index can therefore be built while the engine is still writing pages, it never sees
navigation or other chrome, and the published HTML needs no search markup.

The excerpt the search page shows comes from the page's plain text, so a visitor reads the page's own words,
never the terms.  That text is a small JSON file beside the page (:data:`EXCERPT_FILE`), fetched for the ten results
shown, not Pagefind metadata: Pagefind indexes metadata too, and a page's unsegmented Japanese sentences would
add about ten one-off "words" a page (a quarter of Pagefind's time and a sixth of its memory at 10,000 pages).
"""

from __future__ import annotations

import hashlib
import html
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from showcase.outputs.files import json_text, write_site_files
from showcase.render.pages import PageSpec
from showcase.search.terms import html_text, markdown_text, search_terms

INDEX_LANGUAGE = "und"  # Pagefind must not segment or stem the terms: they are segmented already
TEXT_LIMIT = 3000  # characters of plain text kept for excerpts
SLICE_FILTER = "showcase-slice"  # a hidden filter, "0" on the pages of the first of SLICES slices (by a hash of the
SLICES = 32  # URL): a search for a word most pages hold ranks that slice first and shows it (showcase-pagefind.js).
#              Only those pages carry it, so its filter index lists 1/32 of the pages (~2 KB a bundle, not ~40).
EXCERPT_FILE = "search-excerpt.json"  # beside each searchable page: {"text": its plain text} (showcase-pagefind.js)


@dataclass(frozen=True)
class SearchDoc:
    url: str  # site-relative directory URL, e.g. "profiles/yamada-taro/"
    title: str
    text: str  # plain text, what the page says
    meta: dict[str, str] = field(default_factory=dict)  # shown with a result, e.g. 種別, 所在地
    filters: dict[str, list[str]] = field(default_factory=dict)


def record_docs(specs: Iterable[PageSpec]) -> list[SearchDoc]:
    """One SearchDoc per searchable generated page (the records), from the records' own fields."""
    docs = []
    for spec in specs:
        if not spec.searchable:
            continue
        entry = spec.key
        record = entry.record
        place = f"{record.prefecture} {record.municipality}"
        kind = spec.filters["種別"][0]  # 地域おこし協力隊 or 地域運営組織 (render.pages.record_pages)
        if entry.kind == "profile":
            parts = [record.name, record.name_kana, kind, place, *spec.filters["状態"], *record.fields,
                     record.hometown, record.moved_from, record.previous_job, markdown_text(record.motivation)]
            parts += [text for activity in record.activities for text in (activity.title, markdown_text(activity.body))]
            parts.append(markdown_text(record.goals))
            if record.after_term is not None:  # its filter values, and its words: 起業 finds who started a business
                parts += [*spec.filters.get("任期後の居住地", []), *spec.filters.get("任期後の進路", []),
                          markdown_text(record.after_term.note) if record.after_term.note else ""]
        else:
            parts = [record.name, record.name_kana, kind, place, record.legal_form, record.area, markdown_text(record.summary)]
            parts += [text for activity in record.activities
                      for text in (activity.category, activity.title, markdown_text(activity.body))]
        parts += [photo.caption for photo in record.photos]
        text = " ".join(part for part in parts if part)
        docs.append(SearchDoc(spec.url, spec.title, text, {"種別": kind, "所在地": place}, spec.filters))
    return docs


def page_docs(pages: Iterable[tuple[str, str, str]]) -> list[SearchDoc]:
    """One SearchDoc per page given as (url, title, body HTML): the hand-written pages and the statistics page."""
    return [SearchDoc(url, title, html_text(body)) for url, title, body in pages]


def _page(doc: SearchDoc) -> str:
    esc = html.escape
    meta = "".join(f'<span data-pagefind-meta="{esc(name)}">{esc(value)}</span>' for name, value in doc.meta.items())
    filters = "".join(f'<span data-pagefind-filter="{esc(name)}">{esc(value)}</span>'
                      for name, values in doc.filters.items() for value in values)
    if slice_of(doc.url) == "0":
        filters += f'<span data-pagefind-filter="{SLICE_FILTER}">0</span>'
    return (f'<!doctype html><html lang="{INDEX_LANGUAGE}"><head><meta charset="utf-8"><title>{esc(doc.title)}</title></head>'
            f'<body><h1 data-pagefind-meta="title">{esc(doc.title)}</h1>{meta}{filters}'
            f'<main data-pagefind-body>{esc(_unique_terms(doc.title + " " + doc.text))}</main></body></html>')


def slice_of(url: str) -> str:
    """The page's slice (see :data:`SLICES`): a hash of its URL independent of its bundle's (CRC-32 is linear, so
    a second CRC of the same URL would put a slice in one bundle)."""
    return str(int.from_bytes(hashlib.blake2b(url.encode("utf-8"), digest_size=4).digest(), "big") % SLICES)


def _unique_terms(text: str) -> str:
    """Each term once: a page either holds a term or not (excerpts come from the text, not from positions), and
    Pagefind's memory and index chunks grow with every occurrence it records (~30 % smaller)."""
    return " ".join(dict.fromkeys(search_terms(text).split()))


def write_search_pages(docs: Iterable[SearchDoc], folder: Path) -> int:
    """The scratch site Pagefind indexes: ``<url>index.html`` per doc (the URL Pagefind records); how many."""
    return write_site_files(folder, ((f"{doc.url}index.html", _page(doc)) for doc in docs))


def write_excerpts(docs: Iterable[SearchDoc], site_dir: Path) -> None:
    """Each doc's excerpt text into the site, beside its page (``<url>`` + :data:`EXCERPT_FILE`)."""
    # No markup, ever: json_text escapes < > &.
    write_site_files(site_dir, ((doc.url + EXCERPT_FILE, json_text({"text": doc.text[:TEXT_LIMIT]}, compact=True))
                                for doc in docs))


SHARD_SIZE = 20_000  # pages per bundle: Pagefind holds a bundle's terms in memory (~0.2 MB a page), and a query
#                      loads a chunk of every bundle for each of its terms (~20-30 KB each): two at national scale
SHARD_SIZE_ENV = "SHOWCASE_SEARCH_BUNDLE_SIZE"  # smaller bundles, for tests of a split index on a small site
BUNDLES_FILE = "showcase-bundles.json"  # in the first bundle: the other bundles, for showcase-pagefind.js


def bundle_count(pages: int, size: int = SHARD_SIZE) -> int:
    return max(1, -(-pages // size))


def shard(docs: list[SearchDoc], size: int = SHARD_SIZE, count: int | None = None) -> list[list[SearchDoc]]:
    """Split the docs into ``count`` bundles (enough for at most ``size`` pages each), each page always in the same
    bundle (by URL)."""
    count = count or bundle_count(len(docs), size)
    bundles: list[list[SearchDoc]] = [[] for _ in range(count)]
    for doc in docs:
        bundles[zlib.crc32(doc.url.encode("utf-8")) % count].append(doc)
    return bundles


def bundle_dir(index: int) -> str:
    """Site-relative folder of bundle ``index``: ``pagefind/`` first (its pagefind.js is the one loaded)."""
    return "pagefind/" if index == 0 else f"pagefind-{index + 1}/"


__all__ = ["SearchDoc", "record_docs", "page_docs", "write_search_pages", "write_excerpts", "bundle_count", "shard", "bundle_dir",
           "INDEX_LANGUAGE", "BUNDLES_FILE", "EXCERPT_FILE", "SLICE_FILTER", "SLICES", "slice_of", "SHARD_SIZE", "SHARD_SIZE_ENV"]
