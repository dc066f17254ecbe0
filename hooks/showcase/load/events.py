"""Reading a YAML record's parser events into plain data (see :mod:`showcase.load.reader` for why we do it ourselves).

:func:`compose` keeps every value's mark and each unquoted non-text scalar, so that a problem can point
at its node, and refuses anchors, aliases, tags, duplicate keys, deep nesting and bad escapes, reporting
what is wrong as a :class:`Reject`.  Every record is read here, through libyaml's event parser when it is
installed (PyYAML's own otherwise).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from showcase.check.problems import Problem
from showcase.load.document import Document, Loc, dotted
from showcase.load.hints import dropped_comment, dropped_comment_message

MAX_DEPTH = 12

_Parser = getattr(yaml, "CLoader", yaml.SafeLoader)
_resolver = Resolver()
_constructor = SafeConstructor()
_STR = "tag:yaml.org,2002:str"
# First characters for which YAML 1.1 might resolve a plain scalar to a non-string (anything else is text).
_IMPLICIT_FIRST = frozenset(_resolver.yaml_implicit_resolvers)
_IMPLICIT_ANY = None in _IMPLICIT_FIRST  # a wildcard resolver (none by default) disables the shortcut
# The one rule for characters a record, case or statistics file may not hold, anywhere in it:
# * control characters (C0 except tab, LF and CR; DEL; C1) and lone surrogates: XML 1.0 cannot carry them, so
#   one of them would make feed.xml, sitemap.xml or an SVG chart not well-formed;
# * noncharacters (U+FDD0..U+FDEF and the last two code points of every plane, U+FFFE/U+FFFF among them):
#   also illegal in XML, and never text;
# * bidirectional controls (U+202A..U+202E, U+2066..U+2069, and the marks U+200E, U+200F, U+061C): they make a
#   text or an address display differently from what it is (https://evil.example/#\u202Epj.og...).
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff"
_NONCHARACTER = "\ufdd0-\ufdef" + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_BAD_CHARACTER = re.compile(f"[{_CONTROL}{_NONCHARACTER}{_BIDI}]")
_NONCHARACTERS = re.compile(f"[{_NONCHARACTER}]")
_BIDIS = re.compile(f"[{_BIDI}]")
_normalize = unicodedata.normalize


def bad_character(text: str) -> int:
    """Index of the first character no field may hold (see ``_BAD_CHARACTER``), or -1."""
    found = _BAD_CHARACTER.search(text)
    return found.start() if found else -1


def character_problem(path: str, line: int, col: int, loc: Loc, char: str, *, escaped: bool = False) -> Problem:
    """The problem for a refused character, named by its kind, with the fix."""
    code = f"U+{ord(char):04X}"
    if _BIDIS.match(char):
        ja, en = (f"文字の表示順を変える制御文字 {code} があります（見た目と実際の内容が食い違います）",
                  f"bidirectional control {code} is not allowed (it makes text display differently from what it is)")
    elif _NONCHARACTERS.match(char):
        ja, en = f"文字ではない符号 {code}（非文字）があります", f"noncharacter {code} is not allowed"
    elif escaped:
        ja, en = (f"使えない文字 {code}（制御文字または不正なサロゲート）があります",
                  f"character {code} (a control character or lone surrogate) is not allowed")
    else:
        ja, en = f"使えない制御文字 {code} があります", f"control character {code} is not allowed"
    if escaped:
        return Problem(path, line, col, dotted(loc), ja, en, "エスケープ（\\u など）で書いた文字を確認してください",
                       "check characters written as escapes (\\u...)")
    return Problem(path, line, col, dotted(loc), ja, en, "その文字を削除してください", "delete that character")



class Reject(Exception):
    """A problem that stops reading the file."""

    def __init__(self, problem: Problem):
        self.problem = problem


_TAG_MEMO: dict[str, str | None] = {}  # records repeat their dates and numbers ("2019-04", "22")


def plain_tag(value: str) -> str | None:
    """The YAML 1.1 type a plain (unquoted) scalar resolves to, when it is not text."""
    if not _IMPLICIT_ANY and value[:1] not in _IMPLICIT_FIRST:
        return None
    try:
        return _TAG_MEMO[value]
    except KeyError:
        pass
    tag = _resolver.resolve(ScalarNode, value, (True, False))
    tag = None if tag == _STR else tag
    if len(_TAG_MEMO) >= 4096:
        _TAG_MEMO.clear()
    _TAG_MEMO[value] = tag
    return tag


def implicit_tag(event: Any) -> str | None:
    """The YAML 1.1 type an unquoted scalar event resolves to, when it is not text."""
    if not event.style and event.implicit[0]:
        return plain_tag(event.value)
    return None


def construct(tag: str, value: str) -> Any:
    try:
        return _constructor.construct_object(ScalarNode(tag, value))
    except (ValueError, yaml.YAMLError):
        return value


def compose(text: str, doc: Document) -> Any:
    """The data of one YAML document, with marks; problems raise :class:`Reject`."""
    parser = _Parser(text)
    try:
        events = _EventReader(parser, doc, text)
        events.expect(yaml.StreamStartEvent)
        if events.peek_is(yaml.StreamEndEvent):
            raise Reject(Problem(doc.path, 1, 1, "", "ファイルが空です", "the file is empty",
                                  "テンプレート（scripts/new-profile など）から作り直してください", "start again from the template"))
        events.expect(yaml.DocumentStartEvent)
        data = events.node((), depth=0)
        events.expect(yaml.DocumentEndEvent)
        if not events.peek_is(yaml.StreamEndEvent):
            event = events.next()
            raise Reject(Problem(doc.path, event.start_mark.line + 1, event.start_mark.column + 1, "",
                                  "1つのファイルに書けるのは1つの文書だけです（「---」が2つ目の文書を始めています）",
                                  "only one YAML document is allowed per file ('---' starts a second one)",
                                  "2つ目の「---」以降を削除するか、別のレコードに分けてください",
                                  "remove everything from the second '---', or make it a separate record"))
        return data
    finally:
        parser.dispose()



_ScalarEvent, _SequenceStartEvent, _SequenceEndEvent, _MappingStartEvent, _MappingEndEvent = (
    yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.SequenceEndEvent, yaml.MappingStartEvent, yaml.MappingEndEvent)
_PLAIN_NODE_EVENTS = frozenset({yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent})


class _EventReader:
    def __init__(self, parser: Any, doc: Document, text: str = ""):
        self.parser = parser
        self.doc = doc
        # Lines to look for a '#' that cut an unquoted value short (see _check_comment); None when there is none.
        self.lines = text.split("\n") if " #" in text else None

    def next(self) -> Any:
        return self.parser.get_event()

    def peek_is(self, kind: type) -> bool:
        return self.parser.check_event(kind)

    def expect(self, kind: type) -> Any:
        event = self.next()
        if not isinstance(event, kind):  # pragma: no cover - the parser guarantees the order
            raise Reject(Problem(self.doc.path, event.start_mark.line + 1, event.start_mark.column + 1, "",
                                  "YAML の構造が想定外です", "unexpected YAML structure"))
        return event

    def _reject_features(self, event: Any) -> None:
        line, col = event.start_mark.line + 1, event.start_mark.column + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise Reject(Problem(self.doc.path, line, col, "", "アンカー（&）とエイリアス（*）は使えません",
                                  "YAML anchors (&) and aliases (*) are not allowed",
                                  "同じ内容をそのまま書いてください", "write the value out in full"))
        if getattr(event, "tag", None):
            raise Reject(Problem(self.doc.path, line, col, "", f"タグ（{event.tag}）は使えません",
                                  f"YAML tags ({event.tag}) are not allowed",
                                  "「!」で始まる部分を削除し、値は引用符で囲んでください",
                                  "delete the part starting with '!' and quote the value"))

    def node(self, loc: Loc, depth: int, event: Any = None) -> Any:
        """Build the value starting at ``event`` (read from the parser when not given).

        This is the loader's hot path (about 50 events a record, 35,000 records): names are bound to
        locals, a scalar child is built in its parent's loop, and a node's mark is kept as the parser's
        own object (:meth:`Document.position` turns it into line:column when a problem needs it).
        """
        if event is None:
            event = self.parser.get_event()
        kind = type(event)
        if kind not in _PLAIN_NODE_EVENTS or event.anchor is not None or event.tag is not None:
            self._reject_features(event)
        if depth > MAX_DEPTH:
            self._too_deep(event, loc)
        self.doc.marks[loc] = event.start_mark
        if kind is _ScalarEvent:
            return self._scalar(event, loc)
        if kind is _MappingStartEvent:
            return self._mapping(loc, depth)
        return self._sequence(loc, depth)

    def _too_deep(self, event: Any, loc: Loc) -> None:
        mark = event.start_mark
        raise Reject(Problem(self.doc.path, mark.line + 1, mark.column + 1, dotted(loc),
                              f"入れ子が深すぎます（上限 {MAX_DEPTH} 段）", f"nesting is deeper than {MAX_DEPTH} levels"))

    def _child(self, event: Any, loc: Loc, depth: int) -> Any:
        """:meth:`node` for an event already read, with a plain scalar's case inline."""
        if type(event) is _ScalarEvent and event.anchor is None and event.tag is None and depth <= MAX_DEPTH:
            self.doc.marks[loc] = event.start_mark
            return self._scalar(event, loc)
        return self.node(loc, depth, event)

    def _sequence(self, loc: Loc, depth: int) -> list[Any]:
        items: list[Any] = []
        get_event, child = self.parser.get_event, self._child
        depth += 1
        while True:  # one event of lookahead instead of check_event()
            event = get_event()
            if type(event) is _SequenceEndEvent:
                return items
            items.append(child(event, loc + (len(items),), depth))

    def _mapping(self, loc: Loc, depth: int) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        get_event, child, key_marks = self.parser.get_event, self._child, self.doc.key_marks
        depth += 1
        while True:
            key_event = get_event()
            kind = type(key_event)
            if kind is _MappingEndEvent:
                return mapping
            if kind not in _PLAIN_NODE_EVENTS or key_event.anchor is not None or key_event.tag is not None:
                self._reject_features(key_event)
            if kind is not _ScalarEvent:
                mark = key_event.start_mark
                raise Reject(Problem(self.doc.path, mark.line + 1, mark.column + 1, dotted(loc), "キーには文字列を使ってください",
                                      "keys must be plain text"))
            key = key_event.value
            path = loc + (key,)
            if key in mapping:
                self._duplicate(key_event, path, depth)
                continue
            key_marks[path] = key_event.start_mark
            mapping[key] = child(get_event(), path, depth)

    def _duplicate(self, key_event: Any, path: Loc, depth: int) -> None:
        first = self.doc.position(path, key=True)
        mark, key = key_event.start_mark, key_event.value
        self.doc.problems.append(Problem(self.doc.path, mark.line + 1, mark.column + 1, dotted(path),
                                         f"キー「{key}」が重複しています（{first[0]} 行目にもあります）",
                                         f"duplicate key '{key}' (also on line {first[0]})",
                                         "どちらか一方を削除してください", "delete one of them"))
        self.node(path + ("<duplicate>",), depth)

    def _check_comment(self, event: Any, loc: Loc) -> None:
        """``title: 移住相談 #1窓口`` reads as 移住相談: report the text YAML dropped (see showcase.load.hints)."""
        end = event.end_mark
        tail = self.lines[end.line][end.column:] if end.line < len(self.lines) else ""
        index = dropped_comment(tail)
        if index is not None:
            self.doc.problems.append(Problem(self.doc.path, end.line + 1, end.column + index + 1, dotted(loc),
                                             *dropped_comment_message(event.value, tail)))

    def _scalar(self, event: Any, loc: Loc) -> Any:
        if self.lines is not None and not event.style:
            self._check_comment(event, loc)
        tag = implicit_tag(event)
        if tag is not None:
            self.doc.implicit[loc] = (tag, event.value)
            return construct(tag, event.value)
        value = event.value
        # Only a double-quoted scalar can hold escapes (\x07, \ud800); any other text was checked by the prescan.
        index = bad_character(value) if event.style == '"' else -1
        if index >= 0:
            mark = event.start_mark
            raise Reject(character_problem(self.doc.path, mark.line + 1, mark.column + 1, loc, value[index], escaped=True))
        return _normalize("NFC", value)
