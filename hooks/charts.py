"""MkDocs adapter: charts in hand-written pages (``<!-- chart: ID -->`` markers) and the statistics downloads."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from showcase.outputs.files import write_site_files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "<!--" not in html:
        return html
    try:
        return config["showcase_build"].expand_markers(html, page.url)
    except KeyError as error:
        raise PluginError(f"docs/{page.file.src_uri}: {error.args[0]}") from None


def on_post_build(*, config: MkDocsConfig) -> None:
    write_site_files(Path(config.site_dir), config["showcase_build"].statistics_files())
