"""The explanation for text written without indentation under `key: |`."""

from __future__ import annotations

import pytest

from showcase.load.hints import unindented_block_line
from showcase.load.reader import parse_document


@pytest.mark.parametrize(("text", "line"), [
    ("motivation: |\n書き始め\ngoals: x\n", 2),
    ("a: x\nmotivation: >-\nplain text\n", 3),
    ("activities:\n  - title: t\n    body: |\n    本文\n", 4),
    ("a: |\n  indented\nb: 1\n", None),
    ("a: |\nb: 1\n", None),  # an empty block, then the next key: valid
    ("a: |\n# comment\n", None),
    ("a: |\n- item\n", None),
    ("a: 'text with | bar'\nplain\n", None),
])
def test_unindented_block_line(text, line):
    assert unindented_block_line(text) == line


def test_the_loader_uses_it_only_for_syntax_errors():
    (problem,) = parse_document("motivation: |\n書き始め\n# comment\ngoals: x\n".encode(), "p.yml").problems
    assert (problem.line, problem.col, problem.ja) == (2, 1, "「|」の次の行からの文章に字下げがありません")
    assert parse_document("motivation: |\n  書き始め\ngoals: x\n".encode(), "p.yml").problems == []
