"""The contribute form's validator (docs/assets/javascripts/contribute-validate.js) is compiled from the committed
JSON Schemas by scripts/build-form-assets and committed, so the site build needs no Node.  It must not go stale:
regenerate it and compare.  And it must agree with the Python validator on what it accepts."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from showcase.render.contribute import form_data
from showcase.content.schema import CaseRecord, ProfileRecord
from tests.factories import case, profile

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "docs" / "assets" / "javascripts" / "contribute-validate.js"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")


def test_the_committed_validator_is_the_one_the_schemas_compile_to(tmp_path):
    fresh = tmp_path / "contribute-validate.js"
    subprocess.run([str(ROOT / "scripts" / "build-form-assets"), str(fresh)], cwd=ROOT, check=True, timeout=600,
                   capture_output=True)
    assert fresh.read_bytes() == COMMITTED.read_bytes(), "run scripts/build-form-assets and commit the result"


def _run_validator(documents: list[tuple[str, dict]]) -> list[list[dict]]:
    script = f"""
        const vm = require("vm"), fs = require("fs");
        const box = {{}};
        vm.runInNewContext(fs.readFileSync({json.dumps(str(COMMITTED))}, "utf8") + ";this.V = ShowcaseValidators;", box);
        const docs = JSON.parse(fs.readFileSync(0, "utf8"));
        process.stdout.write(JSON.stringify(docs.map(([kind, doc]) => box.V[kind](doc) ? [] : box.V[kind].errors)));
    """
    run = subprocess.run([NODE, "-e", script], input=json.dumps(documents), capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def test_it_flags_what_the_python_validator_refuses_with_the_same_message():
    bad = [("profile", profile(term={"start": "2019/4"})), ("profile", profile(links=[{"label": "x", "url": "http://example.jp/"}])),
           ("profile", profile(name=None)), ("case", case(published="令和元年4月")), ("profile", profile(fields=[]))]
    good = [("profile", profile()), ("case", case()),
            ("profile", profile(links=[{"label": "x", "url": "https://example.jp/"}], age={"years": 30, "as_of": "2026-01"}))]
    errors = _run_validator(bad + good)
    for (kind, doc), found in zip(bad + good, errors):
        model = ProfileRecord if kind == "profile" else CaseRecord
        try:
            model.model_validate(doc)
            python_ok = True
        except Exception:
            python_ok = False
        assert python_ok == (not found), (doc, found)
    patterns = form_data("profile", "", "")["patterns"]
    assert patterns[errors[0][0]["params"]["pattern"]] == "year_month"
    assert patterns[errors[1][0]["params"]["pattern"]] == "safe_url"
    assert errors[2][0]["keyword"] == "required" and errors[2][0]["params"]["missingProperty"] == "name"
