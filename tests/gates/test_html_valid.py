"""Gate 3: the Nu Html Checker finds no error (duplicate ids included) in any page of the gate site: every kind of
page, all of them checked in one JVM."""

from __future__ import annotations

from tests.gates.html_check import run_vnu
from tests.gates.results import record_gate


def test_every_page_is_valid_html(gate_site):
    files = gate_site.html_files()
    assert {gate_site.file_of(url) for url in gate_site.kinds.values()} <= set(files)
    errors = run_vnu(files)
    record_gate("html", {"checker": "Nu Html Checker (vnu-jar)", "pages": len(files), "errors": len(errors)})
    assert not errors, "vnu found HTML errors:\n" + "\n".join(
        str(error).replace(str(gate_site.path) + "/", "") for error in errors)
