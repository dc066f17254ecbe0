"""Drop the indentation and blank lines that templates leave between tags, without changing what a page shows.

Material's templates indent deeply and leave a blank line for every ``{% if %}``: about 15 % of a record page.
Only whitespace *between* markup is touched: each run of whitespace that holds a line break becomes one line
break, which HTML renders exactly as it rendered the run.  Tags and attribute values stay byte for byte, and so
does everything inside elements whose whitespace can show or matter (``pre``, ``textarea``, ``code``, ``script``,
``style``: Material's ``code`` is ``white-space: pre-wrap``).
"""

from __future__ import annotations

import re

# What compacting must skip: a kept element, a comment, or a tag with a line break inside it (attribute values may
# hold ">" or a line break).  Tags on one line need no skipping (a run of whitespace with a line break cannot be
# inside them), so the scan stays in the regex engine between the few places it stops; raw "<" appears only in
# markup, as in any escaped HTML.  Every branch starts at "<" (the engine jumps from one to the next), and a tag
# is read without backtracking: its pieces without a line break first, possessively, then a line break or a
# quoted value holding one.  A one-line tag fails at its ">" after one pass (half the time of a lazy scan that
# tried for a line break at every character; tests/unit/test_compact_html.py compares it with that scan).
_SKIPPED = re.compile(
    r"<(?:(?P<kept>pre|textarea|code|script|style)\b[^>]*>.*?</(?P=kept)\s*>"
    r"|!--.*?-->"
    r"""|[^>"'\n]*+(?:(?:"[^"\n]*"|'[^'\n]*')[^>"'\n]*+)*+(?:\n|"[^"]*"|'[^']*')(?:[^>"']|"[^"]*"|'[^']*')*+>)""",
    re.S | re.I,
)
_BROKEN_LINE = re.compile(r"[ \t\r\f]*\n[ \t\n\r\f]*")  # HTML's whitespace only: U+3000 and NBSP show
# The same runs where no whitespace stands before a line break (templates rarely leave any): starting at the line
# break, the engine jumps from one to the next instead of trying the class at every character (~2.5x faster).
_LINE_BREAK_ON = re.compile(r"\n[ \t\n\r\f]*")
_BEFORE_BREAK = (" \n", "\t\n", "\r\n", "\f\n")


def _squeeze(text: str) -> str:
    broken = _BROKEN_LINE if any(pair in text for pair in _BEFORE_BREAK) else _LINE_BREAK_ON
    return broken.sub("\n", text)


def compact_html(html: str) -> str:
    """``html`` with every whitespace run that contains a line break, outside tags and kept elements, made ``\\n``."""
    parts: list[str] = []
    end = 0
    for match in _SKIPPED.finditer(html):
        parts.append(_squeeze(html[end:match.start()]))
        parts.append(match.group(0))
        end = match.end()
    parts.append(_squeeze(html[end:]))
    return "".join(parts)
