"""The MkDocs adapter: the one hook file in mkdocs.yml.  Read top to bottom, it is the pipeline.

load → check → catalog (``on_config``) → pages (``on_files`` … ``on_post_page``) → outputs: embeds, open data,
feed, images, headers (``on_post_build``) → search index (started in ``on_files``, waited for in
``on_post_build``).

Each event is one function that calls this build's steps in order; every step hands over to the engine-independent
core in ``hooks/showcase``, and each block says which former hook file (``hooks/<name>.py``) it was.  The build's
state and its life (made in ``on_config``, dropped after ``on_post_build`` or a failed build; ``mkdocs serve``'s
error page on bad content) are :mod:`mkdocs_build_state`.  The core's templates get every value they use from
:func:`showcase.pipeline.site_build.render_context`; the theme overrides (``overrides/``) get two Jinja globals,
registered in ``on_env``: ``showcase_icon`` and ``showcase_shared_block``.

The generated pages outside the nav are written by :mod:`mkdocs_page_writer` (the one module that leans on how
MkDocs renders a page; its docstring states the contract).  ``$SHOWCASE_TIMINGS`` names a JSON file for
``scripts/bench``: each step below is timed by name (:meth:`ShowcaseBuild.timed`).
"""

from __future__ import annotations

import html
import os
import sys
from pathlib import Path
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext, url_filter

import mkdocs_build_state as state
from mkdocs_page_writer import PageWriter, SharedBlocks
from showcase.cli.preview import ONLY_ENV, only_from_env
from showcase.outputs.data_dictionary import MARKER as DATA_DICTIONARY_MARKER
from showcase.outputs.data_dictionary import fill_markers
from showcase.outputs.embeds import render_embeds, view_for_page
from showcase.outputs.feed import FEED_PATH, render_feed
from showcase.outputs.files import absolute, write_site_files
from showcase.outputs.headers import site_headers_file
from showcase.outputs.icon_sprite import IconSprite
from showcase.outputs.open_data import export_files
from showcase.pipeline.collector import release_build
from showcase.pipeline.site_build import content_root
from showcase.pipeline.timings import TIMINGS_ENV, StageClock
from showcase.render.compact_html import compact_html
from showcase.render.error_page import error_site
from showcase.render.material_markup import repair_material_markup
from showcase.render.quality_report import MARKER as QUALITY_MARKER
from showcase.render.quality_report import fill_results
from showcase.search.index import SHARD_SIZE, SHARD_SIZE_ENV, page_docs
from showcase.search.pagefind import PagefindRun

log = get_plugin_logger("showcase")
QUALITY_RESULTS = Path("quality") / "a11y-results.json"  # tests/gates writes it; docs/accessibility.md shows it
SPRITE_PATH = "assets/images/icons.svg"
HOOKS_DIR = str(Path(__file__).resolve().parent)
_build = state.current


def _spec(page: Page) -> Any:
    """The core's page spec of a generated page; ``None`` for a hand-written one."""
    return getattr(page.file, "showcase_spec", None)


# -- startup: which command runs -------------------------------------------------------------------------------

def on_startup(*, command: str, dirty: bool) -> None:
    state.Run.command = command


# -- load → check → catalog ------------------------------------------------------------------------------------

def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # MkDocs puts hooks/ on sys.path only while it imports a hook; the photo workers are spawned processes, which
    # import `showcase` through the parent's sys.path.  Keeping hooks/ there makes a plain
    # `pip install -r requirements.txt && mkdocs build` work without `pip install -e .` (issue 20, finding 9).
    if HOOKS_DIR not in sys.path:
        sys.path.append(HOOKS_DIR)
    release_build()  # an earlier `mkdocs serve` build's state: the collector may free it now
    clock = StageClock() if os.environ.get(TIMINGS_ENV) else None
    # [records] load every record, check it, build the catalog and the page specs
    root = content_root(Path(config.config_file_path).parent)
    try:
        only = only_from_env(root)  # scripts/preview: just these records and the pages listing them
    except ValueError as error:  # a bad $SHOWCASE_ONLY
        raise PluginError(str(error)) from None
    build = state.start(config, root, only, clock)
    site = build.site
    # A preview watches its own record folders, not 35,000 of them.
    folders = [root / f"{kind}s" / slug for kind, slug in sorted(only)] if only else [root / "profiles", root / "cases"]
    # [quality] the accessibility page shows the last quality-gate run: watch its results too
    folders.append((build.repo / QUALITY_RESULTS).parent)
    for folder in folders:
        if folder.is_dir() and str(folder) not in config.watch:
            config.watch.append(str(folder))
    if only:
        log.info(f"preview of {', '.join(f'{kind}:{slug}' for kind, slug in sorted(only))}: "
                 "listing pages show only these records and their neighbours")
    log.info(f"{len(site.catalog.profiles)} profiles, {len(site.catalog.cases)} cases, {len(site.pages)} generated pages")
    return config


# -- pages: virtual files, then the search index starts ----------------------------------------------------------

