"""The terms the search index holds (showcase.search.terms) and the pages Pagefind reads (showcase.search.index)."""

from __future__ import annotations

import json

import pytest

from showcase.search.index import (EXCERPT_FILE, SLICE_FILTER, SLICES, TEXT_LIMIT, SearchDoc, bundle_dir, shard, slice_of,
                                   write_excerpts, write_search_pages)
from showcase.search.terms import html_text, markdown_text, search_terms

# Shared with tests/browser/test_search_terms.py, which checks the browser's terms() gives the same.
TERM_CASES = {
    "浅井市古民家再生": "浅井 井市 市古 古民 民家 家再 再生",
    "見守り": "見守 守り",
    "見": "見",
    "「雪室」を使った": "雪室 を使 使っ った",  # punctuation ends a run
    "ＡＢＣ Cafe 2024年": "abc cafe 2024 年",
    "ｺﾜｰｷﾝｸﾞ": "コワ ワー ーキ キン ング",
    "宇田川 絵里香さん": "宇田 田川 絵里 里香 香さ さん",
    "𠮷野家": "𠮷野 野家",
    "snake_case x-y": "snake case x y",
    "Café naïve": "café naïve",
    "地域おこし協力隊OB": "地域 域お おこ こし し協 協力 力隊 ob",
    "々": "々",
    "   ": "",
}


@pytest.mark.parametrize("text, expected", list(TERM_CASES.items()))
def test_search_terms(text, expected):
    assert search_terms(text) == expected


def test_a_word_inside_a_text_is_a_run_of_its_terms():
    """The property the search relies on: a query's terms all occur among the terms of a text holding it."""
    text = "浅井市古民家再生の見守り活動。コワーキングスペースで二拠点居住を支援。"
    indexed = set(search_terms(text).split())
    for word in ("古民家", "民家再生", "市古民家", "見守り", "コワーキング", "二拠点居住", "拠点"):
        assert set(search_terms(word).split()) <= indexed, word
    assert not set(search_terms("ペンギン").split()) <= indexed


def test_markdown_text_keeps_words_not_markup():
    assert markdown_text("**太字**と[リンク](https://example.jp/x)\n- 箇条1\n1. 箇条2") == "太字とリンク 箇条1 箇条2"


def test_html_text_skips_scripts_svg_and_ignored_parts():
    html = ('<h1>見出し</h1><p>本文<b>太字</b>です</p><details data-pagefind-ignore="all"><p>埋め込み</p></details>'
            '<script>var x = "秘密";</script><p>a&amp;b<br>次</p><img alt="写真"><svg><text>99</text></svg><p>後</p>')
    assert html_text(html) == "見出し 本文太字です a&b 次 後"


def test_search_pages_escape_everything(tmp_path):
    doc = SearchDoc("profiles/x/", '</title><script>alert(1)</script>', 'a<b>"c"', {"種別": '"><img src=x>'},
                    {"都道府県": ["<奈良県>"]})
    assert write_search_pages([doc], tmp_path / "scratch") == 1
    page = (tmp_path / "scratch" / "profiles" / "x" / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "<img" not in page and "<b>" not in page and "<奈良県>" not in page
    assert 'data-pagefind-meta="title">&lt;/title&gt;&lt;script&gt;' in page
    assert 'data-pagefind-meta="種別">&quot;&gt;&lt;img src=x&gt;</span>' in page
    assert '<span data-pagefind-filter="都道府県">&lt;奈良県&gt;</span>' in page
    assert '<html lang="und">' in page  # Pagefind must not segment the terms again


def test_excerpt_text_is_a_file_beside_the_page_not_pagefind_metadata(tmp_path):
    text = "移住して古民家再生に取り組んでいます。" * 300  # longer than the excerpt limit
    doc = SearchDoc("profiles/x/", "試験 花子", text, {"種別": "地域おこし協力隊"})
    write_search_pages([doc], tmp_path / "scratch")
    write_excerpts([doc], tmp_path / "site")
    page = (tmp_path / "scratch" / "profiles" / "x" / "index.html").read_text(encoding="utf-8")
    assert "移住して" not in page, "Pagefind indexes metadata: the sentences must not be in the scratch page"
    assert 'data-pagefind-meta="text"' not in page
    excerpt = (tmp_path / "site" / "profiles" / "x" / EXCERPT_FILE).read_text(encoding="utf-8")
    assert json.loads(excerpt) == {"text": text[:TEXT_LIMIT]}


def test_excerpt_file_never_holds_markup(tmp_path):
    doc = SearchDoc("profiles/x/", "x", '</script><img src=x onerror=alert(1)> & "引用"')
    write_excerpts([doc], tmp_path / "site")
    excerpt = (tmp_path / "site" / "profiles" / "x" / EXCERPT_FILE).read_text(encoding="utf-8")
    assert "<" not in excerpt and ">" not in excerpt and "&" not in excerpt
    assert json.loads(excerpt)["text"] == doc.text


def test_bundles_hold_every_page_once_and_keep_them_when_pages_are_added():
    docs = [SearchDoc(f"profiles/p{i}/", f"p{i}", "") for i in range(25)]
    bundles = shard(docs, size=10)
    assert len(bundles) == 3
    assert sorted(doc.url for bundle in bundles for doc in bundle) == sorted(doc.url for doc in docs)
    assert max(len(bundle) for bundle in bundles) < 2 * 10  # hashed, roughly even
    where = {doc.url: i for i, bundle in enumerate(bundles) for doc in bundle}
    again = shard(docs[:24] + [SearchDoc("profiles/new/", "new", "")], size=10)  # same bundle count
    assert all(where[doc.url] == i for i, bundle in enumerate(again) for doc in bundle if doc.url in where)
    assert shard([], size=10) == [[]]
    assert [bundle_dir(i) for i in range(3)] == ["pagefind/", "pagefind-2/", "pagefind-3/"]


def test_a_search_page_holds_each_term_once(tmp_path):
    write_search_pages([SearchDoc("cases/y/", "朝市", "朝市の朝市で朝市")], tmp_path)
    page = (tmp_path / "cases" / "y" / "index.html").read_text(encoding="utf-8")
    assert "<main data-pagefind-body>朝市 市の の朝 市で で朝</main>" in page


def test_every_page_is_in_one_slice_spread_evenly_and_apart_from_its_bundle(tmp_path):
    urls = [f"profiles/p{n}/" for n in range(3200)]
    slices = [slice_of(url) for url in urls]
    counts = {value: slices.count(value) for value in set(slices)}
    assert sorted(counts, key=int) == [str(n) for n in range(SLICES)]
    assert max(counts.values()) < 1.3 * len(urls) / SLICES  # roughly even: a first slice is ~1/32 of a query's pages
    bundles = shard([SearchDoc(url, "", "") for url in urls], size=1600)  # two bundles
    in_first_bundle = {doc.url for doc in bundles[0]}
    first_slice = [url for url, value in zip(urls, slices) if value == "0"]
    assert 0.3 < sum(url in in_first_bundle for url in first_slice) / len(first_slice) < 0.7  # not one bundle's pages
    other = next(url for url, value in zip(urls, slices) if value != "0")
    write_search_pages([SearchDoc(first_slice[0], "", ""), SearchDoc(other, "", "")], tmp_path / "scratch")
    page = (tmp_path / "scratch" / first_slice[0] / "index.html").read_text(encoding="utf-8")
    assert f'<span data-pagefind-filter="{SLICE_FILTER}">0</span>' in page
    assert SLICE_FILTER not in (tmp_path / "scratch" / other / "index.html").read_text(encoding="utf-8")  # a small filter index
