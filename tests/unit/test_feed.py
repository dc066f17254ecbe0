"""The Atom feed: valid XML, newest records first by their own ``published`` month, the same bytes every build."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from showcase.catalog.indexes import build_catalog
from showcase.check.collection import load_collections
from showcase.outputs.feed import render_feed
from tests.factories import case, make_site, profile

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://example.jp/showcase/"


def _catalog(tmp_path, **extra_profiles):
    root = make_site(tmp_path, profiles={
        "old": profile(name="古い 人", published="2024-05", term={"start": "2020-04", "end": "2023-03"}),
        "new": profile(name="新しい 人", published="2026-10"),
        "hostile": profile(name="</title><script>alert(1)</script>", published="2025-01", term={"start": "2020-04", "end": "2023-03"}),
        **extra_profiles,
    }, cases={"mid": case(published="2025-07"), "same-month": case(name="同じ月の会", published="2026-10")})
    result = load_collections(root, workers=1)
    assert result.problems == []
    return build_catalog(result.profiles, result.cases, "2026-11")


def test_feed_is_valid_atom_newest_first(tmp_path):
    text = render_feed(_catalog(tmp_path), site_url=SITE, site_name="テスト")
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>')
    feed = ET.fromstring(text.encode("utf-8"))
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert links == [SITE + "profiles/new/", SITE + "cases/same-month/", SITE + "cases/mid/",
                     SITE + "profiles/hostile/", SITE + "profiles/old/"]
    published = [e.findtext(f"{ATOM}published") for e in entries]
    assert published == sorted(published, reverse=True)
    assert published[0] == "2026-10-01T00:00:00Z"
    assert feed.findtext(f"{ATOM}updated") == "2026-10-01T00:00:00Z"  # the newest record's month, not the build time
    for entry in entries:
        for tag in ("id", "title", "updated", "summary"):
            assert entry.findtext(f"{ATOM}{tag}"), tag
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == SITE + "feed.xml"
    assert feed.find(f"{ATOM}author/{ATOM}name").text


def test_feed_escapes_text_and_is_deterministic(tmp_path):
    catalog = _catalog(tmp_path)
    text = render_feed(catalog, site_url=SITE)
    assert "<script>" not in text and "&lt;/title&gt;&lt;script&gt;" in text
    assert render_feed(catalog, site_url=SITE) == text


def test_feed_is_limited_to_the_newest(tmp_path):
    feed = ET.fromstring(render_feed(_catalog(tmp_path), site_url=SITE, limit=2).encode("utf-8"))
    assert len(feed.findall(f"{ATOM}entry")) == 2


def test_feed_ids_stay_absolute_without_a_site_url(tmp_path):
    feed = ET.fromstring(render_feed(_catalog(tmp_path)).encode("utf-8"))
    assert all(e.findtext(f"{ATOM}id").startswith("urn:chiiki-showcase:") for e in feed.findall(f"{ATOM}entry"))
