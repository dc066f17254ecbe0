"""scripts/new-profile and scripts/new-case: the generated YAML is what the real loader accepts, and nothing is invented."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from showcase.check.collection import load_collections
from showcase.cli.scaffold import main
from showcase.content.record_template import OPTIONAL_MARKER

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 26)

PROFILE_FLAGS = [
    "--slug", "shiken-jiro", "--name", "試験 次郎", "--prefecture", "山梨県", "--municipality", "都留市",
    "--municipality-code", "192040", "--field", "観光", "--field", "情報発信・デジタル", "--term-start", "2023-04",
    "--term-end", "2026-03", "--motivation", "地域の魅力を伝えたいと考えました。\n二行目です。",
    "--activity-title", "交流拠点の運営", "--activity-body", "- 毎週の **交流会**\n- オンライン発信",
    "--goals", "任期後も地域に住み続けたいです。", "--consent-basis", "本人の同意", "--consent-date", "2026-10",
    "--published", "2026-11",
]
CASE_FLAGS = [
    "--slug", "shiken-kyogikai", "--name", "試験地区まちづくり協議会", "--prefecture", "山梨県", "--municipality", "都留市",
    "--municipality-code", "192040", "--legal-form", "任意団体", "--area", "試験小学校区", "--summary", "小学校区を単位に活動しています。",
    "--activity-category", "買い物支援・産直", "--activity-title", "朝市", "--activity-body", "毎週土曜日に朝市を開いています。",
    "--published", "2026-09",
]


def scaffold(root: Path, kind: str, *flags: str, ask=None) -> int:
    return main([kind, *flags, "--content-root", str(root), *([] if ask else ["--no-input"])], ask=ask, today=TODAY)


def test_profile_with_every_flag_loads_without_problems(tmp_path, capsys):
    assert scaffold(tmp_path, "profile", *PROFILE_FLAGS) == 0
    assert "必須の項目はそろっています" in capsys.readouterr().out
    text = (tmp_path / "profiles" / "shiken-jiro" / "profile.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/profile.schema.json\n")
    result = load_collections(tmp_path, workers=1)
    assert result.problems == []
    record = result.profiles[0].record
    assert (record.name, record.municipality_code, record.fields) == ("試験 次郎", "192040", ["観光", "情報発信・デジタル"])
    assert record.motivation == "地域の魅力を伝えたいと考えました。\n二行目です。"
    assert record.activities[0].body == "- 毎週の **交流会**\n- オンライン発信"
    assert (record.term.end, record.consent.basis, record.published) == ("2026-03", "本人の同意", "2026-11")
    assert record.hometown is None and record.photos == [] and record.contact is None  # optional parts stay out


def test_case_with_every_flag_loads_without_problems(tmp_path):
    assert scaffold(tmp_path, "case", *CASE_FLAGS) == 0
    text = (tmp_path / "cases" / "shiken-kyogikai" / "case.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/case.schema.json\n")
    result = load_collections(tmp_path, workers=1)
    assert result.problems == []
    record = result.cases[0].record
    assert (record.legal_form, record.area, record.activities[0].category) == ("任意団体", "試験小学校区", "買い物支援・産直")


def test_missing_facts_are_left_blank_and_listed(tmp_path, capsys):
    assert scaffold(tmp_path, "profile", "--slug", "blank") == 0
    out = capsys.readouterr().out
    text = (tmp_path / "profiles" / "blank" / "profile.yml").read_text(encoding="utf-8")
    assert 'name: ""' in text and 'published: "2026-11"' in text  # published defaults to this month
    problems = load_collections(tmp_path, workers=1).problems
    fields = {p.field for p in problems}
    assert {"name", "prefecture", "municipality", "municipality_code", "fields[0]", "term.start", "motivation",
            "activities[0].title", "activities[0].body", "goals", "consent.date", "consent.basis"} == fields
    assert all(p.line > 1 for p in problems), "blanks are reported at their own line, not as a YAML error"
    assert "次の項目を書いてください" in out and " 行目  motivation: 協力隊に応募したきっかけ（motivation）: 空にはできません" in out


def test_optional_lines_uncommented_are_well_formed(tmp_path):
    """Deleting '# ' before every ready-made optional line gives YAML whose only problems are the blanks."""
    for kind, flags in (("profile", PROFILE_FLAGS), ("case", CASE_FLAGS)):
        assert scaffold(tmp_path, kind, *flags) == 0
    for path in [*tmp_path.glob("profiles/*/profile.yml"), *tmp_path.glob("cases/*/case.yml")]:
        text = path.read_text(encoding="utf-8")
        assert OPTIONAL_MARKER in text
        uncommented = re.sub(r"(?m)^(\s*)# (\s*(?:[a-z_]+:|- ).*)$", r"\1\2", text)
        assert uncommented != text
        path.write_text(uncommented, encoding="utf-8")
    problems = load_collections(tmp_path, workers=1).problems
    assert problems
    assert all(p.field for p in problems), [p for p in problems if not p.field]  # no syntax errors
    fields = {p.field for p in problems}
    assert {"hometown", "contact.email", "photos[0].file", "photos[0].alt", "links[0].url", "age.years",
            "related_cases[0]", "related_profiles[0]", "sources[0].title"} <= fields


@pytest.mark.parametrize("text", ['a "quoted": value # not a comment', "  leading spaces", "tab\there", "行1\n\n行3\n",
                                  "ends with space \nnext", "{[&*!|>%@`", "- looks like a list"])
def test_any_text_round_trips(tmp_path, text):
    flags = list(PROFILE_FLAGS)
    flags[flags.index("--goals") + 1] = text
    assert scaffold(tmp_path, "profile", *flags) == 0
    result = load_collections(tmp_path, workers=1)
    assert result.problems == []
    assert result.profiles[0].record.goals == text.strip()


@pytest.mark.parametrize(("flags", "message"), [
    (["--slug", "Yamada_Taro"], "--slug: フォルダ名「Yamada_Taro」は URL に使えません / folder name 'Yamada_Taro' cannot be used as a URL"),
    (["--slug", "index"], "--slug: フォルダ名「index」は URL に使えません"),
    (["--slug", "a" * 65], "--slug: フォルダ名が長すぎます（65 文字、上限 64 文字） / folder name is too long"),
    (["--slug", "ok", "--name", "試験\u202e太郎"], "--name: 文字の表示順を変える制御文字 U+202E があります"),
    ([], "--slug: フォルダ名がありません / no folder name given"),
    (["--slug", "ok", "--municipality-code", "192041"], "--municipality-code: 全国地方公共団体コードの一覧にないコードです"),
    (["--slug", "ok", "--prefecture", "奈良県", "--municipality-code", "192040"], "コード 192040 は 山梨県都留市 です（奈良県ではありません）"),
    (["--slug", "ok", "--prefecture", "高知県", "--municipality", "土佐町", "--municipality-code", "39364"],
     "「39364」は高知県土佐町のコード（393631）と一致しません"),  # never 393649 (大川村) by appending a check digit
    (["--slug", "ok", "--prefecture", "山梨県", "--municipality", "都留市", "--municipality-code", "192066"],
     "コード 192066 は 山梨県大月市 です（都留市 は 192040）"),
    (["--slug", "ok", "--prefecture", "山梨県", "--municipality", "都留"], "--municipality: 「都留」は山梨県の市区町村の一覧にありません"),
    (["--slug", "ok", "--term-start", "2023-13"], "--term-start: 年月は YYYY-MM の形で書いてください"),
    (["--slug", "ok", "--field", "釣り"], "--field: 「釣り」は選択肢にありません"),
    (["--slug", "ok", "--consent-basis", "口頭"], "--consent-basis: 「口頭」は選択肢にありません"),
])
def test_bad_flags_are_refused_and_nothing_is_written(tmp_path, capsys, flags, message):
    assert scaffold(tmp_path, "profile", *flags) == 2
    err = capsys.readouterr().err
    assert err.startswith("scripts/new-profile: ") and message in err
    assert not (tmp_path / "profiles").exists()


def test_existing_folder_is_refused(tmp_path, capsys):
    (tmp_path / "profiles" / "taken").mkdir(parents=True)
    (tmp_path / "profiles" / "taken" / "profile.yml").write_text("name: 元のまま\n", encoding="utf-8")
    assert scaffold(tmp_path, "profile", "--slug", "taken") == 2
    assert "フォルダ「profiles/taken」は既にあります / that folder already exists" in capsys.readouterr().err
    assert (tmp_path / "profiles" / "taken" / "profile.yml").read_text(encoding="utf-8") == "name: 元のまま\n"


def test_friendly_spellings_are_normalised(tmp_path):
    assert scaffold(tmp_path, "profile", "--slug", "norm", "--prefecture", "山梨", "--municipality", "都留市",
                    "--term-start", "２０２３年４月", "--consent-basis", "2") == 0
    text = (tmp_path / "profiles" / "norm" / "profile.yml").read_text(encoding="utf-8")
    assert 'prefecture: "山梨県"' in text and 'municipality_code: "192040"' in text  # looked up by name
    assert 'start: "2023-04"' in text and 'basis: "公的機関の公表資料"' in text
    assert scaffold(tmp_path, "profile", "--slug", "five", "--prefecture", "高知県", "--municipality", "土佐町",
                    "--municipality-code", "39363") == 0  # the 5-digit form of the municipality named
    assert 'municipality_code: "393631"' in (tmp_path / "profiles" / "five" / "profile.yml").read_text(encoding="utf-8")
    assert scaffold(tmp_path, "case", "--slug", "by-code", "--municipality-code", "282197") == 0
    text = (tmp_path / "cases" / "by-code" / "case.yml").read_text(encoding="utf-8")
    assert 'prefecture: "兵庫県"' in text and 'municipality: "三田市"' in text  # the names come from the list


def test_interactive_answers(tmp_path, capsys):
    answers = iter(["Bad Slug", "tsuru-hanako", "試験 花子", "しけん1", "シケン　ハナコ", "やまなし", "山梨県", "都留市", "192040",
                    "2023-4", "",  # term start, end unknown
                    "1", "2026-10", "",  # consent basis, date, published = this month
                    "1,13", "1,5"])  # fields: 13 is out of range, asked again
    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    assert scaffold(tmp_path, "profile", ask=ask) == 0
    assert next(answers, None) is None, "every scripted answer was used"
    out = capsys.readouterr().out
    assert "フォルダ名「Bad Slug」は URL に使えません" in out and "「やまなし」は都道府県名ではありません" in out
    text = (tmp_path / "profiles" / "tsuru-hanako" / "profile.yml").read_text(encoding="utf-8")
    assert 'start: "2023-04"' in text and '  # end: ""' in text
    assert "よみがなはひらがなと空白で書いてください" in out and 'name_kana: "しけん はなこ"' in text  # katakana accepted
    assert '  - "地域コミュニティ活動"\n  - "移住・定住促進"' in text
    assert 'published: "2026-11"' in text and 'basis: "本人の同意"' in text
    assert {p.field for p in load_collections(tmp_path, workers=1).problems} == {
        "motivation", "activities[0].title", "activities[0].body", "goals"}


@pytest.mark.parametrize("kind", ["profile", "case"])
def test_wrapper_scripts(kind):
    script = ROOT / "scripts" / f"new-{kind}"
    assert script.stat().st_mode & 0o111, f"{script} must be executable"
    text = script.read_text(encoding="utf-8")
    assert '. "$(dirname "$0")/bootstrap.sh"' in text and f"python -m showcase.cli.scaffold {kind} " in text


def test_unindented_text_under_a_block_gets_its_own_message(tmp_path):
    """The template's most likely mistake: text written at the start of the line under `motivation: |`."""
    assert scaffold(tmp_path, "profile", *PROFILE_FLAGS[:PROFILE_FLAGS.index("--motivation")]) == 0
    path = tmp_path / "profiles" / "shiken-jiro" / "profile.yml"
    text = path.read_text(encoding="utf-8")
    line = text.splitlines().index("motivation: |") + 2
    path.write_text(text.replace("motivation: |\n  \n", "motivation: |\n地域の魅力を伝えたいと考えました。\n"), encoding="utf-8")
    (problem,) = load_collections(tmp_path, workers=1).problems
    assert (problem.line, problem.col) == (line, 1)
    assert problem.message() == ("「|」の次の行からの文章に字下げがありません / the text after 'key: |' is not indented"
                                 " （対処: 文章の各行の先頭に半角スペースを2つ入れてください（項目名より深く） /"
                                 " Fix: start every line of the text with two spaces (deeper than the key)）")


def test_output_names_the_preview_url(tmp_path, capsys):
    assert scaffold(tmp_path, "case", *CASE_FLAGS) == 0
    out = capsys.readouterr().out
    assert "scripts/validate cases/shiken-kyogikai" in out
    assert "http://127.0.0.1:8000/chiiki-showcase/cases/shiken-kyogikai/" in out  # mkdocs serve uses site_url's path


def test_interactive_asks_again_for_a_taken_folder_and_a_mismatched_code(tmp_path, capsys):
    (tmp_path / "cases" / "taken").mkdir(parents=True)
    answers = iter(["taken", "fresh", "", "", "奈良県", "", "192040", "292010", "", "", "", ""])  # name, reading, …; legal form, area, category, published
    assert scaffold(tmp_path, "case", ask=lambda prompt: next(answers)) == 0
    assert next(answers, None) is None
    out = capsys.readouterr().out
    assert "フォルダ「cases/taken」は既にあります" in out and "コード 192040 は 山梨県都留市 です（奈良県ではありません）" in out
    text = (tmp_path / "cases" / "fresh" / "case.yml").read_text(encoding="utf-8")
    assert 'municipality_code: "292010"' in text and 'municipality: "奈良市"' in text and 'name: ""' in text
