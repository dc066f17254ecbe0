"""A page template rendered once, then filled per page: the theme around tens of thousands of generated pages.

Every record page in one folder gets the same theme HTML around it (header, nav, footer, scripts): only a few
values differ, such as the title, the description, the canonical URL and the body.  Rendering the theme's
templates for each page costs more than the page's own body, so :meth:`Shell.build` renders the page once with
a *sentinel* in place of every such value, cuts the result at the sentinels, and :meth:`Shell.fill` joins the
pieces around each page's own values.

The shell checks itself: every sentinel carries ``&amp;``, so a value the template escapes shows up escaped and
is filled escaped; any other change to a sentinel (a filter that strips, truncates, quotes or encodes it) leaves
its ``zqx`` marker behind, and then ``build`` returns ``None`` and the caller renders those pages in full.  A
template that drops a value whole (one that truncates it to nothing) leaves no trace: that is what building a
site both ways and comparing the pages guards against (``tests/integration/test_page_writer.py``).
Values must be the same *kind* of value the shell was built with: the caller keys shells by everything that a
template may branch on (which values are empty, the page's folder depth, the template).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

from markupsafe import escape

_MARKER = "zqx"
_HTML_SPACE = " \t\n\r\f"


def _sentinel(index: int, html: bool, suffix: str) -> str:
    token = f"{_MARKER}{index}xqz&amp;"
    return f"<!--{token}{suffix}-->" if html else token


def _escaped(value: str) -> str:
    return str(escape(value))


@dataclass(frozen=True)
class _Slot:
    field: str
    encode: Callable[[str], str]


class Shell:
    """A page cut at its values: literal text and the slots between it."""

    def __init__(self, parts: list[str | _Slot], html_fields: frozenset[str],
                 compact: Callable[[str], str] | None) -> None:
        self._parts = parts
        self._html_fields = html_fields
        self._compact = compact

    @classmethod
    def build(cls, render: Callable[[Mapping[str, str]], str], fields: Iterable[str], *,
              html_fields: Iterable[str] = (), html_suffix: str = "",
              compact: Callable[[str], str] | None = None) -> "Shell | None":
        """Render once with sentinels (``render`` gets field → sentinel, returns the finished page); ``None`` if a
        template changed a value other than by HTML-escaping it.

        ``html_fields`` are markup (a page body), printed raw: their sentinel is an HTML comment ending in
        ``html_suffix`` (text a template may test the body for).  ``compact``, when the finished page was
        compacted (``showcase.render.compact_html``), is applied to those values at fill time, merging the whitespace
        where they meet the shell as compacting the whole page would.
        """
        names = list(fields)
        html_set = frozenset(html_fields)
        sentinels = {name: _sentinel(index, name in html_set, html_suffix) for index, name in enumerate(names)}
        page = render(sentinels)
        forms: dict[str, _Slot] = {}
        for name, sentinel in sentinels.items():
            forms[_escaped(sentinel)] = _Slot(name, _escaped)
            forms[sentinel] = _Slot(name, str)
        # Longest first: an escaped sentinel begins with the raw one ("&amp;" → "&amp;amp;").
        pattern = re.compile("|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True)))
        parts: list[str | _Slot] = []
        end = 0
        for match in pattern.finditer(page):
            parts.append(page[end:match.start()])
            parts.append(forms[match.group(0)])
            end = match.end()
        parts.append(page[end:])
        if any(_MARKER in part.lower() for part in parts if isinstance(part, str)):
            return None
        for index, part in enumerate(parts):
            if not isinstance(part, _Slot) or part.field not in html_set:
                continue
            if part.encode is not str:  # raw markup only: an escaped body is not a body
                return None
            before, after = parts[index - 1], parts[index + 1]
            # fill() merges the value's edges with a line break only: spaces without one would need the run.
            if compact is not None and (str(before).endswith((" ", "\t", "\r", "\f"))
                                        or str(after).startswith((" ", "\t", "\r", "\f"))):
                return None
        return cls(parts, html_set, compact)

    def fill(self, values: Mapping[str, str]) -> str:
        """The page with ``values`` in place of the sentinels."""
        out: list[str] = []
        parts = self._parts
        for index, part in enumerate(parts):
            if isinstance(part, str):
                out.append(part)
                continue
            value = values[part.field]
            if part.field in self._html_fields and self._compact is not None:
                value = self._compact(value)
                # Compacting the whole page would have merged the shell's line break with the value's edge.
                if out[-1].endswith("\n"):
                    value = value.lstrip(_HTML_SPACE)
                if str(parts[index + 1]).startswith("\n"):
                    value = value.rstrip(_HTML_SPACE)
            out.append(part.encode(value))
        return "".join(out)


def plain_value(value: str) -> bool:
    """Whether a text value can go into a shell as it is: a line break in it would have been compacted."""
    return "\n" not in value and "\r" not in value


__all__ = ["Shell", "plain_value"]
