"""The browser cuts a query into the same terms the index holds (showcase-pagefind.js terms() vs search_terms)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from showcase.search.terms import search_terms
from tests.unit.test_search_text import TERM_CASES

pytestmark = pytest.mark.browser

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "assets" / "javascripts" / "showcase-pagefind.js"


def test_browser_terms_match_the_index(page):
    page.set_content('<!doctype html><html lang="ja"><head><meta charset="utf-8"></head><body></body></html>')
    page.add_script_tag(content=SCRIPT.read_text(encoding="utf-8"))
    texts = list(TERM_CASES) + ["地域運営組織（RMO）の活動：ふれあいサロン・児童クラブ", "ℌ①ｶﾞ㈱", "Ⅻ ﬁ"]
    got = page.evaluate("texts => texts.map(t => window.ShowcasePagefind.terms(t))", texts)
    assert got == [search_terms(text) for text in texts], json.dumps(list(zip(texts, got)), ensure_ascii=False)


def test_a_query_asks_for_fewer_terms_that_a_holding_page_still_has(page):
    page.set_content('<!doctype html><html lang="ja"><head><meta charset="utf-8"></head><body></body></html>')
    page.add_script_tag(content=SCRIPT.read_text(encoding="utf-8"))
    words = ["古民家再生", "見守り", "二拠点居住", "地域おこし協力隊", "朝市", "見", "ABC Cafe 2024年", "𠮷野家の朝定食"]
    got = page.evaluate("words => words.map(w => window.ShowcasePagefind.terms(w, 2))", words)
    assert got[0] == "古民 家再 再生"
    assert got[1] == "見守 守り"
    for word, asked in zip(words, got):
        indexed = search_terms("ここに" + word + "がある").split()
        for term in asked.split():  # Pagefind matches a term as a prefix (見 finds 見守)
            assert any(known.startswith(term) for known in indexed), (word, term)
        assert len(asked.split()) <= len(search_terms(word).split())
        # nothing of the word is left unasked
        assert set("".join(search_terms(word).split())) == set("".join(asked.split())), (word, asked)
