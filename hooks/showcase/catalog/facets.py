"""What the index pages filter and sort by: one list of facets, one list of orders (issue 16).

A facet is one entry in :data:`FACETS`.  Its ``param`` is both its label and its name in the address
(``/profiles/?都道府県=長野県``); ``values`` says which values a record has; ``options`` lists what a visitor can
choose.  The filter form (``partials/browse-form.html``), the build-time slices
(:mod:`showcase.outputs.browse_slices`) and the browser's filtering (``showcase-browse.js``) all read this list, so a
new facet is one more entry here.

Sort orders are ranks computed here, once per build, over profiles and cases together (so a page listing both
sorts them into one order); the browser only compares integers.  五十音順 uses ``name_kana``; a record without one
uses its name when the name is written in kana only (katakana read as hiragana), and otherwise comes after every
record with a reading, ordered by its name's characters (the code-point order of kanji, which is stable but not a
reading).  Ties in every order fall back to the listing order (prefecture code, municipality code, folder name).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Callable

from showcase.catalog.indexes import Catalog
from showcase.check.collection import Entry
from showcase.content.vocab import ACTIVITY_FIELDS, AFTER_TERM_PATHS, PREFECTURES, RMO_CATEGORIES, STATUS_LABELS, hiragana

COLLECTION_OF_KIND = {"profile": "profiles", "case": "cases"}
KIND_LABELS = {"profile": "地域おこし協力隊", "case": "地域運営組織"}


@dataclass(frozen=True)
class Option:
    value: str  # as the address and the slices write it
    slug: str  # the slice's file name (ASCII)
    label: str  # what the select shows


@dataclass(frozen=True)
class Facet:
    param: str  # label and address parameter, e.g. 都道府県
    key: str  # slice folder and column name, e.g. prefecture
    kinds: tuple[str, ...]  # the record kinds that have it
    values: Callable[[Catalog, Entry], tuple[str, ...]]
    options: Callable[[Catalog], list[Option]]  # every option in the catalog, in display order
    sliced: bool = True  # the build writes one slice per option (a facet with few values filters loaded rows instead)
    within: str | None = None  # its options are narrowed by this facet's choice (市区町村 within 都道府県)


def _towns(catalog: Catalog) -> list[Option]:
    return [Option(town.code, town.code, town.name)
            for pref in PREFECTURES for town in catalog.by_prefecture.get(pref.name, [])]


FACETS: tuple[Facet, ...] = (
    Facet("種別", "kind", ("profile", "case"), lambda c, e: (KIND_LABELS[e.kind],),
          lambda c: [Option(label, COLLECTION_OF_KIND[kind], label) for kind, label in KIND_LABELS.items()],
          sliced=False),
    Facet("都道府県", "prefecture", ("profile", "case"), lambda c, e: (e.record.prefecture,),
          lambda c: [Option(p.name, p.slug, p.name) for p in PREFECTURES]),
    Facet("市区町村", "municipality", ("profile", "case"), lambda c, e: (e.record.municipality_code,), _towns,
          within="都道府県"),
    Facet("活動分野", "field", ("profile",), lambda c, e: tuple(e.record.fields),
          lambda c: [Option(label, slug, label) for label, slug in ACTIVITY_FIELDS.items()]),
    Facet("活動分類", "category", ("case",), lambda c, e: tuple(dict.fromkeys(a.category for a in e.record.activities)),
          lambda c: [Option(label, slug, label) for label, slug in RMO_CATEGORIES.items()]),
    Facet("状態", "status", ("profile",), lambda c, e: (STATUS_LABELS[c.status_of(e)],),
          lambda c: [Option(label, status, label) for status, label in STATUS_LABELS.items()]),
    # after_term.path of alumni who state it (showcase.content.schema.AfterTerm); few values: filtered in loaded rows
    Facet("任期後の進路", "after_term_path", ("profile",),
          lambda c, e: tuple(dict.fromkeys(e.record.after_term.path)) if e.record.after_term else (),
          lambda c: [Option(label, slug, label) for label, slug in AFTER_TERM_PATHS.items()], sliced=False),
)
FACET_BY_PARAM = {facet.param: facet for facet in FACETS}

SORT_PARAM = "並び順"
PAGE_PARAM = "ページ"
# (value in the address, label, file slug); "" is the listing order.  Each other has a rank column in the slices.
SORTS: tuple[tuple[str, str, str], ...] = (("", "地域順", ""), ("新着", "新着順", "newest"), ("五十音", "五十音順", "kana"),
                                           ("着任が新しい", "着任が新しい順", "term-newest"),
                                           ("着任が古い", "着任が古い順", "term-oldest"))
TERM_SORTS = ("着任が新しい", "着任が古い")  # profiles only: cases, without a term, come after them in either


def _is_kana(text: str) -> bool:
    return all("\u3041" <= c <= "\u309e" or c in "ー " for c in text)


def reading_key(entry: Entry) -> tuple[int, str]:
    """The 五十音順 key: (0, reading) for a record with a reading, (1, name) after them."""
    record = entry.record
    if record.name_kana:
        return 0, " ".join(unicodedata.normalize("NFKC", record.name_kana).split())
    name = " ".join(unicodedata.normalize("NFKC", record.name).split())
    reading = hiragana(name)
    return (0, reading) if _is_kana(reading) else (1, name)


def _ranks(entries: list[Entry], key: Callable[[Entry], tuple]) -> dict[tuple[str, str], int]:
    order = sorted(range(len(entries)), key=lambda i: (key(entries[i]), i))  # i: the listing order breaks ties
    return {(entries[i].kind, entries[i].slug): rank for rank, i in enumerate(order)}


def _month_number(year_month: str) -> int:
    return int(year_month.replace("-", ""))


def _term(entry: Entry, newest: bool) -> tuple[int, int]:
    if entry.kind != "profile":
        return (1, 0)
    start = _month_number(entry.record.term.start)
    return (0, -start if newest else start)


def sort_ranks(catalog: Catalog) -> dict[tuple[str, str], tuple[int, ...]]:
    """(kind, slug) → its rank in each non-default order of :data:`SORTS`, over profiles and cases together."""
    entries = catalog.profiles + catalog.cases  # the listing order of every page: profiles, then cases
    columns = [
        _ranks(entries, lambda e: -_month_number(e.record.published)),  # 新着: the newest month first
        _ranks(entries, reading_key),
        _ranks(entries, lambda e: _term(e, newest=True)),
        _ranks(entries, lambda e: _term(e, newest=False)),
    ]
    return {key: tuple(column[key] for column in columns) for key in columns[0]}


__all__ = ["Facet", "Option", "FACETS", "FACET_BY_PARAM", "SORTS", "SORT_PARAM", "PAGE_PARAM", "TERM_SORTS",
           "COLLECTION_OF_KIND", "reading_key", "sort_ranks"]
