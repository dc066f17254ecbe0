"""The home page's people: ``<!-- showcase: home-records -->`` in docs/index.md becomes the featured records, the
newest profiles and cases as cards (the listings' own cards), and links to browse by prefecture, field and status.

Plain HTML, rendered once at build time: it works without JavaScript.
"""

from __future__ import annotations

import re
from typing import Any

from showcase.catalog.indexes import Catalog
from showcase.check.collection import Entry
from showcase.content.featured import Featured
from showcase.render.environment import render_template
from showcase.render.pages import facets

_MARKER = re.compile(r"<!--\s*showcase:\s*home-records\s*-->")
NEWEST_PROFILES = 6
NEWEST_CASES = 3


def newest(entries: list[Entry], count: int) -> list[Entry]:
    """The ``count`` most recently published records: by ``published``, then the newer term, then the slug."""
    def key(entry: Entry) -> tuple:
        term = getattr(entry.record, "term", None)
        return (entry.record.published, term.start if term else "")
    ranked = sorted(entries, key=lambda e: e.slug)
    return sorted(ranked, key=key, reverse=True)[:count]  # stable: equal months keep the slug order


def featured_entries(catalog: Catalog, featured: Featured) -> list[Entry]:
    profiles = {e.slug: e for e in catalog.profiles if e.slug in featured.profiles}
    cases = {e.slug: e for e in catalog.cases if e.slug in featured.cases}
    return [profiles[s] for s in featured.profiles if s in profiles] + [cases[s] for s in featured.cases if s in cases]


def expand_home_records(html: str, page_url: str, catalog: Catalog, context: dict[str, Any]) -> str:
    """Replace the marker (at most one per page) with the rendered block."""
    if not _MARKER.search(html):
        return html
    block = render_template(
        "partials/home-records.html", page_url, catalog=catalog, cards=context.get("cards"),
        featured=featured_entries(catalog, context.get("featured") or Featured()),
        newest_profiles=newest(catalog.profiles, NEWEST_PROFILES), newest_cases=newest(catalog.cases, NEWEST_CASES),
        facets=facets(catalog))
    return _MARKER.sub(lambda _match: block, html, count=1)


__all__ = ["expand_home_records", "featured_entries", "newest"]
