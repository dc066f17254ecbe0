"""Rules that look across values of a statistics file.

These run on the raw YAML data (defensively: a value of the wrong type is left
to the schema's own message), so a contributor sees the schema problems *and*
these in one run:

* fiscal years in a time series are consecutive (a missing year is an error);
* every era label matches its fiscal year (2019 is 令和元年度);
* each row gives exactly the declared series;
* percentages lie in 0–100, rates in 0–1, counts are whole and not negative;
* single-answer shares of one base add up to at most 100%;
* a breakdown adds up to its total.
"""

from __future__ import annotations

import math
from typing import Any

from showcase.check.fields import split_number_key, split_number_problem
from showcase.check.problems import Problem
from showcase.load.reader import Document
from showcase.stats.era import FIRST_FISCAL_YEAR, era_label, year_label
from showcase.stats.table_schema import COUNT_UNITS, MONEY_UNITS, RESERVED_ROW_KEYS

LAST_FISCAL_YEAR = 2200


def check_table(doc: Document, data: dict[str, Any]) -> list[Problem]:
    kind = data.get("kind")
    problems = check_era(doc, (), data, both_required=True)
    if kind == "time_series":
        problems += _check_time_series(doc, data)
    elif kind == "survey":
        problems += _check_survey(doc, data)
    elif kind == "items":
        problems += _check_items(doc, data)
    return problems


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _mappings(data: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    items = data.get(key)
    if not isinstance(items, list):
        return []
    return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)]


def check_era(doc: Document, loc: tuple[Any, ...], node: dict[str, Any], *, both_required: bool) -> list[Problem]:
    """``era`` must be the label of ``fiscal_year`` (and, where optional, come with it)."""
    year, era = node.get("fiscal_year"), node.get("era")
    if both_required and (year is None) != (era is None):
        missing, present = ("era", "fiscal_year") if era is None else ("fiscal_year", "era")
        return [doc.problem(loc + (present,), f"「{present}」を書くときは「{missing}」も書いてください",
                            f"'{present}' needs '{missing}' as well", key=True)]
    if not _is_int(year):
        return []
    if not FIRST_FISCAL_YEAR <= year <= LAST_FISCAL_YEAR:
        return [doc.problem(loc + ("fiscal_year",), f"年度 {year} は範囲外です（{FIRST_FISCAL_YEAR}〜{LAST_FISCAL_YEAR}）",
                            f"fiscal year {year} is out of range ({FIRST_FISCAL_YEAR}-{LAST_FISCAL_YEAR})",
                            "西暦で書いてください（例: 2016）", "write the Gregorian year (for example 2016)")]
    expected = era_label(year)
    if isinstance(era, str) and era != expected:
        return [doc.problem(loc + ("era",), f"和暦「{era}」が年度 {year} と合いません（{year}年度は{expected}）",
                            f"era label '{era}' does not match fiscal year {year} (FY{year} is {expected})",
                            f"era: {expected} と書くか、fiscal_year を直してください",
                            f"write era: {expected} or correct fiscal_year")]
    return []


def check_value(doc: Document, loc: tuple[Any, ...], value: Any, unit: str | None) -> list[Problem]:
    if not _is_number(value):
        return []
    if not math.isfinite(value):
        return [doc.problem(loc, "有限の数値を書いてください", "must be a finite number")]
    if unit == "%" and not 0 <= value <= 100:
        return [doc.problem(loc, f"割合は0〜100の範囲で書いてください（{value}）",
                            f"a percentage must be between 0 and 100 (got {value})",
                            "小数点の位置と符号を確認してください", "check the decimal point and the sign")]
    if unit == "措置率" and not 0 <= value <= 1:
        return [doc.problem(loc, f"措置率は0〜1の範囲で書いてください（{value}）", f"a rate must be between 0 and 1 (got {value})",
                            "例: 措置率1/2 は 0.5", "for example 1/2 is 0.5")]
    if unit in COUNT_UNITS | MONEY_UNITS and value < 0:
        return [doc.problem(loc, f"負の値は使えません（{value}）", f"must not be negative (got {value})")]
    if unit in COUNT_UNITS and not float(value).is_integer():
        return [doc.problem(loc, f"人数・団体数は整数で書いてください（{value}）", f"a count must be a whole number (got {value})")]
    return []


