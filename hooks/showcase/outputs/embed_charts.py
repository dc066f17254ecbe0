"""The charts' embed views: every chart as a block (SVG, data table, source, downloads).

The blocks come from the statistics renderer (``render.statistics``), so an embed
shows exactly what the full pages show: each registered national chart (a chart
whose table did not load is left out; the statistics loader reports why) and the
three charts of our own records (tile map, activity fields, activity categories).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from html import unescape
from typing import Callable, Mapping

from markupsafe import Markup

from showcase.catalog import urls
from showcase.catalog.indexes import Catalog
from showcase.charts.registry import CHARTS
from showcase.charts.svg import svg_title, text_width
from showcase.render.statistics import (KYORYOKUTAI_CHARTS, RMO_CHARTS, ChartBlock, category_comparison_block, field_block,
                                national_block, tile_map_block)
from showcase.stats.table_schema import StatTable

ID_PREFIX = "ce"


@dataclass(frozen=True)
class ChartEmbed:
    id: str
    title: str  # plain text, from the SVG's own <title> (more precise than the table's when a table has two charts)
    svg: Markup
    table: Markup
    source: Markup
    data_files: tuple[tuple[str, str], ...]  # (label, site-relative path)
    page_url: str  # the full page that shows this chart, site-relative
    kind: str = "chart"
    note: str = ""  # instead of the chart, when there is too little to draw

    @property
    def height(self) -> int:
        """The plain iframe snippet's height: this view's estimated height in a 375 px wide frame."""
        return estimated_height(self)


def _embed(block: ChartBlock, page_url: str) -> ChartEmbed:
    svg = Markup(str(block.svg).replace("<a href=", '<a target="_blank" rel="noopener" href='))  # the tile map's links
    return ChartEmbed(block.id, svg_title(block.svg) or block.title, svg, block.table, block.source,
                      block.downloads, page_url, block.kind, block.note)


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


# The embed view at 375 px, in docs/assets/embed/embed.css's terms: the text box inside .ce's padding and border,
# and each element's font size × line height and margins.  tests/browser/test_layout.py measures every chart
# embed in Chromium and checks that this estimate is never short of the real height, and at most SLACK above it.
FRAME_WIDTH = 375
TEXT_WIDTH = FRAME_WIDTH - 2 * 16 - 2
FRAME_CHROME = 14 + 10 + 2  # .ce padding and border
SLACK = 24  # fonts differ from the estimate's character widths
_VIEWBOX = re.compile(r'viewBox="0 0 ([\d.]+) ([\d.]+)"')
_BLOCKS = re.compile(r"<(p|li)\b[^>]*>(.*?)</\1>", re.S)
_TAGS = re.compile(r"<[^>]+>")


def _lines(text: str, size: float, width: float = TEXT_WIDTH) -> int:
    return max(1, math.ceil(text_width(text, size) / width))


def estimated_height(chart: ChartEmbed) -> int:
    title = 18.4 * 1.35 * _lines(chart.title, 18.4)
    if chart.svg:  # the compact layout (the first SVG) is the one a 375 px frame shows
        width, height = (float(n) for n in _VIEWBOX.search(chart.svg).groups())
        figure = 9.6 + height * min(1.0, TEXT_WIDTH / width)
    else:
        figure = 9.6 + 16 + 24.75 * _lines(chart.note, 15, TEXT_WIDTH - 14)
    details = 9.6 + 24.75
    source = sum(4.8 + 21.1 * _lines(unescape(_TAGS.sub("", body)), 12.8, TEXT_WIDTH - (40 if tag == "li" else 0))
                 for tag, body in _BLOCKS.findall(chart.source))
    data = 6.4 + 22.4 * _lines("データ: " + "・".join(label for label, _ in chart.data_files), 13.6)
    footer = 12 + 7 + 20.6 * 2
    return math.ceil(FRAME_CHROME + title + figure + details + source + data + footer + SLACK)
