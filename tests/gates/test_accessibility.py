"""Gate 1: axe-core's WCAG 2.0/2.1 A+AA rules on one page of every kind, light and dark, 375 px and 1280 px: zero
violations.  The numbers go to quality/a11y-results.json for the published accessibility page."""

from __future__ import annotations

import pytest

from tests.gates.axe import WCAG_TAGS
from tests.gates.results import record_gate
from tests.gates.views import SCHEMES, WIDTHS

pytestmark = pytest.mark.browser

REQUIRED_KINDS = ("", "profiles/", "cases/", "profiles/*/", "cases/*/", "prefectures/*/", "municipalities/*/", "search/",
                  "contribute/profile/", "contribute/case/")


@pytest.fixture(scope="module")
def axe_results(gate_sweep):
    reports = [result.axe for result in gate_sweep.values()]
    record_gate("accessibility", {
        "axe_core": reports[0].version,
        "tags": list(WCAG_TAGS),
        "pages": [{"view": label, "title": result.title} for (label, scheme, width), result in sorted(gate_sweep.items())
                  if (scheme, width) == (SCHEMES[0], WIDTHS[-1])],
        "schemes": list(SCHEMES),
        "widths": list(WIDTHS),
        "checks": len(gate_sweep),
        "rules_checked": sorted({rule for report in reports for rule in report.passes}
                                | {rule["id"] for report in reports for rule in report.violations}),
        "violations": sum(len(rule["nodes"]) for report in reports for rule in report.violations),
    })
    return gate_sweep


def test_every_kind_of_page_is_checked(gate_site):
    missing = [kind for kind in REQUIRED_KINDS if kind not in gate_site.kinds]
    assert not missing, f"page kinds not found in the gate site: {missing}; found {sorted(gate_site.kinds)}"
    assert sum(kind.startswith("programmes/") for kind in gate_site.kinds) >= 4


def test_dark_scheme_really_applies(axe_results):
    wrong = [f"{label} {width}px: asked for {scheme}, got {result.scheme}"
             for (label, scheme, width), result in axe_results.items()
             if (scheme == "dark") != (result.scheme in {"slate", "dark-media"})]
    assert not wrong, wrong


def test_no_axe_violations(axe_results):
    failures = [f"{label} — {scheme} {width}px:\n{result.axe.describe()}"
                for (label, scheme, width), result in sorted(axe_results.items()) if result.axe.violations]
    assert not failures, "axe-core found WCAG A/AA violations:\n" + "\n".join(failures)
