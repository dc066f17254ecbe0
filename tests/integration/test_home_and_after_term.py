"""A generated site: the home page shows the newest records and the featured ones, a profile tells what came after
the term and links its related records, and the statistics page counts the alumni."""

from __future__ import annotations

import pytest

from showcase.catalog.related import SAME_TOWN_LIMIT
from tests.factories import case, make_site, profile
from tests.integration.sitebuild import mkdocs_build

pytestmark = pytest.mark.slow

ENDED = {"start": "2019-04", "end": "2022-03"}
NARA = {"prefecture": "奈良県", "municipality": "奈良市", "municipality_code": "292010"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    content = make_site(tmp_path_factory.mktemp("content"), profiles={
        "settled-founder": profile(name="定住 起業", term=ENDED, published="2026-09", fields=["観光"], after_term={
            "settled": "同じ市町村", "path": ["起業", "就農・就林・就漁"], "since": "2022-04",
            "note": "古民家を改修して**宿**を開きました。"}),
        "planned": profile(name="予定 現役", term={"start": "2024-04", "end": "2027-03", "end_planned": True}, published="2026-10"),
        "oldest": profile(name="古い 掲載", term=ENDED, published="2024-01", **NARA, fields=["観光"]),
        **{f"member-{n:02d}": profile(name=f"隊員 {n:02d}", term=ENDED, published="2025-06") for n in range(8)},
    }, cases={"kyogikai": case(published="2026-08"), "nara-kai": case(name="奈良の会", published="2023-01", **NARA)})
    (content / "data").mkdir()
    (content / "data" / "featured.yml").write_text("profiles:\n  - oldest\ncases:\n  - nara-kai\n", encoding="utf-8")
    site = tmp_path_factory.mktemp("out") / "site"
    result = mkdocs_build(content, site, extra_env={"SOURCE_DATE_EPOCH": "1790000000"})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _page(site, url):
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_home_shows_the_featured_and_the_newest_cards(built):
    home = _page(built, "")
    assert "<!-- showcase:" not in home
    featured = home.split('id="cs-home-featured"')[1].split("</section>")[0]
    assert 'href="profiles/oldest/"' in featured and 'href="cases/nara-kai/"' in featured
    newest = home.split('id="cs-home-profiles"')[1].split("</section>")[0]
    assert newest.index('href="profiles/planned/"') < newest.index('href="profiles/settled-founder/"')  # 2026-10, 2026-09
    assert 'href="profiles/oldest/"' not in newest  # the seventh newest and older stay on the listing
    assert newest.count('<article class="cs-card') == 6
    assert "2024年4月〜2027年3月（予定）" in newest and 'cs-badge--active">現役' in newest
    cases = home.split('id="cs-home-cases"')[1].split("</section>")[0]
    assert cases.index('href="cases/kyogikai/"') < cases.index('href="cases/nara-kai/"')
    assert 'href="fields/tourism/"' in home and 'href="profiles/status/alumni/"' in home and 'href="prefectures/nara/"' in home


def test_a_profile_tells_what_came_after_the_term(built):
    page = _page(built, "profiles/settled-founder")
    after = page.split('id="cs-after-term"')[1].split("</section>")[0]
    assert "都留市に定住（同じ市町村）" in after and "起業、就農・就林・就漁" in after and "令和4年4月" in after
    assert "<strong>宿</strong>" in after
    assert "（予定）" in _page(built, "profiles/planned") and 'id="cs-after-term"' not in _page(built, "profiles/planned")


def test_a_profile_links_its_related_records_with_the_reason(built):
    related = _page(built, "profiles/settled-founder").split('aria-labelledby="cs-related"')[1].split("</section>")[0]
    assert related.count('<p class="cs-related__why">同じ市町村</p>') == SAME_TOWN_LIMIT
    assert 'href="../kyogikai/"' not in related and 'href="../../cases/kyogikai/"' in related
    links = related.split('<ul class="cs-related-links">')[1]  # the same field's: one-line links after the town's cards
    assert '<span class="cs-related__why">同じ活動分野（観光）</span>' in links and 'href="../oldest/"' in links
    assert '<article class="cs-card' not in links
    assert "山梨県 都留市のすべて（11件）を見る" in related


def test_search_and_open_data_carry_the_after_term_facts(built):
    data = (built / "data" / "profiles.csv").read_text(encoding="utf-8-sig")
    header = data.splitlines()[0].split(",")
    assert {"term.end_planned", "after_term.settled", "after_term.path", "after_term.since"} <= set(header)
    assert '"[""起業"",""就農・就林・就漁""]"' in data


def test_the_statistics_page_counts_the_alumni_below_the_minimum(built):
    page = _page(built, "statistics")
    block = page.split('id="records-after-term"')[1]
    assert "掲載している OB・OG 10人のうち、任期後の居住地を記載しているのは 1人" in block
    assert "30人に満たないため、割合は示していません" in block and "約65%" in block and "約70%" in block
