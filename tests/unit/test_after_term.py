"""Our alumni after the term: counts from the catalog, shares only from a minimum count, beside the national figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from showcase.catalog.after_term import MINIMUM_COUNT, after_term_summary
from showcase.catalog.indexes import build_catalog
from showcase.check.collection import load_collections
from showcase.render.after_term_statistics import after_term_block as _block
from showcase.render.statistics import table_source
from showcase.stats.data_files import load_statistics
from tests.factories import make_site, profile

def after_term_block(catalog, tables, page_url):
    return _block(catalog, tables, page_url, table_source)


ROOT = Path(__file__).resolve().parents[2]
ENDED = {"start": "2019-04", "end": "2022-03"}


def _catalog(tmp_path, afters: list[dict | None]):
    profiles = {f"p{n:03d}": profile(term=ENDED, after_term=after) for n, after in enumerate(afters)}
    profiles["active"] = profile(term={"start": "2025-04", "end": "2028-03", "end_planned": True})
    root = make_site(tmp_path, profiles=profiles, cases={})
    result = load_collections(root, workers=2)
    assert result.problems == []
    return build_catalog(result.profiles, result.cases, "2026-11")


@pytest.fixture(scope="module")
def tables():
    loaded, problems = load_statistics(ROOT / "data", ROOT)
    assert problems == []
    return loaded


def test_counts_and_shares_with_the_count_behind_each(tmp_path):
    afters = ([{"settled": "同じ市町村", "path": ["起業", "就農・就林・就漁"]}] * 21 + [{"settled": "他の都道府県", "path": ["就職"]}] * 9
              + [{"note": "書いたのは説明だけ"}] + [None] * 4)
    summary = after_term_summary(_catalog(tmp_path, afters))
    assert summary.alumni == 35
    assert summary.settled.filled == 30 and summary.settled.shown
    shares = {share.label: (share.count, share.total, round(share.percent, 1)) for share in summary.settled.shares}
    assert shares == {"同じ市町村": (21, 30, 70.0), "同じ都道府県の別の市町村": (0, 30, 0.0), "他の都道府県": (9, 30, 30.0), "未定": (0, 30, 0.0)}
    paths = {share.label: share.count for share in summary.paths.shares}
    assert paths["起業"] == 21 and paths["就職"] == 9 and sum(paths.values()) == 51  # several paths per person
    assert summary.paths.filled == 30


def test_below_the_minimum_only_counts_and_a_note(tmp_path, tables):
    catalog = _catalog(tmp_path, [{"settled": "同じ市町村"}] * (MINIMUM_COUNT - 1))
    summary = after_term_summary(catalog)
    assert summary.settled.filled == MINIMUM_COUNT - 1 and not summary.settled.shown
    html = after_term_block(catalog, tables, "statistics/")
    assert "%" not in html.split("全国")[0], "no share of our alumni below the minimum count"
    assert f"{MINIMUM_COUNT - 1}人で、{MINIMUM_COUNT}人に満たないため、割合は示していません" in html


def test_at_the_minimum_the_shares_show_with_their_counts(tmp_path, tables):
    catalog = _catalog(tmp_path, [{"settled": "同じ市町村"}] * MINIMUM_COUNT)
    html = after_term_block(catalog, tables, "statistics/")
    assert f"記載のある {MINIMUM_COUNT}人の内訳" in html
    assert f'<th scope="row">同じ市町村</th><td class="num">{MINIMUM_COUNT}人</td><td class="num">100.0%</td>' in html


def test_the_national_figures_and_their_wording_come_from_the_data_table(tmp_path, tables):
    html = after_term_block(_catalog(tmp_path, []), tables, "statistics/")
    assert "制度創設以来、令和4年度末までに任期終了した隊員" in html and "約65%" in html
    assert "直近5年に任期終了した隊員" in html and "約70%" in html
    assert "令和5年3月末調査時点" in html and "総務省" in html.split("cs-stat-source", 1)[1]
