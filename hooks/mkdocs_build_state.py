"""One MkDocs build's state and its life, for the adapter (``mkdocs_hooks.py``, the hook file in mkdocs.yml).

A build's state is one :class:`ShowcaseBuild`, made by :func:`start` in ``on_config`` and dropped by :func:`end`
after ``on_post_build`` or by :func:`fail` after a failed build, so nothing survives into the next ``mkdocs serve``
rebuild.  :func:`start` loads, checks and catalogs the content through the core (:mod:`showcase.pipeline.site_build`).
When the content is bad, ``mkdocs build`` fails as a whole, while ``mkdocs serve`` gets an *error build*: no records
and no pages, published as the list of problems at every address (:mod:`showcase.render.error_page`).
"""

from __future__ import annotations

import logging
import platform
import sys
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ContextManager

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from mkdocs_page_writer import PageWriter
from showcase.check.problems import ContentError, Problem
from showcase.outputs.icon_sprite import IconSprite
from showcase.pipeline.collector import keep_for_build, keep_until_exit
from showcase.pipeline.site_build import SiteBuild
from showcase.pipeline.timings import StageClock
from showcase.search.pagefind import PagefindRun

log = get_plugin_logger("showcase")


@dataclass
class ShowcaseBuild:
    """One build's state, owned by the adapter."""

    site: SiteBuild
    repo: Path  # the folder holding mkdocs.yml
    clock: StageClock | None = None  # only with $SHOWCASE_TIMINGS
    nav_pages: set[str] | None = None  # src_uri of every page in the nav
    writer: PageWriter | None = None
    sprite: IconSprite | None = None
    search: PagefindRun | None = None
    problems: list[Problem] | None = None  # `mkdocs serve` on bad content: the problems its error page lists

    def timed(self, step: str) -> ContextManager[Any]:
        return self.clock.span(step) if self.clock else nullcontext()

    def wait_for_search(self) -> None:
        """Pagefind's index is written (its ``pagefind/`` folder exists only after this)."""
        run = self.search
        assert run is not None
        self.search = None
        try:
            summary = run.wait()
        except RuntimeError as error:
            raise PluginError(str(error)) from None
        if self.clock:
            self.clock.add("search:pagefind", run.wall, run.cpu)  # Pagefind's own time, all of it beside MkDocs' work
            self.clock.add("search:scratch ready", run.waited, 0.0)  # its start: the records' and hand-written pages' terms written
            for index, wall in enumerate(run.bundle_walls, start=1):
                self.clock.add(f"search:bundle {index}", wall, 0.0)
        log.info(f"{summary} ({run.pages} pages, {run.wall:.1f} s)")


class Run:
    """The command (``build``, ``serve``, …) and the build in progress: ``on_build_error`` gets no config."""

    command = ""
    build: ShowcaseBuild | None = None


def current() -> ShowcaseBuild:
    assert Run.build is not None, "on_config made this build's state"
    return Run.build


def start(config: MkDocsConfig, root: Path, only: set[tuple[str, str]] | None, clock: StageClock | None) -> ShowcaseBuild:
    """Load, check and catalog the content under ``root`` (``only``: scripts/preview's records) into this build."""
    repo = Path(config.config_file_path).parent
    with clock.span("load") if clock else nullcontext():
        try:
            site, problems = _load_site(config, root, repo, only), None
        except ContentError as error:
            if Run.command != "serve":  # a build fails as a whole: never a half-published site
                for line in str(error).splitlines():
                    log.error(line)
                raise PluginError(f"掲載データに {len(error.problems)} 件の問題があるため、サイトを生成しません / "
                                  f"not building the site: {len(error.problems)} problem(s) in the content") from None
            site, problems = _error_build(config, error, root, repo), error.problems
    if problems is None:  # extra.contact: the correction route on every record page
        try:
            site.set_contact(config.extra, config.site_url)
        except ValueError as error:
            raise PluginError(str(error)) from None
    Run.build = ShowcaseBuild(site, repo, clock, problems=problems)
    keep_for_build()  # the records live as long as the build (showcase.pipeline.collector)
    return Run.build


def _load_site(config: MkDocsConfig, root: Path, repo: Path, only: set[tuple[str, str]] | None) -> SiteBuild:
    """Load, check and catalog the content (the cache: showcase.outputs.build_cache.cache_root())."""
    return SiteBuild.load(root, data_dir=repo / "data", only=only,
                          site_url=config.site_url or "", repo_url=config.repo_url or "")


def _error_build(config: MkDocsConfig, error: ContentError, root: Path, repo: Path) -> SiteBuild:
    """`mkdocs serve` on bad content: a build with no records and no pages, published as the error page.

    Every step runs as usual on the empty build; ``on_files`` drops the pages and ``on_post_build`` writes the
    error page (showcase.render.error_page) as index.html and 404.html, which the dev server returns for every
    address.  Once a save fixes the content, the next build is the real site and the page reloads.  Problems go to
    stderr, not to the log: a warning would make `mkdocs serve --strict` stop.
    """
    print("\n".join(f"ERROR   -  {line}" for line in str(error).splitlines()), file=sys.stderr, flush=True)
    log.info(f"掲載データに問題があるため、ブラウザにはエラーの一覧を表示します / showing the {len(error.problems)} "
             f"problem(s) in the browser at {config.site_url or '/'}")
    config.validation.nav.not_found = logging.DEBUG  # the nav's pages are dropped on purpose (on_files)
    config.validation.nav.omitted_files = logging.DEBUG
    try:
        return _load_site(config, root, repo, set())  # no records, no pages: the error page alone
    except ContentError as also:  # the statistics tables (data/) are broken too: no site at all, as in a build
        raise PluginError(f"掲載データに {len(also.problems)} 件の問題があります / {len(also.problems)} problem(s) in data/\n"
                          f"{also}") from None


def end(build: ShowcaseBuild, config: MkDocsConfig) -> None:
    """This build's state is dropped.  A one-shot ``mkdocs build`` ends without freeing it object by object
    (showcase.pipeline.collector); ``mkdocs serve`` rebuilds in this process and keeps nothing."""
    Run.build = None
    if Run.command == "build" and platform.python_implementation() == "CPython":
        keep_until_exit(build, config)


def fail() -> None:
    """A build failed: its state is dropped and its page writer and Pagefind run are stopped."""
    build, Run.build = Run.build, None
    if build is None:
        return
    if build.writer is not None:
        build.writer.stop()
    if build.search is not None:
        build.search.stop()
