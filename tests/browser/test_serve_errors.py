"""`scripts/serve` with a broken record: the browser shows every problem at the page being viewed, and the real
page comes back on the save that fixes it (issue 18).  A plain build of the same content still fails as a whole."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest

from tests.factories import case, dump, make_site, profile
from tests.gates.axe import run_axe
from tests.integration.sitebuild import ROOT, mkdocs_build

BROKEN = dump(profile()).replace("title: 交流拠点の運営", "title: 移住相談: 窓口")
FIXED = dump(profile()).replace("title: 交流拠点の運営", 'title: "移住相談: 窓口"')
PAGE = "chiiki-showcase/profiles/shiken-hanako/"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture()
def served(tmp_path):
    """`mkdocs serve --strict` (what scripts/serve runs) over a content root whose one profile is broken."""
    content = make_site(tmp_path / "content", profiles={"shiken-hanako": BROKEN}, cases={"shiken-kyogikai": dump(case())})
    port = _free_port()
    env = {**os.environ, "SHOWCASE_CONTENT": str(content), "NO_MKDOCS_2_WARNING": "1"}
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                               "-a", f"127.0.0.1:{port}"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 300  # a guard against a hang, not a measurement
    while "Serving on" not in (tmp_path / "serve.log").read_text(encoding="utf-8", errors="replace"):
        assert server.poll() is None, "mkdocs serve stopped: " + (tmp_path / "serve.log").read_text(encoding="utf-8")
        assert time.monotonic() < deadline, "mkdocs serve did not start"
        time.sleep(0.5)
    yield content, f"http://127.0.0.1:{port}/"
    server.terminate()
    server.wait(timeout=30)
    log.close()


def test_serve_shows_the_problems_then_the_page_once_fixed(served, browser):
    content, base = served
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base + PAGE)
    assert page.locator("html").get_attribute("lang") == "ja"
    heading = page.locator("h1").inner_text()
    assert heading.startswith("掲載データに 1 件の問題があるため")
    where = page.locator(".where").first.inner_text()
    assert where.startswith("profiles/shiken-hanako/profile.yml:13:14")
    assert 'put the whole value in double quotes: "移住相談: 窓口"' in page.locator(".fix").first.inner_text()
    page.screenshot(path="/tmp/serve-errors-1280.png", full_page=True)
    page.set_viewport_size({"width": 375, "height": 800})
    page.screenshot(path="/tmp/serve-errors-375.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, "the error page scrolls sideways on a phone"
    assert all(url.startswith(base) for url in requested), [url for url in requested if not url.startswith(base)]
    report = run_axe(page)
    assert report.violations == (), report.describe()

    record = content / "profiles" / "shiken-hanako" / "profile.yml"
    record.write_text(FIXED, encoding="utf-8")
    page.wait_for_function("document.title.startsWith('試験 花子')", timeout=240_000)  # reloaded by the dev server
    assert "移住相談: 窓口" in page.locator("main").inner_text()

    broken_again = FIXED.replace("hometown:", "hometwon:").replace("start: 2023-04", "start: 2023/4")
    record.write_text(broken_again, encoding="utf-8")  # broken again, while the real page is open
    page.wait_for_function("document.title.startsWith('掲載データに 2 件の問題')", timeout=240_000)
    assert page.locator(".where").count() == 2
    page.close()


def test_a_plain_build_still_fails_as_a_whole(tmp_path):
    content = make_site(tmp_path / "content", profiles={"shiken-hanako": BROKEN}, cases={})
    site = tmp_path / "site"
    result = mkdocs_build(content, site)
    assert result.returncode != 0
    assert "profiles/shiken-hanako/profile.yml:13:14" in result.stderr
    assert not (site / "index.html").exists() and not (site / "404.html").exists()

