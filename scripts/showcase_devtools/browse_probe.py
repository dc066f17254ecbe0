"""What the profiles index costs a visitor: bytes of its first load, and what filtering adds (issue 16).

Measured in headless Chromium against a built site served without compression, so the figures are the files'
own sizes (a host's gzip makes them smaller).  "First load" is every response of ``/profiles/`` until the network
is idle: HTML, Material's and our CSS and JavaScript, icons.  The filter's own data is not part of it: a filter
downloads one slice (``browse/``) and the cards of one page of results; ``filtered`` is those extra bytes for the
largest prefecture, the heaviest slice a visitor usually asks for.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from showcase_devtools.search_probe import SiteServer, launch


@dataclass(frozen=True)
class IndexCost:
    first_load: int  # bytes of every response of the first load of /profiles/
    html: int  # of which the page's HTML
    filtered: int  # bytes a filter by the largest prefecture adds (its slice and one page of cards)
    slice_bytes: int  # of which the slice


def _largest_prefecture(site: Path) -> str:
    slices = sorted((site / "browse" / "profiles" / "prefecture").glob("*.json"),
                    key=lambda path: (path.stat().st_size, path.name))
    return json.loads(slices[-1].read_text(encoding="utf-8"))["constants"]["prefecture"]


def index_cost(site: Path) -> IndexCost:
    from playwright.sync_api import sync_playwright

    prefecture = _largest_prefecture(site)
    with SiteServer(site) as server, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_context(locale="ja-JP").new_page()
            sizes: list[tuple[str, int]] = []
            page.on("requestfinished", lambda request: sizes.append((request.url, request.sizes()["responseBodySize"])))
            page.goto(server.url + "profiles/", wait_until="networkidle")
            first = sum(size for _url, size in sizes)
            html = sum(size for url, size in sizes if url == server.url + "profiles/")
            sizes.clear()
            page.goto(server.url + f"profiles/?{quote('都道府県')}={quote(prefecture)}", wait_until="networkidle")
            page.wait_for_function("() => /件/.test(document.querySelector('.cs-browse__status').textContent)")
            filtered = [(url, size) for url, size in sizes if "/browse/" in url or url.endswith("/card.json")]
        finally:
            browser.close()
    return IndexCost(first, html, sum(size for _url, size in filtered),
                     sum(size for url, size in filtered if "/browse/" in url))


__all__ = ["IndexCost", "index_cost"]
