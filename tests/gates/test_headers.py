"""Gate 7: the deployment headers file (``_headers``, documented in the README) exists and is complete for every page
of the gate site: nosniff, a Referrer-Policy, a CSP with frame-ancestors, embeds frameable, no X-Frame-Options DENY."""

from __future__ import annotations

from tests.gates.build import ROOT
from tests.gates.headers import check_headers
from tests.gates.kinds import page_url
from tests.gates.results import record_gate


def _headers_file(gate_site):
    for candidate in (gate_site.path / "_headers", ROOT / "_headers", ROOT / "docs" / "_headers"):
        if candidate.exists():
            return candidate
    return None


def test_headers_file_is_complete(gate_site):
    headers = _headers_file(gate_site)
    assert headers is not None, "no _headers file: neither the build output nor the repository has one"
    urls = ["/" + page_url(gate_site.path, f) for f in gate_site.html_files()]
    embeds = [u for u in urls if u.startswith("/embed/")]
    pages = [u for u in urls if not u.startswith("/embed/")]
    assert len(pages) > 20
    problems = check_headers(headers.read_text(encoding="utf-8"), pages, embeds)
    record_gate("headers", {"paths": len(urls), "problems": len(problems)})
    assert not problems, f"{headers.name} is incomplete:\n" + "\n".join(problems[:40])


def test_readme_documents_the_headers():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for needle in ("_headers", "frame-ancestors", "nosniff", "Referrer-Policy"):
        assert needle in readme, f"README.md does not mention {needle}"
