"""Japanese search and the index filters, typed and clicked in real Chromium."""

from __future__ import annotations

import pytest

from tests.browser.conftest import hold_back_fragments, serve_built
from tests.factories import case, make_site, profile
from tests.integration.sitebuild import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory):
    """The repository's own content (the seed records), built into a temp folder."""
    yield from serve_built(ROOT, tmp_path_factory)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    content = tmp_path_factory.mktemp("content")
    make_site(content, profiles={
        "nara-active": profile(name="奈良 現役", prefecture="奈良県", municipality="奈良市", municipality_code="292010",
                               term={"start": "2025-04", "end": "2028-03", "end_planned": True}, fields=["観光"]),
        "nara-alumni": profile(name="奈良 卒業", prefecture="奈良県", municipality="奈良市", municipality_code="292010",
                               term={"start": "2018-04", "end": "2021-03"}, fields=["観光"]),
        "tsuru-active": profile(name="都留 現役", term={"start": "2025-04", "end": "2028-03", "end_planned": True}),
    }, cases={"tsuru-rmo": case()})
    yield from serve_built(content, tmp_path_factory)


@pytest.mark.parametrize("query, expected", [
    ("見守り", "寺尾 志保"),
    ("コワーキング", "宇田川 絵里香"),
    ("朝市", "きらりよしじまネットワーク"),
])
def test_header_search_finds_seed_records(page, seed_site, query, expected):
    page.goto(seed_site)
    box = page.get_by_role("searchbox", name="サイト内検索")
    box.fill(query)
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    results = page.locator(".cs-search__link")
    results.first.wait_for(timeout=15000)
    titles = results.all_inner_texts()
    assert any(expected in title for title in titles), titles
    assert page.console_errors == []


def test_search_page_input_works_by_keyboard(page, seed_site):
    page.goto(seed_site + "search/")
    field = page.get_by_label("キーワード")
    field.wait_for()
    field.press_sequentially("協力隊")
    page.locator(".cs-search__link").first.wait_for(timeout=15000)
    assert page.url.endswith("/search/?q=%E5%8D%94%E5%8A%9B%E9%9A%8A")  # the query is kept in the address


def test_combined_filters_with_javascript(page, fixture_site):
    page.goto(fixture_site + "profiles/")
    form = page.locator("form.cs-browse__form")
    assert form.is_visible()
    form.get_by_label("都道府県", exact=True).select_option("奈良県")
    form.get_by_label("状態", exact=True).select_option("現役")
    form.get_by_role("button", name="表示する").click()
    page.locator(".cs-browse__status").filter(has_text="件").wait_for(timeout=15000)
    names = page.locator("[data-cs-browse-results] .cs-card__title").all_inner_texts()
    assert names == ["奈良 現役"]
    assert page.console_errors == []


def test_filter_count_is_announced_with_its_cards(page, fixture_site):
    """The count must not reach the screen (or a screen reader) before the cards it counts.

    Each card fragment is held back, so a count written before the cards shows as "N件" above an empty list.
    """
    hold_back_fragments(page, fixture_site)
    page.goto(fixture_site + "profiles/")
    form = page.locator("form.cs-browse__form")
    form.get_by_label("都道府県", exact=True).select_option("奈良県")
    form.get_by_role("button", name="表示する").click()
    status = page.locator(".cs-browse__status")
    status.filter(has_text="件").wait_for(timeout=15000)
    assert status.inner_text() == "奈良県: 2件"
    assert page.locator("[data-cs-browse-results] .cs-card").count() == 2


def test_a_clear_drops_a_filter_answer_still_on_its_way(page, fixture_site):
    hold_back_fragments(page, fixture_site)
    page.goto(fixture_site + "profiles/")
    form = page.locator("form.cs-browse__form")
    form.get_by_label("都道府県", exact=True).select_option("奈良県")
    form.get_by_role("button", name="表示する").click()
    page.locator(".cs-browse__status").filter(has_text="読み込んでいます").wait_for(timeout=15000)
    form.get_by_role("button", name="条件をクリア").click()
    page.wait_for_timeout(2500)  # longer than the held-back fragments take
    assert page.locator("[data-cs-browse-results]").is_hidden()
    assert page.locator("[data-cs-browse-list] .cs-card").count() == 3  # the unfiltered list is back
    assert page.locator(".cs-browse__status").inner_text() == ""
    assert page.url == fixture_site + "profiles/"


def test_filters_without_javascript_are_links(browser, fixture_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(fixture_site + "profiles/")
    assert not page.locator("form.cs-browse__form").is_visible()
    page.locator("details.cs-facets summary").click()
    page.get_by_role("link", name="OB・OG").click()
    assert page.url.endswith("/profiles/status/alumni/")
    assert page.locator(".cs-card__title").all_inner_texts() == ["奈良 卒業"]
    context.close()
