"""Japan as a grid of 47 square tiles, shaded by a count, each tile a link.

Unlike the other charts this SVG is interactive (``role="group"``, not
``img``): every tile is an ``<a>`` with an accessible name such as
``北海道: 12件``.  Shades come from ``--cs-map-0`` … ``--cs-map-4`` and the tile
text from ``--cs-map-text-0`` … ``-4``; the fallback pairs below all reach
4.5:1 contrast, and a theme that overrides one should override its pair.
"""

from __future__ import annotations

import math
import re
from html import escape
from typing import Mapping

from dataclasses import dataclass

from showcase.charts.svg import TEXT, colour, element, responsive, svg_document, text
from showcase.charts.tilegrid import (BY_NAME, COMPACT_COLUMNS, COMPACT_ROWS, GRID_COLUMNS, GRID_ROWS, PREFECTURES,
                                      Prefecture, compact_position)

SHADES = ("#f0f0f0", "#cfe2f3", "#8dbbe3", "#2f6db0", "#0b3566")
DARK_TEXT, LIGHT_TEXT = "#1a1a1a", "#ffffff"
PAD = 8


@dataclass(frozen=True)
class Layout:
    name: str
    columns: int
    rows: int
    pitch: float  # tile spacing; the whole cell is the link's hit area
    tile: float
    name_size: float
    count_size: float  # 0: no count on the tile (the data table and the tile's accessible name have it)
    legend_columns: int  # legend entries per row

    def position(self, prefecture: Prefecture) -> tuple[int, int]:
        return compact_position(prefecture) if self.name == "compact" else (prefecture.column, prefecture.row)

    def label(self, prefecture: Prefecture) -> str:
        """Tile text: the short name; two characters on a phone tile (北海, 神奈, 和歌, 鹿児)."""
        return prefecture.short[:2] if self.name == "compact" else prefecture.short


# Wide: 13 columns of 52 px.  Compact: 11 columns of 30 px, at least 24 CSS px each in a 288 px column.
WIDE = Layout("wide", GRID_COLUMNS, GRID_ROWS, 52, 49, 15, 13, 1)
COMPACT = Layout("compact", COMPACT_COLUMNS, COMPACT_ROWS, 30, 28, 12, 0, 2)


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.0 contrast ratio of two ``#rrggbb`` colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_colour_for(shade: str) -> str:
    """Dark or light text, whichever contrasts more with ``shade``."""
    return max((DARK_TEXT, LIGHT_TEXT), key=lambda candidate: contrast_ratio(shade, candidate))


def classes(counts: Mapping[str, int]) -> tuple[int, list[tuple[int, int]]]:
    """The class width and the (low, high) count range of classes 1–4 (class 0 is zero)."""
    top = max(counts.values(), default=0)
    step = max(1, math.ceil(top / 4))
    ranges = [((k - 1) * step + 1, min(k * step, max(top, 1))) for k in range(1, 5)]
    return step, [r for r in ranges if r[0] <= max(top, 1)]


def class_of(count: int, step: int) -> int:
    return 0 if count <= 0 else min(4, math.ceil(count / step))


