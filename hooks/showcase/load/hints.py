"""Plainer explanations for YAML syntax errors that contributors commonly make (used by :mod:`showcase.load.reader`).

The parser reports where it got stuck, which is often a line after the real
mistake.  These checks look at the text again, only after a syntax error, to
point at the line the contributor has to change.
"""

from __future__ import annotations

import re

_BLOCK_HEADER = re.compile(r"^( *)(- )?[^\s#][^#]*:[ \t]*[|>][+-]?[0-9]?[ \t]*(#.*)?$")
_KEY_OR_ITEM = re.compile(r"^ *(- |-$|#|[^\s#][^#]*?:(\s|$))")


def unindented_block_line(text: str) -> int | None:
    """The line of text written at or left of its key's column right under ``key: |`` (or ``>``), or None.

    Used only to explain a syntax error: YAML ends such a block at once and reports the next line.
    """
    lines = text.split("\n")
    for index, line in enumerate(lines[:-1]):
        header = _BLOCK_HEADER.match(line)
        if not header:
            continue
        key_column = len(header.group(1)) + (2 if header.group(2) else 0)
        following = lines[index + 1]
        if following.strip() and len(following) - len(following.lstrip(" ")) <= key_column and not _KEY_OR_ITEM.match(following):
            return index + 2
    return None
