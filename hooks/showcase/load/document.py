"""One parsed YAML file: its data, where each value stands, and the problems found reading it.

Both the reader (:mod:`showcase.load.reader`) and the event reader (:mod:`showcase.load.events`) fill a
:class:`Document`; the checks (:mod:`showcase.check.fields`) ask it for exact positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from showcase.check.problems import Problem

Loc = tuple[Any, ...]

_TAG_NAMES = {
    "tag:yaml.org,2002:bool": ("真偽値", "a boolean"),
    "tag:yaml.org,2002:int": ("整数", "an integer"),
    "tag:yaml.org,2002:float": ("小数", "a number"),
    "tag:yaml.org,2002:null": ("空の値（null）", "null"),
    "tag:yaml.org,2002:timestamp": ("日付", "a date"),
}


def dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass
class Document:
    """A parsed YAML file: its data and where each value stands."""

    path: str
    data: Any = None
    marks: dict[Loc, Any] = field(default_factory=dict)  # the parser's Mark (0-based line and column) of each value
    key_marks: dict[Loc, Any] = field(default_factory=dict)  # and of each mapping key
    implicit: dict[Loc, tuple[str, str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """The closest known position for ``loc`` (falling back to its parents)."""
        loc = tuple(loc)
        while True:
            mark = (self.key_marks.get(loc) if key else None) or self.marks.get(loc)
            if mark is not None:
                return mark.line + 1, mark.column + 1
            if not loc:
                return (1, 1)
            loc = loc[:-1]

    def problem(self, loc: Loc, ja: str, en: str, hint_ja: str = "", hint_en: str = "", *, key: bool = False) -> Problem:
        line, col = self.position(loc, key=key)
        return Problem(self.path, line, col, dotted(loc), ja, en, hint_ja, hint_en)

    def type_name_of(self, loc: Loc) -> tuple[str, str] | None:
        """Japanese and English names of the type YAML gave an unquoted value."""
        info = self.implicit.get(tuple(loc))
        return _TAG_NAMES.get(info[0]) if info else None
