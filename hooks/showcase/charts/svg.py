"""Low-level helpers for the build-time SVG charts.

Every chart is an inline ``<svg>`` string: ``role="img"``, labelled by its own
``<title>`` and ``<desc>``, sized by ``viewBox`` and a ``width`` in CSS px (the stylesheet caps it at 100 %
of its box, so chart text is never drawn larger than its nominal size, which follows the body text), coloured
through CSS variables (with fallbacks) so the site's light and dark themes both
apply, and with real ``<text>`` so the browser's fonts draw Japanese.
"""

from __future__ import annotations

import re
from html import escape, unescape

from showcase.stats.numbers import format_number  # re-exported for the chart modules

__all__ = ["FONT", "TEXT", "MUTED", "GRID", "COMPACT_WIDTH", "WIDE_WIDTH", "colour", "series_colour", "attrs", "element",
           "text", "svg_document", "svg_title", "responsive", "text_width", "wrap_text", "check_id_prefix",
           "format_number"]

# Every chart is drawn twice: a compact layout for phones and a wide one, in viewBox units that are CSS px at
# full size.  ``responsive`` wraps the pair; the stylesheets show one by the width of its box (container query).
COMPACT_WIDTH = 340
WIDE_WIDTH = 640

FONT = "system-ui, -apple-system, 'Hiragino Sans', 'Noto Sans CJK JP', 'Yu Gothic', sans-serif"
_SERIES = (("chart-1", "#1a5fb4"), ("chart-2", "#b5490c"), ("chart-3", "#26734d"))
TEXT = "var(--cs-chart-text, currentColor)"
MUTED = "var(--cs-chart-muted, currentColor)"
GRID = "var(--cs-chart-grid, #b8b8b8)"
_ID_PREFIX = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,63}$")


def colour(name: str, fallback: str) -> str:
    """``var(--cs-<name>, <fallback>)``."""
    return f"var(--cs-{name}, {fallback})"


def series_colour(index: int) -> str:
    name, fallback = _SERIES[index % len(_SERIES)]
    return colour(name, fallback)


def check_id_prefix(id_prefix: str) -> str:
    """Ids must be valid and unique per page: the caller gives each chart its own prefix."""
    if not _ID_PREFIX.match(id_prefix):
        raise ValueError(f"id_prefix {id_prefix!r} must start with a letter and use only letters, digits, '-' and '_'")
    return id_prefix


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


def attrs(**values: object) -> str:
    """Attributes in the given order; ``class_`` → ``class``; ``None`` is left out; values escaped."""
    parts = []
    for name, value in values.items():
        if value is None:
            continue
        name = name.rstrip("_").replace("_", "-")
        shown = _number(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)
        parts.append(f' {name}="{escape(shown, quote=True)}"')
    return "".join(parts)


def element(tag: str, content: str | None = None, **values: object) -> str:
    """``<tag a="…">content</tag>``; ``content`` is markup already (escape text yourself)."""
    if content is None:
        return f"<{tag}{attrs(**values)}/>"
    return f"<{tag}{attrs(**values)}>{content}</{tag}>"


def text(x: float, y: float, content: str, *, size: float = 15, anchor: str = "start", cls: str | None = None,
         weight: str | None = None, fill: str = TEXT, **extra: object) -> str:
    """A ``<text>`` node with escaped content."""
    return element("text", escape(content, quote=False), x=x, y=y, class_=cls, fill=fill, font_size=size,
                   text_anchor=None if anchor == "start" else anchor, font_weight=weight, **extra)


def svg_document(*, id_prefix: str, title: str, desc: str, width: float, height: float, kind: str, body: str,
                 role: str = "img") -> str:
    """The ``<svg>`` root with ``<title>``/``<desc>`` and a scaling ``viewBox``.

    ``role="group"`` for an SVG holding links (the tile map); ``img`` otherwise.
    """
    prefix = check_id_prefix(id_prefix)
    head = (element("title", escape(title, quote=False), id=f"{prefix}-title")
            + element("desc", escape(desc, quote=False), id=f"{prefix}-desc"))
    return element("svg", head + body, xmlns="http://www.w3.org/2000/svg", class_=f"cs-chart cs-chart--{kind}", id=prefix,
                   viewBox=f"0 0 {_number(width)} {_number(height)}", width=_number(width),
                   preserveAspectRatio="xMidYMid meet", role=role, aria_labelledby=f"{prefix}-title {prefix}-desc",
                   font_family=FONT)


_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.S)


def svg_title(svg: str) -> str:
    """The plain text of a chart's own ``<title>`` (the caption beside it says exactly that)."""
    match = _TITLE.search(svg)
    return unescape(match.group(1)) if match else ""


def responsive(compact: str, wide: str) -> str:
    """Both layouts of one chart; CSS (``.cs-responsive`` container queries) shows the one that fits its box."""
    return (f'<div class="cs-responsive"><div class="cs-responsive__compact">{compact}</div>'
            f'<div class="cs-responsive__wide">{wide}</div></div>')


def _char_width(char: str) -> float:
    if char in ",.:;'!|()[] ":
        return 0.32
    if char.isdigit():
        return 0.58
    if ord(char) < 0x2E80:
        return 0.62
    return 1.0


def text_width(content: str, size: float) -> float:
    """Estimated advance width (full-width characters 1 em, digits about 0.58 em)."""
    return sum(_char_width(char) for char in content) * size


_NO_LINE_START = set("、。，．・）」』】〕ー％%")
_NO_LINE_END = set("（「『【〔")


def wrap_text(content: str, size: float, max_width: float) -> list[str]:
    """Break Japanese text into lines no wider than ``max_width`` (keeps 、。）」 off line starts)."""
    lines: list[str] = []
    current = ""
    for char in content:
        if current and text_width(current + char, size) > max_width:
            if char in _NO_LINE_START and len(current) > 1:
                lines.append(current[:-1])
                current = current[-1]
            elif current[-1] in _NO_LINE_END and len(current) > 1:
                lines.append(current[:-1])
                current = current[-1]
            else:
                lines.append(current)
                current = ""
        current += char
    if current:
        lines.append(current)
    return lines
