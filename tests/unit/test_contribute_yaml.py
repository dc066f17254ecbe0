"""The contribute form's YAML writer (docs/assets/javascripts/contribute-yaml.js), run in Node: what it writes for
many generated records loads back, through the validator's own loader, as exactly the record it was given."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from showcase.check.collection import load_entry
from showcase_devtools.corpus import make_case, make_profile, plan_corpus
from showcase.render.contribute import form_data
from tests.factories import case, profile

ROOT = Path(__file__).resolve().parents[2]
WRITER = ROOT / "docs" / "assets" / "javascripts" / "contribute-yaml.js"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")

# Values YAML would misread unquoted, and text that must survive a `|` block or fall back to quotes.
AWKWARD = ["yes", "No", "null", "~", "2019-04-01", "0600", "1:20", "- 箇条書き", "移住相談: 窓口", "移住相談 #1窓口",
           "\"引用\"", "'引用'", "#見出し", "@handle", "100%", "a\\b", "終わり:", "? 質問", "!重要", "&共同", "*注", "[1]",
           "{x}", "|縦線", ">大なり", "`code`", "%20", "😀 絵文字", "全角　スペース"]
LONG = ["1行目です。\n2行目です。\n\n- 箇条書き: その1\n- その2 #タグ", "  先頭の空白\n2行目",
        "行末の空白 \n2行目", "タブ\tを含む\n2行目", "x" * 80, "**太字**と[リンク](https://example.jp/)を含む文章。" * 3]


def write_yaml(records: list[tuple[str, dict]]) -> list[str]:
    """Each (kind, record) through the JS writer with the options the form page gets."""
    options = {kind: form_data(kind, "https://github.com/example/repo", "") for kind in ("profile", "case")}
    script = f"""
        const {{ writer }} = require({json.dumps(str(WRITER))});
        const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
        const writers = {{}};
        for (const kind of Object.keys(input.options)) writers[kind] = writer(input.options[kind]);
        const out = input.records.map(([kind, record]) =>
            writers[kind](record, [input.options[kind].schema_line, input.options[kind].title_line]));
        process.stdout.write(JSON.stringify(out));
    """
    run = subprocess.run([NODE, "-e", script], input=json.dumps({"options": options, "records": records}),
                         capture_output=True, text=True, check=True, timeout=120)
    return json.loads(run.stdout)


def generated_records(count: int) -> list[tuple[str, dict]]:
    records = []
    for slot in plan_corpus(count // 2, count // 2, seed=7):
        rng = random.Random(slot.slug)
        data = (make_profile if slot.kind == "profile" else make_case)(rng, slot, rng.randint(120, 3000))
        data.pop("photos", None)  # the photo files themselves are not part of this test
        records.append((slot.kind, data))
    rng = random.Random(1)
    for index, text in enumerate(AWKWARD + LONG):
        kind = "profile" if index % 2 else "case"
        data = profile() if kind == "profile" else case()
        data["name"] = text.split("\n")[0].strip()[:120] if text in AWKWARD else data["name"]
        data["activities"] = [{**data["activities"][0], "title": rng.choice(AWKWARD), "body": text}]
        data["sources"] = [{"title": text, "note": rng.choice(AWKWARD)}]
        records.append((kind, data))
    return records


def test_the_form_yaml_loads_back_as_the_same_record(tmp_path):
    records = generated_records(120)
    texts = write_yaml(records)
    failures = []
    for index, ((kind, data), text) in enumerate(zip(records, texts)):
        slug = f"record-{index}"
        folder = tmp_path / ("profiles" if kind == "profile" else "cases") / slug
        folder.mkdir(parents=True)
        path = folder / f"{kind}.yml"
        path.write_text(text, encoding="utf-8")
        entry, problems = load_entry(tmp_path, kind, slug, path)
        if problems or entry is None:
            failures.append((text, problems))
            continue
        loaded = entry.record.model_dump(mode="json", exclude_defaults=True)
        expected = json.loads(json.dumps(data))
        assert loaded == _stripped(expected), text
    assert not failures, failures[:3]


def _stripped(value):
    """The validator strips surrounding whitespace of every text (and the form trims what is typed)."""
    if isinstance(value, dict):
        return {k: _stripped(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_stripped(v) for v in value]
    return value.strip() if isinstance(value, str) else value


def test_the_yaml_looks_hand_written():
    (text,) = write_yaml([("profile", profile(motivation="1行目です。\n2行目です。", hometown="yes"))])
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../schemas/profile.schema.json"
    keys = [line.split(":")[0] for line in lines if line[:1].isalpha()]
    assert keys == ["name", "prefecture", "municipality", "municipality_code", "fields", "term", "motivation", "activities",
                    "goals", "consent", "published", "hometown"]  # the template's order, not the dict's
    assert "motivation: |\n  1行目です。\n  2行目です。" in text
    assert 'municipality_code: "192040"' in text and '  start: "2023-04"' in text and 'hometown: "yes"' in text
    assert "name: 試験 花子" in text  # plain where YAML reads it as text anyway
    assert yaml.safe_load(text)["hometown"] == "yes"
