"""Published proof: docs/accessibility.md shows the last gate run's numbers, rendered at build time from
quality/a11y-results.json (the snapshot the gate site was built from), and links the manual checklist."""

from __future__ import annotations

import re
from html import unescape

from showcase.render.quality_report import MARKER, load_results, render_results_markdown
from tests.gates.build import ROOT


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_policy_page_shows_the_recorded_numbers(gate_site):
    page = gate_site.file_of("accessibility/").read_text(encoding="utf-8")
    assert MARKER not in page and "showcase:quality-results" not in page
    text = _text(page)
    for needle in ("ウェブアクセシビリティ方針", "JIS X 8341-3:2016", "対象範囲", "既知の例外と対処", "2026年11月"):
        assert needle in text, needle
    snapshot = load_results(gate_site.view / "quality" / "a11y-results.json")
    expected = render_results_markdown(snapshot)
    cells = [cell.strip().replace("`", "") for line in expected.splitlines() if line.startswith("| ") and "---" not in line
             for cell in line.strip("|").split("|")]
    for cell in cells:
        assert _text(cell) in text, f"the accessibility page lacks “{cell}” from quality/a11y-results.json"
    if snapshot.get("accessibility"):
        assert f"{snapshot['accessibility']['violations']:,}件の違反" in text
        assert f"{snapshot['accessibility']['checks']:,}回" in text


def test_policy_page_is_linked_from_every_page_footer(gate_site):
    home = gate_site.file_of("").read_text(encoding="utf-8")
    assert re.search(r'<a href="accessibility/">ウェブアクセシビリティ方針</a>', home)


def test_manual_checklist_exists_and_is_linked():
    checklist = ROOT / "quality" / "manual-checklist.md"
    assert checklist.exists()
    assert checklist.read_text(encoding="utf-8").count("- [ ]") >= 8
    assert "quality/manual-checklist.md" in (ROOT / "docs" / "accessibility.md").read_text(encoding="utf-8")
