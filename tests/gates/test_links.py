"""Gate 4: no broken internal link, anchor, image or asset anywhere in the built site (``mkdocs build --strict`` with
link and anchor validation already passed when the gate site was built)."""

from __future__ import annotations

from tests.gates.build import ROOT
from tests.gates.links import crawl
from tests.gates.results import record_gate


def test_mkdocs_validation_turns_link_warnings_into_failures():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    validation = config.split("\nvalidation:", 1)[1].split("\n\n", 1)[0]
    for setting in ("omitted_files", "absolute_links", "unrecognized_links", "anchors"):
        assert f"{setting}: warn" in validation, f"mkdocs.yml validation.{setting} must be 'warn' (fails under --strict)"


def test_no_broken_internal_references(gate_site):
    report = crawl(gate_site.path, gate_site.site_url)
    record_gate("links", {"pages": report.pages, "references": report.references, "broken": len(report.broken)})
    assert report.pages >= len(gate_site.kinds) and report.references > 100
    assert not report.broken, "broken internal references:\n" + "\n".join(map(str, report.broken))


def test_crawl_sees_photos_and_their_srcset(gate_site):
    page = gate_site.file_of(gate_site.kinds["profiles/*/"])
    assert "srcset=" in page.read_text(encoding="utf-8"), "the gate content's photo should render with a srcset"
    photos = list((gate_site.path / "assets" / "photos").iterdir())
    assert photos, "no photo variants written"
