"""The committed list of municipalities: complete, well-formed, and the lookups the validator and scaffolder use."""

from __future__ import annotations

import json
import re
from collections import Counter

from showcase_devtools.municipality_list import municipality_csv, municipality_rows
from showcase.content.municipalities import LIST_FILE, check_place, code_for_typed, municipalities_json, municipality_list
from showcase.content.vocab import PREFECTURES, is_valid_municipality_code


def test_the_list_holds_every_municipality_once():
    towns = municipality_list()
    assert len(towns) == 1741  # 1,718 市町村 + 23 特別区
    assert sum(1 for t in towns.all if t.prefecture == "東京都" and t.name.endswith("区")) == 23
    assert len(towns.by_place) == len(towns) == len(towns.by_code)  # (prefecture, name) is unique
    assert {t.prefecture for t in towns.all} == {p.name for p in PREFECTURES}
    assert all(is_valid_municipality_code(t.code) for t in towns.all)
    assert all(t.code[:2] == next(p.code for p in PREFECTURES if p.name == t.prefecture) for t in towns.all)
    assert all(re.fullmatch(r"[ぁ-ゖー]+", t.reading) for t in towns.all)
    assert all(re.search(r"[市区町村]$", t.name) for t in towns.all)
    counts = Counter(t.prefecture for t in towns.all)
    assert counts.most_common(1)[0] == ("北海道", 179)


def test_known_entries_and_the_seed_records_places():
    towns = municipality_list()
    assert towns.find("山梨県", "都留市").code == "192040"
    assert towns.find("山梨県", "大月市").code == "192066"
    assert towns.find("奈良県", "奈良市").code == "292010"
    assert towns.find("山形県", "川西町").code == "063827"  # cases/kirari-yoshijima-network
    assert towns.find("兵庫県", "三田市").code == "282197"  # cases/yurinokidai
    assert towns.find("高知県", "土佐町").code == "393631"
    assert towns.get("393649").name == "大川村"  # what the old scaffolder made of 39364 typed for 土佐町
    assert [t.prefecture for t in towns.named("府中市")] == ["東京都", "広島県"]
    assert towns.get("011011") is None  # 札幌市中央区: wards are not municipalities


def test_check_place_names_both_sides_of_a_mismatch():
    assert check_place("山梨県", "都留市", "192040") is None
    mismatch = check_place("山梨県", "都留市", "192066")
    assert mismatch.ja == "コード 192066 は 山梨県大月市 です（都留市 は 192040）"
    assert check_place("奈良県", "都留市", "192040").hint_ja == "都道府県を「山梨県」に直してください"
    assert "一覧にありません" in check_place("山梨県", "都留市", "192031").ja


def test_the_scaffolder_looks_codes_up_by_name_and_never_completes_digits():
    assert code_for_typed("高知県", "土佐町", "").code == "393631"
    assert code_for_typed("高知県", "土佐町", "39363").code == "393631"
    assert code_for_typed("高知県", "土佐町", "39364") is None  # typed for 土佐町, but it is 大川村's prefix
    assert code_for_typed(None, "都留市", None).code == "192040"  # one 都留市 in Japan
    assert code_for_typed(None, "府中市", None) is None  # two: the prefecture decides
    assert code_for_typed("山梨県", "都留", "192040").code == "192040"  # a listed code wins


def test_browser_export_groups_every_municipality_by_prefecture():
    data = json.loads(municipalities_json())
    assert [p["name"] for p in data["prefectures"]] == [p.name for p in PREFECTURES]
    assert sum(len(p["municipalities"]) for p in data["prefectures"]) == 1741
    yamanashi = next(p for p in data["prefectures"] if p["name"] == "山梨県")
    assert {"code": "192040", "name": "都留市", "reading": "つるし"} in yamanashi["municipalities"]
    assert data["source"] and re.fullmatch(r"\d{4}-\d{2}", data["as_of"])


def test_the_converter_rebuilds_the_committed_file_from_the_package_shape():
    towns = municipality_list().all
    codes = [{"code": "000000", "name": p, "municipalities": [
        {"code": t.code, "name": t.name, "ruby": t.reading, **({"wards": [{"code": "x"}]} if t.code == "011002" else {})}
        for t in towns if t.prefecture == p]} for p in dict.fromkeys(t.prefecture for t in towns)]
    codes[0]["municipalities"].append({"code": "016969", "name": "泊村", "ruby": "とまりむら"})  # 北方領土: left out
    assert municipality_csv(municipality_rows(codes)) == LIST_FILE.read_text(encoding="utf-8")
