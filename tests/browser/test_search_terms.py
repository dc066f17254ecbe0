"""The browser cuts a query into the same terms the index holds (showcase-pagefind.js terms() vs search_terms)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from showcase.search_text import search_terms
from tests.unit.test_search_text import TERM_CASES

pytestmark = pytest.mark.browser

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "assets" / "javascripts" / "showcase-pagefind.js"


def test_browser_terms_match_the_index(page):
    page.set_content('<!doctype html><html lang="ja"><head><meta charset="utf-8"></head><body></body></html>')
    page.add_script_tag(content=SCRIPT.read_text(encoding="utf-8"))
    texts = list(TERM_CASES) + ["地域運営組織（RMO）の活動：ふれあいサロン・児童クラブ", "ℌ①ｶﾞ㈱", "Ⅻ ﬁ"]
    got = page.evaluate("texts => texts.map(t => window.ShowcasePagefind.terms(t))", texts)
    assert got == [search_terms(text) for text in texts], json.dumps(list(zip(texts, got)), ensure_ascii=False)
