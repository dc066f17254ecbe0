"""The line reader (showcase.load.lines) reads what it accepts exactly as PyYAML does, and hands it the rest.

Whatever :func:`read_lines` accepts must give :func:`compose`'s data (the same types, not just equal
values), the same marks under the kept keys, and no problem PyYAML would have found.  The hand-written
cases pin each construct; the differential test mutates thousands of generated records with the
characters and shapes that matter to YAML and compares the two readers on every mutant.
"""

from __future__ import annotations

import datetime
import random
import re

import pytest

from showcase.content.record_template import case_template, profile_template
from showcase.load.events import Fallback, Reject, compose
from showcase.load.lines import read_lines
from showcase.load.reader import Document
from showcase_devtools.corpus import make_case, make_profile, plan_corpus, record_yaml
from tests.factories import case, dump, profile


def typed(value):
    """``value`` with every scalar's type beside it: 1, 1.0 and True are equal in Python, not in a record."""
    if isinstance(value, dict):
        return {key: typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [typed(item) for item in value]
    return (type(value).__name__, value)


def full_read(text: str) -> Document | None:
    """PyYAML's reading of ``text`` (every mark), or None when it refuses it."""
    doc = Document("x.yml")
    try:
        doc.data = compose(text, doc)
    except Exception:  # Reject, or libyaml's own errors
        return None
    return None if doc.problems else doc


def line_read(text: str, keep: frozenset[str]) -> Document | None:
    """The line reader's reading of ``text`` with marks under ``keep``, or None when it hands the text on."""
    doc = Document("x.yml")
    try:
        doc.data = read_lines(text, doc, keep)
    except Fallback:
        return None
    return doc


def positions(marks: dict) -> dict:
    return {loc: (mark.line, mark.column) for loc, mark in marks.items()}


def assert_same_reading(text: str) -> bool:
    """True when the line reader accepted ``text``; then it must agree with PyYAML in every respect."""
    full = full_read(text)
    keep = frozenset(full.data) if full is not None and isinstance(full.data, dict) else frozenset()  # every top-level key
    fast = line_read(text, keep)
    if fast is None:
        return False
    assert full is not None, f"the line reader accepted what PyYAML refuses:\n{text}"
    assert typed(fast.data) == typed(full.data), text
    assert positions(fast.marks) == {loc: pos for loc, pos in positions(full.marks).items() if loc and loc[0] in keep}, text
    assert positions(fast.key_marks) == {loc: pos for loc, pos in positions(full.key_marks).items() if loc[0] in keep}, text
    assert fast.implicit == {loc: info for loc, info in full.implicit.items() if loc[0] in keep}, text
    return True


ACCEPTED = {
    "plain and quoted": "a: text\nb: 'it''s'\nc: \"quoted\"\nd: 東京都 八王子市\n",
    "yaml 1.1 types": "n: 12\nf: 1.5\nb: yes\no: 0600\ns: 1:30\nd: 2024-06-01\nm: 2019-04\nt: ~\nx: .inf\n",
    "comments": "# top\na: 1  # after\n   # indented comment\nb: 'x'  # after a quote\n\n\nc: x#not a comment\n",
    "document start": "# schema\n---\na: 1\n",
    "nested mapping": "term:\n  start: '2023-04'\n  end: '2026-03'\nz: 1\n",
    "sequence at the key's column": "fields:\n- 観光\n- 環境保全\nnext: 1\n",
    "indented sequence of mappings": "links:\n  - label: ブログ\n    url: https://example.jp/a\n  - label: x\n    url: y\n",
    "literal text": "motivation: |\n  一行目\n\n  三行目\n    字下げ\nnext: 1\n",
    "literal strip and trailing blank lines": "a: |-\n  one\n  two\n\n\nb: |\n  x\n\n",
    "literal at the end without a line break": "a: |\n  x",
    "folded": "note: >-\n  one\n  two\nb: >\n  three\n",
    "text under a sequence item's key": "activities:\n  - title: 朝市\n    body: |\n      毎週土曜日\n      **太字**\n  - title: b\n    body: c\n",
    "keys that YAML would type": "yes: 1\nnull: 2\n",
    "brackets inside a plain scalar": "a: x]\nb: x,y{z}\nc: http://example.jp/?q=1#top\n",
    "normalisation": "a: cafe\u0301\nb: 'cafe\u0301'\nc: |\n  cafe\u0301\nd: \"cafe\u0301\"\n",
}

FALLBACKS = {
    "flow sequence": "fields: [a, b]\n",
    "flow mapping": "term: {start: x}\n",
    "anchor": "a: &x 1\nb: *x\n",
    "tag": "a: !!str 1\n",
    "escape": 'a: "\\u3042"\n',
    "multi-line plain": "a: one\n  two\n",
    "multi-line quoted": "a: 'one\n  two'\n",
    "empty value": "a:\nb: 1\n",
    "duplicate key": "a: 1\na: 2\n",
    "second document": "a: 1\n---\nb: 2\n",
    "tab": "a:\tx\n",
    "carriage return": "a: x\r\n",
    "control character": "a: x\x07y\n",
    "another line break": "a: x\u2028y\n",
    "text before the lines of a literal": "a: |\n\n  x\n",
    "literal keep": "a: |+\n  x\n",
    "indentation indicator": "a: |2\n  x\n",
    "folded with a blank line": "a: >\n  x\n\n  y\n",
    "mapping in a plain scalar": "a: b: c\n",
    "full-width space after the colon": "a:\u3000x\n",
    "a top-level sequence": "- a\n- b\n",
    "an empty file": "# only a comment\n",
    "deep nesting": "".join(f"{'  ' * depth}k:\n" for depth in range(14)) + "  " * 14 + "v: 1\n",
    "a value one level too deep": "".join(f"{'  ' * depth}k:\n" for depth in range(12)) + "  " * 12 + "v: 1\n",
}


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_what_the_line_reader_accepts_reads_as_pyyaml_reads_it(name):
    assert assert_same_reading(ACCEPTED[name]), "the line reader should accept this"


@pytest.mark.parametrize("name", sorted(FALLBACKS))
def test_what_it_is_not_sure_of_goes_to_pyyaml(name):
    with pytest.raises(Fallback):
        read_lines(FALLBACKS[name], Document("x.yml"), frozenset())


def test_marks_are_kept_only_under_the_kept_keys():
    text = "name: x\nterm:\n  start: '2023-04'\nphotos:\n- file: a.jpg\n  alt: 写真\n"
    doc = Document("x.yml")
    read_lines(text, doc, frozenset({"photos"}))
    assert positions(doc.marks) == {("photos",): (4, 0), ("photos", 0): (4, 2), ("photos", 0, "file"): (4, 8),
                                    ("photos", 0, "alt"): (5, 7)}
    assert set(doc.key_marks) == {("photos",), ("photos", 0, "file"), ("photos", 0, "alt")}


def _records(count: int) -> list[str]:
    """Generated records as contributors' files: the corpus generator's, the templates' and the factories'."""
    texts = []
    for slot in plan_corpus(count // 2, count // 2, seed=7):
        rng = random.Random(slot.slug)
        texts.append(record_yaml((make_profile if slot.kind == "profile" else make_case)(rng, slot, 400)))
    facts = {"name": "試験 花子", "prefecture": "山梨県", "municipality": "都留市", "municipality_code": "192040"}
    filled = [re.sub(r"\|\n( +)\n", "|\n\\1本文です。\n", template).replace('""', '"値"')  # as a contributor fills them in
              for template in (profile_template("shiken", facts, ["観光"]), case_template("shiken", facts))]
    return texts + filled + [dump(profile()), dump(case()), dump(profile(hometown="NO", age={"years": 30, "as_of": "2024-06"}))]


# What YAML reads differently: indicators, quotes, comments, line breaks, types, spaces of other widths.
_PIECES = ["\n", " ", "  ", "- ", "-", ":", ": ", " #", "#", "|", "|-", "|+", ">", ">-", "'", "''", '"', "\\", "[", "]",
           "{", "}", ",", "&a ", "*a", "!!str ", "!", "%", "@", "`", "?", "? ", "~", "null", "yes", "NO", "0600", "1:30",
           "2024-06-01", "12", "1.5", ".inf", "\t", "\r\n", "\r", "\x0c", "\x07", "\x85", "\u2028", "\ud800", "\ufeff",
           "\uffff", "\u3000", "---", "...", "e\u0301", "key: ", "k:\n  "]


def _mutate(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    where = rng.randrange(len(lines))
    move = rng.randrange(6)
    if move == 0:  # a piece anywhere
        at = rng.randrange(len(text) + 1)
        return text[:at] + rng.choice(_PIECES) + text[at:]
    if move == 1:  # a piece at the start of a line's content
        line = lines[where]
        at = len(line) - len(line.lstrip(" "))
        lines[where] = line[:at] + rng.choice(_PIECES) + line[at:]
    elif move == 2:  # another indentation
        lines[where] = " " * rng.randrange(7) + lines[where].lstrip(" ")
    elif move == 3:
        del lines[where]
    elif move == 4:
        lines.insert(where, lines[rng.randrange(len(lines))])
    else:  # a piece at the end of a line
        lines[where] += rng.choice(_PIECES)
    return "\n".join(lines)


def test_the_line_reader_agrees_with_pyyaml_on_mutated_records():
    rng = random.Random(20261127)
    accepted = refused = 0
    for text in _records(60):
        assert assert_same_reading(text), f"a generated record should take the fast path:\n{text}"
        for _ in range(80):
            mutant = text
            for _ in range(rng.randint(1, 3)):
                mutant = _mutate(mutant, rng)
            if assert_same_reading(mutant):
                accepted += 1
            else:
                refused += 1
    # Both sides must be exercised, or the comparison proves nothing.
    assert accepted > 800 and refused > 800, (accepted, refused)


def test_a_date_is_a_date_and_a_year_month_is_text():
    doc = line_read("d: 2024-06-01\nm: 2024-06\n", frozenset({"d", "m"}))
    assert doc.data == {"d": datetime.date(2024, 6, 1), "m": "2024-06"}
    assert doc.implicit == {("d",): ("tag:yaml.org,2002:timestamp", "2024-06-01")}


def test_a_valid_record_the_line_reader_gives_up_on_is_read_by_pyyaml():
    from showcase.load.reader import parse_document

    block = dump(profile())
    flow = block.replace("fields:\n- 地域コミュニティ活動\n", "fields: [地域コミュニティ活動]\n")
    assert flow != block
    fast = parse_document(block.encode(), "profiles/x/profile.yml", keep=frozenset({"photos"}))
    slow = parse_document(flow.encode(), "profiles/x/profile.yml", keep=frozenset({"photos"}))
    assert fast.partial is not None, "plain block YAML takes the fast path"
    assert slow.partial is None and not slow.problems, "a flow list is read in full by PyYAML"
    assert typed(slow.data) == typed(fast.data)
