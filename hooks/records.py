"""MkDocs adapter: record pages and listings as virtual pages.

Thin on purpose: every event hands over to the engine-independent core in
``hooks/showcase``.  The build state lives on the config object of *this*
build, so nothing survives into the next ``mkdocs serve`` rebuild.
"""

from __future__ import annotations

import gc
import html
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from showcase.check.problems import ContentError
from showcase.cli.preview import only_from_env
from showcase.pipeline.site_build import SiteBuild, cache_root, content_root
from showcase.render.compact_html import compact_html

log = get_plugin_logger("showcase")
STATE_KEY = "showcase_build"


def build_of(config: MkDocsConfig) -> SiteBuild:
    return config[STATE_KEY]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = content_root(Path(config.config_file_path).parent)
    gc.unfreeze()  # an earlier `mkdocs serve` build's state, frozen below: the collector may free it now
    try:
        repo = Path(config.config_file_path).parent
        only = only_from_env(root)  # scripts/preview: just these records and the pages listing them
        build = SiteBuild.load(root, cache_dir=cache_root(repo / ".cache"), data_dir=repo / "data", only=only)
    except ValueError as error:  # a bad $SHOWCASE_ONLY
        raise PluginError(str(error)) from None
    except ContentError as error:
        for line in str(error).splitlines():
            log.error(line)
        raise PluginError(f"掲載データに {len(error.problems)} 件の問題があるため、サイトを生成しません / "
                          f"not building the site: {len(error.problems)} problem(s) in the content") from None
    repo = (config.repo_url or "").rstrip("/")
    build.context["contributing_url"] = f"{repo}/blob/main/CONTRIBUTING.md" if repo else ""
    try:
        build.set_contact(config.extra, config.site_url)  # extra.contact: the correction route on every record page
    except ValueError as error:
        raise PluginError(str(error)) from None
    config[STATE_KEY] = build
    gc.freeze()  # the records live as long as the build: the collector need not walk them again (see showcase.pipeline.collector)
    # A preview watches its own record folders, not 35,000 of them.
    folders = [root / f"{kind}s" / slug for kind, slug in sorted(only)] if only else [root / "profiles", root / "cases"]
    for folder in folders:
        if folder.is_dir() and str(folder) not in config.watch:
            config.watch.append(str(folder))
    if only:
        log.info(f"preview of {', '.join(f'{kind}:{slug}' for kind, slug in sorted(only))}: "
                 "listing pages show only these records and their neighbours")
    log.info(f"{len(build.catalog.profiles)} profiles, {len(build.catalog.cases)} cases, {len(build.pages)} generated pages")
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    build = build_of(config)
    for spec in build.pages:
        existing = files.get_file_from_path(spec.src_uri)
        if existing is not None:
            raise PluginError(f"docs/{spec.src_uri} は自動生成されるページと重なります / docs/{spec.src_uri} collides with a generated page")
        file = File.generated(config, spec.src_uri, content="")
        if spec.kind not in {"profiles", "cases", "prefectures"} or spec.url.count("/") > 1:
            file.inclusion = InclusionLevel.NOT_IN_NAV
        file.showcase_spec = spec  # type: ignore[attr-defined]
        files.append(file)
    return files


def _spec(page: Page):
    return getattr(page.file, "showcase_spec", None)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    spec = _spec(page)
    if spec is None:
        return markdown
    # Titles and descriptions are escaped here: Material prints page.meta.title raw into <title>.
    page.meta["title"] = html.escape(spec.title)
    page.meta["description"] = html.escape(spec.description, quote=True)
    page.meta["hide"] = ["toc"]
    page.meta["showcase_kind"] = spec.kind
    og_image = build_of(config).og_image(spec)
    if og_image and config.site_url:
        page.meta["og_image"] = html.escape(config.site_url.rstrip("/") + "/" + og_image, quote=True)
    page.edit_url = None  # generated pages get no 「このページの修正を提案」: their correction route is on the page
    return ""


# A generated page's body is rendered just before its template (on_page_context) and dropped once the page is
# written (on_post_page).  MkDocs converts every page before it writes the first, so a body made in
# on_page_content would stay in memory for the whole build: ~1 GB at 35,000 records.

def on_page_content(html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return html_text if _spec(page) is None else ""


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    spec = _spec(page)
    if spec is not None:
        page.content = build_of(config).render(spec)
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Generated pages without the templates' indentation and blank lines: ~15 % of a record page."""
    if _spec(page) is None:
        return output
    page.content = None
    return compact_html(output)
