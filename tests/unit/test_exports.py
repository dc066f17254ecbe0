"""Open data: the JSON and CSV files round-trip to the catalog's records, withhold contact details, and say their licence."""

from __future__ import annotations

import csv
import io
import json

import pytest

from showcase.catalog.indexes import build_catalog
from showcase.check.collection import load_collections
from showcase.content.schema import ProfileRecord
from showcase.outputs.open_data import ATTRIBUTION, LICENSE, csv_columns, data_links_for, export_files
from showcase.render.pages import site_pages
from tests.factories import case, make_site, profile

SITE = "https://example.jp/showcase/"
EMAIL, PHONE = "taro@example.jp", "0742-93-0001"


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    root = make_site(tmp_path_factory.mktemp("content"), profiles={
        "hanako": profile(goals="- 箇条書きの目標\n- 二つ目", age={"years": 30, "as_of": "2024-12"},
                          links=[{"label": "ブログ", "url": "https://example.jp/?a=1&b=2"}]),
        "taro": profile(name="=HYPERLINK(\"https://example.jp\")", prefecture="奈良県", municipality="奈良市",
                        municipality_code="292010", term={"start": "2025-04"}, related_cases=["kyogikai"],
                        contact={"organisation": "奈良市東部出張所", "email": EMAIL, "phone": PHONE}),
        "jiro": profile(name="連絡 次郎", contact={"email": EMAIL},
                        links=[{"label": "メール", "url": "mailto:" + EMAIL}, {"label": "ブログ", "url": "https://example.jp/jiro"}]),
    }, cases={"kyogikai": case(area="○○小学校区", legal_form=None, related_profiles=["hanako"])})
    result = load_collections(root, workers=1)
    assert result.problems == []
    return build_catalog(result.profiles, result.cases, "2026-11")


@pytest.fixture(scope="module")
def files(catalog):
    return export_files(catalog, site_url=SITE, statistics=["data/statistics/rmo-growth.csv", "data/statistics/rmo-growth.json"])


def _expected(entry, catalog) -> dict:
    """What the catalog says about a record, minus the withheld contact details (mailto: links among them)."""
    data = entry.record.model_dump(mode="json")
    data["links"] = [link for link in data["links"] if not link["url"].lower().startswith("mailto:")]
    if data.get("contact"):
        data["contact"] = {"organisation": data["contact"]["organisation"]} if data["contact"]["organisation"] else None
    extra = {"slug": entry.slug, "url": SITE + entry.url}
    if entry.kind == "profile":
        extra["status"] = catalog.status_of(entry)
    return {**extra, **data}


def _read_csv(text: str) -> tuple[list[str], list[dict]]:
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    return rows[0], [dict(zip(rows[0], row)) for row in rows[1:]]


def _unflatten(row: dict[str, str]) -> dict:
    """Decode a CSV row by the documented rules: dotted columns nest, lists are JSON, empty is null."""
    out: dict = {}
    for column, cell in row.items():
        if cell[:1] == "'" and cell[1:2] in "=+-@\t\r" and cell[1:2]:
            cell = cell[1:]
        value = None if cell == "" else json.loads(cell) if cell.startswith("[") else cell
        head, _, sub = column.partition(".")
        if sub:
            nested = out.setdefault(head, {})
            if value is not None and column == "age.years":  # the one integer column
                value = int(value)
            if column == "term.end_planned":  # the one boolean column: true / false, as in JSON
                value = {"true": True, "false": False}[value]
            nested[sub] = value
        else:
            out[head] = value
    for key, value in list(out.items()):
        if isinstance(value, dict) and all(v is None for v in value.values()):
            out[key] = None
    return out


def test_profiles_json_round_trips_to_the_catalog(catalog, files):
    data = json.loads(files["data/profiles.json"])
    assert data["license"] == LICENSE and data["attribution"] == ATTRIBUTION and data["count"] == 3
    assert data["profiles"] == [_expected(entry, catalog) for entry in catalog.profiles]
    for record in data["profiles"]:  # still valid records once the added keys are dropped
        fields = {k: v for k, v in record.items() if k not in {"slug", "url", "status"}}
        ProfileRecord.model_validate_json(json.dumps(fields))


def test_cases_json_round_trips_to_the_catalog(catalog, files):
    data = json.loads(files["data/cases.json"])
    assert data["cases"] == [_expected(entry, catalog) for entry in catalog.cases]


@pytest.mark.parametrize("kind", ["profile", "case"])
def test_csv_round_trips_to_the_same_records_as_json(files, kind):
    name = "profiles" if kind == "profile" else "cases"
    header, rows = _read_csv(files[f"data/{name}.csv"])
    assert header == csv_columns(kind)
    assert [_unflatten(row) for row in rows] == json.loads(files[f"data/{name}.json"])[name]


