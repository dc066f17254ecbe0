"""GitHub Actions annotations: exact format, and no way for contributor text to forge a workflow command."""

from __future__ import annotations

import os

import pytest

from showcase.check.annotations import escape_data, escape_property, format_annotation, format_annotations
from showcase.check.collection import load_collections
from showcase.check.problems import Problem
from tests.factories import make_site

PROBLEM = Problem("profiles/yamada-taro/profile.yml", 12, 7, "links[0].url", "https で始まる URL を指定してください",
                  "must be an https URL", "http:// なら https:// に直してください", "use https:// instead of http://")
HOSTILE_NAME = "profiles/x\n::error::forged,line=1%0A:y/profile.yml"


def test_annotation_format():
    assert format_annotation(PROBLEM) == (
        "::error file=profiles/yamada-taro/profile.yml,line=12,col=7,title=links[0].url::"
        "links[0].url: https で始まる URL を指定してください / must be an https URL"
        " （対処: http:// なら https:// に直してください / Fix: use https:// instead of http://）")


def test_problem_without_field_gets_a_title():
    line = format_annotation(Problem("cases/a/case.yml", 1, 1, "", "ファイルが空です", "the file is empty"))
    assert line == "::error file=cases/a/case.yml,line=1,col=1,title=ファイル / file::ファイルが空です / the file is empty"


@pytest.mark.parametrize(("raw", "data", "prop"), [
    ("100%", "100%25", "100%25"),
    ("a\nb", "a%0Ab", "a%0Ab"),
    ("a\rb", "a%0Db", "a%0Db"),
    ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
    ("%0A", "%250A", "%250A"),  # an already-escaped sequence stays literal text
])
def test_escaping(raw, data, prop):
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_hostile_file_name_cannot_forge_a_command():
    problem = Problem(HOSTILE_NAME, 3, 1, "name\n::warning::x", "名前\r\n::error::本文", "name")
    line = format_annotation(problem)
    assert "\n" not in line and "\r" not in line
    assert line.startswith("::error file=profiles/x%0A%3A%3Aerror%3A%3Aforged%2Cline=1%250A%3Ay/profile.yml,line=3,col=1,"
                           "title=name%0A%3A%3Awarning%3A%3Ax::")
    properties, message = line[len("::error "):].split("::", 1)
    assert [part.split("=", 1)[0] for part in properties.split(",")] == ["file", "line", "col", "title"]
    assert message == "name%0A::warning::x: 名前%0D%0A::error::本文 / name"


def test_report_is_sorted_with_a_plain_total():
    other = Problem("cases/a/case.yml", 2, 1, "", "x", "y")
    text = format_annotations([PROBLEM, other, PROBLEM])
    lines = text.splitlines()
    assert lines[0].startswith("::error file=cases/a/case.yml,")
    assert lines[1].startswith("::error file=profiles/yamada-taro/profile.yml,")
    assert lines[2] == "2 件の問題（2 ファイル） / 2 problems in 2 files"


def test_hostile_folder_name_on_disk(tmp_path):
    """A real folder whose name carries a newline and a command: the loader reports it, the annotation stays one line."""
    root = make_site(tmp_path, profiles={}, cases={})
    folder = root / "profiles" / "evil\n::error file=x,line=1::forged"
    try:
        os.mkdir(folder)
    except OSError:  # pragma: no cover - file systems that refuse newlines
        pytest.skip("the file system refuses this name")
    (folder / "profile.yml").write_text("name: x\n", encoding="utf-8")
    problems = load_collections(root, workers=1).problems
    assert problems, "the bad folder name must be reported"
    lines = format_annotations(problems).splitlines()
    assert len(lines) == len(problems) + 1
    assert all(line.startswith("::error file=profiles/evil%0A%3A%3Aerror file=x%2Cline=1%3A%3Aforged/profile.yml,line=1,col=1,")
               for line in lines[:-1])
