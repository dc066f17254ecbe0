"""Which pages the catalog produces, and how each is rendered to an HTML body.

A :class:`PageSpec` is cheap (no HTML); ``render_page`` renders one on demand,
so an engine can create all pages up front and fill them in one at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from showcase.catalog import urls
from showcase.catalog.indexes import Catalog
from showcase.check.collection import Entry
from showcase.content.vocab import ACTIVITY_FIELDS, AFTER_TERM_PATHS, PREFECTURES, RMO_CATEGORIES, SETTLEMENT, STATUS_LABELS
from showcase.render.contribute import contribute_page_specs, render_contribute
from showcase.render.environment import render_template
from showcase.render.markup import plain_text
from showcase.render.statistics import render_statistics_page, tile_map_block

PER_PAGE = 60


@dataclass(frozen=True)
class PageSpec:
    url: str  # directory URL relative to the site root, e.g. "profiles/uda/"
    kind: str
    title: str  # plain text: the engine adapter escapes it
    description: str
    key: Any = None
    source: str | None = None  # the record's YAML, relative to the content root (for "edit this page")
    searchable: bool = False
    filters: dict[str, list[str]] = field(default_factory=dict, compare=False)

    @property
    def src_uri(self) -> str:
        return f"{self.url}index.md"


@dataclass(frozen=True)
class Listing:
    """One page of a paginated list of records."""

    base_url: str
    entries: list[Entry]
    number: int
    count: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // PER_PAGE))

    def url_of(self, number: int) -> str:
        return urls.listing_page(self.base_url, number)


def _paginate(base_url: str, entries: list[Entry]) -> list[Listing]:
    total = len(entries)
    return [Listing(base_url, entries[start:start + PER_PAGE], start // PER_PAGE + 1, total)
            for start in range(0, max(total, 1), PER_PAGE)]


def _place(entry: Entry) -> str:
    return f"{entry.record.prefecture} {entry.record.municipality}"


def after_term_filters(record: Any) -> dict[str, list[str]]:
    """任期後の居住地 and 任期後の進路 as filter values, for the records that state them (vocabulary order)."""
    after = record.after_term
    if after is None:
        return {}
    found = {"任期後の居住地": [after.settled] if after.settled else [],
             "任期後の進路": [label for label in AFTER_TERM_PATHS if label in after.path]}
    return {name: values for name, values in found.items() if values}


def record_pages(catalog: Catalog) -> list[PageSpec]:
    pages = []
    for entry in catalog.profiles:
        record = entry.record
        pages.append(PageSpec(
            entry.url, "profile", record.name,
            f"{_place(entry)}の地域おこし協力隊（{STATUS_LABELS[catalog.status_of(entry)]}）{record.name}さんのプロフィール。"
            + plain_text(record.activities[0].title + "など。", 60),
            key=entry, source=entry.source, searchable=True,
            filters={"種別": ["地域おこし協力隊"], "都道府県": [record.prefecture],
                     "活動分野": list(record.fields), "状態": [STATUS_LABELS[catalog.status_of(entry)]],
                     **after_term_filters(record)}))
    for entry in catalog.cases:
        record = entry.record
        pages.append(PageSpec(
            entry.url, "case", record.name,
            f"{_place(entry)}の地域運営組織{f'（{record.legal_form}）' if record.legal_form else ''}。" + plain_text(record.summary, 80),
            key=entry, source=entry.source, searchable=True,
            filters={"種別": ["地域運営組織"], "都道府県": [record.prefecture],
                     "活動分類": sorted({a.category for a in record.activities}, key=list(RMO_CATEGORIES).index)}))
    return pages


def _listing_pages(base_url: str, kind: str, title: str, description: str, entries: list[Entry], extra: Any = None) -> list[PageSpec]:
    specs = []
    for listing in _paginate(base_url, entries):
        suffix = f"（{listing.number}/{listing.pages}ページ）" if listing.number > 1 else ""
        specs.append(PageSpec(listing.url_of(listing.number), kind, title + suffix, description, key=(listing, extra)))
    return specs


def listing_pages(catalog: Catalog) -> list[PageSpec]:
    specs: list[PageSpec] = []
    specs += _listing_pages(urls.collection("profile"), "profiles", "地域おこし協力隊のプロフィール",
                            "地域おこし協力隊の隊員・OB・OG のプロフィール一覧。都道府県・活動分野・現役/OB・OG で絞り込めます。",
                            catalog.profiles)
    specs += _listing_pages(urls.collection("case"), "cases", "地域運営組織（RMO）の事例",
                            "地域運営組織（RMO）の事例一覧。都道府県・活動分類で絞り込めます。", catalog.cases)
    specs.append(PageSpec(urls.STATISTICS, "statistics", "統計で見る地域運営組織と地域おこし協力隊",
                          "地域運営組織と地域おこし協力隊の全国の推移・調査結果と、このサイトの掲載状況をグラフとデータ表で示します。"))
    specs.append(PageSpec(urls.PREFECTURES, "prefectures", "都道府県から探す",
                          "47都道府県ごとの地域おこし協力隊プロフィールと地域運営組織の事例。"))
    for pref in PREFECTURES:
        entries = catalog.profiles_by_prefecture.get(pref.name, []) + catalog.cases_by_prefecture.get(pref.name, [])
        specs += _listing_pages(urls.prefecture(pref.slug), "prefecture", pref.name,
                                f"{pref.name}の地域おこし協力隊プロフィールと地域運営組織の事例。", entries, pref)
    for code in sorted(catalog.municipalities):
        town = catalog.municipalities[code]
        specs += _listing_pages(town.url, "municipality", town.label,
                                f"{town.label}（全国地方公共団体コード {code}）の地域おこし協力隊プロフィールと地域運営組織の事例。",
                                town.profiles + town.cases, town)
    for label, slug in ACTIVITY_FIELDS.items():
        specs += _listing_pages(urls.field(slug), "field", f"活動分野: {label}",
                                f"活動分野「{label}」の地域おこし協力隊プロフィール。", catalog.profiles_by_field.get(label, []), label)
    for status, label in STATUS_LABELS.items():
        specs += _listing_pages(urls.status(status), "status", f"地域おこし協力隊（{label}）",
                                f"{label}の地域おこし協力隊のプロフィール。", catalog.profiles_by_status.get(status, []), status)
    for label, slug in RMO_CATEGORIES.items():
        specs += _listing_pages(urls.category(slug), "category", f"活動分類: {label}",
                                f"活動分類「{label}」に取り組む地域運営組織の事例。", catalog.cases_by_category.get(label, []), label)
    return specs


def site_pages(catalog: Catalog) -> list[PageSpec]:
    return record_pages(catalog) + listing_pages(catalog) + contribute_page_specs(PageSpec)


# --- rendering -------------------------------------------------------------------------------------------------

def facets(catalog: Catalog) -> dict[str, Any]:
    return {
        "prefectures": [(p, len(catalog.profiles_by_prefecture.get(p.name, [])), len(catalog.cases_by_prefecture.get(p.name, [])))
                        for p in PREFECTURES],
        "fields": [(label, slug, len(catalog.profiles_by_field.get(label, []))) for label, slug in ACTIVITY_FIELDS.items()],
        "statuses": [(status, label, len(catalog.profiles_by_status.get(status, []))) for status, label in STATUS_LABELS.items()],
        "categories": [(label, slug, len(catalog.cases_by_category.get(label, []))) for label, slug in RMO_CATEGORIES.items()],
        # 任期後 (PageSpec.filters 任期後の居住地 / 任期後の進路): values and counts for the filter forms
        "settlements": [(label, slug, len(catalog.alumni_by_settlement.get(label, []))) for label, slug in SETTLEMENT.items()],
        "after_term_paths": [(label, slug, len(catalog.alumni_by_after_term_path.get(label, [])))
                             for label, slug in AFTER_TERM_PATHS.items()],
    }


def _render_record(spec: PageSpec, catalog: Catalog, context: dict[str, Any]) -> str:
    entry: Entry = spec.key
    template = "profile.html" if entry.kind == "profile" else "case.html"
    return render_template(template, spec.url, spec=spec, entry=entry, record=entry.record, catalog=catalog,
                           town=catalog.municipality_of(entry), pref=catalog.prefecture_of(entry),
                           **context)


def _listing_crumbs(spec: PageSpec, extra: Any) -> list[tuple[str, str | None]]:
    title = spec.title.split("（")[0] if spec.kind in {"field", "category"} else spec.title
    if spec.kind == "profiles":
        return [("協力隊プロフィール", None)]
    if spec.kind == "cases":
        return [("地域運営組織の事例", None)]
    if spec.kind == "prefecture":
        return [("都道府県から探す", urls.PREFECTURES), (extra.name, None)]
    if spec.kind == "municipality":
        return [("都道府県から探す", urls.PREFECTURES), (extra.prefecture.name, urls.prefecture(extra.prefecture.slug)), (extra.name, None)]
    parent = ("地域運営組織の事例", urls.collection("case")) if spec.kind == "category" else ("協力隊プロフィール", urls.collection("profile"))
    return [parent, (title, None)]


def last_checked(entries: list[Entry]) -> str:
    """最終確認日 of a page listing ``entries``: the latest of their own (``""`` when it lists none)."""
    return max((entry.record.checked for entry in entries), default="")


def _render_listing(spec: PageSpec, catalog: Catalog, context: dict[str, Any]) -> str:
    listing, extra = spec.key
    return render_template("listing.html", spec.url, spec=spec, listing=listing, extra=extra, catalog=catalog,
                           checked=last_checked(listing.entries),
                           crumbs=_listing_crumbs(spec, extra),
                           facets=facets(catalog) if spec.kind in {"profiles", "cases"} else None,
                           browse=context["browse_forms"](spec.kind, extra) if "browse_forms" in context else None,
                           towns=catalog.by_prefecture.get(extra.name, []) if spec.kind == "prefecture" else None,
                           **context)


def _render_prefectures(spec: PageSpec, catalog: Catalog, context: dict[str, Any]) -> str:
    return render_template("prefectures.html", spec.url, spec=spec, facets=facets(catalog), catalog=catalog,
                           checked=last_checked(catalog.profiles + catalog.cases),
                           tile_map=tile_map_block(catalog, spec.url).svg, **context)


RENDERERS: dict[str, Callable[[PageSpec, Catalog, dict[str, Any]], str]] = {
    "profile": _render_record, "case": _render_record, "prefectures": _render_prefectures,
    "contribute": render_contribute, "contribute-form": render_contribute,
    "statistics": lambda spec, catalog, context: render_statistics_page(spec, catalog, context["statistics"],
                                                                          context.get("chart_embed")),
    **{kind: _render_listing for kind in ("profiles", "cases", "prefecture", "municipality", "field", "status", "category")},
}


def render_page(spec: PageSpec, catalog: Catalog, context: dict[str, Any]) -> str:
    """The HTML body of one page.  ``context``: :func:`showcase.pipeline.site_build.render_context` (every value the
    templates use: photo variants, cards, embed codes, data links)."""
    return RENDERERS[spec.kind](spec, catalog, dict(context))


__all__ = ["PageSpec", "Listing", "PER_PAGE", "facets", "site_pages", "render_page"]
