"""The generated pages outside the nav, written on both cores instead of in MkDocs' page loop (not a hook file:
``hooks/mkdocs_hooks.py`` drives it).  The ONE module that leans on how MkDocs renders a page.

MkDocs converts and renders its pages one at a time in one process, and Material's templates cost more per page
than the record itself.  At national scale (~40,000 record and listing pages) that loop was most of the build.
So the generated pages that are not in the nav leave MkDocs' files after the nav is built (:meth:`PageWriter.take`),
and this module:

1. gives each page the events MkDocs' loop gives it, in its order (:data:`READ_EVENTS` when the pages are read in
   ``on_nav``, :data:`WRITE_EVENTS` when each is written), through ``config.plugins``, so every hook and plugin
   sees them;
2. renders Material's template once per folder and kind of page with sentinel values
   (:class:`showcase.render.page_shell.Shell`), and fills that shell with each page's values and body; a page the shell
   cannot take (a value with a line break, a body without its ``<h1>``) is rendered in full, as MkDocs would;
3. writes them in a forked child and in this process at once (:class:`showcase.pipeline.forked.ForkedShares`), while
   Pagefind indexes on the side.

Contract with MkDocs (``tests/unit/test_page_writer_contract.py`` fails when MkDocs changes any of it):

- ``mkdocs.commands.build._populate_page`` runs ``on_pre_page``, ``Page.read_source``, ``on_page_markdown``,
  ``Page.render``, ``on_page_content``; ``_build_page`` then calls ``get_context(nav, doc_files, config, page)``,
  ``on_page_context``, renders ``page.meta.template`` (default ``main.html``) and runs ``on_post_page``.  Here the
  same events run in that order, with two steps left out on purpose: ``read_source`` (a generated page's source is
  the empty string) and ``Page.render`` (empty Markdown renders to an empty body and table of contents, which a new
  page already has, and a Markdown instance per page would cost seconds at 40,000 pages).  The body comes from the
  core in ``on_page_context``, in both loops.
- The writer does not set MkDocs' private current page (it serves only ``!relative`` paths in mkdocs.yml, which
  this site's configuration does not use: the contract test checks that too) and it marks each page ``active``
  while its template renders, as MkDocs does.
- ``get_context`` (public, documented for plugins) builds the template context; the sitemap gets these pages back
  through ``on_template_context`` (:meth:`PageWriter.sitemap_pages`).

Output is byte for byte what MkDocs' loop wrote (``tests/integration/test_page_writer.py`` builds a site both
ways).  ``SHOWCASE_PAGE_WRITER=full`` renders every page in full, ``=mkdocs`` leaves them to MkDocs' loop;
``SHOWCASE_PAGE_PROCESSES`` sets how many processes write them.

Material's nav and tabs, rendered once per folder for pages outside the nav (:class:`SharedBlocks`, formerly
``hooks/theme_cache.py``), live here too: they are the other half of rendering a page cheaply.
"""

from __future__ import annotations

import os
import posixpath
from typing import Any, Callable

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

from showcase.pipeline.forked import ForkedShares, cpu_count, share_of, yield_cpu
from showcase.render.compact_html import compact_html
from showcase.render.page_shell import Shell, plain_value

log = get_plugin_logger("pages")
PROCESSES_ENV = "SHOWCASE_PAGE_PROCESSES"
WRITER_ENV = "SHOWCASE_PAGE_WRITER"  # "mkdocs": leave the pages in MkDocs' loop; "full": no shells
# The per-page events, in MkDocs' order: when the pages are read, and when each is written.
READ_EVENTS = ("on_pre_page", "on_page_markdown", "on_page_content")
WRITE_EVENTS = ("on_page_context", "on_post_page")
PAGE_FIELDS = ("canonical_url", "abs_url", "edit_url", "title")
# Tenths of the pages MkDocs' own process writes when it shares them (the rest go to forked children).  It writes
# the images, embeds and open data afterwards, ~0.4 of what the pages cost it: at 35,000 records an even split
# left one core idle for the last ~50 s.
MAIN_TENTHS = 3


class SharedBlocks:
    """``showcase_shared_block(name, page, super)`` in a template: the block's HTML, rendered once per folder.

    No nav item is active on a page that is not in the nav (every record and listing page), and every link in
    the nav is relative to the page's folder, so all such pages in one folder (``profiles/``: tens of thousands)
    get the same nav and tabs HTML.  Material renders both afresh for every page, about a third of its time per
    page; ``overrides/main.html`` asks this instead.  One per build's Jinja environment.
    """

    def __init__(self, nav_pages: set[str]) -> None:
        self.nav_pages = nav_pages  # src_uri of every page in the nav: those render their own blocks
        self.blocks: dict[tuple[str, str], Markup] = {}

    def __call__(self, name: str, page: Any, render: Callable[[], str]) -> Markup:
        file = getattr(page, "file", None)
        # Hand-written pages outside the nav (about, privacy, accessibility) keep their own blocks: their nav holds
        # their own table of contents, as does any page with one.  Only generated pages without one share.
        if (file is None or file.src_uri in self.nav_pages or page.is_homepage
                or getattr(file, "showcase_spec", None) is None or getattr(page, "toc", None)):
            return Markup(render())
        key = (name, posixpath.dirname(page.url.rstrip("/")))
        if key not in self.blocks:
            self.blocks[key] = Markup(render())
        return self.blocks[key]


