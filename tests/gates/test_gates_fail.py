"""Each gate can fail: every gate function, fed one deliberately broken input, reports it."""

from __future__ import annotations

import pytest

from tests.browser.conftest import StaticServer
from tests.gates.axe import run_axe
from tests.gates.focus import tab
from tests.gates.headers import check_headers
from tests.gates.html_check import run_vnu
from tests.gates.links import crawl
from tests.gates.reproducible import differing_files
from tests.gates.third_party import block_third_party
from tests.gates.views import new_context

PAGE = """<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>試験</title>{head}</head>
<body><main><h1 id="top">試験</h1>{body}</main></body></html>"""
GOOD_HEADERS = """/*
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
/profiles/*
  Content-Security-Policy: frame-ancestors 'self'
/embed/*
  Content-Security-Policy: default-src 'self'; frame-ancestors *
"""


def _page(body: str = "", head: str = "") -> str:
    return PAGE.format(head=head, body=body)


def _on_page(gate_browser, check, *, scheme: str = "light", width: int = 1280):
    """``check(page)`` in a fresh context of the gates' Chromium thread; returns what it returns."""
    def run(browser):
        context = new_context(browser, scheme=scheme, width=width)
        try:
            return check(context.new_page())
        finally:
            context.close()

    return gate_browser.run(run)


def _axe_rules(html: str):
    def check(page):
        page.set_content(html)
        return {rule["id"] for rule in run_axe(page).violations}

    return check


@pytest.mark.browser
def test_axe_reports_an_image_without_alt(gate_browser):
    html = _page('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10">')
    assert "image-alt" in _on_page(gate_browser, _axe_rules(html))


@pytest.mark.browser
def test_axe_reports_low_contrast_in_the_dark_scheme(gate_browser):
    html = _page('<p class="faint">読みにくい文字</p>',
                 "<style>@media (prefers-color-scheme: dark) { body { background: #111; } .faint { color: #333; } }</style>")
    assert "color-contrast" in _on_page(gate_browser, _axe_rules(html), scheme="dark")
    assert "color-contrast" not in _on_page(gate_browser, _axe_rules(html), scheme="light")


def _first_tab_stop(html: str):
    def check(page):
        page.set_content(html)
        return tab(page)

    return check


@pytest.mark.browser
def test_focus_check_reports_an_invisible_focus(gate_browser):
    state = _on_page(gate_browser, _first_tab_stop(_page('<a href="#top" style="outline: none">見えないフォーカス</a>')))
    assert state is not None and state.tag == "a" and not state.visible
    shown = _on_page(gate_browser, _first_tab_stop(_page('<a href="#top">見えるフォーカス</a>')))
    assert shown is not None and shown.visible


@pytest.mark.browser
def test_focus_check_reports_focus_on_an_offscreen_element(gate_browser):
    html = _page('<nav style="position: fixed; left: -20rem; width: 12rem"><a href="#top">画面外</a></nav>')
    state = _on_page(gate_browser, _first_tab_stop(html), width=375)
    assert state is not None and not state.onscreen and not state.visible


def test_vnu_reports_a_duplicate_id(tmp_path):
    broken = tmp_path / "duplicate.html"
    broken.write_text(_page('<p id="top">同じ id が二つ</p>'), encoding="utf-8")
    fine = tmp_path / "fine.html"
    fine.write_text(_page("<p>問題なし</p>"), encoding="utf-8")
    errors = run_vnu([fine, broken])
    assert errors and all(e.path.endswith("duplicate.html") for e in errors)
    assert any("Duplicate ID" in e.message for e in errors)


def test_crawler_reports_a_broken_anchor_image_and_asset(tmp_path):
    site = tmp_path / "site"
    (site / "other").mkdir(parents=True)
    (site / "other" / "index.html").write_text(_page("<p id='here'>ここ</p>"), encoding="utf-8")
    (site / "index.html").write_text(_page(
        '<a href="other/#here">ok</a> <a href="other/#nowhere">anchor</a> <a href="#top">ok</a> '
        '<img alt="" src="missing.png"> <img alt="" srcset="other/index.html 1x, gone.webp 2x"> '
        '<a href="https://example.jp/">external</a> <a href="../../outside/">outside</a>',
        '<link rel="stylesheet" href="assets/missing.css">'), encoding="utf-8")
    report = crawl(site, "https://example.github.io/prefix/")
    assert sorted(b.reference for b in report.broken) == ["../../outside/", "assets/missing.css", "gone.webp",
                                                          "missing.png", "other/#nowhere"]


@pytest.mark.browser
def test_third_party_guard_records_an_external_script(gate_browser, tmp_path):
    (tmp_path / "index.html").write_text(_page(
        '<p>外部</p><img alt="" src="https://example.github.io/prefix/own.png">',
        '<script src="https://cdn.example.com/lib.js"></script>'
        '<link rel="stylesheet" href="https://fonts.example.com/css?family=Noto">'), encoding="utf-8")
    server = StaticServer(tmp_path)

    def load(browser):
        context = new_context(browser)
        attempted = block_third_party(context, "https://example.github.io/prefix/")
        context.new_page().goto(server.url, wait_until="load")
        context.close()
        return attempted

    try:
        attempted = gate_browser.run(load)
    finally:
        server.close()
    assert sorted(attempted) == ["https://cdn.example.com/lib.js", "https://fonts.example.com/css?family=Noto"]


def test_reproducibility_check_reports_a_nondeterministic_file(tmp_path):
    import time

    for name in ("a", "b"):
        (tmp_path / name / "assets").mkdir(parents=True)
        (tmp_path / name / "index.html").write_text("同じ", encoding="utf-8")
        (tmp_path / name / "assets" / "built-at.txt").write_text(str(time.time_ns()), encoding="utf-8")
    (tmp_path / "b" / "extra.txt").write_text("", encoding="utf-8")
    assert differing_files(tmp_path / "a", tmp_path / "b") == [
        "extra.txt: only in the second build", "assets/built-at.txt: content differs"]


def test_headers_check_reports_a_missing_nosniff_and_a_deny():
    assert check_headers(GOOD_HEADERS, ["/profiles/x/"], ["/embed/profiles/x/"]) == []
    without_nosniff = GOOD_HEADERS.replace("  X-Content-Type-Options: nosniff\n", "")
    assert check_headers(without_nosniff, ["/profiles/x/"], []) == ["/profiles/x/: no X-Content-Type-Options: nosniff"]
    deny = GOOD_HEADERS.replace("/*\n", "/*\n  X-Frame-Options: DENY\n")
    problems = check_headers(deny, ["/profiles/x/"], ["/embed/profiles/x/"])
    assert "/*: X-Frame-Options: DENY would break the embeds" in problems
    assert any(p.startswith("/embed/profiles/x/: X-Frame-Options") for p in problems)


def test_headers_check_sees_a_site_wide_policy_that_blocks_embeds():
    site_wide = GOOD_HEADERS + "/*\n  Content-Security-Policy: frame-ancestors 'self'\n"
    problems = check_headers(site_wide, [], ["/embed/profiles/x/"])
    assert problems == ["/embed/profiles/x/: frame-ancestors ['*', \"'self'\"] forbids framing by other sites (embeds)"]
    no_csp = GOOD_HEADERS.replace("/profiles/*\n  Content-Security-Policy: frame-ancestors 'self'\n", "")
    assert check_headers(no_csp, ["/cases/y/"], []) == ["/cases/y/: no Content-Security-Policy with frame-ancestors"]
