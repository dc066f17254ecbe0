"""MkDocs adapter: embed views under /embed/, their oEmbed JSON, and the 「このページを埋め込む」 block's context.

The embed views are not MkDocs pages (Material's template and its storage-touching
scripts must not reach them): the core renders them and this hook writes them
after the build, so Pagefind and the sitemap never see them.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from showcase.outputs.embed_charts import chart_embeds
from showcase.outputs.embeds import embed_context, render_embeds, view_for_page
from showcase.outputs.files import absolute, write_site_files

log = get_plugin_logger("embeds")
CHARTS_KEY = "showcase_chart_embeds"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build = config["showcase_build"]
    config[CHARTS_KEY] = chart_embeds(build.context["statistics"], build.catalog)
    build.context["site_url"] = config.site_url or ""
    build.context.update(embed_context(config.site_url or "", config[CHARTS_KEY]))
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    spec = getattr(page.file, "showcase_spec", None)
    view = view_for_page(spec) if spec is not None else None
    if view is not None:  # raw values: overrides/main.html escapes them
        page.meta["oembed_url"] = absolute(config.site_url or "", view.oembed_path)
        page.meta["oembed_title"] = view.title
    return markdown


def on_post_build(*, config: MkDocsConfig) -> None:
    build = config["showcase_build"]
    files = render_embeds(build.catalog, build.context, site_url=config.site_url or "",
                          site_name=config.site_name, charts=config[CHARTS_KEY])
    write_site_files(Path(config.site_dir), files)
    log.info(f"{sum(path.endswith('.html') for path in files)} embed views")