class SentinelPage:
    """A page whose values are the shell's sentinels; everything else is the real page's."""

    def __init__(self, page: Page, values: dict[str, Any]) -> None:
        self.__dict__.update(values)
        self.real_page = page

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real_page, name)


class PageWriter:
    """This build's generated pages outside the nav, and the shells they are filled into."""

    def __init__(self, config: MkDocsConfig, nav: Navigation, files: list[File], render_body: Callable[[Any], str]) -> None:
        """``render_body(spec)``: a page's body from the core (the same call its ``on_page_context`` makes)."""
        self.config = config
        self.nav = nav
        self.files = files
        self.render_body = render_body
        self.pages: list[Page] = []
        self.shells: dict[tuple, Shell | None] = {}
        self.full = 0  # pages rendered in full
        self.env: Environment | None = None
        self.doc_files: list[File] = []
        self.order: dict[str, int] = {}  # src_uri → place in MkDocs' files, for the sitemap
        self.running: ForkedShares | None = None

    @classmethod
    def take(cls, config: MkDocsConfig, nav: Navigation, files: Files, render_body: Callable[[Any], str]) -> "PageWriter":
        """The generated pages outside ``nav`` leave MkDocs' ``files`` (and its loop) for a writer, which reads them."""
        in_nav = {page.file.src_uri for page in nav.pages}
        ours = [] if os.environ.get(WRITER_ENV) == "mkdocs" else [
            file for file in files if getattr(file, "showcase_spec", None) is not None and file.src_uri not in in_nav]
        order = {file.src_uri: index for index, file in enumerate(files)}
        for file in ours:
            files.remove(file)
        writer = cls(config, nav, ours, render_body)
        writer.order = order
        writer.read(files)
        return writer

    # -- the events MkDocs would give each page (READ_EVENTS, then WRITE_EVENTS in render_full) -------------

    def read(self, all_files: Files) -> None:
        config, plugins = self.config, self.config.plugins
        for file in self.files:
            page = plugins.on_pre_page(Page(None, file, config), config=config, files=all_files)
            page.markdown = plugins.on_page_markdown("", page=page, config=config, files=all_files)
            page.content = plugins.on_page_content("", page=page, config=config, files=all_files)
            self.pages.append(page)

    def context(self, page: Any) -> dict:
        assert self.nav is not None
        return get_context(self.nav, self.doc_files, self.config, page)

    def render_full(self, page: Page) -> str:
        """What MkDocs' ``_build_page`` does: the context events, the template, the post-page events."""
        config, env = self.config, self.env
        assert env is not None
        page.active = True
        try:
            context = config.plugins.on_page_context(self.context(page), page=page, config=config, nav=self.nav)
            output = env.get_template(page.meta.get("template", "main.html")).render(context)
            return config.plugins.on_post_page(output, page=page, config=config)
        finally:
            page.active = False

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
            proxy = SentinelPage(page, {**overrides, "meta": meta, "toc": page.toc, "active": True})
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
            body = self.render_body(page.file.showcase_spec)  # type: ignore[attr-defined]
            values = {name: value for name, value in page_values.items() if isinstance(value, str) and value}
            if "<h1" in body and all(plain_value(value) for value in values.values()):
                return shell.fill({**values, "content": body})
        self.full += 1
        return self.render_full(page)

    def start(self, env: Environment, files: Files) -> None:
        """Make the shells, then fork the children that write their shares (before any thread starts)."""
        self.env = env
        self.doc_files = files.documentation_pages()
        self.prepare()
        processes = int(os.environ.get(PROCESSES_ENV) or min(2, cpu_count()))
        # The child yields the CPU to the search index (the longest chain of the build: load, then Pagefind); this
        # process keeps its priority and writes its share, then the embeds and open data.
        self.running = ForkedShares(lambda share: self.write(share, processes), processes, nice=5)

    def write_own_share(self) -> None:
        """This process's share.  From here on MkDocs' own work (this share, images, embeds, open data) yields the
        CPU to Pagefind, whose thread has started (per-thread priority: that thread and Pagefind keep theirs)."""
        assert self.running is not None
        yield_cpu(5)
        self.write(0, self.running.shares)

    def wait(self) -> None:
        """Wait for the children's shares; RuntimeError with their tracebacks if one failed."""
        if self.running is not None:
            running, self.running = self.running, None
            running.wait()

    def stop(self) -> None:
        """The build failed elsewhere: end the children."""
        if self.running is not None:
            running, self.running = self.running, None
            running.stop()

    def sitemap_pages(self, pages: list[File]) -> list[File]:
        """The sitemap lists MkDocs' pages: ours too, in the order MkDocs had them."""
        order = self.order
        return sorted(list(pages) + [page.file for page in self.pages],
                      key=lambda file: order.get(file.src_uri, len(order)))

    def write(self, share: int, shares: int) -> None:
        # MkDocs' own process (share 0) goes on to write the images, embeds and open data: it takes fewer pages.
        for page in share_of(self.pages, share, shares, MAIN_TENTHS):
            output = self.page_html(page)
            write_file(output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)
