"""MkDocs adapter: photo variants and Open Graph cards, written after the pages."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("assets")


def on_post_build(*, config: MkDocsConfig) -> None:
    build = config["showcase_build"]
    counts = build.write_assets(Path(config.site_dir), workers=min(2, os.cpu_count() or 1))
    log.info(f"{counts['photos']} photos, {counts['og_cards']} Open Graph cards")
