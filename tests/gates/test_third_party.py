"""Gate 5: every kind of page, loaded in Chromium (both schemes, both widths) with all non-localhost traffic blocked
and recorded, attempts no request to another host (fonts, CDNs, analytics, the GitHub API).  The search results and
the combined filter are included: they load Pagefind's index chunks on demand."""

from __future__ import annotations

import pytest

from tests.gates.results import record_gate

pytestmark = pytest.mark.browser


def test_no_page_reaches_another_host(gate_sweep):
    failures = sorted({f"{label}: {url}" for (label, _, _), result in gate_sweep.items() for url in result.requests})
    record_gate("third_party", {"pages": len({label for label, _, _ in gate_sweep}), "loads": len(gate_sweep),
                                "requests": len(failures)})
    assert not failures, "requests to other hosts:\n" + "\n".join(failures)
