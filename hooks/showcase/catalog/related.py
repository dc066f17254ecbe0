"""Related records for a record page: the same municipality first, then the same field and the same prefecture, a few each.

Every choice is read from the catalog's indexes (the town's lists, the field and category lists, the prefecture's
towns), never by scanning the corpus per page.  "A few" are the record's neighbours in an index's stable order
(prefecture code, municipality code, slug), taken cyclically from just after the record itself: the same input
always gives the same choice, and every record is linked from its neighbours, not only from the first few.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from showcase.check.collection import Entry

# A record page must stay within its 30 KB budget (tests/integration/test_page_weight.py).  The same town's records
# (and any the record names) are cards, ~0.6 KB each; the same field's and prefecture's are one-line links, ~0.2 KB.
# The town's page and the field's listing, linked beside them, hold the rest.
SAME_TOWN_LIMIT = 2  # one member and one RMO where the town has both
SAME_FIELD_LIMIT = 3
SAME_PREFECTURE_LIMIT = 3
CARD_REASONS = ("関連する記録", "同じ市町村")

Key = tuple[str, str]  # (kind, slug)


@dataclass(frozen=True)
class Related:
    entry: Entry
    reason: str  # 「同じ市町村」「同じ活動分野（観光）」「同じ都道府県」「関連する記録」

    @property
    def as_card(self) -> bool:
        """Shown as a card (the town's and named records) rather than a one-line link."""
        return self.reason in CARD_REASONS


@dataclass(frozen=True)
class RelatedView:
    """A record page's related records as the page shows them: cards, then one-line links."""

    cards: list[Related]
    links: list[Related]
    same_town: int  # how many are of the record's own town (the page then links the town's full list)


def _key(entry: Entry) -> Key:
    return (entry.kind, entry.slug)


class RelatedRecords:
    """``related(entry)``: the related records of one page.  Positions in the indexes are found once per list."""

    def __init__(self, catalog: Any) -> None:  # showcase.catalog.indexes.Catalog, which holds this object
        self.catalog = catalog
        self._positions: dict[int, dict[Key, int]] = {}

    def _after(self, entries: list[Entry], entry: Entry) -> Iterable[Entry]:
        """``entries`` starting just after ``entry`` (or from the start when it is not in them), cyclically."""
        positions = self._positions.get(id(entries))
        if positions is None:
            positions = self._positions[id(entries)] = {_key(e): i for i, e in enumerate(entries)}
        start, count = positions.get(_key(entry), -1) + 1, len(entries)
        return (entries[(start + i) % count] for i in range(count))  # lazy: only what is taken is looked at

    def view(self, entry: Entry) -> RelatedView:
        chosen = self(entry)
        return RelatedView([item for item in chosen if item.as_card], [item for item in chosen if not item.as_card],
                           self._count(chosen, "同じ市町村"))

    def town_total(self, entry: Entry) -> int:
        """How many records the record's municipality page lists (the record itself among them)."""
        town = self.catalog.municipality_of(entry)
        return len(town.profiles) + len(town.cases)

    def __call__(self, entry: Entry) -> list[Related]:
        catalog, seen = self.catalog, {_key(entry)}
        chosen: list[Related] = []

        def take(candidates: Iterable[Entry], reason: str, limit: int) -> None:
            taken = 0
            for candidate in candidates:
                if taken == limit:
                    return
                if _key(candidate) not in seen:
                    seen.add(_key(candidate))
                    chosen.append(Related(candidate, reason))
                    taken += 1

        explicit = catalog.related_to(entry)  # named in related_cases/related_profiles, or in the same town
        town = catalog.municipality_of(entry)
        take((e for e in explicit if e.record.municipality_code != town.code), "関連する記録", SAME_TOWN_LIMIT)
        for _round in range(2):  # members and RMOs half and half; then whichever the town has more of
            room = SAME_TOWN_LIMIT - len(chosen)  # the named links count against the town's share
            take(self._after(town.profiles, entry), "同じ市町村", room // 2 if _round == 0 else room)
            room = SAME_TOWN_LIMIT - len(chosen)
            take(self._after(town.cases, entry), "同じ市町村", room)
        pref = entry.record.prefecture
        if entry.kind == "profile":
            labels, index, word = entry.record.fields, catalog.profiles_by_field, "活動分野"
        else:
            labels = list(dict.fromkeys(a.category for a in entry.record.activities))
            index, word = catalog.cases_by_category, "活動分類"
        before = len(chosen)
        for label in labels:  # the index is in code order: the records just after this one are its near neighbours
            room = SAME_FIELD_LIMIT - (len(chosen) - before)  # a few in all, however many fields the record has
            take(self._after(index.get(label, []), entry), f"同じ{word}（{label}）", min(room, max(1, SAME_FIELD_LIMIT // len(labels))))
        towns = catalog.by_prefecture.get(pref, [])
        for other in self._after_town(towns, town):
            if self._count(chosen, "同じ都道府県") >= SAME_PREFECTURE_LIMIT:
                break
            take(other.profiles if entry.kind == "profile" else other.cases, "同じ都道府県", 1)
        return chosen

    def _after_town(self, towns: list, town) -> Iterable:
        index, count = next((i for i, t in enumerate(towns) if t.code == town.code), -1) + 1, len(towns)
        return (towns[(index + i) % count] for i in range(count))

    @staticmethod
    def _count(chosen: list[Related], reason: str) -> int:
        return sum(1 for item in chosen if item.reason == reason)


__all__ = ["CARD_REASONS", "Related", "RelatedRecords", "RelatedView", "SAME_TOWN_LIMIT", "SAME_FIELD_LIMIT", "SAME_PREFECTURE_LIMIT"]
