"""The index pages' facets, sort ranks, slices and forms (showcase.catalog.facets, showcase.outputs.browse_slices,
showcase.render.browse_form)."""

from __future__ import annotations

import dataclasses
import json

from showcase.catalog.facets import FACETS, SORTS, reading_key, sort_ranks
from showcase.catalog.indexes import build_catalog
from showcase.check.collection import load_collections
from showcase.outputs.browse_slices import CARD_FILE, browse_files
from showcase.render import browse_form as browse_form_module
from showcase.render.browse_form import BrowseForms, browse_form
from tests.factories import case, make_site, profile


def _catalog(tmp_path):
    nara = {"prefecture": "奈良県", "municipality": "奈良市", "municipality_code": "292010"}
    root = make_site(tmp_path, profiles={
        "a-kanji": profile(name="山田 花子", published="2026-05", term={"start": "2020-04", "end": "2023-03"}),
        "b-kana": profile(name="佐藤 一郎", name_kana="さとう いちろう", published="2026-07", term={"start": "2024-04"}),
        "c-katakana": profile(name="アオキ ケン", published="2026-07", term={"start": "2022-10"}, fields=["観光", "農林水産業"],
                              **nara),
        "d-later-kana": profile(name="和田 葵", name_kana="わだ あおい", published="2026-01", term={"start": "2024-04"}),
    }, cases={"e-rmo": case(published="2026-09"), "f-rmo": case(name="ならまち協議会", published="2026-02", **nara)})
    result = load_collections(root, workers=1)
    assert result.problems == []
    return build_catalog(result.profiles, result.cases, "2026-11")


def _order(catalog, sort: str) -> list[str]:
    column = [value for value, _label, _slug in SORTS[1:]].index(sort)
    ranks = sort_ranks(catalog)
    return [slug for _kind, slug in sorted(ranks, key=lambda key: ranks[key][column])]


def test_kana_order_uses_the_reading_then_kana_names_then_the_rest(tmp_path):
    catalog = _catalog(tmp_path)
    assert reading_key(next(e for e in catalog.profiles if e.slug == "c-katakana")) == (0, "あおき けん")
    # without a reading: by the name's characters (な < 山 < 試), after every record with one
    assert _order(catalog, "五十音") == ["c-katakana", "b-kana", "d-later-kana", "f-rmo", "a-kanji", "e-rmo"]


def test_newest_and_term_orders(tmp_path):
    catalog = _catalog(tmp_path)
    assert _order(catalog, "新着") == ["e-rmo", "b-kana", "c-katakana", "a-kanji", "f-rmo", "d-later-kana"]
    # ties keep the listing order (prefecture code, municipality code, folder); cases, without a term, come last
    assert _order(catalog, "着任が新しい") == ["b-kana", "d-later-kana", "c-katakana", "a-kanji", "e-rmo", "f-rmo"]
    assert _order(catalog, "着任が古い") == ["a-kanji", "c-katakana", "b-kana", "d-later-kana", "e-rmo", "f-rmo"]


def test_slices_hold_exactly_their_records(tmp_path):
    catalog = _catalog(tmp_path)
    cards = browse_files(catalog, lambda entry, url: f"<article>{entry.slug}</article>")
    files = {path: json.loads(text) for path, text in cards}
    yamanashi = files["browse/profiles/prefecture/yamanashi.json"]
    assert [row[0] for row in yamanashi["rows"]] == ["a-kanji", "b-kana", "d-later-kana"]
    assert yamanashi["constants"]["prefecture"] == "山梨県" and "prefecture" not in yamanashi["columns"]
    assert yamanashi["options"]["市区町村"] == [["192040", "192040", "都留市", 3]]
    tourism = files["browse/profiles/field/tourism.json"]
    assert [row[0] for row in tourism["rows"]] == ["c-katakana"]
    assert tourism["constants"]["field"] == ["観光", "農林水産業"]  # several values: a list; one row: all constant
    assert files["browse/profiles/order/newest.json"] == ["b-kana", "c-katakana", "a-kanji", "d-later-kana"]
    assert [row[0] for row in files["browse/cases/municipality/292010.json"]["rows"]] == ["f-rmo"]
    assert files["profiles/b-kana/" + CARD_FILE] == {"html": "<article>b-kana</article>"}
    assert "browse/profiles/status/alumni.json" in files and "browse/cases/status/alumni.json" not in files


def test_forms_show_what_the_listing_can_narrow(tmp_path):
    catalog = _catalog(tmp_path)
    index = browse_form(catalog, "profiles", None)
    shown = {facet["param"]: facet for facet in index["facets"] if facet["shown"]}
    assert list(shown) == ["都道府県", "市区町村", "活動分野", "状態"]  # 種別: every record is a profile
    assert shown["都道府県"]["options"] == [["山梨県", "yamanashi", "山梨県", 3], ["奈良県", "nara", "奈良県", 1]]
    assert shown["市区町村"]["options"] == []  # filled from the chosen prefecture's slice
    assert [value for value, _label, _slug in index["sorts"]] == ["", "新着", "五十音", "着任が新しい", "着任が古い"]
    nara = browse_form(catalog, "municipality", catalog.municipalities["292010"])
    assert nara["fixed"] == {"都道府県": "奈良県", "市区町村": "292010"}
    assert [facet["param"] for facet in nara["facets"] if facet["shown"]] == ["種別", "活動分野"]
    assert browse_form(catalog, "cases", None)["sorts"] == [["", "地域順", ""], ["新着", "新着順", "newest"],
                                                           ["五十音", "五十音順", "kana"]]
    assert browse_form(catalog, "field", "観光") is None


def test_each_facets_options_are_listed_once_for_all_the_listings(tmp_path, monkeypatch):
    """A national build has ~1,700 town listings, and the 市区町村 facet lists every town: listing them again for
    each listing made the forms quadratic in the number of towns."""
    catalog = _catalog(tmp_path)
    calls = []
    counted = tuple(dataclasses.replace(facet, options=lambda c, real=facet.options: calls.append(1) or real(c))
                    if facet.key == "municipality" else facet for facet in FACETS)
    expected = [browse_form(catalog, "municipality", town) for town in catalog.municipalities.values()]
    monkeypatch.setattr(browse_form_module, "FACETS", counted)
    forms = BrowseForms(catalog)
    assert [forms("municipality", town) for town in catalog.municipalities.values()] == expected
    assert forms("profiles", None) == browse_form(catalog, "profiles", None, forms._options)
    assert len(calls) == 1, "the towns are listed once, when the forms are set up"
