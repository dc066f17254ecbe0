from showcase.catalog.indexes import build_catalog
from showcase.check.collection import load_collections
from tests.factories import case, make_site, profile


def _catalog(tmp_path, today="2026-11"):
    root = make_site(tmp_path, profiles={
        "a-current": profile(term={"start": "2025-04", "end": "2028-03", "end_planned": True}),
        "b-alumni": profile(term={"start": "2019-04", "end": "2022-03"}, prefecture="奈良県", municipality="奈良市",
                            municipality_code="292010", fields=["観光", "地域コミュニティ活動"]),
        "c-open": profile(term={"start": "2026-01"}),
        "d-ends-this-month": profile(term={"start": "2023-12", "end": "2026-11", "end_planned": True}, published="2026-11"),
    }, cases={"e-rmo": case()})
    result = load_collections(root, workers=1)
    assert result.problems == []
    return build_catalog(result.profiles, result.cases, today)


def test_status_is_what_the_record_states(tmp_path):
    catalog = _catalog(tmp_path)
    assert catalog.status == {"a-current": "active", "b-alumni": "alumni", "c-open": "active", "d-ends-this-month": "active"}


def test_status_never_depends_on_the_build_date(tmp_path):
    """A planned end stays a plan after its month has passed; an ended term is ended before it, too."""
    assert _catalog(tmp_path / "a", today="2040-01").status == _catalog(tmp_path / "b", today="2000-01").status


def test_indexes(tmp_path):
    catalog = _catalog(tmp_path)
    assert [e.slug for e in catalog.profiles_by_prefecture["奈良県"]] == ["b-alumni"]
    assert sorted(catalog.municipalities) == ["192040", "292010"]
    assert [e.slug for e in catalog.profiles_by_field["観光"]] == ["b-alumni"]
    assert catalog.prefecture_counts()["山梨県"] == 4
    assert catalog.category_counts()["買い物支援・産直"] == 1


def test_members_and_rmos_in_the_same_municipality_link_both_ways(tmp_path):
    catalog = _catalog(tmp_path)
    rmo = catalog.cases[0]
    assert {e.slug for e in catalog.related_to(rmo)} == {"a-current", "c-open", "d-ends-this-month"}
    nara = next(e for e in catalog.profiles if e.slug == "b-alumni")
    assert catalog.related_to(nara) == []
