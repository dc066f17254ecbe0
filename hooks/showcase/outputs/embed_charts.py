"""The charts' embed views: every chart as a block (SVG, data table, source, downloads).

The blocks come from the statistics renderer (``render.statistics``), so an embed
shows exactly what the full pages show: each registered national chart (a chart
whose table did not load is left out; the statistics loader reports why) and the
three charts of our own records (tile map, activity fields, activity categories).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from typing import Callable, Mapping

from markupsafe import Markup

from showcase.catalog import urls
from showcase.catalog.indexes import Catalog
from showcase.charts.registry import CHARTS
from showcase.render.statistics import (KYORYOKUTAI_CHARTS, RMO_CHARTS, ChartBlock, category_comparison_block, field_block,
                                national_block, tile_map_block)
from showcase.stats.table_schema import StatTable

ID_PREFIX = "ce"
_SVG_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.S)


@dataclass(frozen=True)
class ChartEmbed:
    id: str
    title: str  # plain text, from the SVG's own <title> (more precise than the table's when a table has two charts)
    svg: Markup
    table: Markup
    source: Markup
    data_files: tuple[tuple[str, str], ...]  # (label, site-relative path)
    page_url: str  # the full page that shows this chart, site-relative
    wide: bool = False  # scrolls sideways on a phone rather than shrinking below a readable size
    kind: str = "chart"


def _embed(block: ChartBlock, page_url: str) -> ChartEmbed:
    title = _SVG_TITLE.search(block.svg)
    svg = Markup(str(block.svg).replace("<a href=", '<a target="_blank" rel="noopener" href='))  # the tile map's links
    return ChartEmbed(block.id, unescape(title.group(1)) if title else block.title, svg, block.table, block.source,
                      block.downloads, page_url, block.wide, block.kind)


def statistics_page_url(chart_id: str) -> str:
    """The statistics page, at the chart's own anchor where the page shows it."""
    shown = RMO_CHARTS + KYORYOKUTAI_CHARTS + RECORD_CHARTS
    return urls.statistics_chart(chart_id) if chart_id in shown else urls.STATISTICS


RECORD_CHARTS = ("records-map", "records-fields", "records-categories")


def chart_embeds(tables: Mapping[str, StatTable], catalog: Catalog | None = None,
                 page_url_for: Callable[[str], str] = statistics_page_url) -> list[ChartEmbed]:
    """One :class:`ChartEmbed` per registered chart whose table loaded (sorted by id), then the record charts."""
    embeds = [_embed(national_block(chart_id, tables, ID_PREFIX), page_url_for(chart_id))
              for chart_id in sorted(CHARTS) if CHARTS[chart_id].table_id in tables]
    if catalog is not None:  # the tile map links each prefecture relative to the embed view's own URL
        blocks = (tile_map_block(catalog, urls.embed("chart", "records-map")), field_block(catalog),
                  category_comparison_block(catalog))
        embeds += [_embed(block, page_url_for(block.id)) for block in blocks]
    return embeds
