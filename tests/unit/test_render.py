"""Untrusted text is data, never markup: in text, in attributes, and never evaluated as a template."""

from showcase.catalog.indexes import build_catalog
from showcase.check.collection import load_collections
from showcase.render.environment import relative_url
from showcase.pipeline.site_build import render_context
from showcase.render.pages import render_page, site_pages
from showcase.search.index import record_docs
from tests.factories import case, make_site, profile

PAYLOAD = '"><img src=x onerror=alert(1)>'


def _pages(tmp_path, **changes):
    root = make_site(tmp_path, profiles={"x": profile(**changes)}, cases={"y": case(name=PAYLOAD + "{{ config }}")})
    result = load_collections(root, workers=1)
    assert result.problems == []
    catalog = build_catalog(result.profiles, result.cases, "2026-11")
    return catalog, {spec.url: spec for spec in site_pages(catalog)}


def test_hostile_name_is_escaped_everywhere(tmp_path):
    catalog, pages = _pages(tmp_path, name=PAYLOAD, links=[{"label": PAYLOAD, "url": "https://example.jp/?a=1&b=2"}],
                            photos=[])
    for url in ("profiles/x/", "profiles/", "prefectures/yamanashi/", "municipalities/192040/"):
        html = render_page(pages[url], catalog, render_context(catalog))
        assert "<img src=x" not in html, url
        assert "&lt;img src=x onerror=alert(1)&gt;" in html or "&#34;&gt;&lt;img" in html, url
    page = render_page(pages["profiles/x/"], catalog, render_context(catalog))
    assert 'href="https://example.jp/?a=1&amp;b=2"' in page
    assert "<title" not in page  # the <title> is set by the engine adapter, from the escaped record name


def test_template_syntax_in_data_is_literal(tmp_path):
    catalog, pages = _pages(tmp_path, motivation="{{ config }} {% raw %}")
    assert "{{ config }}" in render_page(pages["profiles/x/"], catalog, render_context(catalog))
    assert "{{ config }}" in render_page(pages["cases/y/"], catalog, render_context(catalog))


def test_optional_fields_are_simply_absent(tmp_path):
    catalog, pages = _pages(tmp_path, hometown=None, contact=None, age=None)
    html = render_page(pages["profiles/x/"], catalog, render_context(catalog))
    assert "出身地" not in html and "連絡先" not in html and "年齢" not in html


def test_records_give_the_search_index_their_text_filters_and_no_contact(tmp_path):
    _catalog, pages = _pages(tmp_path, contact={"email": "taro@example.jp", "phone": "0742-93-0001"})
    docs = {doc.url: doc for doc in record_docs(pages.values())}
    assert set(docs) == {"profiles/x/", "cases/y/"}  # records only: listings are not searched
    profile_doc = docs["profiles/x/"]
    assert profile_doc.filters["都道府県"] == ["山梨県"]
    assert profile_doc.filters["状態"] == ["OB・OG"]  # the factory's term ended 2026-03
    assert profile_doc.meta == {"種別": "地域おこし協力隊", "所在地": "山梨県 都留市"}
    assert "コワーキングスペースで交流イベントを開いています。" in profile_doc.text
    assert "地域の魅力を伝えたい" in profile_doc.text  # Markdown markers dropped
    assert "taro@example.jp" not in profile_doc.text and "0742" not in profile_doc.text
    assert docs["cases/y/"].filters["活動分類"] == ["買い物支援・産直"]


def test_relative_urls():
    assert relative_url("cases/a/", "profiles/b/") == "../../cases/a/"
    assert relative_url("", "profiles/b/") == "../../"
    assert relative_url("profiles/", "") == "profiles/"
    assert relative_url("https://example.jp/", "profiles/b/") == "https://example.jp/"
