"""A case's 設立・活動区域・区域の規模: optional, validated, and shown in Japanese formatting wherever the case is."""

from __future__ import annotations

import pytest

from showcase.catalog.indexes import build_catalog
from showcase.check.collection import load_collections
from showcase.render.dates import year_or_month
from showcase.outputs.embeds import render_embeds
from showcase.outputs.open_data import export_files
from showcase.check.problems import format_report
from showcase.render.pages import render_page, site_pages
from showcase.pipeline.site_build import render_context
from tests.factories import case, make_site
from tests.unit.golden import assert_golden

FACTS = {"founded": "2016-04", "area": "見本小学校区、第二小学校区",
         "area_size": {"households": 1200, "population": 2900, "as_of": "2025-04"}}


@pytest.fixture
def catalog(tmp_path):
    root = make_site(tmp_path, profiles={}, cases={"full": case(**FACTS), "bare": case(founded="2015"),
                                                   "people": case(area_size={"population": 480, "as_of": "2024-10"})})
    result = load_collections(root, workers=1)
    assert result.problems == []
    return build_catalog(result.profiles, result.cases, "2026-11")


def test_the_case_page_shows_each_fact_in_japanese(catalog):
    pages = {spec.url: spec for spec in site_pages(catalog)}
    html = render_page(pages["cases/full/"], catalog, render_context(catalog))
    assert "<dt>設立</dt><dd>平成28年4月（2016年4月）</dd>" in html
    assert "<dt>活動区域</dt><dd>見本小学校区、第二小学校区</dd>" in html
    assert "<dt>区域の規模</dt><dd>1,200世帯・2,900人（2025年4月時点）</dd>" in html
    assert "<dd>480人（2024年10月時点）</dd>" in render_page(pages["cases/people/"], catalog, render_context(catalog))
    bare = render_page(pages["cases/bare/"], catalog, render_context(catalog))
    assert "<dd>平成27年（2015年）</dd>" in bare and "区域の規模" not in bare


def test_the_embed_shows_them_too(catalog):
    files = render_embeds(catalog, {}, site_url="https://example.jp/site/", site_name="テスト")
    html = files["embed/cases/full/index.html"]
    assert "平成28年4月（2016年4月）" in html and "1,200世帯・2,900人（2025年4月時点）" in html


def test_open_data_carries_them_as_columns(catalog):
    files = export_files(catalog, site_url="https://example.jp/site/")
    header = files["data/cases.csv"].splitlines()[0]
    assert "founded,area,area_size.households,area_size.population,area_size.as_of" in header
    assert '"founded":"2016-04"' in files["data/cases.json"].replace(" ", "")


def test_a_year_alone_never_guesses_the_era():
    assert year_or_month("2019") == "2019年"  # 平成31年 or 令和元年
    assert year_or_month("2020") == "令和2年（2020年）"
    assert year_or_month("2019-04") == "平成31年4月（2019年4月）"


BAD_CASES = {
    "founded-format": {"founded": "2016年4月"},
    "founded-unquoted": {"founded": 2016},
    "area-size-empty": {"area_size": {"as_of": "2025-04"}},
    "area-size-negative": {"area_size": {"households": -5, "as_of": "2025-4"}},
}


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_bad_case_facts_are_reported_exactly(tmp_path, name):
    root = make_site(tmp_path, profiles={}, cases={"bad": case(**BAD_CASES[name])})
    assert_golden(f"case-{name}", format_report(load_collections(root, workers=1).problems))
