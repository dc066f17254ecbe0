"""Every chart has an embed view: the national charts from data/*.yml and the three charts of our own records."""

from __future__ import annotations

from pathlib import Path

from showcase.catalog.indexes import build_catalog
from showcase.charts.registry import CHARTS
from showcase.check.collection import load_collections
from showcase.outputs.embed_charts import RECORD_CHARTS, chart_embeds
from showcase.outputs.embeds import embed_views, iframe_snippet, render_embeds
from showcase.pipeline.site_build import render_context
from showcase.stats.data_files import load_statistics
from tests.factories import make_site

ROOT = Path(__file__).resolve().parents[2]


def test_every_chart_has_an_embed_view_with_its_data(tmp_path):
    tables, problems = load_statistics(ROOT / "data", ROOT)
    assert problems == []
    result = load_collections(make_site(tmp_path), workers=1)
    catalog = build_catalog(result.profiles, result.cases, "2026-11")
    charts = chart_embeds(tables, catalog)
    assert [c.id for c in charts] == sorted(CHARTS) + list(RECORD_CHARTS)
    site = "https://example.jp/"
    files = render_embeds(catalog, render_context(catalog, tables, site_url=site, charts=charts), site_url=site, charts=charts)
    for chart in charts:
        html = files[f"embed/charts/{chart.id}/index.html"]
        assert chart.title and f"<title>{chart.title}｜" in html.replace("&amp;", "&")
        assert ("<svg" in html) != bool(chart.note) and "<table" in html and "statistics/" in chart.page_url
        for _label, path in chart.data_files:
            assert f'href="../../../{path}"' in html, (chart.id, path)
        assert f"oembed/charts/{chart.id}.json" in files
    tile_map = files["embed/charts/records-map/index.html"]
    assert '<a target="_blank" rel="noopener" href="../../../prefectures/yamanashi/"' in tile_map
    assert '<figure class="ce-chart ce-chart--map"><div class="cs-responsive">' in tile_map  # no sideways scrolling
    assert '<a class="cs-skip-map" href="#ce-after-map" target="_self">' in tile_map  # one skip past 47 tiles
    assert files["embed/charts/records-categories/index.html"].count('class="ce-note"') == 1  # 2 cases: too few


def test_a_chart_embeds_iframe_height_follows_its_own_layout(tmp_path):
    """One height for every chart cut the tall ones off (560 px); each view's height is estimated from its compact
    layout at 375 px (tests/gates/test_layout.py checks the estimate against Chromium)."""
    tables, _ = load_statistics(ROOT / "data", ROOT)
    result = load_collections(make_site(tmp_path), workers=1)
    charts = {c.id: c for c in chart_embeds(tables, build_catalog(result.profiles, result.cases, "2026-11"))}
    two_panels, three_bars, note = charts["rmo-growth"], charts["rmo-survey-forms"], charts["records-categories"]
    assert two_panels.height > 800 > three_bars.height > note.height
    views = {view.key: view for view in embed_views(build_catalog(result.profiles, result.cases, "2026-11"), charts.values())
             if view.kind == "chart"}
    assert views["rmo-growth"].height == two_panels.height
    assert f'height="{two_panels.height}"' in iframe_snippet(views["rmo-growth"], "https://example.jp/")
