"""MkDocs adapter: Material's nav and tabs rendered once per folder for pages that are not in the nav.

No nav item is active on a page that is not in the nav (every record and listing page), and every link in
the nav is relative to the page's folder, so all such pages in one folder (``profiles/``: tens of thousands)
get the same nav and tabs HTML.  Material renders both afresh for every page, about a third of its time per
page; ``overrides/main.html`` asks :class:`SharedBlocks` instead.  The cache lives in this build's Jinja
environment only.
"""

from __future__ import annotations

import posixpath
from typing import Any, Callable

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

NAV_KEY = "showcase_nav_pages"


class SharedBlocks:
    """``showcase_shared_block(name, page, super)`` in a template: the block's HTML, rendered once per folder."""

    def __init__(self, nav_pages: set[str]) -> None:
        self.nav_pages = nav_pages  # src_uri of every page in the nav: those render their own blocks
        self.blocks: dict[tuple[str, str], Markup] = {}

    def __call__(self, name: str, page: Any, render: Callable[[], str]) -> Markup:
        file = getattr(page, "file", None)
        # Hand-written pages outside the nav (about, privacy, accessibility) keep their own blocks: their nav holds
        # their own table of contents.  Only generated pages (hooks/records.py marks their files) share.
        if file is None or file.src_uri in self.nav_pages or page.is_homepage or getattr(file, "showcase_spec", None) is None:
            return Markup(render())
        key = (name, posixpath.dirname(page.url.rstrip("/")))
        if key not in self.blocks:
            self.blocks[key] = Markup(render())
        return self.blocks[key]


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    config[NAV_KEY] = {page.file.src_uri for page in nav.pages}
    return nav


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["showcase_shared_block"] = SharedBlocks(config[NAV_KEY])
    return env
