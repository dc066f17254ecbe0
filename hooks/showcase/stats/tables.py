"""Statistics tables as HTML, CSV (UTF-8 with BOM, for Excel) and JSON.

The HTML table sits next to each chart: ``<caption>``, ``<th scope>``, numbers
right-aligned through ``class="num"`` and formatted for Japanese readers, one unit
per column (in the header when the column has one; else a 単位 column beside the
numbers).  It sits in a ``cs-table-scroll`` box that scrolls only when the table is
wider than the screen, its caption text held in view.  All text is escaped.
Output is deterministic.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from markupsafe import Markup, escape

from showcase.stats.era import era_label, year_label
from showcase.stats.numbers import PREFIX_UNITS, format_number, format_quantity, plain_number
from showcase.stats.table_schema import Item, ItemsTable, StatTable, SurveyTable, TimeSeriesTable

BOM = "\ufeff"


def render_table(table: StatTable, id_prefix: str) -> str:
    """``<table>`` with caption and header cells; ``id_prefix`` makes the id unique on the page."""
    spec = table.spec
    head, rows = _cells(table)
    caption = escape(spec.title)
    if spec.multiple_answer and "複数回答" not in spec.title:
        caption += Markup("（複数回答）")
    # A wrapper that scrolls must be reachable by keyboard: a named region, one tab stop (axe scrollable-region-focusable).
    out = [Markup('<div class="cs-table-scroll" tabindex="0" role="region" aria-labelledby="{0}-caption">'
                  '<table class="cs-stat-table" id="{0}-table">').format(id_prefix),
           Markup('<caption id="{}-caption"><span class="cs-table__caption">{}</span></caption>').format(id_prefix, caption),
           Markup("<thead><tr>")]
    for label, kind in head:
        out.append(Markup('<th scope="col"{}>{}</th>').format(_class(kind), _head_label(label)))
    out.append(Markup("</tr></thead><tbody>"))
    for row in rows:
        out.append(Markup("<tr>"))
        for index, (value, kind) in enumerate(row):
            cls = _class(kind)
            if index == _row_header_index(spec):
                out.append(Markup('<th scope="row"{}>{}</th>').format(cls, value))
            else:
                out.append(Markup("<td{}>{}</td>").format(cls, value))
        out.append(Markup("</tr>"))
    out.append(Markup("</tbody></table></div>"))
    return str(Markup("").join(out))


def _head_label(label: str) -> Markup:
    """「値（百万円）」: the unit in the header never breaks inside (「百/万/円」 on a phone)."""
    name, bracket, unit = label.partition("（")
    if not bracket:
        return escape(label)
    return Markup('{}<span class="unit">（{}</span>').format(name, unit)


def _class(kind: str) -> Markup:
    """``num``: right-aligned tabular figures; ``unit``: a unit that never breaks (「万円／団体（上限）」)."""
    return Markup(' class="{}"').format(kind) if kind else Markup("")


def render_table_notes(table: StatTable) -> str:
    """The time point, notes and target under a table (its sources are the render stage's one citation partial)."""
    spec = table.spec
    parts = []
    for source in spec.sources:
        if source.as_of:
            year, month = source.as_of.split("-")
            parts.append(Markup("<p>時点：{}年{}月</p>").format(year, int(month)))
    notes = [Markup("<li>{}</li>").format(note) for note in spec.notes]
    if isinstance(spec, TimeSeriesTable) and spec.target:
        notes.append(Markup("<li>{}</li>").format(target_label(table)))
    if notes:
        parts.append(Markup('<ul class="cs-stat-notes">{}</ul>').format(Markup("").join(notes)))
    return str(Markup("").join(parts))


def target_label(table: StatTable) -> str:
    """``目標 10,000人（令和8年度）`` for a time series with a target."""
    spec = table.spec
    if not isinstance(spec, TimeSeriesTable) or spec.target is None:
        return ""
    target = spec.target
    if target.label:
        return target.label
    series = next(s for s in spec.series if s.key == target.series)
    value = format_quantity(target.value, table.series_unit(series), spec.decimals)
    return f"目標 {value}（{era_label(target.fiscal_year)}）"


def _row_header_index(spec: Any) -> int:
    return 1 if isinstance(spec, ItemsTable) and any(row.group for row in spec.rows) else 0


def _cells(table: StatTable) -> tuple[list[tuple[str, str]], list[list[tuple[str, str]]]]:
    spec = table.spec
    if isinstance(spec, TimeSeriesTable):
        head = [("年度", "")] + [(f"{s.label}（{table.series_unit(s)}）", "num") for s in spec.series]
        rows = [[(year_label(row.fiscal_year), "")] +
                [(format_number(row.value(s.key), spec.decimals), "num") for s in spec.series] for row in spec.rows]
        return head, rows
    if isinstance(spec, SurveyTable):
        remarks = [_survey_remark(spec, row) for row in spec.rows]
        head = [("項目", ""), ("割合（%）", "num")] + ([("備考", "")] if any(remarks) else [])
        rows = [[(row.label, ""), (format_number(row.value, spec.decimals), "num")] +
                ([(remark, "")] if any(remarks) else []) for row, remark in zip(spec.rows, remarks)]
        return head, rows
    return _item_cells(table, spec)


def _survey_remark(spec: SurveyTable, row: Any) -> str:
    parts = []
    if row.base:
        parts.append(f"母数：{row.base}")
    if row.multiple_answer and not spec.multiple_answer:
        parts.append("複数回答")
    if row.note:
        parts.append(row.note)
    return "／".join(parts)


# Yen units one column can share: 0.3億円 and 248百万円 become 30 and 248 under 「値（百万円）」.
YEN_UNITS = {"円": 1, "千円": 10**3, "万円": 10**4, "百万円": 10**6, "億円": 10**8}


def column_unit(table: StatTable, items: list[Item]) -> str | None:
    """The one unit every value of an items table can be written in, or None when they differ (a 単位 column)."""
    units = {table.item_unit(item) for item in items}
    if any(item.per for item in items) or not units or "" in units or units & PREFIX_UNITS:
        return None
    if len(units) == 1:
        return units.pop()
    if units <= set(YEN_UNITS):
        return min(units, key=YEN_UNITS.__getitem__)
    return None


def _number_cell(value: float, qualifier: str | None, decimals: int | None) -> str:
    number = format_number(value, decimals)
    return f"約{number}" if qualifier == "約" else f"{number}以上" if qualifier == "以上" else number


def _unit_cell(unit: str, item: Item) -> str:
    """「万円／団体（上限）」: the unit, what it is counted per, and an upper limit."""
    return unit + (f"／{item.per}" if item.per else "") + ("（上限）" if item.qualifier == "上限" else "")


def _item_cells(table: StatTable, spec: ItemsTable) -> tuple[list[tuple[str, str]], list[list[tuple[str, str]]]]:
    grouped = any(row.group for row in spec.rows)
    dated = any(row.fiscal_year or row.as_of for row in spec.rows)
    remarks = [_item_remark(table, row) for row in spec.rows]
    shared = column_unit(table, list(spec.rows))
    head = ([("区分", "")] if grouped else []) + [("項目", "")]
    head += [(f"値（{shared}）", "num")] if shared else [("値", "num"), ("単位", "")]
    head += ([("年度・時点", "")] if dated else []) + ([("備考", "")] if any(remarks) else [])
    rows = []
    for row, remark in zip(spec.rows, remarks):
        unit = table.item_unit(row)
        cells = ([(row.group or "", "")] if grouped else []) + [(row.label, "")]
        if shared:
            value = round(row.value * YEN_UNITS[unit] / YEN_UNITS[shared], 9) if unit in YEN_UNITS else row.value
            cells.append((_number_cell(value, row.qualifier, spec.decimals), "num"))
        else:
            cells += [(_number_cell(row.value, row.qualifier, spec.decimals), "num"), (_unit_cell(unit, row), "unit")]
        cells += ([(_item_when(row), "")] if dated else []) + ([(remark, "")] if any(remarks) else [])
        rows.append(cells)
    return head, rows


def item_display(table: StatTable, item: Item) -> str:
    """One item's value as Japanese readers see it, with its unit: ``約65%``, ``3,071団体``."""
    return format_quantity(item.value, table.item_unit(item), table.spec.decimals, qualifier=item.qualifier, per=item.per)


def _item_when(item: Item) -> str:
    if item.fiscal_year:
        return year_label(item.fiscal_year)
    if item.as_of:
        year, month = item.as_of.split("-")
        return f"{year}年{int(month)}月時点"
    return ""


def _item_remark(table: StatTable, item: Item) -> str:
    parts = []
    if item.recipient:
        parts.append(f"対象：{item.recipient}")
    if item.breakdown:
        unit = table.item_unit(item)
        parts.append("内訳：" + "、".join(f"{p.label} {format_quantity(p.value, unit)}" for p in item.breakdown))
    if item.note:
        parts.append(item.note)
    return "／".join(parts)


def table_csv(table: StatTable) -> str:
    """CSV text starting with a BOM (``\\ufeff``), a header row, CRLF line ends."""
    spec = table.spec
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    number = lambda value: plain_number(value, spec.decimals)  # noqa: E731
    if isinstance(spec, TimeSeriesTable):
        writer.writerow(["年度", "和暦"] + [f"{s.label}（{table.series_unit(s)}）" for s in spec.series])
        writer.writerows([row.fiscal_year, row.era] + [number(row.value(s.key)) for s in spec.series] for row in spec.rows)
    elif isinstance(spec, SurveyTable):
        writer.writerow(["項目", "割合（%）", "複数回答", "母数", "備考"])
        for row in spec.rows:
            multiple = spec.multiple_answer if row.multiple_answer is None else row.multiple_answer
            writer.writerow([row.label, number(row.value), "はい" if multiple else "いいえ", row.base or "", row.note or ""])
    else:
        writer.writerow(["区分", "項目", "値", "単位", "あたり", "条件", "対象", "年度", "和暦", "時点", "内訳", "備考"])
        for item in spec.rows:
            parts = "；".join(f"{p.label}：{number(p.value)}" for p in item.breakdown or [])
            writer.writerow([item.group or "", item.label, number(item.value), table.item_unit(item), item.per or "",
                             item.qualifier or "", item.recipient or "", item.fiscal_year or "", item.era or "",
                             item.as_of or "", parts, item.note or ""])
    return BOM + buffer.getvalue()


def table_json(table: StatTable) -> str:
    """The validated table as JSON (whole numbers without ``.0``), with its id."""
    data = {"id": table.id, **table.spec.model_dump(mode="json", exclude_none=True)}
    return json.dumps(_whole_numbers(data), ensure_ascii=False, indent=2) + "\n"


def _whole_numbers(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: _whole_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_whole_numbers(item) for item in value]
    return value


def export_files(tables: dict[str, StatTable]) -> dict[str, str]:
    """``{"rmo-growth.csv": ..., "rmo-growth.json": ...}`` for every table, sorted by name."""
    files: dict[str, str] = {}
    for table_id in sorted(tables):
        files[f"{table_id}.csv"] = table_csv(tables[table_id])
        files[f"{table_id}.json"] = table_json(tables[table_id])
    return files
