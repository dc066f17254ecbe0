"""Charts placed in pages: marker expansion, the statistics page, and charts from the catalog's counts."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from showcase.catalog.indexes import build_catalog
from showcase.check.collection import load_collections
from showcase.charts.comparison import MINIMUM_COUNT, enough_to_compare
from showcase.render.statistics import (category_comparison_block, expand_chart_markers, field_block,
                                        render_chart_block, render_statistics_page, tile_map_block)
from showcase.render.pages import site_pages
from showcase.stats.data_files import load_statistics
from tests.factories import case, make_site, profile

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def tables():
    loaded, problems = load_statistics(DATA, DATA.parent)
    assert problems == []
    return loaded


@pytest.fixture
def catalog(tmp_path):
    root = make_site(tmp_path, profiles={"a": profile(), "b": profile(prefecture="奈良県", municipality="奈良市",
                                                                        municipality_code="292010", fields=["観光"])},
                     cases={"c": case(), "d": case(activities=[{"category": "防災活動", "title": "訓練", "body": "防災訓練"}])})
    result = load_collections(root, workers=1)
    return build_catalog(result.profiles, result.cases, "2026-11")


def test_markers_become_chart_blocks(catalog, tables):
    html = expand_chart_markers("<p>前</p>\n<!-- chart: rmo-growth -->\n<!-- showcase: records-map -->", "programmes/rmo/", catalog, tables)
    assert "<!--" not in html
    assert 'id="rmo-growth"' in html and 'href="../../data/statistics/rmo-growth.csv"' in html
    # 47 tiles in each of the two layouts (phone and wide), and the link to the prefecture list
    assert html.count('<a href="../../prefectures/') == 2 * 47 + 1


def test_unknown_marker_is_an_error(catalog, tables):
    with pytest.raises(KeyError, match="unknown chart id 'nope'"):
        expand_chart_markers("<!-- chart: nope -->", "", catalog, tables)


def test_record_charts_use_catalog_counts(catalog):
    fields = field_block(catalog)
    svg = ET.fromstring(str(fields.svg))
    texts = "".join(svg.itertext())
    assert "観光" in texts and "1件" in texts
    tiles = tile_map_block(catalog, "statistics/")
    assert str(tiles.svg).count("<a ") == 2 * 47


def test_no_comparison_chart_below_the_minimum_count(catalog):
    """「本サイトの事例 0/2件 0.0%」 beside national percentages says nothing: a note instead, the counts in the table."""
    comparison = category_comparison_block(catalog)
    assert str(comparison.svg) == "" and f"{MINIMUM_COUNT}件以上" in comparison.note and "2件" in comparison.note
    assert "69.6" in str(comparison.table) and "50.0" in str(comparison.table)  # 防災活動: 1 of 2 cases
    html = render_chart_block(comparison, "statistics/")
    assert "<svg" not in html and 'class="cs-figure__note"' in html


def test_a_comparison_chart_from_the_minimum_count_on(tmp_path):
    cases = {f"c{n}": case(activities=[{"category": "防災活動" if n % 2 else "交流事業", "title": "訓練", "body": "訓練"}])
             for n in range(MINIMUM_COUNT)}
    root = make_site(tmp_path, profiles={}, cases=cases)
    result = load_collections(root, workers=1)
    block = category_comparison_block(build_catalog(result.profiles, result.cases, "2026-11"))
    assert block.note == "" and "<svg" in str(block.svg)
    assert "防災活動（本サイトの事例 10/20件）" in str(block.svg)
    assert enough_to_compare(MINIMUM_COUNT) and not enough_to_compare(MINIMUM_COUNT - 1)


def test_statistics_page_has_every_chart_with_unique_ids(catalog, tables):
    spec = next(s for s in site_pages(catalog) if s.kind == "statistics")
    html = render_statistics_page(spec, catalog, tables)
    ids = [part.split('"', 1)[0] for part in html.split(' id="')[1:]]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for chart_id in ("rmo-growth", "kyoryokutai-growth", "rmo-survey-activities", "records-map"):
        assert f'id="{chart_id}"' in html
    assert html.count("<caption") >= 10