def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    build = _build()
    if build.problems is not None:  # [records] serve on bad content: only the error page (on_post_build)
        return Files([file for file in files if not file.is_documentation_page()])
    # [records] the generated pages as virtual files; record pages stay out of the nav
    for spec in build.site.pages:
        if files.get_file_from_path(spec.src_uri) is not None:
            raise PluginError(f"docs/{spec.src_uri} は自動生成されるページと重なります / docs/{spec.src_uri} collides with a generated page")
        file = File.generated(config, spec.src_uri, content="")
        if spec.kind not in {"profiles", "cases", "prefectures"} or spec.url.count("/") > 1:
            file.inclusion = InclusionLevel.NOT_IN_NAV
        file.showcase_spec = spec  # type: ignore[attr-defined]
        files.append(file)
    # [search] the records' part of the index starts now, in a forked child (showcase.search.pagefind)
    if os.environ.get(ONLY_ENV):  # scripts/preview: seconds count, and a handful of pages need no search index
        log.info("preview: no search index")
        return files
    with build.timed("search:start"):
        # The hand-written pages follow in on_env, once MkDocs has converted them (at most one doc per Markdown file).
        more = sum(file.is_documentation_page() and getattr(file, "showcase_spec", None) is None for file in files)
        build.search = PagefindRun(build.site.search_docs, Path(config.site_dir),
                                   int(os.environ.get(SHARD_SIZE_ENV) or SHARD_SIZE), more=more)
    return files


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    build = _build()
    # [theme_cache] pages in the nav render their own nav and tabs; the others share them per folder
    build.nav_pages = {page.file.src_uri for page in nav.pages}
    # [timings] MkDocs reads and renders every page's Markdown from here on, then its templates
    if build.clock:
        build.clock.mark("pages_start")
    # [page_writer] the generated pages outside the nav leave MkDocs' loop; the writer reads them
    with build.timed("pages:read"):
        build.writer = PageWriter.take(config, nav, files, build.site.render)
    return nav


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    build = _build()
    assert build.nav_pages is not None and build.writer is not None
    # [theme_cache] Material's nav and tabs once per folder for pages outside the nav
    env.globals["showcase_shared_block"] = SharedBlocks(build.nav_pages)
    # [icons] theme icons from one sprite file instead of inline SVG on every page
    loader = env.loader
    assert loader is not None  # MkDocs always gives the theme environment a loader
    sprite = build.sprite = IconSprite(lambda name: loader.get_source(env, f".icons/{name}.svg")[0])

    @pass_context
    def showcase_icon(context: Context, name: str) -> Markup:
        return Markup(sprite.use(name, url_filter(context, SPRITE_PATH)))

    env.globals["showcase_icon"] = showcase_icon
    # [page_writer] the page shells, then the forked writer: before the search thread starts (fork before threads)
    with build.timed("pages:write"):
        build.writer.start(env, files)
    # [search] the hand-written pages' text joins the index; Pagefind's thread starts
    if build.search is not None:
        build.search.add(page_docs(_written_pages(files)))
    # [page_writer] this process's share of the pages, while the child and Pagefind work
    with build.timed("pages:write"):
        build.writer.write_own_share()
    return env


def _written_pages(files: Files) -> list[tuple[str, str, str]]:
    """(url, title, body HTML) of the hand-written pages that ask to be searched."""
    pages = []
    for file in files.documentation_pages():
        page = file.page
        if page is None or getattr(file, "showcase_spec", None) is not None or not page.content:
            continue
        search = page.meta.get("search")
        if isinstance(search, dict) and search.get("exclude"):
            continue
        pages.append((page.url, page.title or "", page.content))
    return pages


# -- each page (MkDocs' loop, and mkdocs_page_writer for the pages it took) --------------------------------------

def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    spec = _spec(page)
    if spec is not None:
        # [records] a generated page's title, description and meta; its body comes in on_page_context.
        # Titles and descriptions are escaped here: Material prints page.meta.title raw into <title>.
        page.meta["title"] = html.escape(spec.title)
        page.meta["description"] = html.escape(spec.description, quote=True)
        page.meta["hide"] = ["toc"]
        page.meta["showcase_kind"] = spec.kind
        og_image = _build().site.og_image(spec)
        if og_image and config.site_url:
            page.meta["og_image"] = html.escape(config.site_url.rstrip("/") + "/" + og_image, quote=True)
        page.edit_url = None  # no 「このページの修正を提案」 on generated pages: their correction route is on the page
        # [embeds] the oEmbed link of a page with an embed view (raw values: overrides/main.html escapes them)
        view = view_for_page(spec)
        if view is not None:
            page.meta["oembed_url"] = absolute(config.site_url or "", view.oembed_path)
            page.meta["oembed_title"] = view.title
        return ""
    # [quality] docs/accessibility.md: the results table of the last quality-gate run in place of its marker
    if QUALITY_MARKER in markdown:
        markdown = fill_results(markdown, _build().repo / QUALITY_RESULTS)
    # [exports] docs/data.md: its ``<!-- data-dictionary: … -->`` markers become generated tables
    if DATA_DICTIONARY_MARKER.search(markdown):
        markdown = fill_markers(markdown, _build().site.context["statistics"])
    return markdown


