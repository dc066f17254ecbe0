"""A real build's embed views, oEmbed files, open data, feed and headers: where they are and what links to them."""

from __future__ import annotations

import gzip
import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from PIL import Image

from tests.factories import case, make_site, profile
from tests.headers_file import headers_for, parse_headers
from tests.integration.sitebuild import ROOT, mkdocs_build, pagefind_fragments

pytestmark = pytest.mark.slow
SITE_URL = "https://chiiki-showcase.github.io/chiiki-showcase/"
MAILTO_LINK = "mailto:hanako-links@example.jp"
EMBEDS = ("embed/profiles/hanako/", "embed/cases/kyogikai/", "embed/municipalities/192040/", "embed/prefectures/yamanashi/")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    content = tmp_path_factory.mktemp("content")
    make_site(content, profiles={
        "hanako": profile(photos=[{"file": "katsudou.jpg", "alt": "朝市の様子"}],
                          contact={"email": "hanako@example.jp", "phone": "0554-43-1111"},
                          activities=[{"title": "朝市 & 夜市 <準備中> 🍙", "body": "交流イベントを開いています。"}],
                          links=[{"label": "活動ブログ", "url": "https://blog.example.jp/hanako"},
                                 {"label": "メールで相談", "url": MAILTO_LINK}]),
    }, cases={"kyogikai": case(links=[{"label": "事務局", "url": "mailto:jimukyoku-links@example.jp"}])})
    Image.new("RGB", (900, 600), (40, 120, 80)).save(content / "profiles" / "hanako" / "katsudou.jpg", "JPEG")
    site = tmp_path_factory.mktemp("out") / "site"
    result = mkdocs_build(content, site, extra_env={"SOURCE_DATE_EPOCH": "1795651200"})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def _local(site: Path, base: str, href: str) -> Path:
    """The file a relative link from the page at ``base`` points at."""
    path = urlparse(urljoin("https://x/" + base, href)).path.lstrip("/")
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def test_every_embed_kind_is_a_standalone_page(built):
    charts = sorted(p.name for p in (built / "embed" / "charts").iterdir())
    assert "rmo-growth" in charts  # the statistics in data/ are charted
    for url in EMBEDS + tuple(f"embed/charts/{c}/" for c in charts):
        html = _read(built, url + "index.html")
        assert html.startswith('<!doctype html>\n<html lang="ja">'), url
        assert "data-pagefind-body" not in html and "md-header" not in html and "localStorage" not in html, url
        for attr, href in re.findall(r'\b(src|href|srcset)="([^"]+)"', html):
            if href.startswith("https://creativecommons.org/") or 'rel="canonical"' in href:
                continue
            for part in href.split(", "):
                target = part.split(" ")[0]
                if target.startswith(SITE_URL):
                    continue  # the canonical link
                assert "//" not in target, (url, target)
                assert _local(built, url, target).exists(), (url, target)


def test_embed_views_stay_out_of_search_and_sitemap(built):
    indexed = [fragment["url"] for fragment in pagefind_fragments(built)]
    assert "/profiles/hanako/" in indexed
    assert not [url for url in indexed if url.startswith("/embed/")]
    assert "/embed/" not in _read(built, "sitemap.xml")


def test_embeddable_pages_announce_their_oembed_file(built):
    for page, oembed in (("profiles/hanako/", "oembed/profiles/hanako.json"), ("cases/kyogikai/", "oembed/cases/kyogikai.json"),
                         ("municipalities/192040/", "oembed/municipalities/192040.json"),
                         ("prefectures/yamanashi/", "oembed/prefectures/yamanashi.json")):
        html = _read(built, page + "index.html")
        link = re.search(r'<link rel="alternate " type="application/json\+oembed" href="([^"]+)" title="([^"]+)">', html)
        assert link and link.group(1) == SITE_URL + oembed, page
        document = json.loads(_read(built, oembed))
        assert document["type"] == "rich" and f'{SITE_URL}{oembed.replace("oembed/", "embed/")[:-5]}/' in document["html"]
        assert 'class="cs-embed"' in html and "このページを埋め込む" in html
    assert "json+oembed" not in _read(built, "profiles/index.html")
    assert "json+oembed" not in _read(built, "index.html")


def test_feed_is_linked_from_every_page_and_valid(built):
    home = _read(built, "index.html")
    assert '<link rel="alternate " type="application/atom+xml" href="feed.xml"' in home
    assert 'type="application/atom+xml" href="../../feed.xml"' in _read(built, "profiles/hanako/index.html")
    feed = ET.fromstring((built / "feed.xml").read_bytes())
    assert len(feed.findall("{http://www.w3.org/2005/Atom}entry")) == 2


def test_every_listing_links_to_existing_data(built):
    for page in ("profiles/", "cases/", "prefectures/", "prefectures/yamanashi/", "municipalities/192040/",
                 "fields/community/", "profiles/status/alumni/", "cases/category/shopping/"):
        html = _read(built, page + "index.html")
        block = re.search(r'<p class="cs-data-links"[^>]*>(.*?)</p>', html, re.S)
        assert block, page
        for href in re.findall(r'href="([^"]+)"', block.group(1)):
            assert _local(built, page, href).exists(), (page, href)


