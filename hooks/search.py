"""MkDocs adapter: Japanese full-text search with Pagefind, indexed while MkDocs writes the pages.

Material's own lunr search is disabled in mkdocs.yml: at national scale its single JSON index is tens of
megabytes.  Pagefind writes a chunked index, so a query downloads only the chunks it needs.

The index is built from the records and the hand-written pages' text (:mod:`showcase.search.index`), not from
the published HTML, so it starts as soon as the records are loaded (``on_files``): a forked child works out each
record's text and terms and writes them out, the hand-written pages follow once MkDocs has converted them
(``on_env``), and Pagefind indexes them all while the pages are written (``hooks/page_writer.py``).  The index
is the longest chain of a large build, so the rest of the build yields the CPU to it.  ``on_post_build`` waits
for it.  Japanese is
indexed as two-character terms (:mod:`showcase.search.terms`), so the query side finds every page that holds
what was typed.
"""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files

from showcase.cli.preview import ONLY_ENV
from showcase.pipeline.timings import TIMINGS_ENV
from showcase.search.index import SHARD_SIZE, SHARD_SIZE_ENV, page_docs
from showcase.search.pagefind import PagefindRun

log = get_plugin_logger("search")
_running: list[PagefindRun] = []  # on_build_error gets no config: the run in progress is kept here


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


@event_priority(-100)  # the records are loaded (hooks/records.py): their part of the index can start
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if os.environ.get(ONLY_ENV):  # scripts/preview: seconds count, and a handful of pages need no search index
        log.info("preview: no search index")
        return files
    build = config["showcase_build"]
    # A forked child works out the records' text and writes their scratch pages while MkDocs builds the nav and
    # converts the hand-written pages; those follow in on_env (at most one doc per Markdown file).
    more = sum(file.is_documentation_page() and getattr(file, "showcase_spec", None) is None for file in files)
    _running.append(PagefindRun(build.search_docs, Path(config.site_dir),
                                int(os.environ.get(SHARD_SIZE_ENV) or SHARD_SIZE), more=more))
    return files


@event_priority(-50)  # after hooks/page_writer.py has forked its writer: Pagefind's thread starts here
def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    if _running:
        _running[-1].add(page_docs(_written_pages(files)))
    return env


@event_priority(-90)  # the last post-build step but the headers file and the timings
def on_post_build(*, config: MkDocsConfig) -> None:
    if not _running:
        return
    run = _running.pop()
    try:
        summary = run.wait()
    except RuntimeError as error:
        raise PluginError(str(error)) from None
    clock = config.get("showcase_timings") if os.environ.get(TIMINGS_ENV) else None
    if clock:
        clock.add("search:pagefind", run.wall, run.cpu)  # Pagefind's own time, all of it beside MkDocs' work
        clock.add("search:scratch ready", run.waited, 0.0)  # its start: the records' and hand-written pages' terms written
        for index, wall in enumerate(run.bundle_walls, start=1):
            clock.add(f"search:bundle {index}", wall, 0.0)
    log.info(f"{summary} ({run.pages} pages, {run.wall:.1f} s)")


def on_build_error(*, error: Exception) -> None:
    while _running:
        _running.pop().stop()
