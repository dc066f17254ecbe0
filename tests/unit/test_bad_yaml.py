"""The YAML mistakes contributors really make, each named at the line and column they have to change (issue 18).

Each input is a valid generated record with one mistake typed in, as a contributor would in GitHub's web
editor; the golden files hold the exact report.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from showcase.check.collection import load_collections
from showcase.check.date_forms import year_month_of
from showcase.check.fields import validate_document
from showcase.check.problems import format_report
from showcase.content.schema import CaseRecord, ProfileRecord
from showcase.load.hints import dropped_comment, quoted
from showcase.load.reader import parse_document
from tests.factories import dump, make_site, profile
from tests.unit.golden import assert_golden

GOOD = dump(profile())
# As the templates write them: dates quoted (so an unclosed quote earlier in the file meets a closing one later).
QUOTED = GOOD.replace("start: 2023-04", 'start: "2023-04"').replace("date: 2026-10", 'date: "2026-10"')

MISTAKES: dict[str, str] = {
    # 全角スペース
    "fullwidth-space-indent": GOOD.replace("  end: 2026-03", " \u3000end: 2026-03"),
    "fullwidth-space-before-key": GOOD.replace("  end: 2026-03", "\u3000\u3000end: 2026-03"),
    "fullwidth-space-in-list-item": GOOD.replace("  body: コ", "\u3000\u3000body: コ"),
    "fullwidth-space-after-colon": GOOD.replace("hometown: 東京都", "hometown:\u3000東京都"),
    "fullwidth-space-block-text": GOOD.replace("goals: 任期後も地域に住み続けたいです。", "goals: |\n\u3000\u3000任期後も地域に住み続けたいです。"),
    # タブ
    "tab-indent": GOOD.replace("  end: 2026-03", "\tend: 2026-03"),
    "tab-indent-in-list-item": GOOD.replace("  body: コ", "\tbody: コ"),
    # ": " and " #" inside a plain value
    "colon-in-value": GOOD.replace("title: 交流拠点の運営", "title: 移住相談: 窓口"),
    "hash-in-value": GOOD.replace("title: 交流拠点の運営", "title: 移住相談 #1窓口"),
    "hash-in-value-two-spaces": GOOD.replace("hometown: 東京都", "hometown: 東京都  #八王子市"),
    "colon-at-end-of-value": GOOD.replace("title: 交流拠点の運営", "title: 移住相談:"),
    "fullwidth-colon": GOOD.replace("hometown: 東京都", "hometown：東京都"),
    "no-space-after-colon": GOOD.replace("hometown: 東京都", "hometown:東京都"),
    # quotes
    "text-after-closing-quote": GOOD.replace("title: 交流拠点の運営", 'title: "移住" 相談'),
    "unclosed-quote-at-end": GOOD.replace("hometown: 東京都", 'hometown: "東京都'),
    "unclosed-quote-closed-later": QUOTED.replace("hometown: 東京都", 'hometown: "東京都'),
    "unclosed-single-quote": QUOTED.replace("hometown: 東京都", "hometown: '東京都"),
    # text on the next line without |
    "continued-line": GOOD.replace("goals: 任期後も地域に住み続けたいです。", "goals: 任期後も地域に\n住み続けたいです。"),
    "continued-line-with-fullwidth-colon": GOOD.replace("goals: 任期後も地域に住み続けたいです。", "goals: 任期後も地域に\n住み続けたいです：はい"),
    "continued-line-in-list-item": GOOD.replace("title: 交流拠点の運営", "title: 交流拠点\nの運営"),
    # dates in a YYYY-MM field
    "date-slash": GOOD.replace("start: 2023-04", "start: 2019/4"),
    "date-kanji": GOOD.replace("start: 2023-04", "start: 2019年4月"),
    "date-reiwa-gannen": GOOD.replace("start: 2023-04", "start: 令和元年4月"),
    "date-heisei": GOOD.replace("start: 2023-04", "start: 平成30年10月"),
    "date-era-letter": GOOD.replace("start: 2023-04", "start: R1.4"),
    "date-unquoted-day": GOOD.replace("start: 2023-04", "start: 2019-04-01"),
    "date-quoted-day": GOOD.replace("start: 2023-04", 'start: "2019-04-01"'),
    "date-fullwidth-digits": GOOD.replace("start: 2023-04", "start: ２０１９年４月"),
    "date-number": GOOD.replace("date: 2026-10", "date: 2026.10"),
    "date-ambiguous-year": GOOD.replace("start: 2023-04", "start: 31年4月"),
}


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_mistake_is_named_where_it_is(tmp_path, name):
    assert MISTAKES[name] != GOOD, "the fixture's replacement did not apply"
    root = make_site(tmp_path, profiles={"bad": MISTAKES[name]}, cases={})
    result = load_collections(root, workers=1)
    assert result.problems and not result.profiles
    assert_golden(f"yaml-{name}", format_report(result.problems))


def test_quoting_as_told_fixes_it(tmp_path):
    fixed = {
        "colon": GOOD.replace("title: 交流拠点の運営", 'title: "移住相談: 窓口"'),
        "hash": GOOD.replace("title: 交流拠点の運営", 'title: "移住相談 #1窓口"'),
        "date": GOOD.replace("start: 2023-04", 'start: "2019-04"'),
    }
    result = load_collections(make_site(tmp_path, profiles=fixed, cases={}), workers=1)
    assert result.problems == []
    titles = {entry.slug: entry.record.activities[0].title for entry in result.profiles}
    assert titles["colon"] == "移住相談: 窓口" and titles["hash"] == "移住相談 #1窓口"


@pytest.mark.parametrize(("tail", "accidental"), [
    (" #1窓口", True), (" # 窓口", True), ("  #窓口", True),
    ("  # 出身地", False), ("     # 組織の名前", False), (" #", False), ("  #", False), ("", False), ("  ## 見出し", False),
])
def test_which_comments_are_accidental(tail, accidental):
    assert (dropped_comment(tail) is not None) is accidental


def test_comments_in_the_examples_style_are_kept():
    text = "name: 見本 花子                        # 名前\nhometown: 東京都  # 出身地\n"
    doc = parse_document(text.encode(), "p.yml")
    assert doc.problems == [] and doc.data == {"name": "見本 花子", "hometown": "東京都"}


def test_a_hash_in_a_quoted_value_or_a_block_is_text():
    text = 'a: "x #1"\nb: |\n  y #2\n'
    doc = parse_document(text.encode(), "p.yml")
    assert doc.problems == [] and doc.data == {"a": "x #1", "b": "y #2\n"}


@pytest.mark.parametrize(("written", "meant"), [
    ("2019/4", "2019-04"), ("2019/04", "2019-04"), ("2019.4", "2019-04"), ("2019-4", "2019-04"), ("2019-04-01", "2019-04"),
    ("2019年4月", "2019-04"), ("2019年4月1日", "2019-04"), ("2019/4/1", "2019-04"), ("２０１９年４月", "2019-04"),
    ("２０１９／０４", "2019-04"), ("令和元年4月", "2019-04"), ("令和1年4月", "2019-04"), ("令和5年10月", "2023-10"),
    ("平成31年4月", "2019-04"), ("平成元年1月", "1989-01"), ("昭和64年1月", "1989-01"), ("R1.4", "2019-04"),
    ("r5.10", "2023-10"), ("H30/4", "2018-04"), ("Ｒ１．４", "2019-04"),
    ("31年4月", None), ("19/4", None), ("2019年13月", None), ("令和0年4月", None), ("2019年度", None), ("去年", None),
])
def test_year_month_of_common_forms(written, meant):
    assert year_month_of(written) == meant


# Every line of the annotated example, with each mistake typed into it: the problem is named on that very line,
# in its own words (never the parser's generic "invalid YAML syntax").
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
_TEXT_KEY = r"^(\s*(?:- )?(?:name|hometown|title|alt|caption|label|note|organisation|previous_job|moved_from): )(\S+)"
_INDENTED = re.compile(r"^  +\S")
LINE_MISTAKES = {
    "fullwidth-indent": lambda line: "\u3000" * ((len(line) - len(line.lstrip(" "))) // 2) + line.lstrip(" ")
    if _INDENTED.match(line) else None,
    "one-fullwidth-space": lambda line: "\u3000" + line[2:] if _INDENTED.match(line) else None,
    "tab-indent": lambda line: "\t" + line[2:] if _INDENTED.match(line) else None,
    "fullwidth-after-colon": lambda line: re.sub(r"^(\s*(?:- )?[a-z_]+): +", "\\1:\u3000", line, count=1)
    if re.match(r"^\s*(?:- )?[a-z_]+: +[^\s#|]", line) else None,
    "fullwidth-colon": lambda line: re.sub(r"^(\s*(?:- )?[a-z_]+): +", "\\1：", line, count=1)
    if re.match(r"^\s*(?:- )?[a-z_]+: +[^\s#|]", line) else None,
    "no-space-after-colon": lambda line: re.sub(r"^(\s*(?:- )?[a-z_]+): +", "\\1:", line, count=1)
    if re.match(r"^\s*(?:- )?[a-z_]+: +[^\s#|\"]", line) else None,
    "unclosed-quote": lambda line: re.sub(r'^(\s*(?:- )?[a-z_]+: )"([^"]*)"', '\\1"\\2', line) if '"' in line else None,
    "colon-in-value": lambda line: re.sub(_TEXT_KEY, "\\1\\2: 追記", line) if re.match(_TEXT_KEY, line) else None,
    "hash-in-value": lambda line: re.sub(_TEXT_KEY, "\\1\\2 #1追記", line) if re.match(_TEXT_KEY, line) else None,
    "continued-line": lambda line: re.sub(_TEXT_KEY, "\\1\\2\n続き", line).split("#")[0].rstrip()
    if re.match(_TEXT_KEY, line) else None,
}


@pytest.mark.parametrize("kind", ["profile", "case", "profile.template", "case.template"])
@pytest.mark.parametrize("mistake", sorted(LINE_MISTAKES))
def test_each_mistake_is_named_on_its_own_line_wherever_it_is_typed(mistake, kind):
    name = kind if "." in kind else f"{kind}.example"
    example_lines = (EXAMPLES / f"{name}.yml").read_text(encoding="utf-8").split("\n")
    model = ProfileRecord if kind.startswith("profile") else CaseRecord
    missed = []
    for index, line in enumerate(example_lines):
        if mistake in {"colon-in-value", "hash-in-value", "continued-line"}:
            line = line.replace(': ""', ": 見本")  # a template's blank, filled in as a contributor would
        typed = LINE_MISTAKES[mistake](line)
        if typed is None or typed == line:
            continue
        text = "\n".join(example_lines[:index] + [typed] + example_lines[index + 1:])
        doc = parse_document(text.encode(), f"{kind}.yml")
        _record, problems = validate_document(doc, model)
        here = [p for p in doc.problems + problems if p.line == index + 1 + ("\n" in typed and mistake == "continued-line")]
        if not here or here[0].ja.startswith("YAML の書き方に誤りがあります"):
            missed.append((index + 1, typed, [(p.line, p.col, p.ja) for p in doc.problems + problems]))
    assert missed == []


def test_the_quoting_fix_is_valid_yaml_for_the_same_text():
    for value in ('移住相談: 窓口', '"移住" 相談', "C:\\temp: x", "it's: ok", 'both " and \' here: x'):
        fixed = parse_document(f"title: {quoted(value)}\n".encode(), "p.yml")
        assert fixed.problems == [] and fixed.data == {"title": value}, value

