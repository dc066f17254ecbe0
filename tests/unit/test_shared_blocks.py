"""Material's nav and tabs shared by the pages of a folder outside the nav (hooks/mkdocs_page_writer.py SharedBlocks)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("mkdocs_page_writer", ROOT / "hooks" / "mkdocs_page_writer.py")
page_writer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(page_writer)


def _page(url: str, src_uri: str | None = None, homepage: bool = False, generated: bool = True):
    file = SimpleNamespace(src_uri=src_uri or f"{url}index.md")
    if generated:
        file.showcase_spec = object()  # the adapter marks the files of generated pages
    return SimpleNamespace(url=url, is_homepage=homepage, file=file)


def _renderer(label: str):
    calls = []

    def render():
        calls.append(label)
        return f"<nav>{label}</nav>"
    return render, calls


def test_pages_of_one_folder_share_the_block_rendered_once():
    blocks = page_writer.SharedBlocks(nav_pages={"profiles/index.md"})
    first, calls = _renderer("a")
    assert blocks("site_nav", _page("profiles/a/"), first) == "<nav>a</nav>"
    second, later = _renderer("b")
    assert blocks("site_nav", _page("profiles/b/"), second) == "<nav>a</nav>"
    assert (calls, later) == (["a"], [])
    other, other_calls = _renderer("c")
    assert blocks("site_nav", _page("cases/c/"), other) == "<nav>c</nav>"  # another folder: its own links
    assert blocks("tabs", _page("profiles/c/"), _renderer("t")[0]) == "<nav>t</nav>"  # another block
    assert other_calls == ["c"]


def test_pages_in_the_nav_and_the_homepage_render_their_own():
    blocks = page_writer.SharedBlocks(nav_pages={"profiles/index.md", "statistics/index.md"})
    for page in (_page("profiles/"), _page("statistics/"), _page("", "index.md", homepage=True)):
        render, calls = _renderer(page.url)
        blocks("site_nav", page, render)
        blocks("site_nav", page, render)
        assert len(calls) == 2


def test_a_page_with_a_table_of_contents_renders_its_own_site_nav():
    """site_nav holds the TOC sidebar: accessibility.md (a TOC) and /contribute/ (none) sit in one folder outside
    the nav, and must not share it."""
    blocks = page_writer.SharedBlocks(nav_pages=set())
    generated, _ = _renderer("no toc")
    assert blocks("site_nav", _page("contribute/"), generated) == "<nav>no toc</nav>"
    page = _page("accessibility/")
    page.toc = ["目標とする適合レベル"]
    own, calls = _renderer("toc")
    assert blocks("site_nav", page, own) == "<nav>toc</nav>" and calls == ["toc"]


def test_hand_written_pages_outside_the_nav_render_their_own():
    """about/, privacy/ and accessibility/ sit in one folder outside the nav; each nav holds its own contents."""
    blocks = page_writer.SharedBlocks(nav_pages={"index.md"})
    about, _ = _renderer("about")
    privacy, calls = _renderer("privacy")
    assert blocks("site_nav", _page("about/", "about.md", generated=False), about) == "<nav>about</nav>"
    assert blocks("site_nav", _page("privacy/", "privacy.md", generated=False), privacy) == "<nav>privacy</nav>"
    assert calls == ["privacy"]
