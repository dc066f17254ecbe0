"""MkDocs adapter: the generated pages outside the nav are written here, on both cores, not in MkDocs' page loop.

MkDocs converts and renders its pages one at a time in one process, and Material's templates cost more per page
than the record itself.  At national scale (~40,000 record and listing pages) that loop was most of the build.
So the generated pages that are not in the nav leave MkDocs' files after the nav is built, and this hook:

1. gives each the events MkDocs would (``on_page_markdown`` sets its title and meta; ``on_post_page`` finishes it);
2. renders Material's template once per folder and kind of page with sentinel values
   (:class:`showcase.render.page_shell.Shell`), and fills that shell with each page's values and body; a page the shell
   cannot take (a value with a line break, a body without its ``<h1>``) is rendered in full, as MkDocs would;
3. writes them in a forked child and in this process at once (:class:`showcase.pipeline.forked.ForkedShares`), while
   Pagefind indexes on the side.

Output is byte for byte what MkDocs' loop wrote (``tests/integration/test_page_writer.py`` builds a site both
ways).  ``SHOWCASE_PAGE_WRITER=full`` renders every page in full, ``=mkdocs`` leaves them to MkDocs' loop;
``SHOWCASE_PAGE_PROCESSES`` sets how many processes write them.
The pages go back into the sitemap, which MkDocs renders from its files.
"""

from __future__ import annotations

import os
import posixpath
from typing import Any

from jinja2 import Environment
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

from showcase.pipeline.forked import ForkedShares, cpu_count, share_of, yield_cpu
from showcase.render.compact_html import compact_html
from showcase.render.page_shell import Shell, plain_value

log = get_plugin_logger("pages")
KEY = "showcase_page_writer"
ORDER_KEY = "showcase_file_order"
PROCESSES_ENV = "SHOWCASE_PAGE_PROCESSES"
_running: list[ForkedShares] = []  # on_build_error gets no config

PAGE_FIELDS = ("canonical_url", "abs_url", "edit_url", "title")
WRITER_ENV = "SHOWCASE_PAGE_WRITER"  # "mkdocs": leave the pages in MkDocs' loop; "full": no shells
# Tenths of the pages MkDocs' own process writes when it shares them (the rest go to forked children).  It writes
# the images, embeds and open data afterwards, ~0.4 of what the pages cost it: at 35,000 records an even split
# left one core idle for the last ~50 s.
MAIN_TENTHS = 3


class _SentinelPage:
    """A page whose values are the shell's sentinels; everything else is the real page's."""

    def __init__(self, page: Page, values: dict[str, Any]) -> None:
        self.__dict__.update(values)
        self._page = page

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)


class PageWriter:
    """This build's generated pages outside the nav, and the shells they are filled into."""

    def __init__(self, config: MkDocsConfig, files: list[File]) -> None:
        self.config = config
        self.files = files
        self.pages: list[Page] = []
        self.shells: dict[tuple, Shell | None] = {}
        self.full = 0  # pages rendered in full
        self.nav: Navigation | None = None
        self.env: Environment | None = None
        self.doc_files: list[File] = []

    # -- the events MkDocs would give each page -------------------------------------------------------------

    def read(self, all_files: Files) -> None:
        config = self.config
        for file in self.files:
            page = Page(None, file, config)
            page.markdown = config.plugins.on_page_markdown("", page=page, config=config, files=all_files)
            self.pages.append(page)

    def context(self, page: Any) -> dict:
        assert self.nav is not None
        return get_context(self.nav, self.doc_files, self.config, page)

    def render_full(self, page: Page) -> str:
        """What MkDocs' ``_build_page`` does: the context events, the template, the post-page events."""
        config, env = self.config, self.env
        assert env is not None
        config._current_page = page
        page.active = True
        try:
            context = config.plugins.on_page_context(self.context(page), page=page, config=config, nav=self.nav)
            output = env.get_template(page.meta.get("template", "main.html")).render(context)
            return config.plugins.on_post_page(output, page=page, config=config)
        finally:
            page.active = False
            config._current_page = None

    # -- shells ---------------------------------------------------------------------------------------------

    @staticmethod
    def values(page: Page) -> dict[str, Any]:
        # The URL's last segment only: the folders above it set every relative link of the page.
        values = {"url": page.url.rstrip("/").rsplit("/", 1)[-1]}
        values.update({name: getattr(page, name) for name in PAGE_FIELDS})
        values.update({f"meta.{name}": value for name, value in page.meta.items()})
        return values

    @staticmethod
    def shell_key(page: Page, values: dict[str, Any]) -> tuple:
        """Everything a template may branch on: the template, the folder, which values are empty, the others."""
        return (page.meta.get("template", "main.html"), posixpath.dirname(page.url.rstrip("/")),
                tuple(sorted((name, bool(value)) if isinstance(value, str) or value is None else (name, repr(value))
                             for name, value in values.items())))

    def build_shell(self, page: Page) -> Shell | None:
        values = self.values(page)
        fields = [name for name, value in values.items() if isinstance(value, str) and value] + ["content"]

        def render(sentinels: dict[str, str]) -> str:
            meta = {**page.meta, **{name[5:]: sentinels[name] for name in fields if name.startswith("meta.")}}
            overrides: dict[str, Any] = {name: sentinels[name] for name in fields if not name.startswith("meta.")}
            folder = posixpath.dirname(page.url.rstrip("/"))
            overrides["url"] = f"{folder}/{sentinels['url']}/" if folder else f"{sentinels['url']}/"
            proxy = _SentinelPage(page, {**overrides, "meta": meta, "toc": page.toc, "active": True})
            config, env = self.config, self.env
            assert env is not None
            context = config.plugins.on_page_context(self.context(proxy), page=proxy, config=config, nav=self.nav)
            proxy.content = sentinels["content"]  # the body hook filled the real body in: the shell wants its sentinel
            output = env.get_template(page.meta.get("template", "main.html")).render(context)
            return config.plugins.on_post_page(output, page=proxy, config=config)

        return Shell.build(render, fields, html_fields={"content"}, html_suffix="<h1", compact=compact_html)

    def prepare(self) -> None:
        """Every shell the pages need, made here: a child would make its own, and the icons it used are ours."""
        if os.environ.get(WRITER_ENV) == "full":
            return
        for page in self.pages:
            key = self.shell_key(page, self.values(page))
            if key not in self.shells and not page.toc:
                self.shells[key] = self.build_shell(page)
        broken = sum(shell is None for shell in self.shells.values())
        if broken:
            log.warning(f"{broken} of {len(self.shells)} page shells could not be cut at their values: Material's "
                        "templates changed how they print a page's values (those pages are rendered in full, slower)")

    # -- writing --------------------------------------------------------------------------------------------

    def page_html(self, page: Page) -> str:
        page_values = self.values(page)
        shell = self.shells.get(self.shell_key(page, page_values)) if self.shells else None
        if shell is not None:
            # The body hook renders the body; compacting and the theme's post-page repairs are in the shell.
            body = self.config["showcase_build"].render(page.file.showcase_spec)  # type: ignore[attr-defined]
            values = {name: value for name, value in page_values.items() if isinstance(value, str) and value}
            if "<h1" in body and all(plain_value(value) for value in values.values()):
                return shell.fill({**values, "content": body})
        self.full += 1
        return self.render_full(page)

    def write(self, share: int, shares: int) -> None:
        # MkDocs' own process (share 0) goes on to write the images, embeds and open data: it takes fewer pages.
        for page in share_of(self.pages, share, shares, MAIN_TENTHS):
            output = self.page_html(page)
            write_file(output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)