def test_data_page_documents_the_files_and_links_resolve(built):
    html = _read(built, "data/index.html")
    assert "CC BY 4.0" in html and "出典: chiiki-showcase" in html
    assert "<code>term.start</code>" in html and "<code>related_profiles</code>" in html
    for href in re.findall(r'<a href="([^"#]+\.(?:json|csv|xml))"', html):
        assert _local(built, "data/", href).exists(), href
    assert (built / "data" / "statistics" / "rmo-growth.csv").read_text(encoding="utf-8").startswith("\ufeff")
    index = json.loads(_read(built, "data/index.json"))
    for item in index["files"]:
        assert (built / item["path"]).is_file(), item


def test_contact_details_only_on_the_persons_page(built):
    for path in built.joinpath("data").rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert "hanako@example.jp" not in text and "0554-43-1111" not in text, path
    for path in list(built.joinpath("embed").rglob("*.html")) + list(built.joinpath("oembed").rglob("*.json")):
        assert "0554-43-1111" not in path.read_text(encoding="utf-8"), path
    assert "0554-43-1111" in _read(built, "profiles/hanako/index.html")


def test_headers_file_covers_every_section_the_build_wrote(built):
    rules = parse_headers(_read(built, "_headers"))
    assert headers_for(rules, "/embed/profiles/hanako/")["content-security-policy"].endswith("frame-ancestors *")
    for section in built.iterdir():
        if section.is_dir() and section.name != "embed" and any(section.rglob("*.html")):
            policy = headers_for(rules, f"/{section.name}/x/")["content-security-policy"]
            assert policy == "frame-ancestors 'self'", section.name
    assert headers_for(rules, "/")["content-security-policy"] == "frame-ancestors 'self'"
    assert all("x-frame-options" not in headers for headers in rules.values())


def test_loader_and_frame_scripts_are_served_from_the_site_root(built):
    assert _read(built, "embed.js") == (ROOT / "docs" / "embed.js").read_text(encoding="utf-8")
    assert (built / "assets" / "embed" / "embed-frame.js").is_file()
    assert (built / "assets" / "embed" / "embed.css").is_file()


def test_chart_blocks_offer_their_embed_and_link_their_data(built):
    page = _read(built, "programmes/rmo/index.html")
    block = page.split('id="rmo-growth"', 1)[1].split("<figure", 1)[0]  # the figure and what follows it
    assert "このグラフを埋め込む" in block
    assert f"&lt;iframe src=&#34;{SITE_URL}embed/charts/rmo-growth/&#34;" in block
    statistics = _read(built, "statistics/index.html")
    assert statistics.count('class="cs-embed"') >= 9
    assert 'href="../data/profiles.csv"' in statistics and 'href="../data/prefectures.json"' in statistics
    embed = _read(built, "embed/charts/rmo-growth/index.html")
    assert 'href="../../../statistics/#rmo-growth"' in embed  # 出典: the chart on its full page


def _site_texts(site: Path):
    """Every file the build wrote, as text with entities decoded (gzip'd search fragments unpacked)."""
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix in {".jpg", ".webp", ".png", ".woff2", ".pf_index", ".pf_meta"}:
            continue
        raw = path.read_bytes()
        if path.suffix == ".pf_fragment":
            raw = gzip.decompress(raw)
        yield path, html.unescape(raw.decode("utf-8", errors="replace"))


def test_a_mailto_link_is_contact_data_shown_only_on_the_records_own_page(built):
    """Issue 20, finding 5: exports, search, the feed, embeds and oEmbed never carry a mailto: link's address."""
    own_pages = {built / "profiles" / "hanako" / "index.html", built / "cases" / "kyogikai" / "index.html"}
    checked = set()
    for path, text in _site_texts(built):
        if path not in own_pages:
            assert "hanako-links@example.jp" not in text and "jimukyoku-links@example.jp" not in text, path
            checked.add(path.relative_to(built).parts[0])
    assert {"data", "pagefind", "embed", "oembed", "feed.xml", "profiles", "prefectures", "municipalities"} <= checked
    profiles = json.loads(_read(built, "data/profiles.json"))
    assert [link["url"] for link in profiles["profiles"][0]["links"]] == ["https://blog.example.jp/hanako"]
    page = _read(built, "profiles/hanako/index.html")
    assert "hanako-links@example.jp" not in page  # obfuscated like contact.email, not greppable
    assert 'href="mailto:hanako-links@example.jp"' in html.unescape(page) and "メールで相談" in page
    assert "mailto:jimukyoku-links@example.jp" in html.unescape(_read(built, "cases/kyogikai/index.html"))


def test_every_xml_file_the_build_writes_is_well_formed(built):
    """Issue 20, finding 4: feed.xml, sitemap.xml and every SVG parse (xml.etree), text with & < > and emoji included."""
    written = sorted(p for p in built.rglob("*") if p.suffix in {".xml", ".svg"} and p.is_file())
    assert {"feed.xml", "sitemap.xml"} <= {p.name for p in written}
    for path in written:
        ET.fromstring(path.read_bytes())
    feed = _read(built, "feed.xml")
    assert "朝市 &amp; 夜市 &lt;準備中&gt; 🍙" in feed
