"""Bar charts: horizontal bars (labels above the bar) and vertical columns.

Long Japanese labels go *above* each horizontal bar, wrapped to the chart's
width, so nothing is squeezed into a left margin on a phone.  Every bar carries
its value as text, so the chart reads without colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from showcase.charts.axes import draw_x_labels, draw_y_axis, nice_ticks, x_label_slots, x_label_step, y_axis_width
from showcase.charts.svg import (COMPACT_WIDTH, WIDE_WIDTH, colour, element, responsive, series_colour, svg_document, text,
                                 text_width, wrap_text)

LABEL_SIZE = 15
VALUE_SIZE = 14
BAR_HEIGHT = 22
PAD = 8


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    display: str  # the value as printed next to the bar: "90.4%"


@dataclass(frozen=True)
class Column:
    label: tuple[str, ...]  # one to three short lines under the column: ("2009", "H21")
    value: float
    display: str  # printed above the column: "1,164"


def render_horizontal_bars(*, id_prefix: str, title: str, desc: str, bars: Sequence[Bar],
                           max_value: float | None = None, width: float = WIDE_WIDTH, labels_left: bool = False) -> str:
    """One bar per item, its label above it (or, for short labels such as years, to its left).

    With ``max_value`` (100 for percentages) a light track behind each bar shows the full scale.
    """
    if not bars:
        raise ValueError("a bar chart needs at least one bar")
    value_room = max(text_width(bar.display, VALUE_SIZE) for bar in bars) + 12
    label_room = max(text_width(bar.label, LABEL_SIZE) for bar in bars) + 12 if labels_left else 0
    start = PAD + label_room
    span = width - start - PAD - value_room
    scale_max = max_value if max_value else max(bar.value for bar in bars) or 1
    bar_height = 22 if labels_left else BAR_HEIGHT
    gap = 8 if labels_left else 16
    parts = []
    y = PAD
    for index, bar in enumerate(bars):
        if labels_left:
            label = text(PAD, y + bar_height / 2 + LABEL_SIZE * 0.36, bar.label, size=LABEL_SIZE, cls="cs-bar-label")
        else:
            lines = wrap_text(bar.label, LABEL_SIZE, width - 2 * PAD)
            label = "".join(text(PAD, y + LABEL_SIZE * (n + 1) + n * 4, line, size=LABEL_SIZE, cls="cs-bar-label")
                            for n, line in enumerate(lines))
            y += len(lines) * (LABEL_SIZE + 4) + 6
        length = max(span * min(bar.value, scale_max) / scale_max, 0)
        track = element("rect", x=start, y=y, width=round(span, 1), height=bar_height, class_="cs-bar-track",
                        fill=colour("chart-track", "#e6e6e6")) if max_value else ""
        rect = element("rect", x=start, y=y, width=round(length, 1), height=bar_height, class_="cs-bar",
                       fill=series_colour(0))
        value = text(round(start + length + 6, 1), y + bar_height / 2 + VALUE_SIZE * 0.36, bar.display, size=VALUE_SIZE,
                     weight="bold", cls="cs-bar-value")
        parts.append(element("g", label + track + rect + value, class_="cs-bar-item", data_index=index))
        y += bar_height + gap
    height = y - gap + PAD
    return svg_document(id_prefix=id_prefix, title=title, desc=desc, width=width, height=height, kind="bars",
                        body="".join(parts))


def render_columns(*, id_prefix: str, title: str, desc: str, columns: Sequence[Column], unit: str,
                   width: float = WIDE_WIDTH, height: float = 340) -> str:
    """Vertical columns with a value above each and two-line year labels below."""
    if not columns:
        raise ValueError("a column chart needs at least one column")
    ticks = nice_ticks(max(c.value for c in columns) * 1.08)
    top, left, right = 44, PAD + y_axis_width(ticks), width - PAD
    lines = max(len(c.label) for c in columns)
    bottom = height - 12 - lines * 17
    slot = (right - left) / len(columns)
    value_size = 15 if max(text_width(c.display, 15) for c in columns) < slot - 2 else 13

    def y_of(value: float) -> float:
        return bottom - (bottom - top) * value / ticks[-1]

    def x_of(index: int) -> float:
        return left + slot * (index + 0.5)

    parts = [draw_y_axis(ticks, left, right, y_of, unit, top)]
    bar_width = min(slot * 0.62, 56)
    for index, column in enumerate(columns):
        x, y = x_of(index), y_of(column.value)
        rect = element("rect", x=round(x - bar_width / 2, 1), y=round(y, 1), width=round(bar_width, 1),
                       height=round(bottom - y, 1), class_="cs-column", fill=series_colour(0))
        value = text(round(x, 1), round(y - 6, 1), column.display, size=value_size, anchor="middle", cls="cs-column-value")
        parts.append(element("g", rect + value, class_="cs-column-item", data_index=index))
    labels = [c.label for c in columns]
    slots = x_label_slots(len(columns), x_label_step(labels, slot), [len(columns) - 1])
    parts.append(draw_x_labels(labels, slots, x_of, bottom))
    return svg_document(id_prefix=id_prefix, title=title, desc=desc, width=width, height=height, kind="columns",
                        body="".join(parts))


def render_horizontal_bars_pair(*, id_prefix: str, **chart: object) -> str:
    """The compact (``<id_prefix>-compact``) and the wide layout, for ``responsive`` CSS to choose from."""
    return responsive(render_horizontal_bars(id_prefix=f"{id_prefix}-compact", width=COMPACT_WIDTH, **chart),
                      render_horizontal_bars(id_prefix=id_prefix, width=WIDE_WIDTH, **chart))