# A generated page's body is rendered just before its template (on_page_context) and dropped once the page is
# written (on_post_page).  MkDocs converts every page before it writes the first, so a body made in
# on_page_content would stay in memory for the whole build: ~1 GB at 35,000 records.

def on_page_content(html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _spec(page) is not None:  # [records]
        return ""
    if "<!--" not in html_text:
        return html_text
    # [charts] charts (``<!-- chart: ID -->``) and the search form in hand-written pages
    build = _build()
    try:
        with build.timed("charts"):
            return build.site.expand_markers(html_text, page.url)
    except KeyError as error:
        raise PluginError(f"docs/{page.file.src_uri}: {error.args[0]}") from None


def on_page_context(context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    spec = _spec(page)
    if spec is not None:  # [records] the body, from the core
        page.content = _build().site.render(spec)
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if _spec(page) is not None:  # [records] generated pages without the templates' indentation: ~15 % of a page
        page.content = None
        output = compact_html(output)
    return repair_material_markup(output)  # [material_markup] docs/accessibility.md (既知の例外と対処)


def on_template_context(context: TemplateContext, *, template_name: str, config: MkDocsConfig) -> TemplateContext:
    if template_name == "sitemap.xml":  # [page_writer] the pages it took go back into the sitemap
        context["pages"] = _build().writer.sitemap_pages(context["pages"])  # type: ignore[union-attr]
    return context


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Static templates (the 404 page) are not pages: [material_markup] repairs them here."""
    return repair_material_markup(output_content) if template_name.endswith(".html") else output_content


# -- outputs, then the search index ----------------------------------------------------------------------------

def on_post_build(*, config: MkDocsConfig) -> None:
    build = _build()
    site, site_dir, site_url = build.site, Path(config.site_dir), config.site_url or ""
    if build.clock:  # [timings] MkDocs' page loop (and this process's share of ours) ends here
        build.clock.mark("pages_end")
    # [icons] the sprite holding the icons the pages used
    with build.timed("icons"):
        assert build.sprite is not None
        write_site_files(site_dir, {SPRITE_PATH: build.sprite.text()})
    # [charts] the statistics downloads
    with build.timed("charts"):
        write_site_files(site_dir, site.statistics_files())
    # [assets] photo variants and Open Graph cards
    with build.timed("images"):
        counts = site.write_assets(site_dir, workers=min(2, os.cpu_count() or 1))
    log.info(f"{counts['photos']} photos, {counts['og_cards']} Open Graph cards")
    # [embeds] /embed/* views and their oEmbed JSON: not MkDocs pages, so Pagefind and the sitemap never see them
    with build.timed("embeds"):
        embeds = render_embeds(site.catalog, site.context, site_url=site_url, site_name=config.site_name,
                               charts=site.charts)
        write_site_files(site_dir, embeds)
    log.info(f"{sum(path.endswith('.html') for path in embeds)} embed views")
    # [exports] /data/* open data and the Atom feed
    with build.timed("open data"):
        files = export_files(site.catalog, site_url=site_url, statistics=sorted(site.statistics_files()))
        files[FEED_PATH] = render_feed(site.catalog, site_url=site_url, site_name=config.site_name)
        write_site_files(site_dir, files)
    log.info(f"{len(files)} open data files and the feed")
    # [browse] the index pages' filter slices and card fragments (showcase.outputs.browse_slices)
    if build.problems is None:
        with build.timed("browse"):
            count = write_site_files(site_dir, site.browse_files())
        log.info(f"{count} filter slices and card fragments")
    # [page_writer] the forked children's shares of the pages
    writer = build.writer
    assert writer is not None
    with build.timed("pages:wait"):
        try:
            writer.wait()
        except RuntimeError as error:
            raise PluginError(f"ページの書き出しに失敗しました / writing the pages failed:\n{error}") from None
    log.info(f"{len(writer.pages)} generated pages written ({len(writer.shells)} shells, {writer.full} in full here)")
    # [search] Pagefind's index (its pagefind/ folder exists only after this)
    if build.search is not None:
        with build.timed("search:wait"):
            build.wait_for_search()
    # [headers] _headers, last: it lists the sections the build wrote
    with build.timed("headers"):
        (site_dir / "_headers").write_text(site_headers_file(site_dir), encoding="utf-8")
    if build.problems is not None:  # [records] serve on bad content: the error page at every address
        write_site_files(site_dir, error_site(build.problems))
    if build.clock:  # [timings]
        build.clock.interval("mkdocs:pages", "pages_start", "pages_end")
        build.clock.write(Path(os.environ[TIMINGS_ENV]))
    state.end(build, config)


def on_build_error(*, error: Exception) -> None:
    state.fail()  # [page_writer] and [search] stop
