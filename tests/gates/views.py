"""How the browser gates open a page: colour scheme, width, and the interactive states worth checking
(the search page with its results open, an index page with its combined filter applied, the contribute forms with
their problems shown)."""

from __future__ import annotations

from dataclasses import dataclass

SCHEMES = ("light", "dark")
WIDTHS = (375, 1280)
SEARCH_QUERY = "交流"  # in the gate content's profile (tests/gates/content.py)
RESULT_TIMEOUT_MS = 20000


@dataclass(frozen=True)
class View:
    kind: str
    url: str  # relative to the site root
    state: str = ""  # "" (as loaded), "search-results", "filtered" or "form-errors"

    @property
    def label(self) -> str:
        return f"{self.kind or '(home)'}{' [' + self.state + ']' if self.state else ''}"


def views_of(kinds: dict[str, str]) -> list[View]:
    """One view per page kind, plus the interactive states of the search page and the profile index."""
    views = [View(kind, url) for kind, url in kinds.items()]
    if "search/" in kinds:
        views.append(View("search/", kinds["search/"] + f"?q={SEARCH_QUERY}", "search-results"))
    if "profiles/" in kinds:
        views.append(View("profiles/", kinds["profiles/"], "filtered"))
    for kind in ("contribute/profile/", "contribute/case/"):  # the contribute forms with every problem shown
        if kind in kinds:
            views.append(View(kind, kinds[kind], "form-errors"))
    return views


def new_context(browser, *, scheme: str = "light", width: int = 1280):
    """A fresh context (no stored palette, no cookies) with the given colour scheme and width."""
    context = browser.new_context(locale="ja-JP", color_scheme=scheme, viewport={"width": width, "height": 900},
                                  bypass_csp=True, service_workers="block")
    context.set_default_timeout(RESULT_TIMEOUT_MS)
    return context


def open_view(page, base_url: str, view: View) -> None:
    """Load the view and bring it into its state; raise if the state does not appear."""
    page.goto(base_url + view.url, wait_until="load")
    if view.state == "search-results":
        page.locator(".cs-search__link").first.wait_for(timeout=RESULT_TIMEOUT_MS)
        page.evaluate("document.querySelector('details.cs-search__filters').open = true")  # check the filters too
    elif view.state == "filtered":
        form = page.locator("form.cs-browse__form")
        form.locator("select[name=並び順]").select_option("新着")  # a sort of the whole list: its results replace it
        form.locator("button[type=submit]").click()
        page.locator("[data-cs-browse-results] .cs-card").first.wait_for(timeout=RESULT_TIMEOUT_MS)
    elif view.state == "form-errors":  # one item of every repeating group, then every problem shown
        for button in page.locator("[data-add-item]").all():
            button.click()
        page.locator('button[data-contribute="make"]').click()
        page.locator("#cs-contribute-summary li").first.wait_for(timeout=RESULT_TIMEOUT_MS)
    page.evaluate("document.fonts.ready.then(() => true)")


def applied_scheme(page) -> str:
    """The colour scheme Material actually applied: ``slate`` (dark) or ``default`` (light), else the media query."""
    return page.evaluate("""() => document.body.getAttribute('data-md-color-scheme')
        || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark-media' : 'light-media')""")
