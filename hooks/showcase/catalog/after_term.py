"""Our alumni's settlement and paths after the term, counted from the catalog's indexes, with the minimum-count rule.

A share of a handful of people says little and invites a false comparison with the national figures, so the
shares are shown only when at least :data:`MINIMUM_COUNT` alumni have filled the field in; below that, only the
count and an explanatory note.  Every share carries the counts behind it.
"""

from __future__ import annotations

from dataclasses import dataclass

from showcase.catalog.indexes import Catalog
from showcase.content.vocab import AFTER_TERM_PATHS, SETTLEMENT

MINIMUM_COUNT = 30  # alumni with the field filled in


@dataclass(frozen=True)
class Share:
    label: str
    count: int
    total: int

    @property
    def percent(self) -> float:
        return 100 * self.count / self.total if self.total else 0.0


@dataclass(frozen=True)
class Breakdown:
    """One field (settled or path): how many alumni filled it in, and each value's share of them."""

    filled: int
    shares: tuple[Share, ...]
    minimum: int = MINIMUM_COUNT

    @property
    def shown(self) -> bool:
        return self.filled >= self.minimum


@dataclass(frozen=True)
class AfterTermSummary:
    alumni: int
    settled: Breakdown
    paths: Breakdown  # several paths per person: the shares add up to more than 100 %


def after_term_summary(catalog: Catalog, minimum: int = MINIMUM_COUNT) -> AfterTermSummary:
    settled_total = sum(len(catalog.alumni_by_settlement.get(label, ())) for label in SETTLEMENT)
    path_total = len(catalog.alumni_with_path)
    return AfterTermSummary(
        alumni=len(catalog.profiles_by_status.get("alumni", ())),
        settled=Breakdown(settled_total, tuple(Share(label, len(catalog.alumni_by_settlement.get(label, ())), settled_total)
                                               for label in SETTLEMENT), minimum),
        paths=Breakdown(path_total, tuple(Share(label, len(catalog.alumni_by_after_term_path.get(label, ())), path_total)
                                          for label in AFTER_TERM_PATHS), minimum),
    )


__all__ = ["MINIMUM_COUNT", "Share", "Breakdown", "AfterTermSummary", "after_term_summary"]
