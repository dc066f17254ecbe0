"""Line chart over fiscal years, with an optional horizontal target line.

Series differ by colour *and* by dash pattern and marker shape; every point
carries its value (placed where it overlaps no other label, marker or line),
and a text legend names each series, so the chart reads without colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from showcase.charts.axes import draw_x_labels, draw_y_axis, nice_ticks, x_label_slots, x_label_step, y_axis_width
from showcase.charts.svg import TEXT, WIDE_WIDTH, colour, element, series_colour, svg_document, text, text_width

VALUE_SIZE = 13
LEGEND_SIZE = 14
SINGLE_HEIGHT = 380  # one panel (wide layout; the compact one is 85 % of it)
PANEL_HEIGHT = 300  # each of two or more stacked panels
PAD = 8
_DASHES = (None, "8 5", "2 4")
_TARGET = colour("chart-target", "#a51d2d")
_HALO = dict(stroke="var(--cs-chart-bg, Canvas)", stroke_width=4, stroke_linejoin="round", paint_order="stroke")

Box = tuple[float, float, float, float]  # x0, y0, x1, y1


@dataclass(frozen=True)
class LineSeries:
    label: str  # legend text, with the unit: "地域運営組織数（団体）"
    values: tuple[float | None, ...]  # one per x slot; None where there is no data
    displays: tuple[str, ...]  # printed values ("3,071"), one per slot


@dataclass(frozen=True)
class TargetLine:
    slot: int  # x slot of the target year (may lie beyond the data)
    value: float
    label: str  # "目標 10,000人（令和8年度）"


def marker(index: int, x: float, y: float, fill: str) -> str:
    """Circle, square, triangle: the second way (besides colour) to tell series apart."""
    shape = index % 3
    if shape == 0:
        return element("circle", cx=round(x, 1), cy=round(y, 1), r=4.5, fill=fill, class_="cs-line-marker")
    if shape == 1:
        return element("rect", x=round(x - 4.5, 1), y=round(y - 4.5, 1), width=9, height=9, fill=fill, class_="cs-line-marker")
    points = f"{x:.1f},{y - 5.5:.1f} {x + 5.5:.1f},{y + 4.5:.1f} {x - 5.5:.1f},{y + 4.5:.1f}"
    return element("polygon", points=points, fill=fill, class_="cs-line-marker")


def _legend(series: Sequence[LineSeries], target: TargetLine | None, width: float) -> tuple[str, float]:
    entries = [(s.label, series_colour(i), _DASHES[i % 3], i) for i, s in enumerate(series)]
    if target:
        entries.append((target.label, _TARGET, "6 4", None))
    parts, x, y = [], PAD, PAD + LEGEND_SIZE
    for label, fill, dash, index in entries:
        entry_width = 34 + text_width(label, LEGEND_SIZE) + 18
        if x > PAD and x + entry_width > width - PAD:
            x, y = PAD, y + LEGEND_SIZE + 10
        swatch = element("line", x1=x, y1=y - 5, x2=x + 28, y2=y - 5, stroke=fill, stroke_width=3, stroke_dasharray=dash)
        if index is not None:
            swatch += marker(index, x + 14, y - 5, fill)
        parts.append(element("g", swatch + text(x + 34, y, label, size=LEGEND_SIZE), class_="cs-chart-legend-item"))
        x += entry_width
    return element("g", "".join(parts), class_="cs-chart-legend"), y + 6


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _place(x: float, y: float, label: str, order: Sequence[int], labels: list[Box], markers: list[Box],
           bounds: Box) -> float:
    """The y of a label centred right above or below its point, so it plainly belongs to that point.

    ``order`` ranks the spots (0 above, 1 below, 2 higher above, 3 lower below).  The first spot
    inside ``bounds`` that covers no other label or marker wins; failing that, the first that covers
    no label.  A line may run under a label: its halo keeps it readable.
    """
    w, h = text_width(label, VALUE_SIZE), VALUE_SIZE
    offsets = (-9, 9 + h, -13 - h, 13 + 2 * h)
    spots = []
    for choice in order:
        dy = offsets[choice]
        box = (x - w / 2 - 3, y + dy - h * 0.8, x + w / 2 + 3, y + dy + h * 0.2)
        if bounds[0] <= box[0] and box[2] <= bounds[2] and bounds[1] <= box[1] and box[3] <= bounds[3]:
            spots.append((dy, box))
    clear = [spot for spot in spots if not any(_overlaps(spot[1], other) for other in labels)]
    clearest = [spot for spot in clear if not any(_overlaps(spot[1], other) for other in markers)]
    dy, box = (clearest or clear or spots or [(offsets[order[0]], (x, y, x, y))])[0]
    labels.append(box)
    return y + dy


@dataclass(frozen=True)
class LinePanel:
    """One plot area: its own y axis, legend and (optional) target.  Series of different magnitudes get one each."""
    series: tuple[LineSeries, ...]
    unit: str = ""
    target: TargetLine | None = None


def render_line_chart(*, id_prefix: str, title: str, desc: str, x_labels: Sequence[tuple[str, ...]],
                      series: Sequence[LineSeries], unit: str = "", target: TargetLine | None = None,
                      width: float = WIDE_WIDTH, height: float | None = None) -> str:
    """Lines over ``x_labels`` slots; ``target`` draws a labelled dashed line up to its slot."""
    return render_line_panels(id_prefix=id_prefix, title=title, desc=desc, x_labels=x_labels,
                              panels=[LinePanel(tuple(series), unit, target)], width=width, panel_height=height)


def render_line_panels(*, id_prefix: str, title: str, desc: str, x_labels: Sequence[tuple[str, ...]],
                       panels: Sequence[LinePanel], width: float = WIDE_WIDTH, panel_height: float | None = None) -> str:
    """Panels stacked top to bottom over the same years, in one SVG (one ``<title>``/``<desc>``)."""
    if not panels or not x_labels or not all(panel.series for panel in panels):
        raise ValueError("a line chart needs at least one series and one x label")
    height = panel_height or (PANEL_HEIGHT if len(panels) > 1 else SINGLE_HEIGHT) * (1 if width >= WIDE_WIDTH else 0.85)
    parts, y = [], 0.0
    for index, panel in enumerate(panels):
        body = _panel(panel, x_labels, width, height)
        parts.append(element("g", body, class_="cs-line-panel", transform=f"translate(0 {_fmt(y)})") if index else
                     element("g", body, class_="cs-line-panel"))
        y += height
    return svg_document(id_prefix=id_prefix, title=title, desc=desc, width=width, height=y, kind="line",
                        body="".join(parts))


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _panel(panel: LinePanel, x_labels: Sequence[tuple[str, ...]], width: float, height: float) -> str:
    series, target, unit = panel.series, panel.target, panel.unit
    legend, legend_bottom = _legend(series, target, width)
    values = [v for s in series for v in s.values if v is not None] + ([target.value] if target else [])
    ticks = nice_ticks(max(values) * 1.12, 6 if height >= 300 else 4)
    top, left, right = legend_bottom + 34, PAD + y_axis_width(ticks), width - PAD - 4
    bottom = height - 14 - max(len(lines) for lines in x_labels) * 15
    slot = (right - left) / len(x_labels)

    def x_of(index: int) -> float:
        return left + slot * (index + 0.5)

    def y_of(value: float) -> float:
        return bottom - (bottom - top) * value / ticks[-1]

    parts = [legend, draw_y_axis(ticks, left, right, y_of, unit, top)]
    labels: list[Box] = []  # boxes of the labels placed so far (and the target's)
    markers: list[Box] = []
    if target:
        ty = y_of(target.value)
        tx = x_of(target.slot)
        label_w = text_width(target.label, LEGEND_SIZE)
        parts.append(element("g", element("line", x1=left, y1=ty, x2=tx, y2=ty, stroke=_TARGET, stroke_width=2.5,
                                          stroke_dasharray="6 4")
                             + element("polygon", points=f"{tx:.1f},{ty - 7:.1f} {tx + 7:.1f},{ty:.1f} {tx:.1f},{ty + 7:.1f} "
                                                          f"{tx - 7:.1f},{ty:.1f}", fill=_TARGET)
                             + text(min(tx + 7, right), ty - 12, target.label, size=LEGEND_SIZE, anchor="end",
                                    weight="bold", cls="cs-chart-target-label", **_HALO),
                             class_="cs-chart-target"))
        labels.append((min(tx + 7, right) - label_w, ty - 12 - LEGEND_SIZE, min(tx + 7, right), ty + 8))
        labels.append((left, ty - 2, tx + 8, ty + 2))
    coords = [[(x_of(i), y_of(v)) for i, v in enumerate(s.values) if v is not None] for s in series]
    for points in coords:
        markers += [(x - 6, y - 6, x + 6, y + 6) for x, y in points]
    widest = max(text_width(d, VALUE_SIZE) for s in series for d in s.displays)
    dense = widest + 8 > slot  # neighbours' labels would touch: alternate above and below
    room = max(3, int((right - left) / (widest + 14)) * (2 if dense else 1))  # how many value labels fit in a row
    for index, (line, points) in enumerate(zip(series, coords)):
        fill = series_colour(index)
        path = " ".join(f"{'M' if n == 0 else 'L'}{x:.1f},{y:.1f}" for n, (x, y) in enumerate(points))
        body = [element("path", d=path, fill="none", stroke=fill, stroke_width=3, stroke_dasharray=_DASHES[index % 3],
                        stroke_linejoin="round", class_="cs-line")]
        labelled = _labelled_slots(line.values, min(15, room))
        for slot_index, value in enumerate(line.values):
            if value is None:
                continue
            x, y = x_of(slot_index), y_of(value)
            body.append(marker(index, x, y, fill))
            if slot_index in labelled:
                near_above = any(o.values[slot_index] is not None and 0 < y - y_of(o.values[slot_index]) < 3 * VALUE_SIZE
                                 for o in series if o is not line)
                below_first = near_above or (dense and slot_index % 2 == 1)
                order = (1, 2, 0, 3) if below_first else (0, 2, 1, 3)
                ly = _place(x, y, line.displays[slot_index], order, labels, markers, (left - 4, top - 30, width, bottom - 3))
                body.append(text(round(x, 1), round(ly, 1), line.displays[slot_index], size=VALUE_SIZE, anchor="middle",
                                 cls="cs-line-value", fill=TEXT, **_HALO))
        parts.append(element("g", "".join(body), class_=f"cs-line-series cs-line-series--{index + 1}"))
    labels = list(x_labels)
    forced = [max(i for i, v in enumerate(series[0].values) if v is not None)] + ([target.slot] if target else [])
    slots = x_label_slots(len(labels), x_label_step(labels, slot), forced)
    parts.append(draw_x_labels(labels, slots, x_of, bottom))
    return "".join(parts)


def _labelled_slots(values: Sequence[float | None], limit: int = 15) -> set[int]:
    """Every point up to ``limit`` points; otherwise the last (the latest value) and evenly spaced ones before it."""
    present = [i for i, v in enumerate(values) if v is not None]
    if len(present) <= limit:
        return set(present)
    step = -(-len(present) // max(1, limit - 1))
    return set(present[::-1][::step]) | {present[0], present[-1]}
