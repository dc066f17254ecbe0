"""MkDocs adapter: the deployment headers file (_headers), written last, from the sections the build wrote."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from showcase.outputs.headers import site_headers_file


@event_priority(-95)  # after hooks/search.py has waited for Pagefind (its pagefind/ folder exists only then)
def on_post_build(*, config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    (site_dir / "_headers").write_text(site_headers_file(site_dir), encoding="utf-8")
