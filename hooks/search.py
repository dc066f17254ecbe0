"""MkDocs adapter: Japanese full-text search with Pagefind, indexed while MkDocs writes the pages.

Material's own lunr search is disabled in mkdocs.yml: at national scale its single JSON index is tens of
megabytes.  Pagefind writes a chunked index, so a query downloads only the chunks it needs.

The index is built from the records and the hand-written pages' text (:mod:`showcase.search_index`), not from
the published HTML, so it starts as soon as every page's Markdown is converted (``on_env``): a forked child
works out each record's text and terms, then Pagefind indexes them, while the pages are written
(``hooks/page_writer.py``).  ``on_post_build`` waits for it.  Japanese is
indexed as two-character terms (:mod:`showcase.search_text`), so the query side finds every page that holds
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

from showcase.preview import ONLY_ENV
from showcase.search_index import SHARD_SIZE, SHARD_SIZE_ENV, PagefindRun
from showcase.timings import TIMINGS_ENV

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


@event_priority(-50)  # after the other hooks have set up the environment: the pages are converted by now
def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    if os.environ.get(ONLY_ENV):  # scripts/preview: seconds count, and a handful of pages need no search index
        log.info("preview: no search index")
        return env
    build, written = config["showcase_build"], _written_pages(files)
    # The docs are worked out in PagefindRun's forked child, beside the page writers (hooks/page_writer.py).
    _running.append(PagefindRun(lambda: build.search_docs(written), Path(config.site_dir),
                                int(os.environ.get(SHARD_SIZE_ENV) or SHARD_SIZE)))
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
    log.info(f"{summary} ({run.pages} pages, {run.wall:.1f} s)")


def on_build_error(*, error: Exception) -> None:
    while _running:
        _running.pop().stop()
