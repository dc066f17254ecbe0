"""Axes shared by the column and line charts: nice ticks, gridlines, year labels."""

from __future__ import annotations

import math
from typing import Callable, Sequence

from showcase.charts.svg import GRID, MUTED, element, format_number, text, text_width

TICK_SIZE = 13
X_LABEL_SIZE = 13


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """0 and evenly spaced round numbers up to at least ``top`` (1, 2, 2.5 or 5 × 10ⁿ steps)."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return [step * i for i in range(int(math.ceil(top / step - 1e-9)) + 1)]


def y_axis_width(ticks: Sequence[float]) -> float:
    return max(text_width(format_number(t), TICK_SIZE) for t in ticks) + 10


def draw_y_axis(ticks: Sequence[float], left: float, right: float, y_of: Callable[[float], float], unit: str,
                top: float) -> str:
    """Horizontal gridlines with tick labels, and the unit above the axis (``（団体）``)."""
    parts = []
    for tick in ticks:
        y = y_of(tick)
        parts.append(element("line", x1=left, y1=y, x2=right, y2=y, class_="cs-chart-grid", stroke=GRID,
                             stroke_width=1 if tick else 1.5))
        parts.append(text(left - 8, y + TICK_SIZE * 0.35, format_number(tick), size=TICK_SIZE, anchor="end",
                          cls="cs-chart-tick", fill=MUTED))
    if unit:
        parts.append(text(left - 8, top - 14, f"（{unit}）", size=TICK_SIZE, anchor="start", cls="cs-chart-unit", fill=MUTED))
    return element("g", "".join(parts), class_="cs-chart-axis")


def x_label_step(labels: Sequence[Sequence[str]], slot: float) -> int:
    """Label every n-th slot so neighbouring labels never touch."""
    widest = max((text_width(line, X_LABEL_SIZE) for lines in labels for line in lines), default=0)
    return max(1, math.ceil((widest + 6) / slot))


def x_label_slots(count: int, step: int, forced: Sequence[int]) -> list[int]:
    """Every ``step``-th slot plus the forced ones (last value, target), dropping regular ones that crowd them."""
    chosen = set(range(0, count, step))
    for index in forced:
        chosen = {i for i in chosen if i == index or abs(i - index) >= step or i in forced}
        chosen.add(index)
    return sorted(chosen)


def draw_x_labels(labels: Sequence[Sequence[str]], slots: Sequence[int], x_of: Callable[[int], float],
                  baseline: float) -> str:
    parts = []
    for index in slots:
        for line_no, line in enumerate(labels[index]):
            parts.append(text(x_of(index), baseline + 18 + line_no * (X_LABEL_SIZE + 3), line, size=X_LABEL_SIZE,
                              anchor="middle", cls="cs-chart-xlabel", fill=MUTED))
    return element("g", "".join(parts), class_="cs-chart-axis")
