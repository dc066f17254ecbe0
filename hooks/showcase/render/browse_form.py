"""The filter-and-sort form of an index page: which facets it shows, their options and counts, what the page fixes.

The form is rendered hidden into the page (``partials/facets.html``) with this description as JSON beside it;
``showcase-browse.js`` shows it and filters with the build-time slices (:mod:`showcase.outputs.browse_slices`).
Counts are those of the page's own records, computed once per listing (not once per page of it).
"""

from __future__ import annotations

from typing import Any

from showcase.catalog.facets import COLLECTION_OF_KIND, FACETS, PAGE_PARAM, SORT_PARAM, SORTS, TERM_SORTS, Facet, Option
from showcase.catalog.indexes import Catalog
from showcase.check.collection import Entry
from showcase.render.pages import PER_PAGE

LISTING_KINDS = {"profiles": ("profile",), "cases": ("case",), "prefecture": ("profile", "case"),
                 "municipality": ("profile", "case")}


def _scope(catalog: Catalog, kind: str, extra: Any) -> tuple[list[Entry], dict[str, str]]:
    """The records a listing shows and the filters it fixes."""
    if kind == "profiles":
        return catalog.profiles, {}
    if kind == "cases":
        return catalog.cases, {}
    if kind == "prefecture":
        entries = catalog.profiles_by_prefecture.get(extra.name, []) + catalog.cases_by_prefecture.get(extra.name, [])
        return entries, {"都道府県": extra.name}
    return extra.profiles + extra.cases, {"都道府県": extra.prefecture.name, "市区町村": extra.code}


def _facet(catalog: Catalog, facet: Facet, entries: list[Entry], fixed: dict[str, str],
           all_options: list[Option]) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for entry in entries:
        if entry.kind in facet.kinds:
            for value in facet.values(catalog, entry):
                counts[value] = counts.get(value, 0) + 1
    options = [[o.value, o.slug, o.label, counts[o.value]] for o in all_options if o.value in counts]
    if facet.param in fixed:
        options = [option for option in options if option[0] == fixed[facet.param]]
    elif facet.within and facet.within not in fixed:
        options = []  # filled from the slice of the choice it depends on
    shown = facet.param not in fixed and (len(options) > 1 or facet.within is not None and facet.within not in fixed)
    return {"param": facet.param, "key": facet.key, "kinds": list(facet.kinds), "sliced": facet.sliced,
            "within": facet.within, "shown": shown, "options": options}


def browse_form(catalog: Catalog, kind: str, extra: Any,
                options: dict[str, list[Option]] | None = None) -> dict[str, Any] | None:
    """The form's description for a listing of ``kind`` (None: the listing has no form).  ``options``: each facet's
    options in the catalog, by key, when the caller has them already (:class:`BrowseForms` makes them once)."""
    kinds = LISTING_KINDS.get(kind)
    if kinds is None:
        return None
    entries, fixed = _scope(catalog, kind, extra)
    options = options or {}
    facets = [_facet(catalog, facet, entries, fixed, options.get(facet.key) or facet.options(catalog))
              for facet in FACETS if set(facet.kinds) & set(kinds)]
    has_profiles = any(entry.kind == "profile" for entry in entries)
    return {"collections": [COLLECTION_OF_KIND[k] for k in kinds], "kinds": list(kinds), "fixed": fixed,
            "facets": facets, "perPage": PER_PAGE,
            "sorts": [[value, label, slug] for value, label, slug in SORTS if has_profiles or value not in TERM_SORTS],
            "sortParam": SORT_PARAM, "pageParam": PAGE_PARAM, "total": len(entries)}


class BrowseForms:
    """``browse_forms(kind, extra)`` in the listing renderer: the form of that listing, computed once."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._forms: dict[tuple[str, str], dict[str, Any] | None] = {}
        # Every facet's options once: the 市区町村 facet lists every town, and a national build has ~1,700 town listings.
        self._options = {facet.key: facet.options(catalog) for facet in FACETS}

    def __call__(self, kind: str, extra: Any) -> dict[str, Any] | None:
        key = (kind, str(getattr(extra, "code", "")))  # a prefecture's or a municipality's code
        if key not in self._forms:
            self._forms[key] = browse_form(self.catalog, kind, extra, self._options)
        return self._forms[key]
