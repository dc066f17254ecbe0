"""MkDocs adapter: charts in hand-written pages (``<!-- chart: ID -->`` markers) and the statistics downloads."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "<!--" not in html:
        return html
    try:
        return config["showcase_build"].expand_markers(html, page.url)
    except KeyError as error:
        raise PluginError(f"docs/{page.file.src_uri}: {error.args[0]}") from None


def on_post_build(*, config: MkDocsConfig) -> None:
    for relative, text in config["showcase_build"].statistics_files().items():
        target = Path(config.site_dir) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")