def test_csv_starts_with_the_bom_and_the_expected_headers(files):
    text = files["data/profiles.csv"]
    assert text.startswith("\ufeffslug,url,status,name,name_kana,prefecture,municipality,municipality_code,")
    assert "\r\n" in text
    header = text[1:].split("\r\n", 1)[0].split(",")
    assert {"term.start", "term.end", "age.years", "contact.organisation", "consent.basis", "activities"} <= set(header)
    assert files["data/cases.csv"].startswith("\ufeffslug,url,name,name_kana,prefecture,municipality,municipality_code,")


def test_formula_like_cells_are_defused_in_csv_only(files):
    _, rows = _read_csv(files["data/profiles.csv"])
    by_slug = {row["slug"]: row for row in rows}
    assert by_slug["taro"]["name"] == "'=HYPERLINK(\"https://example.jp\")"
    assert by_slug["hanako"]["goals"].startswith("'- 箇条書き")
    names = [p["name"] for p in json.loads(files["data/profiles.json"])["profiles"]]
    assert "=HYPERLINK(\"https://example.jp\")" in names


def test_no_email_or_phone_in_any_bulk_file(files):
    for path, text in files.items():
        assert EMAIL not in text and PHONE not in text and "email" not in text and "phone" not in text, path
    taro = next(p for p in json.loads(files["data/profiles.json"])["profiles"] if p["slug"] == "taro")
    assert taro["contact"] == {"organisation": "奈良市東部出張所"}
    jiro = next(p for p in json.loads(files["data/profiles.json"])["profiles"] if p["slug"] == "jiro")
    assert jiro["contact"] is None  # nothing left to say once the details are withheld
    assert jiro["links"] == [{"label": "ブログ", "url": "https://example.jp/jiro"}]  # a mailto: link is contact data


def test_places_statistics_and_index(catalog, files):
    nara = json.loads(files["data/prefectures/nara.json"])
    assert [p["slug"] for p in nara["profiles"]] == ["taro"] and nara["cases"] == []
    assert nara["municipalities"][0]["data"] == SITE + "data/municipalities/292010.json"
    assert len([p for p in files if p.startswith("data/prefectures/")]) == 47
    tsuru = json.loads(files["data/municipalities/192040.json"])
    assert tsuru["municipality"] == {"code": "192040", "name": "都留市", "prefecture": "山梨県"}
    assert [p["slug"] for p in tsuru["cases"]] == ["kyogikai"]
    counts = {p["name"]: (p["profiles"], p["cases"]) for p in json.loads(files["data/prefectures.json"])["prefectures"]}
    assert counts["山梨県"] == (2, 1) and counts["沖縄県"] == (0, 0)
    listed = json.loads(files["data/municipalities.json"])  # the whole official list, for the contribution form
    assert sum(len(p["municipalities"]) for p in listed["prefectures"]) == 1741
    index = json.loads(files["data/index.json"])
    assert "data/municipalities.json" in {f["path"] for f in index["files"]}
    per_record = {f"data/profiles/{e.slug}.json" for e in catalog.profiles} | {f"data/cases/{e.slug}.json" for e in catalog.cases}
    assert per_record <= set(files)
    assert {f["path"] for f in index["files"]} == set(files) - {"data/index.json"} - per_record | {
        "data/statistics/rmo-growth.csv", "data/statistics/rmo-growth.json"}
    assert index["records"] == {"profile": SITE + "data/profiles/{slug}.json", "case": SITE + "data/cases/{slug}.json"}


def test_each_record_has_its_own_file_with_what_the_bulk_file_says(files):
    bulk = {p["slug"]: p for p in json.loads(files["data/profiles.json"])["profiles"]}
    for slug, data in bulk.items():
        one = json.loads(files[f"data/profiles/{slug}.json"])
        assert one["record"] == data and one["title"] == data["name"] and one["source"] == data["url"]
        assert one["license"] == json.loads(files["data/profiles.json"])["license"]


def test_json_text_never_holds_markup(tmp_path):
    root = make_site(tmp_path, profiles={"x": profile(name="</script><b>&")}, cases={})
    result = load_collections(root, workers=1)
    catalog = build_catalog(result.profiles, result.cases, "2026-11")
    text = export_files(catalog)["data/profiles.json"]
    assert "</script>" not in text and "\\u003c/script\\u003e" in text
    assert json.loads(text)["profiles"][0]["name"] == "</script><b>&"


def test_every_listing_links_to_its_data(catalog):
    links = {spec.url: data_links_for(spec) for spec in site_pages(catalog)}
    assert ("協力隊プロフィール（CSV）", "data/profiles.csv") in links["profiles/"]
    assert ("JSON", "data/cases.json") in links["cases/"]
    assert links["prefectures/nara/"] == [("奈良県のデータ（JSON）", "data/prefectures/nara.json")]
    assert links["municipalities/292010/"] == [("奈良県 奈良市のデータ（JSON）", "data/municipalities/292010.json")]
    assert links["fields/community/"] and links["profiles/status/active/"] and links["prefectures/"]
    assert links["profiles/hanako/"] == []
