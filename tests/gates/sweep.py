"""One pass of Chromium over every view, in every colour scheme and width, shared by the gates that need a loaded
page: axe-core's report, the colour scheme Material applied, and every request that tried to leave our origin.
Each (scheme, width) setting gets a fresh context; the two schemes run in parallel (tests/gates/workers.py)."""

from __future__ import annotations

from dataclasses import dataclass

from tests.gates.axe import AxeReport, run_axe
from tests.gates.third_party import block_third_party
from tests.gates.views import SCHEMES, WIDTHS, View, applied_scheme, new_context, open_view
from tests.gates.workers import run_in_browsers


@dataclass(frozen=True)
class ViewResult:
    axe: AxeReport
    scheme: str  # what Material applied: "default", "slate" (or the media query's answer on pages without Material)
    requests: tuple[str, ...]  # third-party URLs the view tried to load (all were blocked)
    title: str  # the page's <title>, without the site name


def _sweep_setting(browser, job) -> dict[tuple[str, str, int], ViewResult]:
    base_url, site_url, views, scheme, width = job
    context = new_context(browser, scheme=scheme, width=width)
    attempted = block_third_party(context, site_url)
    page = context.new_page()
    results = {}
    for view in views:
        before = len(attempted)
        open_view(page, base_url, view)
        report = run_axe(page)
        title = page.title().rsplit(" - ", 1)[0].strip()
        results[(view.label, scheme, width)] = ViewResult(report, applied_scheme(page), tuple(attempted[before:]), title)
    context.close()
    return results


def sweep(base_url: str, site_url: str, views: list[View]) -> dict[tuple[str, str, int], ViewResult]:
    """(view label, scheme, width) → what the view showed, for every view × scheme × width."""
    groups = [[(base_url, site_url, views, scheme, width) for width in WIDTHS] for scheme in SCHEMES]
    results: dict[tuple[str, str, int], ViewResult] = {}
    for part in run_in_browsers(groups, _sweep_setting):
        results.update(part)
    return results
