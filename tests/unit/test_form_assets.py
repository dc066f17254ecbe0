"""The contribute form's validator (docs/assets/javascripts/contribute-validate.js) is compiled from the committed
JSON Schemas by scripts/build-form-assets and committed, so the site build needs no Node.  It must not go stale:
regenerate it and compare.  And it must agree with the Python validator on what it accepts."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from showcase.check.collection import folder_name_refusal
from showcase.check.term import broken_rules
from showcase.content.schema import MAX_SLUG_LENGTH, CaseRecord, ProfileRecord
from showcase.render.contribute import form_data
from tests.factories import case, profile

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "docs" / "assets" / "javascripts" / "contribute-validate.js"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")


def test_the_committed_scripts_are_the_ones_the_schemas_and_packages_compile_to(tmp_path):
    subprocess.run([str(ROOT / "scripts" / "build-form-assets"), str(tmp_path)], cwd=ROOT, check=True, timeout=600,
                   capture_output=True)
    for name in ("contribute-validate.js", "contribute-kana.js"):
        assert (tmp_path / name).read_bytes() == (COMMITTED.parent / name).read_bytes(), "run scripts/build-form-assets and commit the result"


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


RULES_JS = COMMITTED.parent / "contribute-rules.js"
KANA_JS = COMMITTED.parent / "contribute-kana.js"


def _run_rules(records: list[tuple[dict, str]]) -> list[dict]:
    """contribute-rules.js on (record, folder name) pairs, with the data the form page carries."""
    script = f"""
        const vm = require("vm"), fs = require("fs");
        const box = {{ window: {{}} }};
        vm.runInNewContext(fs.readFileSync({json.dumps(str(KANA_JS))}, "utf8") + ";window.ShowcaseKana = ShowcaseKana;", box);
        vm.runInNewContext(fs.readFileSync({json.dumps(str(RULES_JS))}, "utf8"), box);
        const input = JSON.parse(fs.readFileSync(0, "utf8"));
        const rules = box.window.ShowcaseRules;
        process.stdout.write(JSON.stringify(input.records.map(([record, slug]) => {{
          const found = {{}};
          rules.check(input.cfg, record, slug, (path, text) => {{ if (!(path in found)) found[path] = text; }},
                      (code, path) => code + ":" + path, {{}});
          return found;
        }})));
    """
    payload = {"cfg": form_data("profile", "", ""), "records": records}
    run = subprocess.run([NODE, "-e", script], input=json.dumps(payload), capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def test_the_forms_term_and_folder_rules_are_the_validators():
    """Every combination of a term's end, its plan flag and an after-term story: the form's script and
    showcase.check.term break the same rules with the same words; folder names too long or malformed likewise."""
    records = []
    for end in (None, "2026-03", "2027-03"):
        for planned in (False, True):
            for after in (None, {"settled": "同じ市町村"}):
                term = {"start": "2024-04", **({"end": end} if end else {}), **({"end_planned": True} if planned else {})}
                records.append(profile(term=term, published="2026-11", **({"after_term": after} if after else {})))
    long_name = "a" * (MAX_SLUG_LENGTH + 1)
    slugs = ["ok-name"] * len(records) + [long_name, "Bad_Name", "index"]
    records += [profile()] * 3
    found = _run_rules(list(zip(records, slugs)))
    for record, slug, js in zip(records, slugs, found):
        expected = {rule.at: rule.ja.format(**values) + f"（{rule.hint_ja}）"
                    for rule, values in broken_rules(ProfileRecord.model_validate(record))}
        refusal = folder_name_refusal(slug)
        if refusal:
            expected["slug"] = f"{refusal[0]}（{refusal[2]}）"
        assert js == expected, (record.get("term"), record.get("after_term"), slug)
    assert sum(1 for js in found if js) >= 5, "the cases above break each rule at least once"


def test_the_folder_name_suggested_from_a_reading_is_one_the_validator_takes():
    readings = ["てらお しほ", "うだがわ　えりか", "きらりよしじまねっとわーく", "じゅんいち", "ゆりのきだい", "ー", "あ" * 80]
    script = f"""
        const vm = require("vm"), fs = require("fs");
        const box = {{ window: {{}} }};
        vm.runInNewContext(fs.readFileSync({json.dumps(str(KANA_JS))}, "utf8") + ";window.ShowcaseKana = ShowcaseKana;", box);
        vm.runInNewContext(fs.readFileSync({json.dumps(str(RULES_JS))}, "utf8"), box);
        const input = JSON.parse(fs.readFileSync(0, "utf8"));
        process.stdout.write(JSON.stringify(input.readings.map((r) => box.window.ShowcaseRules.suggestFolder(input.cfg, r))));
    """
    payload = {"cfg": form_data("profile", "", ""), "readings": readings}
    run = subprocess.run([NODE, "-e", script], input=json.dumps(payload), capture_output=True, text=True, check=True)
    suggested = json.loads(run.stdout)
    assert suggested[:5] == ["terao-shiho", "udagawa-erika", "kirariyoshijimanettowaku", "junichi", "yurinokidai"]
    assert suggested[5] == "", "nothing to suggest from a lone long-vowel mark"
    assert len(suggested[6]) <= MAX_SLUG_LENGTH and folder_name_refusal(suggested[6]) is None
