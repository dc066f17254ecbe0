"""The files an index page filters with: compact slices of rows, and each record's card as an HTML fragment.

An index page downloads nothing for filtering until a visitor filters or sorts (or opens an address that does).
Then ``showcase-browse.js`` fetches the one slice that narrows most — the records of one prefecture, one
municipality, one field or one status, ``browse/<collection>/<facet>/<option>.json`` — or, for a sort of the
whole list, ``browse/<collection>/all.json``; filters the rows by the other choices, sorts them by the rank
columns (:func:`showcase.catalog.facets.sort_ranks`), and fetches the cards of the page it shows
(``<record>/card.json``: the very card the server-rendered lists show, rendered by :class:`showcase.render.cards.Cards`
from the same partial).

A slice: ``{"columns": ["slug", "新着", …, "municipality", …], "rows": [["yamada-taro", 12, …, "192040", …], …],
"constants": {"prefecture": "山梨県", …}}``, rows in the listing order; a facet's cell is its value, or a list when a
record has several; a column with one value in every row of the file is written once, in ``constants``.  A sort of a
whole collection, with no filter, needs no rows: ``browse/<collection>/order/<sort>.json`` lists the folder names in
that order.  A slice of a facet
that narrows another (都道府県 → 市区町村) also lists that facet's options found in it, as the form lists options
(``"options": {"市区町村": [[value, slug, label, count], …]}``).
"""

from __future__ import annotations

from typing import Callable, Iterator

from showcase.catalog.facets import COLLECTION_OF_KIND, FACETS, SORTS, Facet, Option, sort_ranks
from showcase.catalog.indexes import Catalog
from showcase.check.collection import Entry
from showcase.outputs.files import json_text
from showcase.render.compact_html import compact_html

BROWSE_DIR = "browse/"
CARD_FILE = "card.json"  # beside each record page: {"html": its card, links relative to the record's folder}


def slice_path(collection: str, facet_key: str | None = None, option_slug: str | None = None) -> str:
    if facet_key is None:
        return f"{BROWSE_DIR}{collection}/all.json"
    return f"{BROWSE_DIR}{collection}/{facet_key}/{option_slug}.json"


def _cell(values: tuple[str, ...]) -> str | list[str]:
    return values[0] if len(values) == 1 else list(values)


def browse_files(catalog: Catalog, card_of: Callable[[Entry, str], str]) -> Iterator[tuple[str, str]]:
    """(site-relative path, text) of every slice and card fragment; ``card_of(entry, page_url)`` renders a card."""
    ranks = sort_ranks(catalog)
    options = {facet.param: facet.options(catalog) for facet in FACETS}  # once: the municipalities are ~1,700
    for kind, entries in (("profile", catalog.profiles), ("case", catalog.cases)):
        collection = COLLECTION_OF_KIND[kind]
        facets = [facet for facet in FACETS if kind in facet.kinds]
        columns = ["slug", *(value for value, _label, _slug in SORTS[1:]), *(facet.key for facet in facets)]
        values = {entry.slug: [facet.values(catalog, entry) for facet in facets] for entry in entries}
        rows = {entry.slug: [entry.slug, *ranks[(kind, entry.slug)], *map(_cell, values[entry.slug])]
                for entry in entries}
        yield slice_path(collection), _slice_text(columns, list(rows.values()))
        for position, (_value, _label, slug) in enumerate(SORTS[1:], start=1):
            order = sorted(entries, key=lambda entry: rows[entry.slug][position])
            yield (f"{BROWSE_DIR}{collection}/order/{slug}.json",
                   json_text([entry.slug for entry in order], compact=True))
        for index, facet in enumerate(facets):
            if facet.sliced:
                yield from _facet_slices(options, collection, columns, facet, index, entries, values, rows, facets)
        for entry in entries:
            yield entry.url + CARD_FILE, json_text({"html": compact_html(str(card_of(entry, entry.url)))}, compact=True)


def _facet_slices(options: dict[str, list[Option]], collection: str, columns: list[str], facet: Facet, index: int,
                  entries: list[Entry], values: dict[str, list[tuple[str, ...]]], rows: dict[str, list],
                  facets: list[Facet]) -> Iterator[tuple[str, str]]:
    groups: dict[str, list[str]] = {}
    for entry in entries:
        for value in values[entry.slug][index]:
            groups.setdefault(value, []).append(entry.slug)
    narrowed = [(i, other) for i, other in enumerate(facets) if other.within == facet.param]
    for option in options[facet.param]:
        slugs = groups.get(option.value)
        if not slugs:
            continue
        narrower: dict[str, list] = {}
        if narrowed:
            for i, other in narrowed:
                present: dict[str, int] = {}
                for slug in slugs:
                    for value in values[slug][i]:
                        present[value] = present.get(value, 0) + 1
                narrower[other.param] = [[o.value, o.slug, o.label, present[o.value]]
                                         for o in options[other.param] if o.value in present]
        yield (slice_path(collection, facet.key, option.slug),
               _slice_text(columns, [rows[slug] for slug in slugs], narrower))


def _slice_text(columns: list[str], rows: list[list], options: dict[str, list] | None = None) -> str:
    """The slice's JSON; a column with the same value in every row goes to ``constants``, once."""
    constant = {i for i in range(1, len(columns)) if rows and all(row[i] == rows[0][i] for row in rows)}
    data: dict = {"columns": [c for i, c in enumerate(columns) if i not in constant],
                  "rows": [[cell for i, cell in enumerate(row) if i not in constant] for row in rows],
                  "constants": {columns[i]: rows[0][i] for i in sorted(constant)}}
    if options:
        data["options"] = options
    return json_text(data, compact=True)


__all__ = ["browse_files", "slice_path", "BROWSE_DIR", "CARD_FILE"]