def _check_time_series(doc: Document, data: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    table_unit = data.get("unit")
    units: dict[str, str | None] = {}
    for index, series in _mappings(data, "series"):
        key, loc = series.get("key"), ("series", index)
        if not isinstance(key, str):
            continue
        if key in units or key in RESERVED_ROW_KEYS:
            why = ("系列のキー「{}」が重複しています", "duplicate series key '{}'") if key in units else \
                ("「{}」は系列のキーに使えません", "'{}' cannot be a series key")
            problems.append(doc.problem(loc + ("key",), why[0].format(key), why[1].format(key)))
            continue
        units[key] = series.get("unit") or table_unit
        if not units[key]:
            problems.append(doc.problem(loc, f"系列「{key}」の単位がありません", f"series '{key}' has no unit",
                                        "系列か表全体に unit を書いてください（例: unit: 団体）",
                                        "add unit to the series or to the table (for example unit: 団体)"))
    declared = ", ".join(units)
    years: list[tuple[int, int]] = []
    for index, row in _mappings(data, "rows"):
        loc = ("rows", index)
        problems += check_era(doc, loc, row, both_required=False)
        if _is_int(row.get("fiscal_year")):
            years.append((index, row["fiscal_year"]))
        for key, value in row.items():
            if key in RESERVED_ROW_KEYS:
                continue
            if split_number_key(loc + (key,)):
                problems.append(split_number_problem(doc, loc + (key,)))
                continue
            if key not in units:
                if not units:
                    continue
                problems.append(doc.problem(loc + (key,), f"「{key}」という項目はありません（series で宣言されていません）",
                                            f"unknown field '{key}' (not declared in series)",
                                            f"綴りを確認するか series に追加してください（宣言済み: {declared}）",
                                            f"check the spelling or declare it in series (declared: {declared})", key=True))
                continue
            problems += check_value(doc, loc + (key,), value, units[key])
        for key in units:
            if key not in row:
                problems.append(doc.problem(loc + (key,), f"系列「{key}」の値がありません", f"value for series '{key}' is missing",
                                            f"「{key}: 数値」を追加してください", f"add '{key}: <number>'"))
    problems += _check_consecutive(doc, years)
    target = data.get("target")
    if isinstance(target, dict):
        problems += check_era(doc, ("target",), target, both_required=False)
        key = target.get("series")
        if isinstance(key, str) and units and key not in units:
            problems.append(doc.problem(("target", "series"), f"系列「{key}」は series にありません",
                                        f"series '{key}' is not declared", f"宣言済み: {declared}", f"declared: {declared}"))
        elif isinstance(key, str):
            problems += check_value(doc, ("target", "value"), target.get("value"), units.get(key))
    return problems


def _check_consecutive(doc: Document, years: list[tuple[int, int]]) -> list[Problem]:
    problems: list[Problem] = []
    for (_, previous), (index, year) in zip(years, years[1:]):
        loc = ("rows", index, "fiscal_year")
        if year <= previous:
            problems.append(doc.problem(loc, f"年度は古い順に1年ずつ並べてください（前の行は{previous}年度）",
                                        f"fiscal years must increase by one per row (the previous row is FY{previous})",
                                        "行の順番と年度の重複を確認してください", "check the order and look for a repeated year"))
        elif year > previous + 1 and previous + 1 >= FIRST_FISCAL_YEAR and year - 1 <= LAST_FISCAL_YEAR:
            gap = range(previous + 1, year)
            problems.append(doc.problem(loc, f"年度が連続していません（{'、'.join(year_label(y) for y in gap)}の行がありません）",
                                        f"fiscal years are not consecutive (missing: {', '.join(f'FY{y}' for y in gap)})",
                                        "抜けている年度の行を追加してください", "add a row for each missing year"))
    return problems


def _check_survey(doc: Document, data: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    table_multiple = data.get("multiple_answer")
    totals: dict[Any, float] = {}
    for index, row in _mappings(data, "rows"):
        value = row.get("value")
        problems += check_value(doc, ("rows", index, "value"), value, "%")
        multiple = row.get("multiple_answer", table_multiple)
        if multiple is False and _is_number(value) and math.isfinite(value):
            base = row.get("base")
            totals[base] = totals.get(base, 0.0) + value
    for base, total in totals.items():
        if total > 100.05:
            problems.append(doc.problem(("rows",), f"単一回答の割合の合計が100%を超えています（{total:.1f}%）",
                                        f"single-answer shares add up to more than 100% ({total:.1f}%)",
                                        "複数回答なら multiple_answer: true にし、母数が違う行には base を書いてください",
                                        "set multiple_answer: true for a multiple-answer question, or give rows "
                                        "with another base a 'base'"))
    return problems


def _check_items(doc: Document, data: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    for index, row in _mappings(data, "rows"):
        loc = ("rows", index)
        unit = row.get("unit") or data.get("unit")
        if not unit:
            problems.append(doc.problem(loc, "単位がありません", "the row has no unit",
                                        "行か表全体に unit を書いてください（例: unit: 万円）",
                                        "add unit to the row or to the table (for example unit: 万円)"))
        problems += check_value(doc, loc + ("value",), row.get("value"), unit)
        problems += check_era(doc, loc, row, both_required=True)
        parts = row.get("breakdown")
        if isinstance(parts, list) and _is_number(row.get("value")):
            values = [part.get("value") for part in parts if isinstance(part, dict)]
            if values and all(_is_number(v) for v in values) and not math.isclose(sum(values), row["value"]):
                problems.append(doc.problem(loc + ("breakdown",), f"内訳の合計（{sum(values):g}）が値（{row['value']:g}）と一致しません",
                                            f"the breakdown adds up to {sum(values):g}, not {row['value']:g}"))
            for part_index, part in enumerate(parts):
                if isinstance(part, dict):
                    problems += check_value(doc, loc + ("breakdown", part_index, "value"), part.get("value"), unit)
    return problems
