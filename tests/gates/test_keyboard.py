"""Gate 2: the home page, an index page with its filters, and the search, by keyboard alone in Chromium.

Focus must always be visible (an outline or box shadow on an element that is shown and on screen), a skip link must
come first and work, and the filters and the search must work without a mouse.  Each check runs in the gates'
browser thread (``gate_browser.run``).
"""

from __future__ import annotations

import pytest

from tests.gates.focus import focus_state, tab, walk_focus
from tests.gates.results import record_gate
from tests.gates.views import RESULT_TIMEOUT_MS, SEARCH_QUERY, new_context

pytestmark = pytest.mark.browser

WIDTHS = [375, 1280]
LOG = {"steps": 0, "problems": 0, "tests": 0}
KEYBOARD_TESTS = 9  # the tests below, with their widths


@pytest.fixture(scope="module", autouse=True)
def keyboard_record():
    yield
    if LOG["tests"] == KEYBOARD_TESTS:
        record_gate("keyboard", {"steps": LOG["steps"], "problems": LOG["problems"]})


def _in_page(gate_browser, width: int, check, *args):
    """Run ``check(page, *args)`` in a fresh context of the gates' Chromium; count the test once it returns."""
    def run(browser):
        context = new_context(browser, width=width)
        try:
            check(context.new_page(), *args)
        finally:
            context.close()

    gate_browser.run(run)
    LOG["tests"] += 1


def _invisible(stops) -> list[str]:
    LOG["steps"] += len(stops)
    problems = [str(stop) for stop in stops if not stop.visible]
    LOG["problems"] += len(problems)
    return problems


def _tab_to(page, predicate, limit: int = 150):
    """Tab until ``predicate(focus)``; every stop on the way must show its focus."""
    stops = []
    for _ in range(limit):
        state = tab(page)
        assert state is not None, f"focus left the page before reaching the target; stops: {[str(s) for s in stops]}"
        stops.append(state)
        if predicate(state):
            problems = _invisible(stops)
            assert not problems, f"focus not visible on: {problems}"
            return state
    raise AssertionError(f"target never focused; stops: {[str(s) for s in stops]}")


def _skip_link_works(page) -> None:
    first = tab(page)
    assert first is not None and first.name == "コンテンツにスキップ", f"the first Tab stop is not the skip link: {first}"
    assert first.visible, f"the skip link does not show when focused: {first}"
    page.keyboard.press("Enter")
    target = page.evaluate("location.hash")
    assert target and page.locator(target).count() == 1, f"skip link target {target!r} is not on the page"
    after = tab(page)
    inside = page.evaluate("() => !!document.activeElement.closest('.md-content')")
    assert after is not None and inside, f"after the skip link, Tab went to {after}, not into the content"


@pytest.mark.parametrize("width", WIDTHS)
def test_home_focus_is_always_visible_and_skip_link_works(gate_browser, gate_server, width):
    def check(page):
        page.goto(gate_server)
        _skip_link_works(page)
        page.goto(gate_server)
        problems = _invisible(walk_focus(page))
        assert not problems, f"focus not visible at {width}px on: {problems}"

    _in_page(gate_browser, width, check)


@pytest.mark.parametrize("width", WIDTHS)
def test_generated_page_has_a_working_skip_link(gate_browser, gate_server, gate_site, width):
    def check(page):
        page.goto(gate_server + gate_site.kinds["profiles/*/"])
        _skip_link_works(page)

    _in_page(gate_browser, width, check)


@pytest.mark.parametrize("width", WIDTHS)
def test_index_filters_work_by_keyboard(gate_browser, gate_server, width):
    def check(page):
        page.goto(gate_server + "profiles/")
        _tab_to(page, lambda f: f.tag == "select")
        page.keyboard.press("ArrowDown")  # the first prefecture with profiles
        assert page.evaluate("document.activeElement.value"), "ArrowDown did not choose a prefecture"
        _tab_to(page, lambda f: f.name == "表示する")
        page.keyboard.press("Enter")
        page.locator(".cs-browse__status").filter(has_text="件").wait_for(timeout=RESULT_TIMEOUT_MS)
        assert page.locator("[data-cs-browse-results] .cs-card").count() >= 1
        _tab_to(page, lambda f: f.name == "条件をクリア")
        page.keyboard.press("Space")
        assert page.evaluate("document.querySelector('.cs-browse__form select').value") == ""
        summary = _tab_to(page, lambda f: f.tag == "summary")
        page.keyboard.press("Enter")
        assert page.evaluate("document.querySelector('details.cs-facets').open"), f"Enter on {summary} did not open it"
        assert _tab_to(page, lambda f: f.tag == "a").visible
        problems = _invisible(walk_focus(page))
        assert not problems, f"focus not visible at {width}px on: {problems}"

    _in_page(gate_browser, width, check)


@pytest.mark.parametrize("width", WIDTHS)
def test_search_works_by_keyboard(gate_browser, gate_server, width):
    def check(page):
        page.goto(gate_server)
        if width < 720:  # phones: the header search is only its button (the site name needs the room)
            _tab_to(page, lambda f: "cs-header-search__button" in f.path)
            page.keyboard.press("Enter")
            page.wait_for_url("**/search/**")
            page.wait_for_function("document.activeElement && document.activeElement.id === 'cs-search-q'")
        else:
            _tab_to(page, lambda f: f.path == "#cs-header-q")
        page.keyboard.type(SEARCH_QUERY)
        page.keyboard.press("Enter")
        page.wait_for_url("**/search/?q=*")
        page.locator(".cs-search__link").first.wait_for(timeout=RESULT_TIMEOUT_MS)
        _tab_to(page, lambda f: f.tag == "summary")  # the filters open and close from the keyboard
        page.keyboard.press("Enter")
        assert page.evaluate("document.querySelector('details.cs-search__filters').open"), "Enter did not open the filters"
        result = _tab_to(page, lambda f: f.tag == "a" and "cs-search__link" in f.path)
        with page.expect_navigation(timeout=RESULT_TIMEOUT_MS):
            page.keyboard.press("Enter")
        assert "/search/" not in page.url, f"Enter on the result {result} did not open it"

    _in_page(gate_browser, width, check)


def test_drawer_opens_and_closes_by_keyboard(gate_browser, gate_server):
    def check(page):
        page.goto(gate_server + "programmes/")
        button = _tab_to(page, lambda f: f.name == "メニュー")
        assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
        page.keyboard.press("Enter")
        inside = focus_state(page)
        assert page.evaluate("document.getElementById('__drawer').checked"), "Enter on the menu button did not open it"
        assert page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')"), f"focus stayed at {inside}"
        assert page.locator(".cs-drawer-button").get_attribute("aria-expanded") == "true"
        problems = _invisible([s for s in [focus_state(page), tab(page)] if s])
        page.keyboard.press("Escape")
        assert not page.evaluate("document.getElementById('__drawer').checked"), "Escape did not close the drawer"
        assert focus_state(page) == button, "focus did not return to the menu button"
        assert not problems, problems

    _in_page(gate_browser, 375, check)
