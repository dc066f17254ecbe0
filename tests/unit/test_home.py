"""The home page's records (showcase.render.home) and the featured list (showcase.content.featured)."""

from __future__ import annotations

from showcase.catalog.indexes import build_catalog
from showcase.check.collection import load_collections
from showcase.check.problems import format_report
from showcase.content.featured import Featured, load_featured
from showcase.render.cards import Cards
from showcase.render.home import expand_home_records, newest
from showcase.stats.data_files import load_statistics
from tests.factories import case, make_site, profile

EARLIER = {"start": "2020-04", "end": "2023-03"}
MARKER = "<p>前</p>\n<!-- showcase: home-records -->\n<p>後</p>"


def _catalog(root):
    result = load_collections(root, workers=1)
    assert result.problems == []
    return build_catalog(result.profiles, result.cases, "2026-11")


def _known(catalog):
    return {"profiles": {e.slug for e in catalog.profiles}, "cases": {e.slug for e in catalog.cases}}


def test_newest_by_published_month_then_slug(tmp_path):
    catalog = _catalog(make_site(tmp_path, profiles={
        "a-old": profile(published="2025-01", term=EARLIER), "b-new": profile(published="2026-10"), "c-new": profile(published="2026-10"),
        "d-mid": profile(published="2026-02", term=EARLIER)}, cases={}))
    assert [e.slug for e in newest(catalog.profiles, 3)] == ["b-new", "c-new", "d-mid"]


def test_the_marker_becomes_featured_and_newest_cards_and_browse_links(tmp_path):
    root = make_site(tmp_path, profiles={"hanako": profile(), "taro": profile(name="試験 太郎", published="2025-01", term=EARLIER)},
                     cases={"kyogikai": case()})
    (root / "data").mkdir()
    (root / "data" / "featured.yml").write_text("profiles:\n  - taro\ncases:\n  - kyogikai\n", encoding="utf-8")
    catalog = _catalog(root)
    featured, problems = load_featured(root, _known(catalog))
    assert problems == [] and featured == Featured(("taro",), ("kyogikai",))
    html = expand_home_records(MARKER, "", catalog, {"cards": Cards(catalog), "featured": featured})
    assert "<!--" not in html and html.startswith("<p>前</p>") and html.endswith("<p>後</p>")
    featured_part, rest = html.split('id="cs-home-profiles"')
    assert '<a href="profiles/taro/">試験 太郎</a>' in featured_part and '<a href="cases/kyogikai/">' in featured_part
    assert rest.index("profiles/hanako/") < rest.index("profiles/taro/")  # newest first
    assert 'cs-badge--alumni">OB・OG</span>' in rest and "地域おこし協力隊 · 地域コミュニティ活動" in rest  # the listings' card
    assert 'class="cs-card__mark" aria-hidden="true">試</span>' in rest  # no photo: the initial
    for link in ('href="profiles/status/alumni/"', 'href="fields/tourism/"', 'href="prefectures/yamanashi/"'):
        assert link in rest
    assert "<script" not in html


def test_an_unknown_featured_slug_is_a_located_bilingual_problem(tmp_path):
    root = make_site(tmp_path, profiles={"hanako": profile()}, cases={})
    (root / "data").mkdir()
    (root / "data" / "featured.yml").write_text("profiles:\n  - hanako\n  - hanako\n  - taro\ncases:\n  - nowhere\nextra: 1\n",
                                                encoding="utf-8")
    _featured, problems = load_featured(root, _known(_catalog(root)))
    assert format_report(problems).splitlines() == [
        "data/featured.yml:3:5: profiles[1]: 「hanako」が2回あります / 'hanako' is listed twice （対処: 1回にしてください / Fix: list it once）",
        "data/featured.yml:4:5: profiles[2]: 「taro」というプロフィールはありません / there is no profile 'taro' （対処: profiles/ にあるフォルダ名を書いてください / Fix: write the name of a folder in profiles/）",
        "data/featured.yml:6:5: cases[0]: 「nowhere」という事例はありません / there is no case 'nowhere' （対処: cases/ にあるフォルダ名を書いてください / Fix: write the name of a folder in cases/）",
        "data/featured.yml:7:1: extra: 「extra」という項目はありません / unknown field 'extra' （対処: profiles か cases にしてください / Fix: use profiles or cases）",
        "4 件の問題（1 ファイル） / 4 problems in 1 file",
    ]


def test_the_statistics_loader_leaves_the_featured_file_alone(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "featured.yml").write_text("profiles:\n  - hanako\n", encoding="utf-8")
    assert load_statistics(tmp_path / "data", tmp_path) == ({}, [])
