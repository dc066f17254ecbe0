"""Search recall on a generated corpus: records holding a known word (katakana, kanji compounds, glued to other
words) are among Pagefind's results in Chromium.  The index and the query are cut into the same two-character
terms (showcase.search.terms), so every record that holds a word must be found."""

from __future__ import annotations

import json

import pytest

from showcase_devtools.corpus import MANIFEST, generate_corpus
from showcase_devtools.search_probe import recall, search_urls
from tests.browser.conftest import StaticServer
from tests.integration.sitebuild import mkdocs_build

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    content = tmp_path_factory.mktemp("corpus")
    generate_corpus(content, 38, 12, seed=11)
    site = tmp_path_factory.mktemp("recall") / "site"
    result = mkdocs_build(content, site, extra_env={"SHOWCASE_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))})
    assert result.returncode == 0, result.stderr
    server = StaticServer(site)
    yield server.url, json.loads((content / MANIFEST).read_text(encoding="utf-8"))
    server.close()


def test_known_words_are_found(browser, corpus_site):
    """Every record holding a known word is found, glued to a place name (山部市二拠点居住) or not."""
    url, manifest = corpus_site
    known = manifest["known_words"]
    assert {item["script"] for item in known} >= {"katakana", "kanji", "mixed"}
    assert sum(len(item["urls"]) for item in known) >= len(known)
    found = recall(browser, url, known)
    assert found.missed == {}
    assert found.found == found.expected > 0


def test_a_word_no_record_holds_finds_nothing(page, corpus_site):
    url, _manifest = corpus_site
    page.goto(url + "search/")
    count, urls = search_urls(page, "ペンギン")
    assert (count, urls) == (0, [])
