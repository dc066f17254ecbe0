"""Problems found in contributor input, and the one formatter that prints them.

Every stage (load, validate, images, statistics) reports a :class:`Problem`
instead of raising at the first error, so a contributor sees every mistake in
one run.  The same :func:`format_problem` serves the build, ``scripts/`` and
the CI annotations (see :mod:`showcase.check.annotations`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, at a 1-based line and column."""

    path: str
    line: int
    col: int
    field: str
    ja: str
    en: str
    hint_ja: str = ""
    hint_en: str = ""

    def message(self) -> str:
        """The text after ``path:line:col: `` (Japanese first, then English)."""
        text = f"{self.field}: {self.ja} / {self.en}" if self.field else f"{self.ja} / {self.en}"
        if self.hint_ja or self.hint_en:
            text += f" （対処: {self.hint_ja} / Fix: {self.hint_en}）"
        return text


def format_problem(problem: Problem) -> str:
    return f"{problem.path}:{problem.line}:{problem.col}: {problem.message()}"


def format_report(problems: Iterable[Problem]) -> str:
    """One line per problem, sorted by file and position, then the total."""
    ordered = sorted(set(problems))
    lines = [format_problem(p) for p in ordered]
    files = len({p.path for p in ordered})
    lines.append(
        f"{len(ordered)} 件の問題（{files} ファイル） / "
        f"{len(ordered)} problem{'s' if len(ordered) != 1 else ''} in {files} file{'s' if files != 1 else ''}"
    )
    return "\n".join(lines)


class ContentError(Exception):
    """Raised once, after all input was checked, when any problem was found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(format_report(self.problems))
