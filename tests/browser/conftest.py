"""Browser tests drive Debian's Chromium through Playwright (never a downloaded browser)."""

from __future__ import annotations

import functools
import shutil
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


# A test that needs a slow network sets this cookie on its browser context: the server then holds back
# every Pagefind fragment (a result's data) and every card fragment (card.json) by that many milliseconds.  Pagefind fetches fragments from its
# worker, which neither an init script nor a Playwright route handler can slow without pausing the test too.
SLOW_FRAGMENTS_COOKIE = "test-slow-fragments-ms"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def do_GET(self):  # noqa: N802 - the base class's name
        if "/fragment/" in self.path or self.path.endswith("/card.json"):
            for part in self.headers.get("Cookie", "").split(";"):
                name, _, value = part.strip().partition("=")
                if name == SLOW_FRAGMENTS_COOKIE and value.isdigit():
                    time.sleep(int(value) / 1000)
        super().do_GET()


class StaticServer:
    """Serve a folder on 127.0.0.1 for the duration of a test module."""

    def __init__(self, folder: Path):
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def hold_back_fragments(page, site_url: str, milliseconds: int = 600) -> None:
    """Make the test server hold back each Pagefind fragment this page's context asks for."""
    page.context.add_cookies([{"name": SLOW_FRAGMENTS_COOKIE, "value": str(milliseconds), "url": site_url}])


def serve_built(content: Path, tmp_path_factory, extra_env: dict[str, str] | None = None):
    """Build ``content`` (a content root) with the real configuration into a temp folder; yield its URL, then stop."""
    from tests.integration.sitebuild import mkdocs_build

    site = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(content, site, extra_env=extra_env)
    assert result.returncode == 0, result.stderr
    server = StaticServer(site)
    yield server.url
    server.close()


@pytest.fixture(scope="session")
def browser():
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("Debian's chromium is not installed: run scripts/install-system-deps")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ja-JP")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.console_errors = errors  # type: ignore[attr-defined]
    yield tab
    context.close()