def _writer(config: MkDocsConfig) -> PageWriter:
    return config[KEY]


@event_priority(-100)  # after the nav is built (and theme_cache has seen it): what is not in it leaves MkDocs' loop
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    in_nav = {page.file.src_uri for page in nav.pages}
    config[ORDER_KEY] = {file.src_uri: index for index, file in enumerate(files)}
    ours = [] if os.environ.get(WRITER_ENV) == "mkdocs" else [
        file for file in files if getattr(file, "showcase_spec", None) is not None and file.src_uri not in in_nav]
    for file in ours:
        files.remove(file)
    writer = PageWriter(config, ours)
    writer.nav = nav
    writer.read(files)
    config[KEY] = writer
    return nav


@event_priority(-40)  # after the hooks that set up the environment, before hooks/search.py starts its thread
def _start(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    writer = _writer(config)
    writer.env = env
    writer.doc_files = files.documentation_pages()
    writer.prepare()
    processes = int(os.environ.get(PROCESSES_ENV) or min(2, cpu_count()))
    # The child yields the CPU to the search index (the longest chain of the build: load, then Pagefind); this
    # process keeps its priority and writes its share, then the embeds and open data.
    _running.append(ForkedShares(lambda share: writer.write(share, processes), processes, nice=5))
    return env


@event_priority(-100)  # the pagefind thread is running now: this process writes its own share
def _own_share(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    writer = _writer(config)
    # From here on MkDocs' own work (this share, images, embeds, open data) yields the CPU to Pagefind, which
    # hooks/search.py's thread started (per-thread priority: that thread and Pagefind keep theirs).
    yield_cpu(5)
    writer.write(0, _running[-1].shares)
    return env


on_env = CombinedEvent(_start, _own_share)


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    """The sitemap lists MkDocs' pages: ours too, in the order MkDocs had them."""
    if template_name == "sitemap.xml":
        order = config[ORDER_KEY]
        pages = list(context["pages"]) + [page.file for page in _writer(config).pages]
        context["pages"] = sorted(pages, key=lambda file: order.get(file.src_uri, len(order)))
    return context


@event_priority(-85)  # after the images, embeds and open data (this process writes them meanwhile), before the
def on_post_build(*, config: MkDocsConfig) -> None:  # headers file, which lists what the build wrote
    writer = _writer(config)
    try:
        _running.pop().wait()
    except RuntimeError as error:
        raise PluginError(f"ページの書き出しに失敗しました / writing the pages failed:\n{error}") from None
    log.info(f"{len(writer.pages)} generated pages written ({len(writer.shells)} shells, {writer.full} in full here)")


def on_build_error(*, error: Exception) -> None:
    while _running:
        _running.pop().stop()
