"""Japanese era labels for fiscal years (年度), built on :mod:`showcase.render.dates`.

A fiscal year is named after the era in force for most of it, so FY2019 is
令和元年度 and FY2018 is 平成30年度.  Data files write both the Gregorian year
and the era label; the validator computes the label from the year and compares.
"""

from __future__ import annotations

from showcase.render.dates import era_parts, era_year

FIRST_FISCAL_YEAR = 1927  # 昭和2年度: the first full fiscal year of the oldest era we name


def era_label(fiscal_year: int) -> str:
    """``2016`` → ``平成28年度``; ``2019`` → ``令和元年度``."""
    if fiscal_year < FIRST_FISCAL_YEAR:
        raise ValueError(f"fiscal year {fiscal_year} is before {FIRST_FISCAL_YEAR}")
    return era_year(fiscal_year, 12) + "度"


def era_short(fiscal_year: int) -> str:
    """Short axis form as the ministry writes it: ``H28``, ``R元``, ``R5``."""
    _, short, number = era_parts(fiscal_year, 12)
    return f"{short}{number}"


def year_label(fiscal_year: int) -> str:
    """Both calendars, era first: ``平成28年度（2016年度）``."""
    return f"{era_label(fiscal_year)}（{fiscal_year}年度）"
