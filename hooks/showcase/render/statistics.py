"""Chart blocks: national statistics from data/*.yml and figures computed from the catalog's indexes.

Every block is an SVG chart plus its data table and downloads.  Nothing here
scans records: the record charts read the catalog's precomputed counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from markupsafe import Markup

from showcase.catalog import urls
from showcase.catalog.indexes import Catalog
from showcase.charts.bars import Bar, render_horizontal_bars_pair
from showcase.charts.comparison import enough_to_compare, too_few_note
from showcase.charts.registry import CHARTS, render_chart_pair
from showcase.charts.svg import svg_title
from showcase.charts.tilemap import render_tile_map_pair
from showcase.content.vocab import NATIONAL_SURVEY_SHARE, PREFECTURES
from showcase.render.after_term_statistics import after_term_block
from showcase.render.environment import relative_url, render_template
from showcase.stats.table_schema import StatTable
from showcase.stats.tables import render_table, render_table_notes

RMO_CHARTS = ("rmo-growth", "rmo-survey-forms", "rmo-survey-members", "rmo-survey-base", "rmo-survey-activities",
              "rmo-survey-income", "rmo-survey-issues")
KYORYOKUTAI_CHARTS = ("kyoryokutai-growth",)  # both series, in two panels: each dataset is drawn once
TABLE_ONLY = ("kyoryokutai-facts", "fiscal-measures", "budgets")


@dataclass(frozen=True)
class ChartBlock:
    id: str
    title: str
    svg: Markup
    table: Markup
    source: Markup
    downloads: tuple[tuple[str, str], ...] = ()
    embed: str | None = None
    kind: str = "chart"  # "map": a skip link leads past its 47 tiles
    note: str = ""  # shown instead of the chart when there is too little to draw (svg is then empty)


def table_source(table: StatTable) -> Markup:
    """A table's citations (the one sources partial) and its notes: ``<div class="cs-stat-source">``."""
    cited = render_template("partials/sources.html", "", sources=table.spec.sources)
    return Markup('<div class="cs-stat-source">{}{}</div>').format(Markup(cited), Markup(render_table_notes(table)))


def _downloads(table_id: str) -> tuple[tuple[str, str], ...]:
    return (("CSV", urls.statistics_data(f"{table_id}.csv")), ("JSON", urls.statistics_data(f"{table_id}.json")))


def national_block(chart_id: str, tables: Mapping[str, StatTable], id_prefix: str | None = None) -> ChartBlock:
    spec = CHARTS[chart_id]
    table = tables[spec.table_id]
    prefix = f"{id_prefix or chart_id}-chart"  # the figure itself carries the bare id (a stable anchor)
    svg = render_chart_pair(chart_id, tables, prefix)
    return ChartBlock(chart_id, svg_title(svg), Markup(svg), Markup(render_table(table, prefix)), table_source(table),
                      _downloads(spec.table_id), urls.embed("chart", chart_id))


def table_block(table_id: str, tables: Mapping[str, StatTable]) -> ChartBlock:
    table = tables[table_id]
    return ChartBlock(table_id, table.title, Markup(""), Markup(render_table(table, table_id)),
                      table_source(table), _downloads(table_id))


def _simple_table(caption: str, headers: list[str], rows: list[list[str]]) -> Markup:
    return Markup(render_template("partials/simple-table.html", "", caption=caption, headers=headers, rows=rows))


def tile_map_block(catalog: Catalog, page_url: str, id_prefix: str = "records-map") -> ChartBlock:
    counts = catalog.prefecture_counts()
    links = {p.name: relative_url(urls.prefecture(p.slug), page_url) for p in PREFECTURES}
    title = "都道府県別の掲載数（協力隊プロフィールと地域運営組織の事例）"
    listed = [f"{name} {count}件" for name, count in counts.items() if count]
    desc = "47都道府県を格子状に並べた地図。" + ("掲載がある都道府県: " + "、".join(listed) + "。" if listed else "まだ掲載はありません。")
    rows = [[p.name, f"{len(catalog.profiles_by_prefecture.get(p.name, [])):,}", f"{len(catalog.cases_by_prefecture.get(p.name, [])):,}"]
            for p in PREFECTURES]
    return ChartBlock(id_prefix, title, Markup(render_tile_map_pair(counts, links, f"{id_prefix}-chart", title, desc)),
                      _simple_table(title, ["都道府県", "協力隊プロフィール", "地域運営組織の事例"], rows), Markup(""),
                      downloads=(("都道府県の一覧", urls.PREFECTURES), ("データ（JSON）", urls.data_file("prefectures.json"))),
                      embed=urls.embed("chart", "records-map"), kind="map")


