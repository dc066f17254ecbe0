"""Embed views, their snippets and oEmbed documents: minimal, self-contained, escaped, and complete."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from showcase.catalog.indexes import build_catalog
from showcase.check.collection import load_collections
from showcase.outputs.embeds import (SANDBOX, embed_views, iframe_snippet, loader_snippet, oembed_document,
                             render_embeds, view_for_page)
from showcase.pipeline.site_build import render_context
from showcase.render.pages import render_page, site_pages
from tests.factories import case, make_site, profile

ROOT = Path(__file__).resolve().parents[2]
SITE = "https://example.jp/showcase/"
PAYLOAD = '"><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    root = make_site(tmp_path_factory.mktemp("content"), profiles={
        "hanako": profile(),
        "hostile": profile(name=PAYLOAD, prefecture="奈良県", municipality="奈良市", municipality_code="292010",
                           published="2026-11"),
    }, cases={"kyogikai": case()})
    result = load_collections(root, workers=1)
    assert result.problems == []
    return build_catalog(result.profiles, result.cases, "2026-11")


@pytest.fixture(scope="module")
def files(catalog):
    return render_embeds(catalog, render_context(catalog, site_url=SITE), site_url=SITE, site_name="テストサイト")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict]]:
    parser = _Links()
    parser.feed(html)
    return parser.tags


def test_every_kind_has_a_view_and_an_oembed_file(files):
    for path in ("embed/profiles/hanako/index.html", "embed/cases/kyogikai/index.html",
                 "embed/municipalities/192040/index.html", "embed/prefectures/yamanashi/index.html",
                 "embed/prefectures/okinawa/index.html", "oembed/profiles/hanako.json", "oembed/cases/kyogikai.json",
                 "oembed/municipalities/292010.json", "oembed/prefectures/nara.json"):
        assert path in files, path
    assert len([p for p in files if p.startswith("embed/prefectures/")]) == 47


def test_views_are_minimal_standalone_documents(files):
    for path, html in files.items():
        if not path.endswith(".html"):
            continue
        assert html.startswith("<!doctype html>\n<html lang=\"ja\">"), path
        assert "data-pagefind-body" not in html and "md-header" not in html, path
        assert "localStorage" not in html and "sessionStorage" not in html and "cookie" not in html.lower(), path
        assert 'name="viewport"' in html and "出典: <a href=" in html, path
        for tag, attrs in _tags(html):
            if tag == "a":
                assert attrs.get("target") == "_blank" and "noopener" in attrs.get("rel", ""), (path, attrs)
            for name in ("src", "href", "srcset"):
                value = attrs.get(name) or ""
                if tag in {"script", "img", "link", "source", "iframe"} and name in attrs and tag != "link" or (
                        tag == "link" and attrs.get("rel") in {"stylesheet", "icon"} and name == "href"):
                    assert "//" not in value, (path, tag, attrs)  # only our own origin, by relative URL


def test_view_links_are_relative_to_our_origin(files):
    html = files["embed/profiles/hanako/index.html"]
    assert 'href="../../../profiles/hanako/"' in html
    assert 'href="../../../assets/embed/embed.css"' in html and 'src="../../../assets/embed/embed-frame.js"' in html
    assert f'<link rel="canonical" href="{SITE}profiles/hanako/">' in html


def test_hostile_name_is_escaped_in_views_snippets_and_oembed(catalog, files):
    for path, text in files.items():
        assert "<img src=x" not in text, path
    pages = {spec.url: spec for spec in site_pages(catalog)}
    block = render_page(pages["profiles/hostile/"], catalog, render_context(catalog, site_url=SITE)).split('<details class="cs-embed"', 1)[1]
    assert 'data-cs-embed-name="&#34;&gt;&lt;img src=x onerror=alert(1)&gt;（地域おこし協力隊）"' in block
    view = next(v for v in embed_views(catalog) if v.key == "hostile")
    for snippet in (iframe_snippet(view, SITE), loader_snippet(view, SITE)):
        assert "<img src=x" not in snippet and "&quot;&gt;&lt;img" in snippet
    document = json.loads(files["oembed/profiles/hostile.json"])
    assert document["title"].startswith(PAYLOAD)  # JSON carries the raw text; its html field is escaped
    assert "<img src=x" not in document["html"]


def test_list_view_shows_both_groups_and_the_newest_first(files):
    html = files["embed/municipalities/192040/index.html"]
    assert "地域おこし協力隊 1人・地域運営組織 1団体" in html
    assert "試験 花子" in html and "試験地区まちづくり協議会" in html
    empty = files["embed/prefectures/okinawa/index.html"]
    assert "まだ掲載がありません" in empty


def test_iframe_snippet_has_every_required_attribute(catalog):
    view = embed_views(catalog)[0]
    snippet = iframe_snippet(view, SITE)
    tag, attrs = _tags(snippet)[0]
    assert tag == "iframe"
    assert attrs["src"] == f"{SITE}embed/profiles/{view.key}/"
    assert attrs["title"] and attrs["loading"] == "lazy"
    assert attrs["referrerpolicy"] == "strict-origin-when-cross-origin"
    assert attrs["sandbox"] == SANDBOX == "allow-scripts allow-popups allow-popups-to-escape-sandbox"
    assert "allow-same-origin" not in snippet
    assert attrs["width"] == "100%" and 300 <= int(attrs["height"]) <= 800


def test_loader_snippet_falls_back_to_a_link(catalog):
    view = embed_views(catalog)[0]
    tags = _tags(loader_snippet(view, SITE))
    assert tags[0][1]["data-chiiki-embed"] == f"{SITE}embed/profiles/{view.key}/"
    assert tags[1] == ("a", {"href": f"{SITE}profiles/{view.key}/"})
    assert tags[2] == ("script", {"src": f"{SITE}embed.js", "async": None})


def test_oembed_document_is_a_rich_oembed_1_0_response(catalog):
    view = next(v for v in embed_views(catalog) if v.kind == "case")
    data = json.loads(oembed_document(view, SITE, "テストサイト"))
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert data["html"] == iframe_snippet(view, SITE)
    assert isinstance(data["width"], int) and data["height"] == view.height
    assert data["provider_name"] == "テストサイト" and data["provider_url"] == SITE
    assert data["title"] == "試験地区まちづくり協議会（地域運営組織）"
    assert data["thumbnail_url"] == f"{SITE}assets/og/case-kyogikai.png"


def test_embeddable_pages_and_only_their_first_page(catalog):
    kinds = {}
    for spec in site_pages(catalog):
        view = view_for_page(spec)
        kinds.setdefault(spec.kind, set()).add(view.url if view else None)
    assert None not in kinds["profile"] | kinds["case"] | kinds["municipality"] | kinds["prefecture"]
    assert kinds["profiles"] == kinds["cases"] == kinds["field"] == {None}


def test_full_pages_carry_the_embed_block_with_absolute_snippet_and_relative_preview(catalog):
    pages = {spec.url: spec for spec in site_pages(catalog)}
    context = render_context(catalog, site_url=SITE)
    html = render_page(pages["profiles/hanako/"], catalog, context)
    block = html.split('<details class="cs-embed"', 1)[1]
    assert "このページを埋め込む" in block
    assert f"&lt;iframe src=&#34;{SITE}embed/profiles/hanako/&#34;" in block  # the snippet, shown as text
    # The auto-height snippet is written by showcase-embed-block.js from these (tests/browser/test_embeds.py).
    assert (f'data-cs-embed-page="{SITE}profiles/hanako/" data-cs-embed-name="試験 花子（地域おこし協力隊）" '
            f'data-cs-embed-loader="{SITE}embed.js"') in block
    assert "data-chiiki-embed" not in block
    assert 'data-cs-embed-preview="../../embed/profiles/hanako/"' in block  # the preview stays on our origin
    assert re.search(r'<button type="button"[^>]*data-cs-copy="cs-embed-profile-hanako-iframe"', block)
    assert 'role="status" aria-live="polite"' in block
    assert "embed/municipalities/192040/" in render_page(pages["municipalities/192040/"], catalog, context)
    assert "embed/prefectures/nara/" in render_page(pages["prefectures/nara/"], catalog, context)


def test_scripts_are_small_and_never_touch_storage():
    for path in ("docs/embed.js", "docs/assets/embed/embed-frame.js", "docs/assets/javascripts/showcase-embed-block.js"):
        text = (ROOT / path).read_text(encoding="utf-8")
        assert len(text) < 5000, path
        for word in ("localStorage", "sessionStorage", "document.cookie", "iframe-resizer", "eval("):
            assert word not in text, (path, word)
    loader = (ROOT / "docs/embed.js").read_text(encoding="utf-8")
    assert "event.source" in loader and "MAX_HEIGHT = 10000" in loader and 'event.origin !== "null"' in loader


def test_every_view_carries_the_header_policy_in_a_meta_tag_minus_what_meta_cannot_set(files):
    """Issue 20, finding 12: GitHub Pages sends no _headers, so the views carry their own CSP (one source of truth)."""
    from showcase.outputs.headers import EMBED_META_POLICY, EMBED_POLICY

    assert EMBED_META_POLICY == EMBED_POLICY.replace("; frame-ancestors *", "")
    assert "frame-ancestors" not in EMBED_META_POLICY and "default-src 'none'" in EMBED_META_POLICY
    views = [text for path, text in files.items() if path.startswith("embed/") and path.endswith(".html")]
    assert views
    for html in views:
        metas = [attrs for tag, attrs in _tags(html) if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"]
        assert [meta["content"] for meta in metas] == [EMBED_META_POLICY]
        head = html.split("</head>")[0]  # before anything it governs: no script, style or image ahead of it
        assert head.index('http-equiv="Content-Security-Policy"') < min(head.index("<link"), head.index("<script"))
