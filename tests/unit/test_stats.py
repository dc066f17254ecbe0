"""Statistics data files: the committed numbers, validation messages, tables and exports."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from showcase.check.problems import format_problem
from showcase.content.featured import FEATURED_FILE
from showcase.stats.data_files import load_statistics, parse_table
from showcase.stats.era import era_label, era_short, year_label
from showcase.stats.numbers import format_number, format_quantity
from showcase.stats.table_schema import stats_json_schema
from showcase.stats.tables import render_table, table_csv, table_json
from showcase.stats.tables import export_files, render_table_notes, target_label

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
PUBLISHER = "総務省"
SOURCE_TITLES = {"地域運営組織（RMO）の概要", "地域運営組織（RMO）の活動実態", "地域おこし協力隊について",
                 "地域おこし協力隊受入サポートプラン", "地域おこし協力隊の推進に要する経費"}  # as printed in the seed

# The figures as printed in the ministry's material (seed 000_54e653b94b1b2bcb).
RMO_ORGANISATIONS = [3071, 4177, 4787, 5236, 5783, 6064, 7207, 7710]
RMO_MUNICIPALITIES = [609, 675, 711, 742, 802, 814, 853, 874]
KYORYOKUTAI_MEMBERS = [89, 257, 413, 617, 978, 1629, 2799, 4090, 4976, 5530, 5503, 5560, 6015, 6447, 7200]
KYORYOKUTAI_MUNICIPALITIES = [31, 90, 147, 207, 318, 444, 673, 886, 997, 1061, 1071, 1065, 1085, 1116, 1164]
SURVEYS = {
    "rmo-survey-2023-forms": [("法人格を持たない任意団体", 90.4), ("NPO法人", 3.6), ("認可地縁団体", 2.3)],
    "rmo-survey-2023-members": [("自治会・町内会", 77.9), ("地域の福祉活動に関わる団体、民生委員・児童委員", 58.1),
                                ("地域の防犯・防災・交通安全に関わる団体（消防団など）", 48.1)],
    "rmo-survey-2023-base": [("活動拠点を有する", 95.3), ("公共施設を使用", 65.5)],
    "rmo-survey-2023-activities": [("祭り・運動会・音楽会などの運営", 69.6), ("交流事業", 68.5),
                                   ("健康づくり・介護予防", 62.0), ("防災活動", 60.2)],
    "rmo-survey-2023-income": [("収入源として「市区町村からの助成金・交付金等」を挙げた", 84.5),
                               ("自主事業の実施等による収入の確保に取り組む", 44.4)],
    "rmo-survey-2023-issues": [("活動の担い手となる人材の不足", 78.4), ("団体の役員・スタッフの高齢化", 59.7),
                               ("次のリーダーとなる人材の不足", 59.6)],
}


@pytest.fixture(scope="module")
def tables():
    loaded, problems = load_statistics(DATA, ROOT)
    assert [format_problem(p) for p in problems] == []
    return loaded


def test_committed_files_all_load(tables):
    expected = {"rmo-growth", "kyoryokutai-growth", "kyoryokutai-facts", "fiscal-measures", "budgets", *SURVEYS}
    assert set(tables) == expected
    assert {p.stem for p in DATA.glob("*.yml") if p.name != FEATURED_FILE} == expected
    for table in tables.values():
        assert [source.publisher for source in table.spec.sources] == [PUBLISHER] * len(table.spec.sources)
        assert all(source.title in SOURCE_TITLES for source in table.spec.sources), table.id
        assert table.spec.checked == "2026-11"
        assert table.path == f"data/{table.id}.yml"


def test_every_file_points_editors_at_the_schema():
    for path in (p for p in DATA.glob("*.yml") if p.name != FEATURED_FILE):  # featured.yml is not a table
        assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schemas/stats.schema.json\n")


def test_rmo_growth_matches_source(tables):
    spec = tables["rmo-growth"].spec
    assert [r.fiscal_year for r in spec.rows] == list(range(2016, 2024))
    assert [r.era for r in spec.rows][:4] == ["平成28年度", "平成29年度", "平成30年度", "令和元年度"]
    assert [r.value("organisations") for r in spec.rows] == RMO_ORGANISATIONS
    assert [r.value("municipalities") for r in spec.rows] == RMO_MUNICIPALITIES
    assert [tables["rmo-growth"].series_unit(s) for s in spec.series] == ["団体", "市区町村"]


def test_kyoryokutai_growth_matches_source(tables):
    spec = tables["kyoryokutai-growth"].spec
    assert [r.fiscal_year for r in spec.rows] == list(range(2009, 2024))
    assert spec.rows[0].era == "平成21年度" and spec.rows[10].era == "令和元年度" and spec.rows[-1].era == "令和5年度"
    assert [r.value("members") for r in spec.rows] == KYORYOKUTAI_MEMBERS
    assert [r.value("municipalities") for r in spec.rows] == KYORYOKUTAI_MUNICIPALITIES
    assert (spec.target.series, spec.target.fiscal_year, spec.target.value) == ("members", 2026, 10000)
    assert target_label(tables["kyoryokutai-growth"]) == "目標 10,000人（令和8年度）"
    assert any("特別交付税算定ベース" in note for note in spec.notes)
    assert any("田舎で働き隊" in note and "平成26年度から令和3年度" in note for note in spec.notes)


def test_surveys_match_source(tables):
    for table_id, rows in SURVEYS.items():
        spec = tables[table_id].spec
        assert [(r.label, r.value) for r in spec.rows] == rows, table_id
        assert spec.unit == "%" and spec.decimals == 1
        assert spec.sources[0].survey == "令和5年度 総務省調査（市区町村：1,741団体、地域運営組織：7,710団体が回答）"
    multiple = {table_id for table_id in SURVEYS if tables[table_id].spec.multiple_answer}
    assert multiple == {"rmo-survey-2023-members", "rmo-survey-2023-activities", "rmo-survey-2023-issues"}
    assert tables["rmo-survey-2023-base"].spec.rows[1].base == "活動拠点を有する団体"
    assert tables["rmo-survey-2023-income"].spec.rows[0].multiple_answer is True


def test_facts_measures_and_budgets_match_source(tables):
    facts = [(r.value, r.unit, r.qualifier, r.fiscal_year, r.as_of) for r in tables["kyoryokutai-facts"].spec.rows]
    assert facts == [(10000, "人", None, 2026, None), (7200, "人", None, 2023, None), (18300, "人", "以上", 2023, None),
                     (65, "%", "約", None, "2023-03"), (70, "%", "約", None, "2023-03"), (40, "%", "約", None, None),
                     (70, "%", "約", None, None)]
    measures = tables["fiscal-measures"]
    caps = [(r.value, measures.item_unit(r), r.per, r.recipient) for r in measures.spec.rows]
    assert caps == [(300, "万円", "団体", None), (100, "万円", "団体", None), (100, "万円", "団体", None),
                    (520, "万円", "人", None), (200, "万円", "団体", None), (100, "万円", "人", None),
                    (0.5, "措置率", None, None), (200, "万円", "団体", "道府県"), (100, "万円", "団体", "道府県")]
    assert [(p.label, p.value) for p in measures.spec.rows[3].breakdown] == [("報償費等", 320), ("その他活動経費", 200)]
    assert (measures.spec.fiscal_year, measures.spec.era) == (2024, "令和6年度")
    budgets = [(r.label, r.fiscal_year, r.value, r.unit) for r in tables["budgets"].spec.rows]
    assert budgets == [("当初予算額（案）", 2025, 0.3, "億円"), ("予算額", 2024, 0.3, "億円"),
                       ("当初予算額", 2025, 248, "百万円"), ("補正後予算額", 2024, 393, "百万円")]


@pytest.mark.parametrize("year, label, short", [
    (1988, "昭和63年度", "S63"), (1989, "平成元年度", "H元"), (2016, "平成28年度", "H28"), (2018, "平成30年度", "H30"),
    (2019, "令和元年度", "R元"), (2023, "令和5年度", "R5"), (2026, "令和8年度", "R8"),
])
def test_era_labels(year, label, short):
    assert era_label(year) == label
    assert era_short(year) == short
    assert year_label(year) == f"{label}（{year}年度）"


def test_number_formatting():
    assert format_number(7710.0) == "7,710"
    assert format_number(62.0, 1) == "62.0"
    assert format_number(0.3) == "0.3"
    assert format_number(1234.5) == "1,234.5"
    assert format_quantity(65, "%", qualifier="約") == "約65%"
    assert format_quantity(18300, "人", qualifier="以上") == "18,300人以上"
    assert format_quantity(300, "万円", per="団体", qualifier="上限") == "300万円／団体（上限）"
    assert format_quantity(0.5, "措置率") == "措置率0.5"


# --- bad files: every problem, at the node, Japanese first ---------------------------------------------------------

HEAD = "kind: time_series\ntitle: t\nsources: [{title: d}]\nseries:\n  - {key: organisations, label: 団体数, unit: 団体}\nrows:\n"
SURVEY_HEAD = 'kind: survey\ntitle: t\nsources: [{title: d}]\nunit: "%"\nmultiple_answer: true\nrows:\n'


def problems_of(text: str) -> list[str]:
    table, problems = parse_table(text.encode("utf-8"), "data/bad.yml", "bad")
    assert table is None or not problems
    return [format_problem(p) for p in problems]


def test_a_statistics_file_goes_through_the_same_character_rule(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "rmo-x.yml").write_text(HEAD + "  - {fiscal_year: 2016, era: 平成28年度\ufffe, organisations: 3071}\n", encoding="utf-8")
    tables, problems = load_statistics(data, tmp_path)
    assert tables == {}
    assert [format_problem(p) for p in problems] == [
        "data/rmo-x.yml:7:36: 文字ではない符号 U+FFFE（非文字）があります / noncharacter U+FFFE is not allowed "
        "（対処: その文字を削除してください / Fix: delete that character）"]


def test_missing_year():
    assert problems_of(HEAD + "  - {fiscal_year: 2016, era: 平成28年度, organisations: 3071}\n"
                              "  - {fiscal_year: 2018, era: 平成30年度, organisations: 4787}\n") == [
        "data/bad.yml:8:19: rows[1].fiscal_year: 年度が連続していません（平成29年度（2017年度）の行がありません） / "
        "fiscal years are not consecutive (missing: FY2017) （対処: 抜けている年度の行を追加してください / "
        "Fix: add a row for each missing year）"]


def test_years_out_of_order():
    assert problems_of(HEAD + "  - {fiscal_year: 2017, era: 平成29年度, organisations: 4177}\n"
                              "  - {fiscal_year: 2016, era: 平成28年度, organisations: 3071}\n") == [
        "data/bad.yml:8:19: rows[1].fiscal_year: 年度は古い順に1年ずつ並べてください（前の行は2017年度） / "
        "fiscal years must increase by one per row (the previous row is FY2017) （対処: 行の順番と年度の重複を確認してください / "
        "Fix: check the order and look for a repeated year）"]


def test_non_number():
    assert problems_of(HEAD + '  - {fiscal_year: 2016, era: 平成28年度, organisations: "3,071"}\n') == [
        "data/bad.yml:7:53: rows[0].organisations: ここには数値を書いてください / must be a number "
        "（対処: 桁区切りのカンマを付けずに 3071 と書いてください / Fix: write 3071 without thousands separators）"]


def test_number_split_by_a_comma_in_a_flow_mapping():
    assert problems_of(HEAD + "  - {fiscal_year: 2016, era: 平成28年度, organisations: 3,071}\n") == [
        "data/bad.yml:7:55: rows[0].071: 桁区切りのカンマで数値が分かれています（「,071」が別の項目として読まれました） / "
        "a thousands separator split the number (',071' was read as a separate key) "
        "（対処: カンマを付けずに書いてください（例: 4177） / Fix: write the number without commas (for example 4177)）"]


def test_percentage_out_of_range():
    assert problems_of(SURVEY_HEAD + "  - {label: a, value: 904}\n  - {label: b, value: -1}\n") == [
        "data/bad.yml:7:23: rows[0].value: 割合は0〜100の範囲で書いてください（904） / a percentage must be between 0 and 100 "
        "(got 904) （対処: 小数点の位置と符号を確認してください / Fix: check the decimal point and the sign）",
        "data/bad.yml:8:23: rows[1].value: 割合は0〜100の範囲で書いてください（-1） / a percentage must be between 0 and 100 "
        "(got -1) （対処: 小数点の位置と符号を確認してください / Fix: check the decimal point and the sign）"]


def test_era_mismatch():
    assert problems_of(HEAD + "  - {fiscal_year: 2019, era: 平成31年度, organisations: 5236}\n") == [
        "data/bad.yml:7:30: rows[0].era: 和暦「平成31年度」が年度 2019 と合いません（2019年度は令和元年度） / "
        "era label '平成31年度' does not match fiscal year 2019 (FY2019 is 令和元年度) "
        "（対処: era: 令和元年度 と書くか、fiscal_year を直してください / Fix: write era: 令和元年度 or correct fiscal_year）"]


def test_unknown_keys():
    assert problems_of(SURVEY_HEAD.replace("rows:\n", "colour: red\nrows:\n") + "  - {label: a, value: 9, lable: x}\n") == [
        "data/bad.yml:8:26: rows[0].lable: 「lable」という項目はありません / unknown field 'lable' "
        "（対処: 「label」の書き間違いではありませんか / Fix: did you mean 'label'?）",
        "data/bad.yml:6:1: colour: 「colour」という項目はありません / unknown field 'colour' "
        "（対処: ここで使える項目: checked、decimals、description、kind、multiple_answer、notes、rows、sources、title、unit / "
        "Fix: allowed here: checked, decimals, description, kind, multiple_answer, notes, rows, sources, title, unit）"]


def test_undeclared_series_key():
    assert problems_of(HEAD + "  - {fiscal_year: 2016, era: 平成28年度, organizations: 3071}\n") == [
        "data/bad.yml:7:38: rows[0].organizations: 「organizations」という項目はありません（series で宣言されていません） / "
        "unknown field 'organizations' (not declared in series) （対処: 綴りを確認するか series に追加してください（宣言済み: "
        "organisations） / Fix: check the spelling or declare it in series (declared: organisations)）",
        "data/bad.yml:7:5: rows[0].organisations: 系列「organisations」の値がありません / value for series 'organisations' "
        "is missing （対処: 「organisations: 数値」を追加してください / Fix: add 'organisations: <number>'）"]


def test_missing_fields_and_cross_checks_are_all_reported():
    found = problems_of("kind: items\nsources: [{title: d, as_of: 2023-3}]\nrows:\n"
                        "  - {label: a, value: 300, unit: 万円, breakdown: [{label: x, value: 320}, {label: y, value: 100}]}\n"
                        "  - {value: 1.5, unit: 措置率}\n  - {label: c, value: 2, unit: 人, era: 令和元年度}\n")
    assert found == [
        "data/bad.yml:1:1: 必須の項目「表の題名（title）」がありません / required field 'title' is missing "
        "（対処: 「title:」を追加してください / Fix: add 'title:'）",
        "data/bad.yml:2:29: sources[0].as_of: 時点（as_of）: 年月は YYYY-MM の形で、引用符で囲んで書いてください / "
        "must be a year and month as \"YYYY-MM\" （対処: 「2023-3」は \"2023-03\" と書いてください（年と月を「-」でつなぎ、引用符で囲みます） / "
        "Fix: write 2023-3 as \"2023-03\" (year and month joined by '-', in quotes)）",
        "data/bad.yml:5:5: rows[1]: 必須の項目「項目名（label）」がありません / required field 'label' is missing "
        "（対処: 「label:」を追加してください / Fix: add 'label:'）",
        "data/bad.yml:4:49: rows[0].breakdown: 内訳の合計（420）が値（300）と一致しません / the breakdown adds up to 420, not 300",
        "data/bad.yml:5:13: rows[1].value: 措置率は0〜1の範囲で書いてください（1.5） / a rate must be between 0 and 1 (got 1.5) "
        "（対処: 例: 措置率1/2 は 0.5 / Fix: for example 1/2 is 0.5）",
        "data/bad.yml:6:35: rows[2].era: 「era」を書くときは「fiscal_year」も書いてください / 'era' needs 'fiscal_year' as well"]


def test_single_answer_shares_over_100():
    text = SURVEY_HEAD.replace("multiple_answer: true", "multiple_answer: false")
    assert problems_of(text + "  - {label: a, value: 90.4}\n  - {label: b, value: 20}\n") == [
        "data/bad.yml:7:3: rows: 単一回答の割合の合計が100%を超えています（110.4%） / single-answer shares add up to more "
        "than 100% (110.4%) （対処: 複数回答なら multiple_answer: true にし、母数が違う行には base を書いてください / "
        "Fix: set multiple_answer: true for a multiple-answer question, or give rows with another base a 'base'）"]


def test_unknown_kind_and_bad_file_name():
    table, problems = parse_table(b"kind: chart\ntitle: t\n", "data/Bad_Name.yml", "Bad_Name")
    assert table is None
    assert [format_problem(p) for p in problems] == [
        "data/Bad_Name.yml:1:1: ファイル名「Bad_Name」に使えない文字があります / file name 'Bad_Name' has characters that are not "
        "allowed （対処: 英小文字・数字・「-」だけにしてください（例: rmo-growth.yml） / "
        "Fix: use lowercase letters, digits and '-' only (for example rmo-growth.yml)）",
        "data/Bad_Name.yml:1:7: kind: 表の種類（kind）: 「chart」は選択肢にありません / 'chart' is not one of the allowed values "
        "（対処: 次から選んでください: time_series、survey、items / Fix: choose one of: time_series, survey, items）"]


def test_missing_kind_names_the_kinds():
    assert problems_of("title: t\n") == [
        "data/bad.yml:1:1: 必須の項目「表の種類（kind）」がありません / required field 'kind' is missing "
        "（対処: 「kind:」を追加し、time_series、survey、items から選んでください / "
        "Fix: add 'kind:' with one of: time_series, survey, items）"]


def test_a_list_at_the_top_level():
    assert problems_of("- kind: survey\n") == [
        "data/bad.yml:1:1: ファイルの一番上は「キー: 値」の形にしてください / the top level must be a mapping of keys to values "
        "（対処: data/ にある既存の表を手本にしてください / Fix: use a table already in data/ as a model）"]


def test_pattern_messages_come_from_the_schema():
    text = HEAD.replace("key: organisations", "key: Bad-Key") + "  - {fiscal_year: 2016, era: 平成28年度, Bad-Key: 1}\n"
    assert problems_of(text)[0] == (
        "data/bad.yml:5:11: series[0].key: 列名（key）: 英小文字・数字・「_」で書いてください / must use lowercase letters, "
        "digits and '_' （対処: 例: organisations / Fix: e.g. organisations）")
    era_date = "kind: items\ntitle: t\nsources: [{title: d, as_of: 令和5年3月}]\nrows:\n  - {label: a, value: 1, unit: 人}\n"
    assert problems_of(era_date) == [
        "data/bad.yml:3:29: sources[0].as_of: 時点（as_of）: 年月は YYYY-MM の形で、引用符で囲んで書いてください / "
        "must be a year and month as \"YYYY-MM\" （対処: 「令和5年3月」は \"2023-03\" と書いてください（年と月を「-」でつなぎ、"
        "引用符で囲みます） / Fix: write 令和5年3月 as \"2023-03\" (year and month joined by '-', in quotes)）"]


def test_a_boolean_field_and_a_number_with_its_unit():
    survey = SURVEY_HEAD.replace("multiple_answer: true", "multiple_answer: yes please") + "  - {label: a, value: 9}\n"
    assert problems_of(survey) == [
        "data/bad.yml:5:18: multiple_answer: 複数回答（multiple_answer）: ここには「true」か「false」を書いてください / "
        "must be true or false"]
    assert problems_of(HEAD + "  - {fiscal_year: 2016, era: 平成28年度, organisations: 約30団体}\n") == [
        "data/bad.yml:7:53: rows[0].organisations: ここには数値を書いてください / must be a number "
        "（対処: 引用符や単位を付けずに数字だけを書いてください / Fix: write digits only, without quotes or units）"]


def test_a_bad_file_is_left_out_and_reported(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "good.yml").write_text((DATA / "rmo-growth.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "data" / "bad.yml").write_text(HEAD + "  - {fiscal_year: true, era: 平成28年度, organisations: 1}\n",
                                               encoding="utf-8")
    (tmp_path / "data" / "wrong.yaml").write_text("kind: survey\n", encoding="utf-8")
    loaded, problems = load_statistics(tmp_path / "data", tmp_path)
    assert list(loaded) == ["good"]
    assert [(p.path, p.field) for p in problems] == [("data/bad.yml", "rows[0].fiscal_year"), ("data/wrong.yaml", "")]


# --- tables and exports ---------------------------------------------------------------------------------------------

def cells(html: str) -> list[list[str]]:
    root = ET.fromstring(html)
    return [["".join(cell.itertext()) for cell in row] for row in root.iter("tr")]


def test_time_series_table_cells_equal_the_data(tables):
    html = render_table(tables["kyoryokutai-growth"], "t1")
    wrapper = ET.fromstring(html)
    assert wrapper.get("class") == "cs-table-scroll"  # scrolls only when wider than the screen (CSS)
    root = wrapper.find("table")
    assert root.get("id") == "t1-table"
    assert "".join(root.find("caption").itertext()) == "地域おこし協力隊の隊員数と取組自治体数の推移"
    rows = cells(html)
    assert rows[0] == ["年度", "隊員数（人）", "取組自治体数（団体）"]
    assert rows[1:] == [[year_label(2009 + i), f"{m:,}", f"{n:,}"]
                        for i, (m, n) in enumerate(zip(KYORYOKUTAI_MEMBERS, KYORYOKUTAI_MUNICIPALITIES))]
    assert [th.get("scope") for th in root.iter("th")][:3] == ["col"] * 3
    assert all(th.get("scope") == "row" for th in root.find("tbody").iter("th"))
    assert all(td.get("class") == "num" for td in root.find("tbody").iter("td"))


def test_survey_table_cells_equal_the_data(tables):
    for table_id, rows in SURVEYS.items():
        found = cells(render_table(tables[table_id], "t"))
        assert [row[:2] for row in found[1:]] == [[label, f"{value:.1f}"] for label, value in rows]
    assert "（複数回答）" in render_table(tables["rmo-survey-2023-issues"], "t")


def test_items_table_has_one_unit_per_column(tables):
    """Numbers alone in their column; the unit in the header when the rows share one, else in a 単位 column."""
    found = cells(render_table(tables["fiscal-measures"], "t"))
    assert found[0][:3] == ["項目", "値", "単位"]
    assert found[4][1:4] == ["520", "万円／人（上限）", "内訳：報償費等 320万円、その他活動経費 200万円"]
    assert found[7][1:3] == ["0.5", "措置率"]
    assert 'class="unit">万円／団体（上限）<' in render_table(tables["fiscal-measures"], "t")  # never broken (CSS nowrap)
    facts = cells(render_table(tables["kyoryokutai-facts"], "t"))
    assert [row[1:3] for row in facts[1:4]] == [["10,000", "人"], ["7,200", "人"], ["18,300以上", "人"]]
    assert [row[1] for row in facts[4:]] == ["約65", "約70", "約40", "約70"]
    budgets = cells(render_table(tables["budgets"], "t"))  # 0.3億円 and 248百万円 were in one column
    assert budgets[0][2] == "値（百万円）"
    assert '<th scope="col" class="num">値<span class="unit">（百万円）</span></th>' in render_table(tables["budgets"], "t")
    assert [row[2] for row in budgets[1:]] == ["30", "30", "248", "393"]


def test_text_is_escaped():
    text = (HEAD.replace("title: t", 'title: "<script>alert(1)</script>"')
            + '  - {fiscal_year: 2016, era: 平成28年度, organisations: 1}\n')
    table, problems = parse_table(text.encode(), "data/x.yml", "x")
    assert problems == []
    html = render_table(table, "t")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>" not in render_table_notes(table)


def test_csv_has_bom_header_and_the_data(tables):
    text = table_csv(tables["rmo-growth"])
    assert text.startswith("\ufeff年度,和暦,")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == ["年度", "和暦", "地域運営組織数（団体）", "形成市区町村数（市区町村）"]
    assert rows[1:] == [[str(2016 + i), era_label(2016 + i), str(o), str(m)]
                        for i, (o, m) in enumerate(zip(RMO_ORGANISATIONS, RMO_MUNICIPALITIES))]
    survey = list(csv.reader(io.StringIO(table_csv(tables["rmo-survey-2023-activities"])[1:])))
    assert [row[1] for row in survey[1:]] == ["69.6", "68.5", "62.0", "60.2"]


def test_json_export_round_trips(tables):
    data = json.loads(table_json(tables["kyoryokutai-growth"]))
    assert data["id"] == "kyoryokutai-growth" and data["kind"] == "time_series"
    assert [row["members"] for row in data["rows"]] == KYORYOKUTAI_MEMBERS
    assert data["target"] == {"series": "members", "fiscal_year": 2026, "era": "令和8年度", "value": 10000}
    files = export_files(tables)
    assert sorted(files) == sorted([f"{t}.csv" for t in tables] + [f"{t}.json" for t in tables])
    assert export_files(tables) == files  # deterministic


def test_json_schema_covers_the_three_kinds():
    schema = stats_json_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    assert {item["$ref"].rsplit("/", 1)[1] for item in schema["oneOf"]} == {"TimeSeriesTable", "SurveyTable", "ItemsTable"}
    assert schema["$defs"]["YearRow"]["additionalProperties"] == {"type": "number"}
    assert schema["$defs"]["SurveyRow"]["additionalProperties"] is False
    json.dumps(schema)  # serialisable
