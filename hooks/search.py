"""MkDocs adapter: Japanese full-text search with Pagefind (extended), run once the site is written.

Material's own lunr search is disabled in mkdocs.yml: at national scale its
single JSON index is tens of megabytes.  Pagefind writes a chunked index, so a
query downloads only the chunks it needs.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from showcase.preview import ONLY_ENV
from showcase.search_index import run_pagefind

log = get_plugin_logger("search")


def on_post_build(*, config: MkDocsConfig) -> None:
    if os.environ.get(ONLY_ENV):  # scripts/preview: seconds count, and a handful of pages need no search index
        log.info("preview: no search index")
        return
    try:
        summary = run_pagefind(config.site_dir)
    except RuntimeError as error:
        raise PluginError(str(error)) from None
    log.info(summary)
