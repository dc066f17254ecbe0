"""The contributor preview (showcase.cli.preview): which records a preview loads, and which pages it builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from showcase.cli.preview import parse_only, preview_pages, preview_selection
from showcase.pipeline.site_build import SiteBuild
from tests.factories import case, make_site, profile

NARA = {"prefecture": "奈良県", "municipality": "奈良市", "municipality_code": "292010"}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return make_site(tmp_path, profiles={
        "tsuru-a": profile(),                       # 都留市 (192040)
        "tsuru-b": profile(name="都留 二郎"),         # same town: a neighbour
        "nara-a": profile(name="奈良 花子", **NARA),  # elsewhere
        "nara-link": profile(name="奈良 三郎", related_cases=["tsuru-rmo"], **NARA),  # links to the case
    }, cases={"tsuru-rmo": case(), "nara-rmo": case(name="奈良の協議会", **NARA)})


def test_parse_only_accepts_folders_files_and_absolute_paths(tmp_path):
    wanted = parse_only(f" profiles/a , cases/b/case.yml,{tmp_path}/profiles/c/ ", tmp_path)
    assert wanted == {("profile", "a"), ("case", "b"), ("profile", "c")}


@pytest.mark.parametrize("value", ["docs/index.md", "profiles", "/elsewhere/profiles/a"])
def test_parse_only_rejects_what_is_not_a_record(tmp_path, value):
    with pytest.raises(ValueError):
        parse_only(value, tmp_path)


def test_selection_adds_same_town_and_linking_records(content):
    selected = preview_selection(content, {("case", "tsuru-rmo")})
    assert selected == {("case", "tsuru-rmo"), ("profile", "tsuru-a"), ("profile", "tsuru-b"), ("profile", "nara-link")}


def test_selection_adds_records_the_wanted_one_links_to(content):
    selected = preview_selection(content, {("profile", "nara-link")})
    assert ("case", "tsuru-rmo") in selected
    assert ("profile", "nara-a") in selected  # same town
    assert ("profile", "tsuru-a") not in selected


def test_preview_build_renders_only_the_record_and_the_listings_that_list_it(content):
    full = SiteBuild.load(content, today="2026-11")
    build = SiteBuild.load(content, today="2026-11", only={("profile", "tsuru-a")})
    urls = {spec.url for spec in build.pages}
    assert "profiles/tsuru-a/" in urls
    assert "profiles/tsuru-b/" not in urls and "cases/tsuru-rmo/" not in urls  # neighbours are loaded, not rendered
    assert {"municipalities/192040/", "prefectures/yamanashi/", "profiles/", "cases/", "prefectures/"} <= urls
    assert "prefectures/nara/" not in urls and "municipalities/292010/" not in urls
    assert len(build.pages) < len(full.pages)
    # the record page's related section still lists the same-town case
    page = next(spec for spec in build.pages if spec.url == "profiles/tsuru-a/")
    assert "試験地区まちづくり協議会" in build.render(page)


def test_preview_does_not_report_links_to_records_it_did_not_load(content):
    build = SiteBuild.load(content, today="2026-11", only={("profile", "nara-a")})
    assert {entry.slug for entry in build.catalog.profiles} == {"nara-a", "nara-link"}
    assert [entry.slug for entry in build.catalog.cases] == ["nara-rmo"]


def test_preview_pages_keeps_pages_that_are_not_records_or_listings(content):
    full = SiteBuild.load(content, today="2026-11")
    others = [spec for spec in full.pages if spec.kind not in {"profile", "case"} and not isinstance(spec.key, tuple)]
    kept = preview_pages(full.pages, {("profile", "tsuru-a")})
    assert all(spec in kept for spec in others)
