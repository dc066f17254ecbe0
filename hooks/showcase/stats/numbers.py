"""Numbers formatted for Japanese readers: ``3,071団体``, ``90.4%``, ``約65%``."""

from __future__ import annotations

# Units written before the number instead of after it.
PREFIX_UNITS = frozenset({"措置率"})


def format_number(value: float, decimals: int | None = None) -> str:
    """Thousands separators; ``decimals`` fixes the digits after the point.

    Without ``decimals`` a whole number prints without a point (``3,071``) and
    any other number as short as Python can write it exactly (``0.3``).
    """
    if decimals is not None:
        return f"{value:,.{decimals}f}"
    if float(value).is_integer():
        return f"{int(value):,}"
    whole, _, fraction = repr(float(value)).partition(".")
    return f"{int(whole):,}.{fraction}" if whole not in ("-0",) else f"-0.{fraction}"


def plain_number(value: float, decimals: int | None = None) -> str:
    """The same digits without separators, for CSV files."""
    return format_number(value, decimals).replace(",", "")


def format_quantity(value: float, unit: str, decimals: int | None = None, *, qualifier: str | None = None,
                    per: str | None = None) -> str:
    """``3,071団体``, ``約65%``, ``18,300人以上``, ``300万円／団体（上限）``, ``措置率0.5``."""
    number = format_number(value, decimals)
    text = f"{unit}{number}" if unit in PREFIX_UNITS else f"{number}{unit}"
    if per:
        text += f"／{per}"
    if qualifier == "約":
        text = f"約{text}"
    elif qualifier == "以上":
        text += "以上"
    elif qualifier == "上限":
        text += "（上限）"
    return text
