"""The search page (partials/search-form.html + showcase-search.js) on a small generated site, in real Chromium."""

from __future__ import annotations

from urllib.parse import quote, urlparse

import pytest

from showcase.search.index import slice_of
from tests.browser.conftest import hold_back_fragments, serve_built
from tests.factories import make_site, profile

pytestmark = pytest.mark.browser

ACTIVE = {"start": "2025-04", "end": "2028-03", "end_planned": True}
ALUMNI = {"start": "2018-04", "end": "2021-03"}


def _watching(number: int, **changes: object) -> dict:
    activity = {"title": "高齢者の見守り", "body": f"集落を回る見守り活動です（その{number}）。"}
    return profile(name=f"見守 {number:02d}", activities=[activity], **changes)


@pytest.fixture(scope="module")
def search_site(tmp_path_factory):
    """12 records that mention 見守り (more than one page of results), across two prefectures and both statuses."""
    profiles = {f"mimamori-{n:02d}": _watching(n, term=ACTIVE) for n in range(1, 11)}
    profiles["nara-alumni"] = _watching(11, prefecture="奈良県", municipality="奈良市", municipality_code="292010", term=ALUMNI)
    profiles["nara-active"] = _watching(12, prefecture="奈良県", municipality="奈良市", municipality_code="292010", term=ACTIVE)
    profiles["markup"] = profile(name="記号 太郎", term=ACTIVE, activities=[
        {"title": "記録と<b>太字</b>", "body": "<img src=x onerror=alert(1)>活動の記録です。"}])
    # bundles of 4 pages: the index is split as at national scale, and every test here searches across bundles
    yield from serve_built(make_site(tmp_path_factory.mktemp("content"), profiles=profiles), tmp_path_factory,
                           extra_env={"SHOWCASE_SEARCH_BUNDLE_SIZE": "4"})


def _pagefind_requests(page) -> list[str]:
    """Site-relative paths of the requests into any search bundle (pagefind/, pagefind-2/, ...)."""
    requests: list[str] = []

    def record(request) -> None:
        path = urlparse(request.url).path.lstrip("/")
        if path.startswith("pagefind"):
            requests.append(path)
    page.on("request", record)
    return requests


def test_results_come_ten_at_a_time_and_more_on_request(page, search_site):
    # 種別 leaves out the hand-written programme pages, which mention 見守り too
    page.goto(search_site + "search/?q=" + quote("見守り") + "&" + quote("種別") + "=" + quote("地域おこし協力隊"))
    status = page.locator("#cs-search-status")
    status.filter(has_text="12 件").wait_for(timeout=15000)
    links = page.locator(".cs-search__link")
    links.nth(9).wait_for()
    assert links.count() == 10
    more = page.get_by_role("button", name="さらに表示")
    more.click()
    links.nth(11).wait_for()
    assert links.count() == 12
    assert more.is_hidden()
    assert page.evaluate("document.activeElement.className") == "cs-search__link"  # focus moved to the first new result
    assert page.console_errors == []


def test_a_word_most_pages_hold_shows_one_slice_first_and_then_the_rest_once(page, search_site):
    # The site is small, so lower the bar above which a query counts as common (1,600 pages on a real site).
    page.goto(search_site + "search/?" + quote("種別") + "=" + quote("地域おこし協力隊"))
    field = page.locator("#cs-search-q")
    field.wait_for()
    page.evaluate("""() => {
      window.ShowcasePagefind.common = 2;
      window.statusHistory = [];
      new MutationObserver(() => window.statusHistory.push(document.getElementById('cs-search-status').textContent))
        .observe(document.getElementById('cs-search-status'), {childList: true, characterData: true, subtree: true});
    }""")
    field.fill("見守り")
    field.press("Enter")
    status = page.locator("#cs-search-status")
    status.filter(has_text="12 件").wait_for(timeout=15000)
    history = page.evaluate("window.statusHistory")
    assert any("件数を数えています" in text for text in history), history  # the slice was shown before the count
    urls = [url for url in (f"profiles/mimamori-{n:02d}/" for n in range(1, 11)) if slice_of(url) == "0"]
    assert urls, "the fixture needs a record in the first slice"
    links = page.locator(".cs-search__link")
    assert links.first.get_attribute("href").rstrip("/").endswith(urls[0].rstrip("/"))  # what showed first stays first
    more = page.get_by_role("button", name="さらに表示")
    while more.is_visible():
        count = links.count()
        more.click()
        links.nth(count).wait_for()
    names = links.all_inner_texts()
    assert sorted(names) == sorted(f"見守 {n:02d}" for n in range(1, 13)), names  # every page once
    assert page.console_errors == []


