"""Japanese calendar formatting: years shown in both calendars, as the ministry's documents do."""

from __future__ import annotations

_ERAS = (  # (first year-month, name, short prefix as on the ministry's chart axes, first Gregorian year)
    ("2019-05", "令和", "R", 2019),
    ("1989-01", "平成", "H", 1989),
    ("1926-12", "昭和", "S", 1926),
)


def era_parts(year: int, month: int) -> tuple[str, str, str]:
    """(era name, short prefix, year number with 元 for the first) for a year and month."""
    stamp = f"{year:04d}-{month:02d}"
    for start, name, short, first in _ERAS:
        if stamp >= start:
            number = year - first + 1
            return name, short, "元" if number == 1 else str(number)
    raise ValueError(f"{stamp} is before the 昭和 era")


def era_year(year: int, month: int = 4) -> str:
    """``2022`` → ``令和4年``; the first year of an era is 元年."""
    name, _, number = era_parts(year, month)
    return f"{name}{number}年"


def fiscal_year_label(year: int) -> str:
    """Japanese fiscal year: ``2023`` → ``令和5年度（FY2023）``; FY2019 is 令和元年度, as official documents name it."""
    return f"{era_year(year, 12)}度（FY{year}）"


def era_month(year_month: str) -> str:
    """``2022-06`` → ``令和4年6月（2022年6月）``."""
    year, month = (int(part) for part in year_month.split("-"))
    return f"{era_year(year, month)}{month}月（{year}年{month}月）"


def month_short(year_month: str) -> str:
    """``2022-06`` → ``2022年6月``."""
    year, month = (int(part) for part in year_month.split("-"))
    return f"{year}年{month}月"
