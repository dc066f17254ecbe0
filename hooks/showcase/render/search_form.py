"""The search page's form: ``<!-- showcase: search-form -->`` in a hand-written page becomes the query field and
the filters, with their values and counts taken from the catalog at build time.

The filters are the ones the search index gives each record (:func:`showcase.search.index.record_docs`, from
``PageSpec.filters``).  Because their values are
known here, the browser never downloads Pagefind's whole filter index just to show them: a query with no filter
chosen loads only the index chunks and fragments it needs, and a chosen filter loads only its own index.
"""

from __future__ import annotations

import re

from showcase.catalog.indexes import Catalog
from showcase.render.environment import render_template
from showcase.render.pages import facets

_MARKER = re.compile(r"<!--\s*showcase:\s*search-form\s*-->")


def expand_search_form(html: str, page_url: str, catalog: Catalog) -> str:
    """Replace the marker (at most one per page) with the rendered form."""
    if not _MARKER.search(html):
        return html
    block = render_template("partials/search-form.html", page_url, facets=facets(catalog))
    return _MARKER.sub(lambda _match: block, html, count=1)


__all__ = ["expand_search_form"]
