"""MkDocs adapter: the accessibility page shows the numbers of the last quality-gate run.

tests/gates writes quality/a11y-results.json; a page that carries the marker ``<!-- showcase:quality-results -->``
(docs/accessibility.md) gets the results table in its place, so no number on that page is typed by hand.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from showcase.render.quality_report import MARKER, fill_results

RESULTS = Path("quality") / "a11y-results.json"


def _results_file(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / RESULTS


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    results = _results_file(config)
    if str(results.parent) not in config.watch and results.parent.is_dir():
        config.watch.append(str(results.parent))
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in markdown:  # every generated page (40,000 at national scale) passes here
        return markdown
    return fill_results(markdown, _results_file(config))
