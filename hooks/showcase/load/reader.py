"""Safe YAML loading with a line:column mark for every node.

Contributors' YAML is untrusted.  We read it as a stream of parser events
(libyaml's C parser when available, PyYAML's pure-Python one otherwise) and
build plain Python data ourselves, so that:

* anchors, aliases and tags (``!!python/...``) are refused, never constructed;
* duplicate keys and extra documents are errors, not silently merged;
* each value keeps the exact line and column where it stands, so validation
  can point at the node itself rather than at its top-level key;
* a plain scalar that YAML 1.1 would turn into a non-string (``NO``, ``0600``,
  ``1:30``, ``2024-06-01``) is remembered, so the validator can explain why a
  text field did not get text;
* the file size and the nesting depth are checked *before* parsing (libyaml
  crashes on ``[`` repeated 100,000 times).

This is the one YAML reader: the build, ``scripts/validate``, the preview and
the scaffolders all read through :func:`load_document` or :func:`parse_document`,
so the size and depth limits guard every path.  The event reader is in
:mod:`showcase.load.events`; the result is a :class:`showcase.load.document.Document`.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import yaml

from showcase.check.problems import Problem
from showcase.load.document import Document, dotted
from showcase.load.events import MAX_DEPTH, Reject, bad_character, character_problem, compose
from showcase.load.hints import explain_syntax_error

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "Document", "bad_character", "dotted", "load_document", "parse_document"]

MAX_FILE_BYTES = 256 * 1024


def load_document(path: Path, display_path: str) -> Document:
    """Read one YAML file; problems are returned in ``Document.problems``."""
    doc = Document(display_path)
    try:
        # O_NOFOLLOW: a symbolic link is refused by the open itself (no check-then-open race), in one system call.
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))  # NONBLOCK: a FIFO cannot hang us
    except OSError as exc:
        if exc.errno == errno.ELOOP or os.path.islink(path):
            doc.problems.append(Problem(display_path, 1, 1, "", "シンボリックリンクは使えません", "symbolic links are not allowed",
                                        "実際のファイルを置いてください", "commit the file itself"))
        else:
            doc.problems.append(Problem(display_path, 1, 1, "", f"ファイルを読めません（{exc.strerror}）", f"cannot read the file ({exc.strerror})"))
        return doc
    try:
        size = os.fstat(fd).st_size
        if size > MAX_FILE_BYTES:
            doc.problems.append(Problem(display_path, 1, 1, "", f"ファイルが大きすぎます（{size:,} バイト、上限 {MAX_FILE_BYTES:,} バイト）",
                                        f"file is too large ({size:,} bytes, limit {MAX_FILE_BYTES:,})",
                                        "長い文章を短くしてください", "shorten the long texts"))
            return doc
        raw = os.read(fd, MAX_FILE_BYTES + 1)  # one system call for a whole record; bounded if the file grows meanwhile
        while len(raw) < size:  # a short read (rare): read the rest
            more = os.read(fd, MAX_FILE_BYTES + 1 - len(raw))
            if not more:
                break
            raw += more
    except OSError as exc:
        doc.problems.append(Problem(display_path, 1, 1, "", f"ファイルを読めません（{exc.strerror}）", f"cannot read the file ({exc.strerror})"))
        return doc
    finally:
        os.close(fd)
    return parse_document(raw, display_path, doc)


def parse_document(raw: bytes, display_path: str, doc: Document | None = None) -> Document:
    """Read YAML bytes (a file's, or text a tool holds): decoded, prescanned for size-independent limits, composed."""
    doc = doc or Document(display_path)
    text = _decode(raw, doc)
    if text is None:
        return doc
    if not _prescan(text, doc):
        return doc
    _compose_into(text, doc)
    return doc


def _compose_into(text: str, doc: Document) -> None:
    """Read ``text`` with every mark into ``doc``: its data, or its problems."""
    display_path = doc.path
    try:
        doc.data = compose(text, doc)
    except Reject as rejected:
        doc.problems.append(rejected.problem)
        doc.data = None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = exc.problem or exc.context or "syntax error"
        if "Unicode character escape" in reason:
            doc.problems.append(Problem(display_path, line, col, "", "不正な \\u エスケープ（単独のサロゲートなど）があります",
                                        "invalid \\u escape (for example a lone surrogate)",
                                        "その文字をエスケープせずにそのまま書いてください", "write the character itself, not an escape"))
            return
        hint = explain_syntax_error(text, exc)
        if hint is not None:  # the mistakes people really make, named at the line they have to change
            doc.problems.append(Problem(display_path, hint.line, hint.col, "", hint.ja, hint.en, hint.hint_ja, hint.hint_en))
            doc.data = None
            return
        doc.problems.append(Problem(display_path, line, col, "", f"YAML の書き方に誤りがあります（{reason}）",
                                    f"invalid YAML syntax ({reason})",
                                    "インデント、「:」の後の空白、引用符の閉じ忘れを確認してください",
                                    "check the indentation, the space after ':' and unclosed quotes"))
        doc.data = None
    except yaml.YAMLError as exc:  # reader errors without marks
        doc.problems.append(Problem(display_path, 1, 1, "", f"YAML として読めません（{exc}）", f"not readable as YAML ({exc})"))
        doc.data = None


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


def _decode(raw: bytes, doc: Document) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8", errors="replace")
        line, col = _line_col(good, len(good))
        doc.problems.append(Problem(doc.path, line, col, "", "UTF-8 として読めない文字があります",
                                    "the file contains bytes that are not valid UTF-8",
                                    "ファイルを UTF-8 で保存し直してください", "save the file as UTF-8"))
        return None


_BRACKET = re.compile(r"[\[\]{}]")


def _prescan(text: str, doc: Document) -> bool:
    """Checks that must run before the parser sees the text."""
    index = bad_character(text)
    if index >= 0:
        line, col = _line_col(text, index)
        doc.problems.append(character_problem(doc.path, line, col, (), text[index]))
        return False
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return True  # too few brackets to nest too deep: skip the scan
    depth = 0
    for bracket in _BRACKET.finditer(text):  # only the brackets, not every character
        char, index = bracket.group(), bracket.start()
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line, col = _line_col(text, index)
                doc.problems.append(Problem(doc.path, line, col, "", f"入れ子が深すぎます（上限 {MAX_DEPTH} 段）",
                                            f"nesting is deeper than {MAX_DEPTH} levels",
                                            "括弧の入れ子を減らしてください", "flatten the brackets"))
                return False
        elif char in "]}" and depth:
            depth -= 1
    return True
