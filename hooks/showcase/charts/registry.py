"""Every published chart, with a stable id, its data table and its renderer.

The id (``rmo-growth``, ``rmo-survey-activities`` …) is part of the chart's
page and embed URLs, so it never changes once published.  Titles and ``<desc>``
texts come from the data file; the ``<desc>`` lists every value, so a screen
reader gets the whole chart even without the table beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

from showcase.charts.bars import Bar, Column, render_columns, render_horizontal_bars
from showcase.charts.lines import LineSeries, TargetLine, render_line_chart
from showcase.stats.era import era_short, year_label
from showcase.stats.numbers import format_number, format_quantity
from showcase.stats.table_schema import Series, StatTable, SurveyTable, TimeSeriesTable
from showcase.stats.tables import target_label

Renderer = Callable[[StatTable, str], str]


@dataclass(frozen=True)
class ChartSpec:
    id: str
    table_id: str
    render: Renderer  # (table, id_prefix) -> SVG markup


def _source_sentence(table: StatTable) -> str:
    return "出典：" + "、".join(source.citation + (f"／調査：{source.survey}" if source.survey else "")
                               for source in table.spec.sources)


def _time_series(table: StatTable) -> TimeSeriesTable:
    if not isinstance(table.spec, TimeSeriesTable):
        raise TypeError(f"table {table.id} is not a time series")
    return table.spec


def line_chart(*keys: str) -> Renderer:
    """Lines for the given series of a time-series table (with its target, if it targets one of them)."""

    def render(table: StatTable, id_prefix: str) -> str:
        spec = _time_series(table)
        chosen = [s for s in spec.series if s.key in keys]
        target = spec.target if spec.target and spec.target.series in keys else None
        first = spec.rows[0].fiscal_year
        last = max(spec.rows[-1].fiscal_year, target.fiscal_year if target else first)
        by_year = {row.fiscal_year: row for row in spec.rows}
        years = range(first, last + 1)
        lines, sentences = [], []
        for series in chosen:
            unit = table.series_unit(series)
            values = tuple(by_year[y].value(series.key) if y in by_year else None for y in years)
            displays = tuple(format_number(v, spec.decimals) if v is not None else "" for v in values)
            lines.append(LineSeries(f"{series.label}（{unit}）", values, displays))
            points = "、".join(f"{year_label(r.fiscal_year)} {format_quantity(r.value(series.key), unit, spec.decimals)}"
                              for r in spec.rows)
            sentences.append(f"{series.label}：{points}。")
        target_line = None
        if target:
            target_line = TargetLine(target.fiscal_year - first, target.value, target_label(table))
            sentences.append(f"{target_label(table)}。")
        units = "・".join(dict.fromkeys(table.series_unit(s) for s in chosen))
        desc = "".join(sentences) + _source_sentence(table)
        return render_line_chart(id_prefix=id_prefix, title=spec.title, desc=desc,
                                 x_labels=[(str(y), era_short(y)) for y in years], series=lines, unit=units,
                                 target=target_line)

    return render


def column_chart(key: str) -> Renderer:
    """Vertical columns for one series of a time-series table."""

    def render(table: StatTable, id_prefix: str) -> str:
        spec = _time_series(table)
        series = next(s for s in spec.series if s.key == key)
        unit = table.series_unit(series)
        columns = [Column((str(r.fiscal_year), era_short(r.fiscal_year)), r.value(key),
                          format_number(r.value(key), spec.decimals)) for r in spec.rows]
        return render_columns(id_prefix=id_prefix, title=_series_title(spec, series.label),
                              desc=_series_desc(table, series), columns=columns, unit=unit)

    return render


def year_bars(key: str) -> Renderer:
    """Horizontal bars, one per fiscal year (reads well on a phone), for one series of a time series."""

    def render(table: StatTable, id_prefix: str) -> str:
        spec = _time_series(table)
        series = next(s for s in spec.series if s.key == key)
        unit = table.series_unit(series)
        bars = [Bar(f"{era_short(r.fiscal_year)}（{r.fiscal_year}）", r.value(key),
                    format_quantity(r.value(key), unit, spec.decimals)) for r in spec.rows]
        return render_horizontal_bars(id_prefix=id_prefix, title=_series_title(spec, series.label),
                                      desc=_series_desc(table, series), bars=bars, labels_left=True)

    return render


def _series_title(spec: TimeSeriesTable, label: str) -> str:
    return spec.title if len(spec.series) == 1 else f"{label}の推移"


def _series_desc(table: StatTable, series: Series) -> str:
    spec = _time_series(table)
    unit = table.series_unit(series)
    points = "、".join(f"{year_label(r.fiscal_year)} {format_quantity(r.value(series.key), unit, spec.decimals)}"
                      for r in spec.rows)
    return f"{series.label}：{points}。" + _source_sentence(table)


def survey_bars(table: StatTable, id_prefix: str) -> str:
    """Horizontal percentage bars for a survey table (0–100% scale)."""
    spec = table.spec
    if not isinstance(spec, SurveyTable):
        raise TypeError(f"table {table.id} is not a survey")
    bars = []
    for row in spec.rows:
        label = row.label + (f"（{row.base}のうち）" if row.base else "")
        if row.multiple_answer and not spec.multiple_answer:
            label += "（複数回答）"
        bars.append(Bar(label, row.value, format_quantity(row.value, "%", spec.decimals)))
    title = spec.title + ("（複数回答）" if spec.multiple_answer and "複数回答" not in spec.title else "")
    desc = "、".join(f"{bar.label} {bar.display}" for bar in bars) + "。" + _source_sentence(table)
    return render_horizontal_bars(id_prefix=id_prefix, title=title, desc=desc, bars=bars, max_value=100)


CHARTS: dict[str, ChartSpec] = {
    spec.id: spec
    for spec in (
        ChartSpec("rmo-growth", "rmo-growth", line_chart("organisations", "municipalities")),
        ChartSpec("kyoryokutai-growth", "kyoryokutai-growth", line_chart("members")),
        ChartSpec("rmo-organisations", "rmo-growth", column_chart("organisations")),
        ChartSpec("kyoryokutai-members", "kyoryokutai-growth", year_bars("members")),
        ChartSpec("kyoryokutai-municipalities", "kyoryokutai-growth", year_bars("municipalities")),
        ChartSpec("rmo-survey-forms", "rmo-survey-2023-forms", survey_bars),
        ChartSpec("rmo-survey-members", "rmo-survey-2023-members", survey_bars),
        ChartSpec("rmo-survey-base", "rmo-survey-2023-base", survey_bars),
        ChartSpec("rmo-survey-activities", "rmo-survey-2023-activities", survey_bars),
        ChartSpec("rmo-survey-income", "rmo-survey-2023-income", survey_bars),
        ChartSpec("rmo-survey-issues", "rmo-survey-2023-issues", survey_bars),
    )
}


def render_chart(chart_id: str, tables: Mapping[str, StatTable], id_prefix: str) -> str:
    """The SVG of one registered chart; ``id_prefix`` must be unique on the page."""
    try:
        spec = CHARTS[chart_id]
    except KeyError:
        raise KeyError(f"no chart {chart_id!r} (known: {', '.join(sorted(CHARTS))})") from None
    if spec.table_id not in tables:
        raise KeyError(f"chart {chart_id!r} needs table {spec.table_id!r}, which did not load")
    return spec.render(tables[spec.table_id], id_prefix)
