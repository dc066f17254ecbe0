"""Build a small generated site with the real configuration and check the HTML a visitor gets."""

from __future__ import annotations

import re
import subprocess

import pytest
from PIL import Image

from showcase.search.index import SLICE_FILTER

from tests.factories import case, dump, make_site, profile
from tests.integration.sitebuild import ROOT, mkdocs_build, pagefind_fragments, read_all_text

pytestmark = pytest.mark.slow

TITLE_PAYLOAD = "</title><script>alert(1)</script>"
ATTR_PAYLOAD = '"><img src=x onerror=alert(1)>'


def _git_status() -> str:
    return subprocess.run(["git", "status", "--porcelain", "--ignored=no"], cwd=ROOT, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    content = tmp_path_factory.mktemp("content")
    make_site(content, profiles={
        "hostile": profile(name=TITLE_PAYLOAD, hometown=ATTR_PAYLOAD, motivation="{{ config }} を書いても展開されない",
                           photos=[{"file": "katsudou.jpg", "alt": "活動の様子 " + ATTR_PAYLOAD}]),
        "minna-mimamori": profile(name="見守 太郎", prefecture="奈良県", municipality="奈良市", municipality_code="292010",
                                  term={"start": "2025-04", "end": "2028-03", "end_planned": True}, contact={"email": "taro@example.jp"}),
    }, cases={"asaichi": case()})
    photo = Image.new("RGB", (900, 600), (40, 120, 80))
    photo.save(content / "profiles" / "hostile" / "katsudou.jpg", "JPEG")
    before = _git_status()
    site = tmp_path_factory.mktemp("out") / "site"
    result = mkdocs_build(content, site, extra_env={"SOURCE_DATE_EPOCH": "1795651200"})  # 2026-11-26
    assert result.returncode == 0, result.stdout + result.stderr
    assert _git_status() == before, "the build wrote into the source tree"
    return site


def test_every_page_is_japanese(built):
    pages = list(built.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        head = page.read_text(encoding="utf-8")[:400]
        if "pagefind" in str(page.relative_to(built)):
            continue
        assert '<html lang="ja"' in head, page


def test_hostile_title_is_escaped_in_title_and_meta(built):
    html = (built / "profiles" / "hostile" / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title.startswith("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
    assert "<script>alert(1)" not in html
    assert 'content="&lt;/title&gt;&lt;script&gt;' in html  # og:title
    # Every text output but CSV: CSV is data (served as text/csv), where the raw name is the correct value.
    everything = "\n".join(p.read_text(encoding="utf-8") for p in sorted(built.rglob("*"))
                           if p.is_file() and p.suffix in {".html", ".xml", ".json", ".js", ".txt"})
    assert "<script>alert(1)" not in everything
    assert "<img src=x" not in everything


def test_template_syntax_stays_literal(built):
    assert "{{ config }} を書いても展開されない" in (built / "profiles" / "hostile" / "index.html").read_text(encoding="utf-8")


def test_photo_is_responsive_and_metadata_free(built):
    html = (built / "profiles" / "hostile" / "index.html").read_text(encoding="utf-8")
    img = re.search(r"<img [^>]*>", html.split('class="cs-portrait"', 1)[1]).group(0)
    assert 'width="' in img and 'height="' in img and "srcset=" in img
    assert 'alt="活動の様子 &#34;&gt;&lt;img src=x onerror=alert(1)&gt;"' in img
    files = list((built / "assets" / "photos").iterdir())
    assert {f.suffix for f in files} == {".webp", ".jpg"}
    for f in files:
        with Image.open(f) as image:
            assert not image.getexif()


def test_record_pages_stay_out_of_the_nav(built):
    home = (built / "index.html").read_text(encoding="utf-8")
    navigation = home.split('class="md-content"')[0]  # the page itself shows the newest records (home-records)
    assert "hostile/" not in navigation and "見守 太郎" not in navigation
    assert 'href="profiles/hostile/"' in home.split('class="md-content"')[1]


def test_listing_and_place_pages_link_records(built):
    nara = (built / "municipalities" / "292010" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../profiles/minna-mimamori/"' in nara
    tsuru = (built / "municipalities" / "192040" / "index.html").read_text(encoding="utf-8")
    assert "試験地区まちづくり協議会" in tsuru
    case_page = (built / "cases" / "asaichi" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../profiles/hostile/"' in case_page  # same municipality: linked both ways


def test_email_is_obfuscated(built):
    html = (built / "profiles" / "minna-mimamori" / "index.html").read_text(encoding="utf-8")
    assert "taro@example.jp" not in html
    assert "&#116;&#97;&#114;&#111;&#64;" in html


def test_record_pages_have_no_edit_link(built):
    """Issue 17: a generated page's correction route is its prefilled contact link (tests/integration/
    test_public_site.py), not an editor for YAML that a visitor cannot be expected to use."""
    html = (built / "profiles" / "hostile" / "index.html").read_text(encoding="utf-8")
    assert "/edit/main/" not in html and 'rel="edit"' not in html


def test_no_third_party_assets(built):
    for page in built.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
        for tag in re.findall(r"<(?:script|img|link|iframe|source)\b[^>]*>", text):
            if re.search(r'rel="(?:canonical|alternate) ?"', tag):
                continue  # links, not requests
            if re.search(r'(?:src|href|srcset)="(?:https?:)?//', tag):
                pytest.fail(f"{page}: {tag}")


def test_search_index_is_built(built):
    assert (built / "pagefind" / "pagefind.js").is_file()
    assert not (built / "search" / "search_index.json").exists()  # Material's lunr index is off


def test_search_page_filters_list_the_built_values_with_counts(built):
    html = (built / "search" / "index.html").read_text(encoding="utf-8")
    form = html[html.index('<form class="cs-search"'):html.index("</form>", html.index('<form class="cs-search"'))]
    assert '<option value="奈良県">奈良県（1）</option>' in form
    assert '<option value="山梨県">山梨県（2）</option>' in form  # a profile and a case
    assert '<option value="北海道">' not in form  # no record there: no dead choice
    assert '<option value="現役">現役（1）</option>' in form
    assert 'data-pagefind-base="../pagefind/"' in form
    # the filters the form offers are the ones the search index holds, and no others (but the hidden slice)
    offered = set(re.findall(r'<select name="([^"]+)"', form))
    indexed = {name for fragment in pagefind_fragments(built) for name in fragment["filters"]} - {SLICE_FILTER}
    assert offered == indexed == {"種別", "都道府県", "活動分野", "状態", "活動分類"}


def test_bad_content_fails_the_build_with_every_problem_and_no_site(tmp_path):
    content = make_site(tmp_path / "content", profiles={
        "a": dump(profile()).replace("hometown:", "hometwon:"),
        "b": dump(profile()).replace("prefecture: 山梨県", "prefecture: 山梨"),
    }, cases={"c": dump(case()).replace("'192040'", "'192041'")})
    site = tmp_path / "site"
    result = mkdocs_build(content, site)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "profiles/a/profile.yml:10:1: hometwon:" in output
    assert "profiles/b/profile.yml:2:13: prefecture:" in output
    assert "cases/c/case.yml:4:20: municipality_code:" in output
    assert "3 件の問題（3 ファイル） / 3 problems in 3 files" in output
    assert not site.exists() or not any(site.iterdir())


def test_removed_record_disappears_from_every_output(tmp_path):
    content = make_site(tmp_path / "content", profiles={
        "stays": profile(name="残る 人"),
        "leaves": profile(name="削除 される人", prefecture="奈良県", municipality="奈良市", municipality_code="292010"),
    }, cases={})
    site = tmp_path / "site"
    assert mkdocs_build(content, site).returncode == 0
    assert "削除 される人" in read_all_text(site)
    # The record is in every kind of output before it is deleted, so the checks below can fail.
    for path in ("embed/profiles/leaves/index.html", "oembed/profiles/leaves.json", "data/profiles.json",
                 "data/profiles.csv", "data/municipalities/292010.json", "embed/municipalities/292010/index.html",
                 "feed.xml"):
        assert "削除 される人" in (site / path).read_text(encoding="utf-8"), path
    import shutil
    shutil.rmtree(content / "profiles" / "leaves")
    result = mkdocs_build(content, site)
    assert result.returncode == 0, result.stderr
    everything = read_all_text(site)
    assert "残る 人" in everything
    assert "削除 される人" not in everything
    assert "leaves" not in everything
    for path in ("embed/profiles/leaves", "oembed/profiles/leaves.json", "embed/municipalities/292010",
                 "data/municipalities/292010.json", "oembed/municipalities/292010.json"):
        assert not (site / path).exists(), path
    assert "/profiles/leaves/" not in [fragment["url"] for fragment in pagefind_fragments(site)]
    # Pagefind's index files are binary chunks: check them as bytes too.
    for path in site.rglob("*"):
        if path.is_file():
            assert "削除 される人".encode() not in path.read_bytes(), path
