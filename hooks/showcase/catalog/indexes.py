"""Typed records plus every index the pages need, computed once per build.

No page or chart scans all records: they read these indexes.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from dataclasses import dataclass, field

from showcase.catalog import urls
from showcase.catalog.related import RelatedRecords
from showcase.check.collection import Entry
from showcase.content.municipalities import municipality_list
from showcase.content.vocab import ACTIVITY_FIELDS, PREFECTURE_BY_NAME, PREFECTURES, RMO_CATEGORIES, Prefecture


def build_month() -> str:
    """The month the build is "as of": from SOURCE_DATE_EPOCH when set, so builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = time.gmtime(int(epoch)) if epoch and epoch.isdigit() else time.gmtime()
    return f"{moment.tm_year:04d}-{moment.tm_mon:02d}"


def profile_status(entry: Entry) -> str:
    """OB・OG (alumni) when the record states an ended term, 現役 (active) otherwise: never from the build date.

    ``term.end`` is an ended term unless ``term.end_planned`` says it is still a plan (showcase.check.term).
    """
    term = entry.record.term
    return "alumni" if term.end is not None and not term.end_planned else "active"


@dataclass
class Municipality:
    code: str
    name: str
    prefecture: Prefecture
    profiles: list[Entry] = field(default_factory=list)
    cases: list[Entry] = field(default_factory=list)

    @property
    def url(self) -> str:
        return urls.municipality(self.code)

    @property
    def label(self) -> str:
        return f"{self.prefecture.name} {self.name}"


@dataclass
class Catalog:
    profiles: list[Entry]
    cases: list[Entry]
    today: str
    status: dict[str, str] = field(default_factory=dict)  # profile slug -> active/alumni
    municipalities: dict[str, Municipality] = field(default_factory=dict)
    by_prefecture: dict[str, list[Municipality]] = field(default_factory=dict)
    profiles_by_prefecture: dict[str, list[Entry]] = field(default_factory=dict)
    cases_by_prefecture: dict[str, list[Entry]] = field(default_factory=dict)
    profiles_by_field: dict[str, list[Entry]] = field(default_factory=dict)
    profiles_by_status: dict[str, list[Entry]] = field(default_factory=dict)
    cases_by_category: dict[str, list[Entry]] = field(default_factory=dict)
    alumni_by_settlement: dict[str, list[Entry]] = field(default_factory=dict)  # after_term.settled
    alumni_by_after_term_path: dict[str, list[Entry]] = field(default_factory=dict)  # after_term.path (several each)
    alumni_with_path: list[Entry] = field(default_factory=list)
    related: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)
    related_records: RelatedRecords = field(init=False, repr=False)  # related_records(entry): a record page's "related"

    def __post_init__(self) -> None:
        self.related_records = RelatedRecords(self)

    def status_of(self, entry: Entry) -> str:
        return self.status[entry.slug]

    def municipality_of(self, entry: Entry) -> Municipality:
        return self.municipalities[entry.record.municipality_code]

    def prefecture_of(self, entry: Entry) -> Prefecture:
        return PREFECTURE_BY_NAME[entry.record.prefecture]

    def related_to(self, entry: Entry) -> list[Entry]:
        return self.related.get((entry.kind, entry.slug), [])

    def prefecture_counts(self) -> dict[str, int]:
        return {p.name: len(self.profiles_by_prefecture.get(p.name, ())) + len(self.cases_by_prefecture.get(p.name, ()))
                for p in PREFECTURES}

    def field_counts(self) -> dict[str, int]:
        return {label: len(self.profiles_by_field.get(label, ())) for label in ACTIVITY_FIELDS}

    def category_counts(self) -> dict[str, int]:
        return {label: len(self.cases_by_category.get(label, ())) for label in RMO_CATEGORIES}


def _sort_key(entry: Entry) -> tuple:
    record = entry.record
    return (PREFECTURE_BY_NAME[record.prefecture].code, record.municipality_code, entry.slug)


def build_catalog(profiles: list[Entry], cases: list[Entry], today: str | None = None) -> Catalog:
    today = today or build_month()
    profiles = sorted(profiles, key=_sort_key)
    cases = sorted(cases, key=_sort_key)
    catalog = Catalog(profiles, cases, today)
    for entry in profiles + cases:
        record = entry.record
        town = catalog.municipalities.get(record.municipality_code)
        if town is None:
            official = municipality_list().by_code[record.municipality_code]  # the list names the page, never a record
            town = catalog.municipalities[record.municipality_code] = Municipality(
                official.code, official.name, PREFECTURE_BY_NAME[official.prefecture])
        (town.profiles if entry.kind == "profile" else town.cases).append(entry)
        target = catalog.profiles_by_prefecture if entry.kind == "profile" else catalog.cases_by_prefecture
        target.setdefault(record.prefecture, []).append(entry)
    by_prefecture: dict[str, list[Municipality]] = defaultdict(list)
    for code in sorted(catalog.municipalities):
        town = catalog.municipalities[code]
        by_prefecture[town.prefecture.name].append(town)
    catalog.by_prefecture = dict(by_prefecture)
    for entry in profiles:
        status = catalog.status[entry.slug] = profile_status(entry)
        catalog.profiles_by_status.setdefault(status, []).append(entry)
        for label in entry.record.fields:
            catalog.profiles_by_field.setdefault(label, []).append(entry)
        after = entry.record.after_term  # only an ended term has one (showcase.check.term)
        if after is not None:
            if after.settled:
                catalog.alumni_by_settlement.setdefault(after.settled, []).append(entry)
            if after.path:
                catalog.alumni_with_path.append(entry)
            for label in dict.fromkeys(after.path):
                catalog.alumni_by_after_term_path.setdefault(label, []).append(entry)
    for entry in cases:
        for label in dict.fromkeys(a.category for a in entry.record.activities):
            catalog.cases_by_category.setdefault(label, []).append(entry)
    _link_related(catalog)
    return catalog


def _link_related(catalog: Catalog) -> None:
    """Members and RMOs in the same municipality link to each other, plus explicit links both ways."""
    cases = {e.slug: e for e in catalog.cases}
    profiles = {e.slug: e for e in catalog.profiles}
    links: dict[tuple[str, str], dict[tuple[str, str], Entry]] = defaultdict(dict)
    for town in catalog.municipalities.values():
        for profile in town.profiles:
            for case in town.cases:
                links[("profile", profile.slug)][("case", case.slug)] = case
                links[("case", case.slug)][("profile", profile.slug)] = profile
    for profile in catalog.profiles:
        for slug in profile.record.related_cases:
            if slug in cases:
                links[("profile", profile.slug)][("case", slug)] = cases[slug]
                links[("case", slug)][("profile", profile.slug)] = profile
    for case in catalog.cases:
        for slug in case.record.related_profiles:
            if slug in profiles:
                links[("case", case.slug)][("profile", slug)] = profiles[slug]
                links[("profile", slug)][("case", case.slug)] = case
    catalog.related = {key: [value[k] for k in sorted(value)] for key, value in links.items()}


def field_slug(label: str) -> str:
    return ACTIVITY_FIELDS[label]

