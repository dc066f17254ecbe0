"""One build of the site, engine-independent: load → validate → catalog → page specs → render context.

An engine adapter (our MkDocs hooks, or a script) creates a :class:`SiteBuild`
once per build, turns ``pages`` into its own page objects, and asks
``render`` for each body.  Nothing here survives into the next build.

Every value the core's templates use is in :func:`render_context`, made here in one place from the site's
settings (``site_url``, ``repo_url``): no template guards a value with ``is defined``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from showcase.catalog import urls
from showcase.catalog.indexes import Catalog, build_catalog
from showcase.check.collection import load_collections
from showcase.check.problems import ContentError
from showcase.content.featured import load_featured
from showcase.cli.preview import preview_pages, preview_selection
from showcase.outputs.browse_slices import browse_files
from showcase.outputs.build_cache import cache_root
from showcase.outputs.embed_charts import ChartEmbed, chart_embeds
from showcase.outputs.embeds import embed_context
from showcase.outputs.media import og_image_path, photo_views, write_assets
from showcase.outputs.open_data import data_links_for
from showcase.pipeline.collector import collector_paused
from showcase.render.browse_form import BrowseForms
from showcase.render.cards import Cards
from showcase.render.contact_block import expand_contact_marker
from showcase.render.corrections import contact_settings
from showcase.render.environment import environment
from showcase.render.home import expand_home_records
from showcase.render.pages import PageSpec, render_page, site_pages
from showcase.render.search_form import expand_search_form
from showcase.render.statistics import expand_chart_markers
from showcase.search.index import SearchDoc, page_docs, record_docs
from showcase.stats.data_files import load_statistics
from showcase.stats.table_schema import StatTable
from showcase.stats.tables import export_files

CONTENT_ENV = "SHOWCASE_CONTENT"


def content_root(default: Path) -> Path:
    """The folder holding ``profiles/`` and ``cases/``: ``$SHOWCASE_CONTENT`` or the repository root."""
    value = os.environ.get(CONTENT_ENV)
    return Path(value).resolve() if value else default.resolve()


def render_context(catalog: Catalog, statistics: dict[str, StatTable] | None = None, *, site_url: str = "",
                   repo_url: str = "", charts: list[ChartEmbed] | None = None) -> dict[str, Any]:
    """Everything the core's page and embed templates are given besides their page's own values.

    ``charts`` (default: every chart of ``statistics`` and ``catalog``) are the charts that have an embed view.
    """
    statistics = statistics if statistics is not None else {}
    repo = repo_url.rstrip("/")
    photos_for = photo_views(catalog.profiles + catalog.cases)
    return {
        "photos_for": photos_for,
        "cards": Cards(catalog, photos_for),
        "browse_forms": BrowseForms(catalog),
        "statistics": statistics,
        "site_url": site_url,
        "contributing_url": f"{repo}/blob/main/CONTRIBUTING.md" if repo else "",
        "repo_url": repo,  # the contribute form hands its YAML to {repo}/new/main
        "data_links_for": data_links_for,
        "contact": None,  # the correction route (SiteBuild.set_contact, from the site's settings)
        **embed_context(site_url, chart_embeds(statistics, catalog) if charts is None else charts),
    }


@dataclass
class SiteBuild:
    root: Path
    catalog: Catalog
    pages: list[PageSpec]
    context: dict[str, Any] = field(default_factory=dict)
    cache_dir: Path | None = None  # None: showcase.outputs.build_cache.cache_root()
    preview: bool = False  # only some records: the cache is not pruned of what the others use
    charts: list[ChartEmbed] = field(default_factory=list)  # the charts with an embed view

    @classmethod
    @collector_paused()  # millions of objects and no garbage cycles: see showcase.pipeline.collector
    def load(cls, root: Path, *, today: str | None = None, workers: int | None = None,
             cache_dir: Path | None = None, data_dir: Path | None = None,
             only: set[tuple[str, str]] | None = None, site_url: str = "", repo_url: str = "") -> "SiteBuild":
        """Load and check every record and statistics table; raise :class:`ContentError` listing all problems.

        ``only`` ((kind, slug) pairs) builds a preview: those records, their neighbours, and the pages listing them
        (:mod:`showcase.cli.preview`).  ``site_url`` and ``repo_url`` are the site's settings the pages link to.
        """
        environment.cache_clear()  # templates are read once per build (the environment does not stat them per page)
        selection = preview_selection(root, only) if only is not None else None  # type: ignore[arg-type]
        result = load_collections(root, workers=workers, only=selection)
        tables: dict[str, StatTable] = {}
        problems = list(result.problems)
        if data_dir is not None:
            tables, stat_problems = load_statistics(data_dir, data_dir.parent)
            problems += stat_problems
        known = {"profiles": {e.slug for e in result.profiles}, "cases": {e.slug for e in result.cases}}
        # a preview holds only some records, and a record with problems is not loaded: neither names an unknown slug
        featured, featured_problems = load_featured(root, known if only is None and not result.problems else None)
        problems += featured_problems
        if problems:
            raise ContentError(problems)
        catalog = build_catalog(result.profiles, result.cases, today)
        pages = site_pages(catalog)
        build = cls(root, catalog, preview_pages(pages, only) if only is not None else pages,  # type: ignore[arg-type]
                    cache_dir=cache_dir, preview=only is not None)
        build.charts = chart_embeds(tables, catalog)
        build.context = render_context(catalog, tables, site_url=site_url, repo_url=repo_url, charts=build.charts)
        build.context["featured"] = featured
        return build

    def expand_markers(self, html: str, page_url: str) -> str:
        """Charts (``<!-- chart: ID -->``), the search form (``<!-- showcase: search-form -->``), the operator's
        contact block (``<!-- showcase: contact -->``) and the home page's records (``<!-- showcase: home-records -->``)
        in hand-written pages."""
        html = expand_search_form(html, page_url, self.catalog)
        html = expand_contact_marker(html, page_url, self.context["contact"])
        html = expand_home_records(html, page_url, self.catalog, self.context)
        return expand_chart_markers(html, page_url, self.catalog, self.context["statistics"], self.context["chart_embed"])

    def set_contact(self, extra: dict[str, Any] | None, site_url: str | None) -> None:
        """The correction and removal route every record page links to (``ValueError`` when there is none)."""
        self.context["contact"] = contact_settings(extra, site_url)

    def statistics_files(self) -> dict[str, str]:
        """``data/statistics/<table>.csv|json`` → text."""
        return {urls.statistics_data(name): text for name, text in export_files(self.context["statistics"]).items()}

    def og_image(self, spec: PageSpec) -> str | None:
        """Site-relative path of a record page's Open Graph card."""
        return og_image_path(spec.key) if spec.kind in {"profile", "case"} else None

    def write_assets(self, site_dir: Path, workers: int = 2) -> dict[str, int]:
        return write_assets(self.catalog, site_dir, self.cache_dir or cache_root(), workers, prune_cache=not self.preview)

    def browse_files(self) -> Iterator[tuple[str, str]]:
        """The index pages' filter slices and card fragments (:mod:`showcase.outputs.browse_slices`), as (path, text)."""
        return browse_files(self.catalog, self.context["cards"])

    def search_docs(self) -> list[SearchDoc]:
        """What the search index holds of this build's own pages: the records and the statistics page."""
        statistics = [(spec.url, spec.title, self.render(spec)) for spec in self.pages if spec.kind == "statistics"]
        return record_docs(self.pages) + page_docs(statistics)

    def render(self, spec: PageSpec) -> str:
        return render_page(spec, self.catalog, self.context)
