"""Every chart has an embed view: the national charts from data/*.yml and the three charts of our own records."""

from __future__ import annotations

from pathlib import Path

from showcase.catalog.indexes import build_catalog
from showcase.charts.registry import CHARTS
from showcase.check.collection import load_collections
from showcase.outputs.embed_charts import RECORD_CHARTS, chart_embeds
from showcase.outputs.embeds import render_embeds
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
        assert "<svg" in html and "<table" in html and "statistics/" in chart.page_url
        for _label, path in chart.data_files:
            assert f'href="../../../{path}"' in html, (chart.id, path)
        assert f"oembed/charts/{chart.id}.json" in files
    tile_map = files["embed/charts/records-map/index.html"]
    assert '<a target="_blank" rel="noopener" href="../../../prefectures/yamanashi/"' in tile_map
    assert 'class="ce-chart ce-chart--map ce-chart--wide" tabindex="0" role="group"' in tile_map
