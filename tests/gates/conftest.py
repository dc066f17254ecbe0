"""The gate site: built ONCE per test session from a small generated content root plus the real docs pages, and
shared by every gate (axe, keyboard, vnu, links, third-party requests, headers).  The reproducibility gate builds the
same tree a second time from a second view prepared at the same moment."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.browser.conftest import StaticServer
from tests.gates.build import ROOT, build_view, site_url, tree_view
from tests.gates.content import CASE_SLUGS, PROFILE_SLUGS, make_gate_content
from tests.gates.kinds import page_kinds


def pytest_configure(config):
    config.addinivalue_line("markers", "gates: the quality gates (tests/gates); select with -m gates")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/gates/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.gates)


@dataclass(frozen=True)
class GateSite:
    path: Path  # the built site
    content: Path  # its content root
    view: Path  # the tree view it was built from
    second_view: Path  # a second view of the same tree, for the reproducibility gate
    site_url: str
    kinds: dict[str, str]  # kind pattern → one page's URL

    def file_of(self, url: str) -> Path:
        return self.path / url if url.endswith(".html") else self.path / url / "index.html"

    def html_files(self) -> list[Path]:
        return sorted(p for p in self.path.rglob("*.html")
                      if not p.relative_to(self.path).as_posix().startswith(("pagefind/", "assets/")))


@pytest.fixture(scope="session")
def gate_browser():
    """Chromium in its own thread (tests/gates/workers.py): call ``gate_browser.run(fn, ...)``."""
    from tests.gates.workers import BrowserThread

    if shutil.which("chromium") is None:
        pytest.fail("Debian's chromium is not installed: run scripts/install-system-deps")
    owner = BrowserThread()
    yield owner
    owner.close()


@pytest.fixture(scope="session")
def gate_content(tmp_path_factory) -> Path:
    return make_gate_content(tmp_path_factory.mktemp("gate-content"))


@pytest.fixture(scope="session")
def gate_site(tmp_path_factory, gate_content) -> GateSite:
    first = tree_view(tmp_path_factory.mktemp("gate-a") / "tree")
    second = tree_view(tmp_path_factory.mktemp("gate-b") / "tree")
    site = build_view(first, first.parent / "site", gate_content)
    slugs = set(PROFILE_SLUGS) | set(CASE_SLUGS)
    return GateSite(site, gate_content, first, second, site_url(), page_kinds(site, ROOT / "docs", slugs))


@pytest.fixture(scope="session")
def gate_server(gate_site, tmp_path_factory):
    """The gate site served at its deployed prefix (``/chiiki-showcase/``): the 404 page's root-absolute links work
    only there.  Yields the base URL, ending in ``/``."""
    prefix = urlparse(gate_site.site_url).path.strip("/")
    root = gate_site.path
    if prefix:
        root = tmp_path_factory.mktemp("gate-server")
        (root / prefix).parent.mkdir(parents=True, exist_ok=True)
        (root / prefix).symlink_to(gate_site.path, target_is_directory=True)
    server = StaticServer(root)
    yield server.url + (prefix + "/" if prefix else "")
    server.close()


@pytest.fixture(scope="session")
def gate_sweep(gate_site, gate_server):
    """Every view × colour scheme × width, loaded once: axe report, applied scheme, third-party requests."""
    from tests.gates.sweep import sweep
    from tests.gates.views import views_of

    return sweep(gate_server, gate_site.site_url, views_of(gate_site.kinds))
