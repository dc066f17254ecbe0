"""MkDocs adapter: open data under /data/ and the Atom feed, written after the build; the data page's generated tables."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from showcase.outputs.data_dictionary import MARKER, fill_markers
from showcase.outputs.feed import FEED_PATH, render_feed
from showcase.outputs.files import write_site_files
from showcase.outputs.open_data import data_links_for, export_files

log = get_plugin_logger("exports")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config["showcase_build"].context["data_links_for"] = data_links_for
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """docs/data.md holds the prose; its ``<!-- data-dictionary: … -->`` markers become generated tables."""
    if not MARKER.search(markdown):
        return markdown
    return fill_markers(markdown, config["showcase_build"].context["statistics"])


def on_post_build(*, config: MkDocsConfig) -> None:
    build = config["showcase_build"]
    site_url = config.site_url or ""
    files = export_files(build.catalog, site_url=site_url, statistics=sorted(build.statistics_files()))
    files[FEED_PATH] = render_feed(build.catalog, site_url=site_url, site_name=config.site_name)
    write_site_files(Path(config.site_dir), files)
    log.info(f"{len(files)} open data files and the feed")
