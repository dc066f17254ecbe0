"""Related records (showcase.catalog.related): the same town first, then the same field, then the same prefecture."""

from __future__ import annotations

from showcase.catalog.indexes import build_catalog
from showcase.catalog.related import SAME_FIELD_LIMIT, SAME_PREFECTURE_LIMIT, SAME_TOWN_LIMIT
from showcase.check.collection import load_collections
from tests.factories import case, make_site, profile

TSURU = {}  # the factories' default town: 山梨県 都留市
OTSUKI = {"municipality": "大月市", "municipality_code": "192066"}
KOFU = {"municipality": "甲府市", "municipality_code": "192015"}
NARA = {"prefecture": "奈良県", "municipality": "奈良市", "municipality_code": "292010"}


def _catalog(tmp_path, profiles, cases):
    root = make_site(tmp_path, profiles=profiles, cases=cases)
    result = load_collections(root, workers=1)
    assert result.problems == []
    return build_catalog(result.profiles, result.cases, "2026-11")


def _related(catalog, slug, kind="profile"):
    entries = catalog.profiles if kind == "profile" else catalog.cases
    entry = next(e for e in entries if e.slug == slug)
    return [(item.entry.slug, item.reason) for item in catalog.related_records(entry)]


def test_same_town_first_then_same_field_then_same_prefecture(tmp_path):
    catalog = _catalog(tmp_path, profiles={
        "a-tsuru": profile(fields=["観光"]),
        "b-tsuru": profile(fields=["環境保全"]),
        "c-otsuki": profile(fields=["環境保全"], **OTSUKI),
        "d-nara": profile(fields=["観光"], **NARA),
        "e-kofu": profile(fields=["教育・子育て"], **KOFU),
    }, cases={"r-tsuru": case(), "s-nara": case(**NARA)})
    assert _related(catalog, "a-tsuru") == [
        ("b-tsuru", "同じ市町村"), ("r-tsuru", "同じ市町村"),
        ("d-nara", "同じ活動分野（観光）"),
        ("c-otsuki", "同じ都道府県"), ("e-kofu", "同じ都道府県"),  # one a town, the towns after this one's first
    ]
    a_tsuru = next(e for e in catalog.profiles if e.slug == "a-tsuru")
    assert [item.as_card for item in catalog.related_records(a_tsuru)] == [True, True, False, False, False]


def test_a_case_gets_the_towns_members_and_cases_of_its_category(tmp_path):
    catalog = _catalog(tmp_path, profiles={"a-tsuru": profile()}, cases={"r-tsuru": case(), "s-nara": case(**NARA)})
    assert _related(catalog, "r-tsuru", "case") == [("a-tsuru", "同じ市町村"), ("s-nara", "同じ活動分類（買い物支援・産直）")]


def test_a_record_named_in_another_town_comes_first_as_related(tmp_path):
    catalog = _catalog(tmp_path, profiles={"a-tsuru": profile(related_cases=["s-nara"])},
                       cases={"r-tsuru": case(), "s-nara": case(**NARA)})
    assert _related(catalog, "a-tsuru")[0] == ("s-nara", "関連する記録")


def test_a_crowded_town_gives_a_few_half_members_half_rmos_and_never_the_record_itself(tmp_path):
    profiles = {f"p{n:02d}": profile() for n in range(10)}
    cases = {f"c{n:02d}": case() for n in range(10)}
    catalog = _catalog(tmp_path, profiles, cases)
    related = _related(catalog, "p03")
    town = [slug for slug, reason in related if reason == "同じ市町村"]
    assert len(town) == SAME_TOWN_LIMIT and "p03" not in town
    assert town == ["p04", "c00"]  # the neighbours after it, in the index's order: one member, one RMO
    assert len({slug for slug, _ in related}) == len(related)  # nothing twice


def test_neighbours_wrap_around_so_the_last_record_links_the_first(tmp_path):
    catalog = _catalog(tmp_path, {f"p{n:02d}": profile() for n in range(8)}, {})
    assert [slug for slug, _ in _related(catalog, "p07")][:3] == ["p00", "p01", "p02"]


def test_the_choice_is_the_same_whatever_order_the_records_were_loaded_in(tmp_path):
    profiles = {f"p{n:02d}": profile(fields=["観光"], **(NARA if n % 2 else {})) for n in range(12)}
    first = _catalog(tmp_path / "a", profiles, {"r": case()})
    root = make_site(tmp_path / "b", profiles=profiles, cases={"r": case()})
    result = load_collections(root, workers=1)
    second = build_catalog(list(reversed(result.profiles)), result.cases, "2026-11")
    assert [_related(first, e.slug) for e in first.profiles] == [_related(second, e.slug) for e in first.profiles]


def test_a_record_alone_has_no_related_records(tmp_path):
    catalog = _catalog(tmp_path, {"a": profile()}, {})
    assert _related(catalog, "a") == []


def test_a_record_with_many_fields_still_gets_only_a_few_of_the_same_field(tmp_path):
    fields = ["観光", "環境保全", "教育・子育て"]
    catalog = _catalog(tmp_path, {"a": profile(fields=fields), **{f"n{n}": profile(fields=fields, **NARA) for n in range(6)}}, {})
    assert _related(catalog, "a") == [("n0", "同じ活動分野（観光）"), ("n1", "同じ活動分野（環境保全）"),
                                      ("n2", "同じ活動分野（教育・子育て）")]  # one a field, SAME_FIELD_LIMIT in all
    assert SAME_FIELD_LIMIT == 3


def test_a_few_of_the_same_prefecture_from_different_towns(tmp_path):
    towns = [OTSUKI, KOFU, {"municipality": "富士吉田市", "municipality_code": "192023"},
             {"municipality": "山梨市", "municipality_code": "192058"}]
    profiles = {"a": profile(fields=["観光"]), **{f"t{n}-{m}": profile(fields=["環境保全"], **town)
                                               for n, town in enumerate(towns) for m in range(2)}}
    related = _related(_catalog(tmp_path, profiles, {}), "a")
    same_prefecture = [slug for slug, reason in related if reason == "同じ都道府県"]
    assert len(same_prefecture) == SAME_PREFECTURE_LIMIT
    assert len({slug.split("-")[0] for slug in same_prefecture}) == SAME_PREFECTURE_LIMIT, "one a town"
