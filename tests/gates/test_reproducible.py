"""Gate 6: two clean builds of the same tree (each from a fresh view, with its own empty .cache) with the same
SOURCE_DATE_EPOCH are byte-identical, file by file."""

from __future__ import annotations

import pytest

from tests.gates.build import build_view
from tests.gates.reproducible import differing_files, tree_digests
from tests.gates.results import record_gate

pytestmark = pytest.mark.slow


def test_two_clean_builds_are_byte_identical(gate_site):
    second = build_view(gate_site.second_view, gate_site.second_view.parent / "site", gate_site.content)
    problems = differing_files(gate_site.path, second)
    files = len(tree_digests(gate_site.path))
    record_gate("reproducible", {"files": files, "differing": len(problems)})
    assert files > 50
    assert not problems, f"{len(problems)} files differ between two builds of the same tree:\n" + "\n".join(problems[:50])
