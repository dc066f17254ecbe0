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

from showcase.charts.svg import TEXT, colour, element, svg_document, text
from showcase.charts.tilegrid import BY_NAME, GRID_COLUMNS, GRID_ROWS, PREFECTURES

SHADES = ("#f0f0f0", "#cfe2f3", "#8dbbe3", "#2f6db0", "#0b3566")
DARK_TEXT, LIGHT_TEXT = "#1a1a1a", "#ffffff"
PITCH, TILE, PAD = 60, 56, 8
NAME_SIZE, COUNT_SIZE = 17, 15


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


def _legend(ranges: list[tuple[int, int]]) -> str:
    entries = [(0, "0件")] + [(k, f"{low:,}件" if low == high else f"{low:,}〜{high:,}件") for k, (low, high) in
                              enumerate(ranges, start=1)]
    parts = [text(PAD, PAD + 18, "件数", size=NAME_SIZE, weight="bold", cls="cs-map-legend-title")]
    for row, (k, label) in enumerate(entries):
        y = PAD + 32 + row * 32
        parts.append(element("rect", x=PAD, y=y, width=24, height=24, rx=3, fill=colour(f"map-{k}", SHADES[k]),
                             stroke=TEXT, stroke_width=1, class_=f"cs-map-swatch cs-map-{k}"))
        parts.append(text(PAD + 34, y + 18, label, size=NAME_SIZE, cls="cs-map-legend-label"))
    return element("g", "".join(parts), class_="cs-map-legend")


def render_tile_map(counts: Mapping[str, int], links: Mapping[str, str], id_prefix: str, title: str, desc: str) -> str:
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
    for prefecture in PREFECTURES:
        count = full[prefecture.name]
        k = class_of(count, step)
        x, y = PAD + prefecture.column * PITCH, PAD + prefecture.row * PITCH
        name = f"{prefecture.name}: {count:,}件"
        # The accessible name starts with the visible text ("青森" "0件"), as WCAG 2.5.3 Label in Name asks.
        label = f"{prefecture.short} {count:,}件" + ("" if prefecture.short == prefecture.name else f"（{prefecture.name}）")
        ink = colour(f"map-text-{k}", text_colour_for(SHADES[k]))
        body = (element("title", escape(name, quote=False))
                + element("rect", x=x, y=y, width=TILE, height=TILE, rx=4, fill=colour(f"map-{k}", SHADES[k]),
                          stroke=colour("map-edge", "#8c8c8c") if k == 0 else None, class_=f"cs-tile cs-map-{k}")
                + text(x + TILE / 2, y + 26, prefecture.short, size=NAME_SIZE, anchor="middle", fill=ink,
                       weight="bold", cls="cs-tile-name")
                + text(x + TILE / 2, y + 46, f"{count:,}件", size=COUNT_SIZE, anchor="middle", fill=ink,
                       cls="cs-tile-count"))
        href = links.get(prefecture.name)
        if href:
            tiles.append(element("a", body, href=href, aria_label=label, class_="cs-tile-link",
                                 data_code=prefecture.code))
        else:
            tiles.append(element("g", body, role="img", aria_label=label, class_="cs-tile-item", data_code=prefecture.code))
    width = GRID_COLUMNS * PITCH + 2 * PAD - (PITCH - TILE)
    height = GRID_ROWS * PITCH + 2 * PAD - (PITCH - TILE)
    return svg_document(id_prefix=id_prefix, title=title, desc=desc, width=width, height=height, kind="tilemap",
                        body=_legend(ranges) + element("g", "".join(tiles), class_="cs-map-tiles"), role="group")
