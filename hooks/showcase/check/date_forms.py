"""The year and month a contributor meant, from the ways people write dates (for the fix in a YYYY-MM error).

``2019/4``, ``2019.4``, ``2019-4``, ``2019-04-01``, ``2019年4月1日``, ``令和元年4月``, ``平成31年4月``, ``R1.4``,
``H31/4``, with full-width digits too, all mean ``"2019-04"``.  An era year converts to the Western year as
official documents count it (元年 is the first year, 令和元年 is 2019) whatever the month, since the
contributor's meaning is unambiguous.  A form whose year cannot be told (``31年4月``, ``19/4``) or whose
month is not 1 to 12 gives None: the message then shows a general example instead of a guess.
"""

from __future__ import annotations

import re
import unicodedata

_ERA_FIRST_YEAR = {"令和": 2019, "平成": 1989, "昭和": 1926, "R": 2019, "H": 1989, "S": 1926}
_MONTH_AND_DAY = r"\s*(?:[-/.]|年)\s*(\d{1,2})(?:\s*(?:月|[-/.]\s*\d{1,2}\s*日?|月\s*\d{1,2}\s*日)?)?$"  # 4月, /4, /4/1, 4月1日
_WESTERN = re.compile(r"^(\d{4})" + _MONTH_AND_DAY)
_ERA = re.compile(r"^(令和|平成|昭和|[RHS])\s*(元|\d{1,2})" + _MONTH_AND_DAY, re.IGNORECASE)


def year_month_of(text: object) -> str | None:
    """``"YYYY-MM"`` for a date written in a common form, or None when it cannot be told."""
    if not isinstance(text, str):
        text = str(text)  # a number or a date YAML read from an unquoted value: its text
    value = unicodedata.normalize("NFKC", text).strip()  # full-width digits, letters and slashes
    western = _WESTERN.match(value)
    if western:
        year, month = int(western.group(1)), int(western.group(2))
    else:
        era = _ERA.match(value)
        if not era:
            return None
        number = 1 if era.group(2) == "元" else int(era.group(2))
        if number < 1:
            return None
        year, month = _ERA_FIRST_YEAR[era.group(1).upper()] + number - 1, int(era.group(3))
    if not 1 <= month <= 12 or not 1900 <= year <= 2100:
        return None
    return f"{year:04d}-{month:02d}"