def test_the_count_reaches_the_screen_with_the_results_it_counts(page, search_site):
    hold_back_fragments(page, search_site)
    page.goto(search_site + "search/?" + quote("都道府県") + "=" + quote("奈良県"))
    page.locator("#cs-search-status").filter(has_text="2 件").wait_for(timeout=15000)
    assert page.locator(".cs-search__link").count() == 2
    field = page.locator("#cs-search-q")  # a new search: the old results stay until the new ones replace them
    field.fill("ズヴァギャプ")
    field.press("Enter")
    page.locator("#cs-search-status").filter(has_text="一致するページはありません").wait_for(timeout=15000)
    assert page.locator(".cs-search__result").count() == 0


def test_more_is_offered_only_under_the_results_it_continues(page, search_site):
    hold_back_fragments(page, search_site)
    page.goto(search_site + "search/?q=" + quote("見守り") + "&" + quote("種別") + "=" + quote("地域おこし協力隊"))
    more = page.get_by_role("button", name="さらに表示")
    more.wait_for(timeout=15000)
    assert page.locator(".cs-search__link").count() == 10  # not under an empty (or an earlier) list


def test_a_query_without_filters_downloads_no_filter_index(page, search_site):
    requests = _pagefind_requests(page)
    page.goto(search_site + "search/?q=" + quote("見守り"))
    page.locator(".cs-search__link").first.wait_for(timeout=15000)
    assert any(url.endswith(".pf_fragment") for url in requests), requests
    assert not any(url.endswith(".pf_filter") for url in requests), requests


def test_filters_narrow_the_results_and_stay_in_the_address(page, search_site):
    page.goto(search_site + "search/")
    page.get_by_text("絞り込み（種別・都道府県・分野・状態）").click()
    page.get_by_label("都道府県").select_option("奈良県")
    page.get_by_label("状態（協力隊）").select_option("OB・OG")
    page.locator("#cs-search-status").filter(has_text="1 件").wait_for(timeout=15000)
    assert page.locator(".cs-search__link").all_inner_texts() == ["見守 11"]
    assert quote("奈良県") in page.url and quote("OB・OG") in page.url
    # the same address, opened again, shows the same results with the filters shown
    page.goto(page.url)
    page.locator("#cs-search-status").filter(has_text="1 件").wait_for(timeout=15000)
    assert page.get_by_label("都道府県").input_value() == "奈良県"
    assert page.locator("details.cs-search__filters").get_attribute("open") is not None
    page.get_by_role("button", name="条件をクリア").click()
    page.wait_for_function("document.querySelectorAll('.cs-search__result').length === 0")
    assert page.url.endswith("/search/")


def test_the_index_is_split_and_every_bundle_is_searched(page, search_site):
    requests = _pagefind_requests(page)
    page.goto(search_site + "search/?q=" + quote("見守り") + "&" + quote("種別") + "=" + quote("地域おこし協力隊"))
    page.locator("#cs-search-status").filter(has_text="12 件").wait_for(timeout=15000)
    bundles = {url.split("/")[0] for url in requests if url.endswith(".pf_meta")}
    assert len(bundles) >= 3, requests  # 12 records + the hand-written pages in bundles of 4


def test_a_word_no_page_holds_finds_nothing_though_part_of_it_is_everywhere(page, search_site):
    page.goto(search_site + "search/?q=" + quote("見守りペンギン"))  # 見守 and 守り are in 12 pages; りペ ... in none
    page.locator("#cs-search-status").filter(has_text="一致するページはありません").wait_for(timeout=15000)


def test_no_match_says_so(page, search_site):
    page.goto(search_site + "search/?q=" + quote("ズヴァギャプ"))
    page.locator("#cs-search-status").filter(has_text="一致するページはありません").wait_for(timeout=15000)
    assert page.locator(".cs-search__result").count() == 0


def test_excerpt_shows_record_text_as_text(page, search_site):
    page.goto(search_site + "search/?q=" + quote("記録"))
    result = page.locator(".cs-search__result").filter(has_text="記号 太郎")
    result.wait_for(timeout=15000)
    excerpt = result.locator(".cs-search__excerpt")
    assert excerpt.locator("img, b").count() == 0
    assert "<img" in excerpt.inner_text()
    assert excerpt.locator("mark").count() >= 1
    assert page.console_errors == []