def field_block(catalog: Catalog, id_prefix: str = "records-fields") -> ChartBlock:
    counts = catalog.field_counts()
    title = "活動分野別の協力隊プロフィール数（このサイトの掲載分）"
    bars = [Bar(label, count, f"{count:,}件") for label, count in counts.items()]
    desc = "、".join(f"{bar.label} {bar.display}" for bar in bars) + "。"
    return ChartBlock(id_prefix, title, Markup(render_horizontal_bars_pair(id_prefix=f"{id_prefix}-chart", title=title, desc=desc, bars=bars)),
                      _simple_table(title, ["活動分野", "件数"], [[label, f"{count:,}"] for label, count in counts.items()]),
                      Markup(""), downloads=(("CSV", urls.data_file("profiles.csv")), ("JSON", urls.data_file("profiles.json"))),
                      embed=urls.embed("chart", "records-fields"))


def category_comparison_block(catalog: Catalog, id_prefix: str = "records-categories") -> ChartBlock:
    """Our cases' activity categories next to the FY2023 national survey shares (複数回答).

    With fewer cases than the minimum count (charts.comparison) the block is a note and the table, no chart."""
    total = len(catalog.cases)
    counts = catalog.category_counts()
    title = "活動内容の割合: 全国調査（令和5年度）と本サイトの事例"
    bars, rows = [], []
    for label, national in NATIONAL_SURVEY_SHARE.items():
        ours = 100 * counts.get(label, 0) / total if total else 0.0
        bars.append(Bar(f"{label}（全国調査）", national, f"{national:.1f}%"))
        bars.append(Bar(f"{label}（本サイトの事例 {counts.get(label, 0):,}/{total:,}件）", ours, f"{ours:.1f}%"))
        rows.append([label, f"{national:.1f}", f"{ours:.1f}", f"{counts.get(label, 0):,}"])
    desc = "、".join(f"{bar.label} {bar.display}" for bar in bars) + "。全国の値は総務省 令和5年度調査（複数回答）。"
    if enough_to_compare(total):
        svg, note = render_horizontal_bars_pair(id_prefix=f"{id_prefix}-chart", title=title, desc=desc, bars=bars,
                                                max_value=100), ""
    else:
        svg, note = "", too_few_note(total, "地域運営組織の事例")
    return ChartBlock(id_prefix, title, Markup(svg),
                      _simple_table(title, ["活動内容", "全国調査（%）", "本サイトの事例（%）", "事例数（件）"], rows),
                      Markup(""),
                      downloads=(("事例の CSV", urls.data_file("cases.csv")), ("全国調査の CSV", urls.statistics_data("rmo-survey-2023-activities.csv"))),
                      embed=urls.embed("chart", "records-categories"), note=note)


def render_statistics_page(spec, catalog: Catalog, tables: Mapping[str, StatTable], chart_embed=None) -> str:
    """``chart_embed(chart_id)`` (from the engine's embed context) adds each chart's 「このグラフを埋め込む」 block."""
    return render_template(
        "statistics.html", spec.url, spec=spec, catalog=catalog, chart_embed=chart_embed,
        after_term=after_term_block(catalog, tables, spec.url, table_source),
        checked=max([table.spec.checked for table in tables.values() if table.spec.checked] + [entry.record.checked for entry in catalog.profiles + catalog.cases],
                    default=""),
        record_blocks=[tile_map_block(catalog, spec.url), field_block(catalog), category_comparison_block(catalog)],
        rmo_blocks=[national_block(chart_id, tables) for chart_id in RMO_CHARTS],
        kyoryokutai_blocks=[national_block(chart_id, tables) for chart_id in KYORYOKUTAI_CHARTS],
        table_blocks=[table_block(table_id, tables) for table_id in TABLE_ONLY if table_id in tables],
    )


def render_chart_block(block: ChartBlock, page_url: str, chart_embed=None) -> str:
    """One chart block as HTML, for pages written by hand (programme pages, home)."""
    return render_template("partials/chart-figure.html", page_url, block=block, chart_embed=chart_embed)


__all__ = ["ChartBlock", "national_block", "tile_map_block", "field_block", "category_comparison_block",
           "render_statistics_page", "render_chart_block"]


_MARKER = re.compile(r"<!--\s*(chart|showcase):\s*([a-z0-9-]+)\s*-->")


def expand_chart_markers(html: str, page_url: str, catalog: Catalog, tables: Mapping[str, StatTable],
                         chart_embed=None) -> str:
    """Replace ``<!-- chart: ID -->`` (a national chart) and ``<!-- showcase: records-map|records-fields|
    records-categories -->`` in a hand-written page with the chart block.  Unknown ids raise ``KeyError``."""
    record_blocks = {"records-map": lambda: tile_map_block(catalog, page_url), "records-fields": lambda: field_block(catalog),
                     "records-categories": lambda: category_comparison_block(catalog)}

    def replace(match: re.Match) -> str:
        kind, name = match.groups()
        if kind == "chart":
            if name not in CHARTS:
                raise KeyError(f"unknown chart id {name!r} in <!-- chart: {name} --> (known: {', '.join(sorted(CHARTS))})")
            return render_chart_block(national_block(name, tables), page_url, chart_embed)
        if name not in record_blocks:
            raise KeyError(f"unknown block {name!r} in <!-- showcase: {name} --> (known: {', '.join(sorted(record_blocks))})")
        return render_chart_block(record_blocks[name](), page_url, chart_embed)

    return _MARKER.sub(replace, html)
