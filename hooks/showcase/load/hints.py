"""Plain explanations for the YAML mistakes contributors really make (used by :mod:`showcase.load.reader`).

The parser reports where it got stuck, which is often a line after the real
mistake, in its own words ("could not find expected ':'").  After a syntax
error, :func:`explain_syntax_error` looks at the raw text again, around
PyYAML's marks, and names the mistake at the line and column the contributor
has to change: a full-width space (U+3000) or a tab in the indentation, ``: ``
inside a value, a quote that is never closed, text continued on the next line
without ``|``.  :func:`dropped_comment` finds the mistake YAML does not report
at all: `` #`` inside an unquoted value, which silently ends the value there.

Every hint works on the text and PyYAML's marks only, so it serves whichever
reader produced the error.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

FULLWIDTH_SPACE = "\u3000"


class Hint(NamedTuple):
    """Where the real mistake is (1-based) and what to say about it."""

    line: int
    col: int
    ja: str
    en: str
    hint_ja: str
    hint_en: str


def quoted(value: str) -> str:
    """``value`` as a quoted YAML scalar, as the contributor should type it: in double quotes, or in single
    quotes when it holds a double quote or a backslash (which double quotes would make the contributor escape)."""
    if ('"' in value or "\\" in value) and "'" not in value:
        return f"'{value}'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def quote_fix(value: str) -> tuple[str, str]:
    """The fix "quote the whole value", with the exact text to write."""
    whole = quoted(value)
    kind = ("「\"」", "double quotes") if whole[0] == '"' else ("「'」", "single quotes")
    return f"値全体を{kind[0]}で囲んで {whole} と書いてください", f"put the whole value in {kind[1]}: {whole}"


# ---- mistakes YAML accepts silently ---------------------------------------------------------------------------

# After an unquoted value: " #..." (one space) or "  #x" (no space after #) is text the contributor meant, not a
# comment.  A comment a maintainer means is written "value  # comment" (two spaces before, one after), as in examples/.
_ACCIDENTAL_COMMENT = re.compile(r"^(?: #(?!\s*$)| {2,}#[^\s#])")


def dropped_comment(tail: str) -> int | None:
    """In ``tail`` (the rest of the line after an unquoted value), the index of a '#' that cut the value short."""
    return tail.index("#") if _ACCIDENTAL_COMMENT.match(tail) else None


def dropped_comment_message(value: str, tail: str) -> tuple[str, str, str, str]:
    """What to say when YAML dropped ``tail`` (from its '#') from the unquoted ``value``."""
    lost = tail.strip()
    return (f"「#」から後ろ（「{lost}」）は YAML ではコメントとして読み捨てられ、値は「{value}」になります",
            f"YAML reads everything from '#' on ('{lost}') as a comment and drops it: the value becomes '{value}'",
            *quote_fix(value + tail.rstrip()))


def fullwidth_key_message(key: str) -> tuple[str, str, str, str] | None:
    """When a key starts with full-width spaces (so YAML took them as part of the key's name), what to say."""
    name = key.lstrip(FULLWIDTH_SPACE + " ")
    if name == key or FULLWIDTH_SPACE not in key[: len(key) - len(name)]:
        return None
    return (f"「{name}」の前に全角スペース（「　」）があります。YAML の字下げには使えません",
            f"a full-width space (U+3000) stands before '{name}': YAML indentation must be half-width spaces",
            f"「{name}」の前の全角スペースを消し、半角スペースで字下げしてください（上の行の項目と同じ深さに揃えます）",
            f"delete the full-width spaces before '{name}' and indent with half-width spaces, as deep as its siblings")


# ---- explaining a syntax error ----------------------------------------------------------------------------------

def explain_syntax_error(text: str, exc: Any) -> Hint | None:
    """A plain explanation of a ``yaml.MarkedYAMLError`` raised reading ``text``, at the real mistake, or None."""
    lines = text.split("\n")
    marks = [mark for mark in (exc.context_mark, exc.problem_mark) if mark is not None]
    suspects = sorted({mark.line for mark in marks if mark.line < len(lines)})
    # The parser often stops a line or more after the mistake: "　start: ..." under "term:" is read as text, and
    # the next line is where a key was expected.  The lines above that look like a key or an item are suspects too.
    above = exc.problem_mark.line if exc.problem_mark else len(lines)
    for _ in range(_LOOK_BACK):
        above = _line_above(lines, above)
        if above is None:
            break
        if _KEY_OR_ITEM_TEXT.match(lines[above].lstrip(" \t\u3000")) and above not in suspects:
            suspects.append(above)
    for check in (_tab_or_fullwidth_space, _colon_spacing, _colon_in_value, _text_after_quote):
        for index in suspects:
            hint = check(lines, index, exc)
            if hint:
                return hint
    last = max(suspects, default=len(lines) - 1)
    return _unclosed_quote(lines, exc, last) or _unindented_block(text) or _continued_line(lines, exc)


_INDENT = re.compile(r"^[ \t\u3000]*")
_LOOK_BACK = 5  # lines above the parser's mark that may hold the mistake
_KEY_OR_ITEM_TEXT = re.compile(r"^(- |[^\s:：#'\"][^:：#]*[:：])")


def _line_above(lines: list[str], index: int) -> int | None:
    """The nearest line above ``index`` with something other than a comment, or None."""
    index = min(index, len(lines)) - 1
    while index >= 0 and (not lines[index].strip(" \t\u3000") or lines[index].lstrip(" \t\u3000").startswith("#")):
        index -= 1
    return index if index >= 0 else None
_KEY_VALUE = re.compile(r"^( *(?:- +)?)([^\s#'\"\-?:,\[\]{}&*!|>%@`][^:#]*?):( +)(.*)$")


def _tab_or_fullwidth_space(lines: list[str], index: int, exc: Any) -> Hint | None:
    line = lines[index]
    indent = _INDENT.match(line).group()
    if "\t" in indent:
        col = indent.index("\t") + 1
        return Hint(index + 1, col, "字下げにタブが使われています。YAML の字下げには使えません",
                    "a tab is used for indentation, which YAML does not allow",
                    "タブを消し、半角スペースで字下げしてください（上の行の項目と同じ深さに揃えます）",
                    "replace the tab with half-width spaces, as deep as the item's siblings")
    if FULLWIDTH_SPACE in indent:
        col = indent.index(FULLWIDTH_SPACE) + 1
        return Hint(index + 1, col, "字下げに全角スペース（「　」）が使われています。YAML の字下げには使えません",
                    "a full-width space (U+3000) is used for indentation: YAML indentation must be half-width spaces",
                    "全角スペースを消し、半角スペースで字下げしてください（上の行の項目と同じ深さに揃えます）",
                    "replace the full-width spaces with half-width spaces, as deep as the item's siblings")
    after_colon = re.search(r"^ *(?:- +)?[^\s:#][^:#]*:(\u3000|\t)", line)
    if after_colon:
        col = after_colon.start(1) + 1
        name = ("全角スペース（「　」）", "a full-width space (U+3000)") if after_colon.group(1) == FULLWIDTH_SPACE \
            else ("タブ", "a tab")
        return Hint(index + 1, col, f"「:」の後が{name[0]}になっています", f"the ':' is followed by {name[1]}",
                    "「:」の後は半角スペース1つにしてください", "put one half-width space after ':'")
    return None


_FULLWIDTH_COLON = re.compile(r"^[ \t\u3000]*(?:- +)?([A-Za-z_][A-Za-z0-9_]*)[ \u3000]*(：)")  # keys are ASCII
_NO_SPACE = re.compile(r"^[ \t\u3000]*(?:- +)?([A-Za-z_][A-Za-z0-9_]*):([^\s:/])")


def _colon_spacing(lines: list[str], index: int, exc: Any) -> Hint | None:
    """``hometown：東京都`` (a full-width colon) or ``hometown:東京都`` (no space): YAML sees no key there."""
    line = lines[index]
    fullwidth = _FULLWIDTH_COLON.match(line)
    if fullwidth:
        key = fullwidth.group(1)
        return Hint(index + 1, fullwidth.start(2) + 1, f"「{key}」の後の「：」が全角のコロンです",
                    f"the colon after '{key}' is a full-width '：'",
                    f"半角の「:」に直し、その後に半角スペースを1つ入れてください（例: {key}: 値）",
                    f"use a half-width ':' followed by one space ({key}: value)")
    tight = _NO_SPACE.match(line)
    if tight:
        key = tight.group(1)
        return Hint(index + 1, tight.start(2) + 1, f"「{key}:」の後に半角スペースがありません",
                    f"there is no space after '{key}:'",
                    f"「:」の後に半角スペースを1つ入れてください（例: {key}: 値）", f"put one space after ':' ({key}: value)")
    return None


def _colon_in_value(lines: list[str], index: int, exc: Any) -> Hint | None:
    """``title: 移住相談: 窓口``: YAML reads the second ': ' as the start of a mapping."""
    if exc.problem != "mapping values are not allowed in this context" or exc.problem_mark is None:
        return None
    found = _KEY_VALUE.match(lines[index])
    mark = exc.problem_mark
    if not found or mark.line != index or mark.column <= found.start(4):
        return None
    value = found.group(4).rstrip()
    if value[:1] in ("'", '"', "|", ">", "[", "{", "&", "*", "!"):
        return None
    key = found.group(2)
    if mark.column + 1 >= len(lines[index].rstrip()):  # "title: 移住相談:"
        return Hint(index + 1, mark.column + 1, f"「{key}」の値が「:」で終わっています", f"the value of '{key}' ends with ':', "
                    "which YAML reads as a new key", *quote_fix(value))
    return Hint(index + 1, mark.column + 1, f"「{key}」の値の中に「: 」（コロンと空白）があります",
                f"the value of '{key}' contains ': ' (a colon and a space), which YAML reads as a new key",
                *quote_fix(value))


def _text_after_quote(lines: list[str], index: int, exc: Any) -> Hint | None:
    """``title: "移住" 相談``: only part of the value is in quotes, and YAML stops at the closing one."""
    mark = exc.problem_mark
    opening = _OPENING_QUOTE.match(lines[index])
    if mark is None or mark.line != index or not opening:
        return None
    closed = _CLOSED[opening.group(1)].match(lines[index], opening.start(1))
    rest = lines[index][closed.end():] if closed else ""
    if not closed or closed.end() > mark.column or not rest.strip() or rest.lstrip().startswith("#"):
        return None
    value = lines[index][opening.start(1):].rstrip()
    return Hint(index + 1, closed.end() + 1 + (len(rest) - len(rest.lstrip())), "引用符で囲んだ部分の後にも文字があります",
                "there is more text after the closing quote", *quote_fix(value))


_OPENING_QUOTE = re.compile(r"^ *(?:- +)?(?:[^\s#'\"][^#'\"]*?: +)?([\"'])")
_CLOSED = {'"': re.compile(r'"(?:[^"\\]|\\.)*"'), "'": re.compile(r"'(?:[^']|'')*'")}


def _unclosed_quote(lines: list[str], exc: Any, last: int) -> Hint | None:
    """A value that opens a quote and does not close it on its line, at or before the error: at its opening."""
    if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
        start = exc.context_mark
        line, col = start.line, start.column
        char = lines[line][col] if line < len(lines) and col < len(lines[line]) else '"'
        return _quote_hint(line, col, char)
    for index in range(min(last, len(lines) - 1), -1, -1):
        opening = _OPENING_QUOTE.match(lines[index])
        if not opening:
            continue
        char, col = opening.group(1), opening.start(1)
        closed = _CLOSED[char].match(lines[index], col)
        # "2023-04   # 着任年月 "YYYY-MM"": the quote that seems to close it stands in the comment after it.
        if not closed or re.search(r"\s{2,}#", closed.group()):
            return _quote_hint(index, col, char)
    return None


def _quote_hint(line: int, col: int, char: str) -> Hint:
    return Hint(line + 1, col + 1, f"ここで始まる引用符「{char}」が閉じていません", f"the quote {char} opened here is never closed",
                f"値の終わりにも「{char}」を書いてください（同じ行の中で閉じます）",
                f"add the closing {char} at the end of the value, on the same line")


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


def _unindented_block(text: str) -> Hint | None:
    line = unindented_block_line(text)
    if line is None:
        return None
    return Hint(line, 1, "「|」の次の行からの文章に字下げがありません", "the text after 'key: |' is not indented",
                "文章の各行の先頭に半角スペースを2つ入れてください（項目名より深く）",
                "start every line of the text with two spaces (deeper than the key)")


def _continued_line(lines: list[str], exc: Any) -> Hint | None:
    """``goals: 文章の途中で\\n改行した続き``: YAML wants the continuation as a key, and reports the line after it."""
    if exc.context != "while scanning a simple key" or exc.context_mark is None:
        return None
    index = exc.context_mark.line
    if index >= len(lines) or ":" in lines[index]:
        return None
    above = index - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    found = _KEY_VALUE.match(lines[above]) if above >= 0 else None
    if not found or found.group(4)[:1] in ("", "|", ">", "'", '"', "#"):
        return None
    key, depth = found.group(2), len(found.group(1))
    return Hint(index + 1, exc.context_mark.column + 1, f"「{key}」の文章が次の行に続いていますが、「|」がありません",
                f"the text of '{key}' goes on to this line without '|'",
                f"1行につなげるか、「{key}: |」と書いて文章の各行を「{key}」より深く（半角スペース {depth + 2} 個で）字下げしてください",
                f"join the lines, or write '{key}: |' and indent every line of the text with {depth + 2} spaces")
