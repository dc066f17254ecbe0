"""A fast reader for the plain block YAML that records are written in, straight from the text's lines.

PyYAML's C parser is quick, but it hands every node to Python as an event object with two mark objects,
and reading those was about half of ``scripts/validate``.  Records written from the templates use a
small part of YAML: block mappings with plain keys, block sequences, one-line plain or quoted scalars,
and ``|`` / ``>`` texts.  :func:`read_lines` reads exactly that part with a few string operations per
line and gives the data :func:`showcase.load.events.compose` would give (the same YAML 1.1 types,
NFC text), with PyYAML's marks under the top-level keys in ``keep``.

It is an accelerator, not a second YAML parser: at anything outside that part (flow collections,
anchors, tags, escapes, multi-line plain or quoted scalars, tabs, empty values, duplicate keys, ...)
it raises :class:`Fallback`, and the caller reads the file with :func:`~showcase.load.events.compose`,
which gives the data or explains the problem.  ``tests/unit/test_load_lines.py`` checks, on thousands
of generated and mutated records, that whatever it accepts PyYAML reads to the same data and marks.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any, NamedTuple

from showcase.load.events import MAX_DEPTH, Fallback, construct, plain_tag

if TYPE_CHECKING:  # pragma: no cover
    from showcase.load.reader import Document

__all__ = ["read_lines"]


class Mark(NamedTuple):
    """A node's place, 0-based like PyYAML's ``Mark`` (the fields :class:`Document` reads)."""

    line: int
    column: int


# Characters that make YAML's reading of a line differ from a plain split on "\n" (tabs, other line breaks, a BOM
# inside the text), or that YAML refuses (control characters, lone surrogates, non-characters): the whole file
# goes to PyYAML, which reads or explains it.
_UNSURE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
# Every line, split into its indentation, a sequence item's "- ", a plain key with its ":" and the rest.
_LINE = re.compile(r"^( *)(- +)?(?:([A-Za-z_][A-Za-z0-9_]*):(?: +|$))?(.*)$", re.MULTILINE)
_SINGLE = re.compile(r"'((?:[^']|'')*)'(?: *$| +#)")
_DOUBLE = re.compile(r'"([^"\\]*)"(?: *$| +#)')
_BLOCK_HEADER = re.compile(r"([|>])(-?)(?: *$| +#)")
_NOT_PLAIN_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@`")
_normalize = unicodedata.normalize


def read_lines(text: str, doc: Document, keep: frozenset[str]) -> Any:
    """The data of a record in plain block YAML; :class:`Fallback` for anything else."""
    if _UNSURE.search(text):
        raise Fallback
    reader = _Reader(text, doc, keep)
    tokens = reader.tokens
    start = reader.next_node(0)
    if start < len(tokens) and tokens[start] == ("", "", "", "---"):
        start = reader.next_node(start + 1)
    if start >= len(tokens) or tokens[start][0] or tokens[start][1] or not tokens[start][2]:
        raise Fallback  # an empty file, or a document that is not a mapping at the left edge
    data, end = reader.mapping(start, 0, (), 0, False)
    if end < len(tokens):
        raise Fallback  # something after the mapping: a second document, or a line PyYAML must explain
    return data


class _Reader:
    __slots__ = ("tokens", "lines", "marks", "key_marks", "implicit", "keep")

    def __init__(self, text: str, doc: Document, keep: frozenset[str]):
        self.tokens = _LINE.findall(text)  # one per line, so tokens[i] is lines[i]
        self.lines = text.split("\n")
        self.marks, self.key_marks, self.implicit = doc.marks, doc.key_marks, doc.implicit
        self.keep = keep

    def next_node(self, index: int) -> int:
        """The index of the next line that holds a node (past blank and comment lines), or len(tokens)."""
        tokens = self.tokens
        while index < len(tokens):
            _indent, dash, key, rest = tokens[index]
            if dash or key or (rest and rest[0] != "#"):
                return index
            index += 1
        return index

    def mapping(self, index: int, column: int, loc: tuple | None, depth: int, marking: bool) -> tuple[dict, int]:
        """The block mapping (at ``depth``, the root's is 0) whose first key is on line ``index`` at ``column``.

        Returns it and the index of the next line that holds a node.  This is the hot path (a record is
        about forty lines): a plain scalar's case is written inline.
        """
        if depth >= MAX_DEPTH:
            raise Fallback  # its values would be deeper than compose() allows (a block mapping has at least one)
        tokens, count, mapping = self.tokens, len(self.tokens), {}
        keep = self.keep if depth == 0 else ()
        _indent, _dash, key, rest = tokens[index]  # the caller checked the first line's column
        while True:
            if key in mapping:
                raise Fallback  # compose() reports the duplicate
            if marking or key in keep:
                path = (loc or ()) + (key,)
                self.key_marks[path] = Mark(index, column)
                mapping[key], index = self.value(index, rest, column, path, depth + 1, True, block_scalar=True)
            elif rest and rest[0] not in _NOT_PLAIN_FIRST:
                mapping[key] = _plain(rest)
                index += 1
            else:
                mapping[key], index = self.value(index, rest, column, None, depth + 1, False, block_scalar=True)
            index = self.next_node(index)
            if index >= count:
                return mapping, index
            indent, dash, key, rest = tokens[index]
            if len(indent) != column or dash or not key:
                if len(indent) < column:
                    return mapping, index
                raise Fallback  # a continued scalar, an item where a key belongs, or a line PyYAML must explain

    def sequence(self, index: int, column: int, loc: tuple | None, depth: int, marking: bool) -> tuple[list, int]:
        """The block sequence (at ``depth``) whose first "- " is on line ``index`` at ``column``."""
        if depth >= MAX_DEPTH:
            raise Fallback  # its items would be deeper than compose() allows (a block sequence has at least one)
        tokens, count, items = self.tokens, len(self.tokens), []
        _indent, dash, key, rest = tokens[index]
        while True:
            path = loc + (len(items),) if marking else None
            if key:
                start = column + len(dash)
                if marking:
                    self.marks[path] = Mark(index, start)
                item, index = self.mapping(index, start, path, depth + 1, marking)
            elif not rest or rest[0] == "#":
                raise Fallback  # the item is a block on the next lines
            else:
                item, index = self.value(index, rest, column, path, depth + 1, marking, block_scalar=False)
            items.append(item)
            index = self.next_node(index)
            if index >= count:
                return items, index
            indent, dash, key, rest = tokens[index]
            if len(indent) != column or not dash:
                if len(indent) < column or (len(indent) == column and not rest.startswith("-")):
                    return items, index  # the end, or the next key of the mapping this sequence is a value of
                raise Fallback  # a continued scalar, "-x" or "-" alone

    def value(self, index: int, rest: str, parent: int, loc: tuple | None, depth: int, marking: bool,
              block_scalar: bool) -> tuple[Any, int]:
        """The node (at ``depth``) that ``rest`` of line ``index`` starts; returns it and the line after it."""
        first = rest[:1]
        if first == "" or first == "#":
            return self.nested(index, parent, loc, depth, marking)
        if marking:
            self.marks[loc] = Mark(index, len(self.lines[index]) - len(rest))
        if first == "'":
            found = _SINGLE.match(rest)
            if found is None:
                raise Fallback  # a quoted text over several lines, or something after the quote
            return _normalize("NFC", found.group(1).replace("''", "'")), index + 1
        if first == '"':
            found = _DOUBLE.match(rest)
            if found is None:
                raise Fallback  # escapes, or several lines
            return _normalize("NFC", found.group(1)), index + 1
        if first in "|>" and block_scalar:
            return self.block_scalar(index, rest, parent)
        if first in _NOT_PLAIN_FIRST:
            raise Fallback
        text = _plain_text(rest)
        tag = plain_tag(text)
        if tag is None:
            return _normalize("NFC", text), index + 1
        if marking:
            self.implicit[loc] = (tag, text)
        return construct(tag, text), index + 1

    def nested(self, index: int, parent: int, loc: tuple | None, depth: int, marking: bool) -> tuple[Any, int]:
        """The block collection on the lines after a key with nothing after its ":"."""
        index = self.next_node(index + 1)
        if index >= len(self.tokens):
            raise Fallback  # an empty value: compose() gives it its null
        indent, dash, key, _rest = self.tokens[index]
        column = len(indent)
        if column < parent or (column == parent and not dash) or (not dash and not key):
            raise Fallback
        if marking:
            self.marks[loc] = Mark(index, column)
        if dash:
            return self.sequence(index, column, loc, depth, marking)
        return self.mapping(index, column, loc, depth, marking)

    def block_scalar(self, index: int, header: str, parent: int) -> tuple[str, int]:
        """A ``|`` or ``>`` text (clip or strip chomping, no indentation indicator)."""
        found = _BLOCK_HEADER.match(header)
        if found is None:
            raise Fallback
        literal, strip = found.group(1) == "|", found.group(2) == "-"
        tokens, lines = self.tokens, self.lines
        body: list[str] = []
        indent = 0
        last = index  # the last line with text
        index += 1
        while index < len(tokens):
            spaces, dash, key, rest = tokens[index]
            if not (dash or key or rest):
                if not indent or len(spaces) > indent:
                    raise Fallback  # blank lines before the text, or spaces that would be text
                body.append("")
            else:
                if not indent:
                    if len(spaces) <= parent:
                        raise Fallback  # an empty text
                    indent = len(spaces)
                elif len(spaces) < indent:
                    break
                body.append(lines[index][indent:])
                last = index
            index += 1
        if not indent:
            raise Fallback
        if index < len(tokens) and len(tokens[index][0]) > parent:
            raise Fallback  # a line between the text's indentation and its key's
        del body[len(body) - (index - 1 - last):]  # trailing blank lines are not part of the text
        if literal:
            text = "\n".join(body)
        else:
            if "" in body or any(part[:1] == " " for part in body):
                raise Fallback  # folding with blank or more-indented lines
            text = " ".join(body)
        if not strip and last + 1 < len(tokens):
            text += "\n"
        return _normalize("NFC", text), index


def _plain_text(rest: str) -> str:
    """A one-line plain scalar's text (``rest`` starts with a plain character): up to a comment, trimmed."""
    comment = rest.find(" #")
    text = (rest[:comment] if comment >= 0 else rest).rstrip(" ")
    if ": " in text or text[-1] == ":":
        raise Fallback  # a mapping PyYAML must explain
    return text


def _plain(rest: str) -> Any:
    """A one-line plain scalar's value, with YAML 1.1's types."""
    text = _plain_text(rest)
    tag = plain_tag(text)
    return _normalize("NFC", text) if tag is None else construct(tag, text)
