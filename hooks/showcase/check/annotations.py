"""Problems as GitHub Actions annotations (``::error file=…,line=…,col=…,title=…::message``).

The runner reads every stdout line that starts with ``::`` as a workflow
command, so contributor-controlled text (a file name, a YAML key, a value) must
never be able to end the command early or start a new one.  Following the
runner's own rules (actions/toolkit ``command.ts``):

* in the message, ``%`` → ``%25``, CR → ``%0D``, LF → ``%0A``;
* in property values (``file``, ``title``) additionally ``:`` → ``%3A`` and
  ``,`` → ``%2C``, so a name like ``a,line=1::x`` stays one value.

``%`` is escaped first, so an already-escaped ``%0A`` in a name stays literal.
"""

from __future__ import annotations

from typing import Iterable

from showcase.check.problems import Problem, format_report


def escape_data(text: str) -> str:
    """A workflow command's message part."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value (``file=``, ``title=``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_annotation(problem: Problem) -> str:
    """One ``::error`` line; the title is the field path (or the file's own problem)."""
    title = f"{problem.field}" if problem.field else "ファイル / file"
    properties = ",".join([
        f"file={escape_property(problem.path)}",
        f"line={int(problem.line)}",
        f"col={int(problem.col)}",
        f"title={escape_property(title)}",
    ])
    return f"::error {properties}::{escape_data(problem.message())}"


def format_annotations(problems: Iterable[Problem]) -> str:
    """Every problem as an annotation, sorted like :func:`format_report`, then its plain total line."""
    ordered = sorted(set(problems))
    total = format_report(ordered).splitlines()[-1]
    return "\n".join([format_annotation(problem) for problem in ordered] + [escape_data(total)])