def _legend(ranges: list[tuple[int, int]], layout: Layout) -> str:
    """In the empty sea at the top left of both layouts."""
    entries = [(0, "0件")] + [(k, f"{low:,}件" if low == high else f"{low:,}〜{high:,}件") for k, (low, high) in
                              enumerate(ranges, start=1)]
    size, swatch, step = layout.name_size, 18 if layout.name == "compact" else 22, 26 if layout.name == "compact" else 30
    column_width = 4 * layout.pitch
    parts = [text(PAD, PAD + size, "件数", size=size, weight="bold", cls="cs-map-legend-title")]
    for index, (k, label) in enumerate(entries):
        x = PAD + (index % layout.legend_columns) * column_width
        y = PAD + size + 10 + (index // layout.legend_columns) * step
        parts.append(element("rect", x=x, y=y, width=swatch, height=swatch, rx=3, fill=colour(f"map-{k}", SHADES[k]),
                             stroke=TEXT, stroke_width=1, class_=f"cs-map-swatch cs-map-{k}"))
        parts.append(text(x + swatch + 8, y + swatch * 0.75, label, size=size, cls="cs-map-legend-label"))
    return element("g", "".join(parts), class_="cs-map-legend")


def render_tile_map(counts: Mapping[str, int], links: Mapping[str, str], id_prefix: str, title: str, desc: str,
                    layout: Layout = WIDE) -> str:
    """47 tiles keyed by full prefecture name (``北海道``, ``青森県`` …); ``links`` gives each tile's href."""
    unknown = sorted(set(counts) - set(BY_NAME)) + sorted(set(links) - set(BY_NAME))
    if unknown:
        raise ValueError(f"unknown prefecture names: {', '.join(unknown)}")
    for name, href in links.items():
        if re.match(r"^\s*[a-zA-Z][a-zA-Z0-9+.-]*:", href) and not href.startswith("https://"):
            raise ValueError(f"link for {name} must be relative or https: {href!r}")
    full = {p.name: max(0, int(counts.get(p.name, 0))) for p in PREFECTURES}
    step, ranges = classes(full)
    tiles = []
    inset = (layout.pitch - layout.tile) / 2
    for prefecture in PREFECTURES:
        count = full[prefecture.name]
        k = class_of(count, step)
        column, row = layout.position(prefecture)
        cx, cy = PAD + column * layout.pitch, PAD + row * layout.pitch
        x, y = cx + inset, cy + inset
        name = f"{prefecture.name}: {count:,}件"
        shown = layout.label(prefecture)
        # The accessible name starts with the visible text ("青森" "0件"), as WCAG 2.5.3 Label in Name asks.
        label = f"{shown} {count:,}件" + ("" if shown == prefecture.name else f"（{prefecture.name}）")
        ink = colour(f"map-text-{k}", text_colour_for(SHADES[k]))
        name_y = y + layout.tile / 2 + layout.name_size * 0.35 - (layout.count_size * 0.6 if layout.count_size else 0)
        body = (element("title", escape(name, quote=False))
                + element("rect", x=x, y=y, width=layout.tile, height=layout.tile, rx=3, fill=colour(f"map-{k}", SHADES[k]),
                          stroke=colour("map-edge", "#8c8c8c") if k == 0 else None, class_=f"cs-tile cs-map-{k}")
                # the whole cell, gap included, takes the tap (at least 24 × 24 CSS px on a 320 px phone)
                + element("rect", x=cx, y=cy, width=layout.pitch, height=layout.pitch, fill="none", pointer_events="all",
                          class_="cs-tile-hit")
                + text(x + layout.tile / 2, round(name_y, 1), shown, size=layout.name_size, anchor="middle", fill=ink,
                       weight="bold", cls="cs-tile-name"))
        if layout.count_size:
            body += text(x + layout.tile / 2, round(name_y + layout.count_size + 4, 1), f"{count:,}件",
                         size=layout.count_size, anchor="middle", fill=ink, cls="cs-tile-count")
        href = links.get(prefecture.name)
        if href:
            tiles.append(element("a", body, href=href, aria_label=label, class_="cs-tile-link",
                                 data_code=prefecture.code))
        else:
            tiles.append(element("g", body, role="img", aria_label=label, class_="cs-tile-item", data_code=prefecture.code))
    width = layout.columns * layout.pitch + 2 * PAD
    height = layout.rows * layout.pitch + 2 * PAD
    return svg_document(id_prefix=id_prefix, title=title, desc=desc, width=width, height=height, kind="tilemap",
                        body=_legend(ranges, layout) + element("g", "".join(tiles), class_="cs-map-tiles"), role="group")


def render_tile_map_pair(counts: Mapping[str, int], links: Mapping[str, str], id_prefix: str, title: str,
                         desc: str) -> str:
    """The phone layout (``<id_prefix>-compact``) and the wide one, for ``responsive`` CSS to choose from."""
    return responsive(render_tile_map(counts, links, f"{id_prefix}-compact", title, desc, COMPACT),
                      render_tile_map(counts, links, id_prefix, title, desc, WIDE))
