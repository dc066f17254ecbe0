"""A generated site as a visitor sees it: written for the public, citations and 最終確認日 from data, the operator
and privacy pages in every footer, and a correction route without GitHub on every record page."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from tests.factories import case, make_site, profile
from tests.integration.sitebuild import mkdocs_build
from tests.public_wording import maintainer_phrases_in

pytestmark = pytest.mark.slow

SITE_URL = "https://chiiki-showcase.github.io/chiiki-showcase/"
CONTACT = "corrections@example.jp"
HAND_WRITTEN = ["", "programmes/", "programmes/rmo/", "programmes/kyoryokutai/",
                "programmes/designated-community-organisations/", "glossary/", "about/", "privacy/", "data/"]
RECORDS = {"profiles/yamada-hanako/": "山田 花子", "cases/npo-asaichi/": "特定非営利活動法人 あさいち"}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("content")
    make_site(content, profiles={"yamada-hanako": profile(
        name="山田 花子", updated="2026-12",
        sources=[{"publisher": "○○市", "title": "広報○○ 2026年10月号", "date": "2026年10月1日",
                  "url": "https://example.jp/koho/", "note": "年齢は資料の作成時点の値です。"}])},
        cases={"npo-asaichi": case(name="特定非営利活動法人 あさいち", legal_form="NPO法人")})
    out = tmp_path_factory.mktemp("out") / "site"
    result = mkdocs_build(content, out, extra_env={"SOURCE_DATE_EPOCH": "1795651200", "SHOWCASE_CONTACT_EMAIL": CONTACT})
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html")
                  if not p.relative_to(site).as_posix().startswith(("pagefind/", "assets/", "embed/")))


def test_nothing_published_talks_to_maintainers(site):
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix in {".html", ".json", ".csv", ".xml"} and "pagefind" not in path.parts:
            assert maintainer_phrases_in(path.read_text(encoding="utf-8", errors="replace")) == [], path


def test_every_footer_links_the_operator_and_privacy_pages(site):
    pages = _pages(site)
    assert len(pages) > 50
    for path in pages:
        footer = re.search(r'<footer class="md-footer">.*?</footer>', path.read_text(encoding="utf-8"), re.S)
        assert footer, path
        assert "運営者情報" in footer.group(0) and "プライバシーポリシー" in footer.group(0), path
        base = "http://site/" + (path.relative_to(site).parent.as_posix() + "/").lstrip("./")
        if path.name == "404.html":
            base = SITE_URL
        targets = {urljoin(base, href) for href in re.findall(r'href="([^"]+)"', footer.group(0))}
        root = SITE_URL if path.name == "404.html" else "http://site/"
        assert {root + "about/", root + "privacy/"} <= targets, (path, targets)
    for url in ("about/", "privacy/"):
        assert (site / url / "index.html").is_file()


def test_no_generator_credit_and_no_repository_link_in_the_header(site):
    for url in ("", "programmes/rmo/", "profiles/yamada-hanako/"):
        html = _page(site, url)
        assert "Made with" not in html
        header = re.search(r'<header class="md-header.*?</header>', html, re.S).group(0)
        assert "github.com" not in header


def test_every_record_page_links_a_prefilled_correction_request(site):
    for url, name in RECORDS.items():
        html = _page(site, url)
        links = [unescape(href) for href in re.findall(r'href="(mailto:[^"]+)"', html) if CONTACT in href]
        assert links, url
        parts = urlsplit(links[0])
        query = parse_qs(parts.query)
        assert parts.path == CONTACT
        assert name in query["subject"][0]
        assert SITE_URL + url in query["body"][0]
        assert 'rel="edit"' not in html and "このページの修正を提案" not in html  # generated: nothing to edit


def test_hand_written_pages_offer_an_edit_suggestion_and_their_date(site):
    for url in HAND_WRITTEN:
        html = _page(site, url)
        assert re.search(r'<a href="https://github\.com/[^"]+/edit/main/docs/[^"]+" rel="edit">このページの修正を提案</a>', html), url
        assert re.search(r"最終確認日：<time datetime=\"\d{4}-\d\d\">\d{4}年\d{1,2}月</time>", html), url


def test_citations_and_dates_come_from_the_data(site):
    html = _page(site, "profiles/yamada-hanako/")
    assert '○○市「<a href="https://example.jp/koho/">広報○○ 2026年10月号</a>」、2026年10月1日' in html
    assert "出典についての注記：</span>年齢は資料の作成時点の値です。" in html
    assert '最終確認日：<time datetime="2026-12">2026年12月</time>' in html  # updated, not published, not the clock
    stats = _page(site, "statistics/")
    assert re.search(r'総務省「地域運営組織（RMO）の活動実態」', stats)
    assert "最終確認日：" in stats
    assert "最終確認日：" in _page(site, "profiles/")


def test_the_npo_placeholder_shows_its_own_name(site):
    html = _page(site, "cases/npo-asaichi/")
    assert '<span class="cs-portrait__initial">あ</span>' in html


def test_heading_permalinks_are_japanese_and_not_tab_stops(site):
    html = _page(site, "programmes/rmo/")
    links = re.findall(r'<a class="headerlink"[^>]*>', html)
    assert links
    assert all('aria-label="この見出しへのリンク"' in link and 'tabindex="-1"' in link for link in links)


def test_share_button_has_a_visible_address_without_javascript(site):
    html = _page(site, "profiles/yamada-hanako/")
    assert f'<span class="cs-share__url">{SITE_URL}profiles/yamada-hanako/</span>' in html
    assert re.search(r'<button type="button" class="md-button cs-share__button" data-cs-share="[^"]+" hidden>リンクをコピー</button>', html)


def test_record_pages_link_their_terms_to_the_glossary(site):
    assert '<a href="../../glossary/#chiiki-unei-soshiki">地域運営組織（RMO）</a>' in _page(site, "cases/npo-asaichi/")
    assert '<a href="../../glossary/#npo-hojin">NPO法人</a>' in _page(site, "cases/npo-asaichi/")
    assert '<a href="../../glossary/#chiiki-okoshi-kyoryokutai">地域おこし協力隊</a>' in _page(site, "profiles/yamada-hanako/")
