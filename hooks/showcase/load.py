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
"""

from __future__ import annotations

import errno
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from .load_hints import unindented_block_line
from .problems import Problem

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 12

Loc = tuple[Any, ...]

_Parser = getattr(yaml, "CLoader", yaml.SafeLoader)
_resolver = Resolver()
_constructor = SafeConstructor()
_STR = "tag:yaml.org,2002:str"
# First characters for which YAML 1.1 might resolve a plain scalar to a non-string (anything else is text).
_IMPLICIT_FIRST = frozenset(_resolver.yaml_implicit_resolvers)
_IMPLICIT_ANY = None in _IMPLICIT_FIRST  # a wildcard resolver (none by default) disables the shortcut
_TAG_NAMES = {
    "tag:yaml.org,2002:bool": ("真偽値", "a boolean"),
    "tag:yaml.org,2002:int": ("整数", "an integer"),
    "tag:yaml.org,2002:float": ("小数", "a number"),
    "tag:yaml.org,2002:null": ("空の値（null）", "null"),
    "tag:yaml.org,2002:timestamp": ("日付", "a date"),
}


@dataclass
class Document:
    """A parsed YAML file: its data and where each value stands."""

    path: str
    data: Any = None
    marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    implicit: dict[Loc, tuple[str, str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """The closest known position for ``loc`` (falling back to its parents)."""
        loc = tuple(loc)
        while True:
            if key and loc in self.key_marks:
                return self.key_marks[loc]
            if loc in self.marks:
                return self.marks[loc]
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


def dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Reject(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


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
    doc = doc or Document(display_path)
    text = _decode(raw, doc)
    if text is None:
        return doc
    if not _prescan(text, doc):
        return doc
    try:
        doc.data = _compose(text, doc)
    except _Reject as rejected:
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
            return doc
        block_line = unindented_block_line(text)
        if block_line is not None:  # the most frequent mistake in the template: text under "key: |" not indented
            doc.problems.append(Problem(display_path, block_line, 1, "", "「|」の次の行からの文章に字下げがありません",
                                        "the text after 'key: |' is not indented",
                                        "文章の各行の先頭に半角スペースを2つ入れてください（項目名より深く）",
                                        "start every line of the text with two spaces (deeper than the key)"))
            doc.data = None
            return doc
        doc.problems.append(Problem(display_path, line, col, "", f"YAML の書き方に誤りがあります（{reason}）",
                                    f"invalid YAML syntax ({reason})",
                                    "インデント、「:」の後の空白、引用符の閉じ忘れを確認してください",
                                    "check the indentation, the space after ':' and unclosed quotes"))
        doc.data = None
    except yaml.YAMLError as exc:  # reader errors without marks
        doc.problems.append(Problem(display_path, 1, 1, "", f"YAML として読めません（{exc}）", f"not readable as YAML ({exc})"))
        doc.data = None
    return doc


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


_BAD_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_BRACKET = re.compile(r"[\[\]{}]")


def bad_character(text: str) -> int:
    """Index of the first control character or lone surrogate (tab, LF and CR are fine), or -1."""
    found = _BAD_CHARACTER.search(text)
    return found.start() if found else -1


def _prescan(text: str, doc: Document) -> bool:
    """Checks that must run before the parser sees the text."""
    index = bad_character(text)
    if index >= 0:
        line, col = _line_col(text, index)
        doc.problems.append(Problem(doc.path, line, col, "", f"使えない制御文字 U+{ord(text[index]):04X} があります",
                                    f"control character U+{ord(text[index]):04X} is not allowed",
                                    "その文字を削除してください", "delete that character"))
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


def _compose(text: str, doc: Document) -> Any:
    parser = _Parser(text)
    try:
        events = _EventReader(parser, doc)
        events.expect(yaml.StreamStartEvent)
        if events.peek_is(yaml.StreamEndEvent):
            raise _Reject(Problem(doc.path, 1, 1, "", "ファイルが空です", "the file is empty",
                                  "テンプレート（scripts/new-profile など）から作り直してください", "start again from the template"))
        events.expect(yaml.DocumentStartEvent)
        data = events.node((), depth=0)
        events.expect(yaml.DocumentEndEvent)
        if not events.peek_is(yaml.StreamEndEvent):
            event = events.next()
            raise _Reject(Problem(doc.path, event.start_mark.line + 1, event.start_mark.column + 1, "",
                                  "1つのファイルに書けるのは1つの文書だけです（「---」が2つ目の文書を始めています）",
                                  "only one YAML document is allowed per file ('---' starts a second one)",
                                  "2つ目の「---」以降を削除するか、別のレコードに分けてください",
                                  "remove everything from the second '---', or make it a separate record"))
        return data
    finally:
        parser.dispose()


_PLAIN_NODE_EVENTS = frozenset({yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent})


class _EventReader:
    def __init__(self, parser: Any, doc: Document):
        self.parser = parser
        self.doc = doc

    def next(self) -> Any:
        return self.parser.get_event()

    def peek_is(self, kind: type) -> bool:
        return self.parser.check_event(kind)

    def expect(self, kind: type) -> Any:
        event = self.next()
        if not isinstance(event, kind):  # pragma: no cover - the parser guarantees the order
            raise _Reject(Problem(self.doc.path, event.start_mark.line + 1, event.start_mark.column + 1, "",
                                  "YAML の構造が想定外です", "unexpected YAML structure"))
        return event

    def _reject_features(self, event: Any) -> None:
        line, col = event.start_mark.line + 1, event.start_mark.column + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Reject(Problem(self.doc.path, line, col, "", "アンカー（&）とエイリアス（*）は使えません",
                                  "YAML anchors (&) and aliases (*) are not allowed",
                                  "同じ内容をそのまま書いてください", "write the value out in full"))
        if getattr(event, "tag", None):
            raise _Reject(Problem(self.doc.path, line, col, "", f"タグ（{event.tag}）は使えません",
                                  f"YAML tags ({event.tag}) are not allowed",
                                  "「!」で始まる部分を削除し、値は引用符で囲んでください",
                                  "delete the part starting with '!' and quote the value"))

    def node(self, loc: Loc, depth: int, event: Any = None) -> Any:
        """Build the value starting at ``event`` (read from the parser when not given)."""
        if event is None:
            event = self.parser.get_event()
        kind = type(event)
        if kind not in _PLAIN_NODE_EVENTS or event.anchor is not None or event.tag is not None:
            self._reject_features(event)
        mark = event.start_mark
        if depth > MAX_DEPTH:
            raise _Reject(Problem(self.doc.path, mark.line + 1, mark.column + 1, dotted(loc),
                                  f"入れ子が深すぎます（上限 {MAX_DEPTH} 段）", f"nesting is deeper than {MAX_DEPTH} levels"))
        self.doc.marks[loc] = (mark.line + 1, mark.column + 1)
        if kind is yaml.ScalarEvent:
            return self._scalar(event, loc)
        if kind is yaml.SequenceStartEvent:
            items: list[Any] = []
            get_event = self.parser.get_event
            while True:  # one event of lookahead instead of check_event(): this loop is the loader's hot path
                child = get_event()
                if type(child) is yaml.SequenceEndEvent:
                    return items
                items.append(self.node(loc + (len(items),), depth + 1, child))
        if kind is yaml.MappingStartEvent:
            return self._mapping(loc, depth)
        raise _Reject(Problem(self.doc.path, mark.line + 1, mark.column + 1, dotted(loc),
                              "YAML の構造が想定外です", "unexpected YAML structure"))

    def _mapping(self, loc: Loc, depth: int) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        get_event = self.parser.get_event
        while True:
            key_event = get_event()
            kind = type(key_event)
            if kind is yaml.MappingEndEvent:
                return mapping
            if kind not in _PLAIN_NODE_EVENTS or key_event.anchor is not None or key_event.tag is not None:
                self._reject_features(key_event)
            line, col = key_event.start_mark.line + 1, key_event.start_mark.column + 1
            if kind is not yaml.ScalarEvent:
                raise _Reject(Problem(self.doc.path, line, col, dotted(loc), "キーには文字列を使ってください",
                                      "keys must be plain text"))
            key = key_event.value
            child = loc + (key,)
            if key in mapping:
                first = self.doc.key_marks[child]
                self.doc.problems.append(Problem(self.doc.path, line, col, dotted(child),
                                                 f"キー「{key}」が重複しています（{first[0]} 行目にもあります）",
                                                 f"duplicate key '{key}' (also on line {first[0]})",
                                                 "どちらか一方を削除してください", "delete one of them"))
                self.node(child + ("<duplicate>",), depth + 1)
                continue
            self.doc.key_marks[child] = (line, col)
            mapping[key] = self.node(child, depth + 1)

    def _scalar(self, event: Any, loc: Loc) -> Any:
        value = event.value
        if not event.style and event.implicit[0] and (_IMPLICIT_ANY or value[:1] in _IMPLICIT_FIRST):
            tag = _resolver.resolve(ScalarNode, value, (True, False))
            if tag != _STR:
                self.doc.implicit[loc] = (tag, value)
                try:
                    return _constructor.construct_object(ScalarNode(tag, value))
                except (ValueError, yaml.YAMLError):
                    return value
        # Only a double-quoted scalar can hold escapes (\x07, \ud800); any other text was checked by _prescan.
        index = bad_character(value) if event.style == '"' else -1
        if index >= 0:
            raise _Reject(Problem(self.doc.path, event.start_mark.line + 1, event.start_mark.column + 1, dotted(loc),
                                  f"使えない文字 U+{ord(value[index]):04X}（制御文字または不正なサロゲート）があります",
                                  f"character U+{ord(value[index]):04X} (a control character or lone surrogate) is not allowed",
                                  "エスケープ（\\u など）で書いた文字を確認してください", "check characters written as escapes (\\u...)"))
        return unicodedata.normalize("NFC", value)
