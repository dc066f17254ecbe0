"""The committed JSON Schema (what an editor checks while typing) and the validator agree on the same values.

One shared table of good and bad values, each put into the annotated example
record; the `jsonschema` package judges the committed ``schemas/*.schema.json``,
and the validator judges the same document.  Both must give the table's verdict.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from showcase.load.reader import dotted, parse_document
from showcase.content.schema import CaseRecord, ProfileRecord
from showcase.check.fields import validate_document

ROOT = Path(__file__).resolve().parents[2]
MODELS = {"profile": ProfileRecord, "case": CaseRecord}

GOOD, BAD = True, False
TABLE: list[tuple[str, tuple, object, bool]] = [
    # YYYY-MM
    ("profile", ("term", "start"), "2019-04", GOOD),
    ("profile", ("term", "start"), "2019/4", BAD),
    ("profile", ("term", "start"), "2019/04", BAD),
    ("profile", ("term", "start"), "令和元年4月", BAD),
    ("profile", ("term", "start"), "2019-4", BAD),
    ("profile", ("term", "start"), "2019-13", BAD),
    ("profile", ("term", "start"), "2019-04-01", BAD),
    ("profile", ("term", "start"), "２０１９-０４", BAD),
    ("profile", ("consent", "date"), "2026-10", GOOD),
    ("profile", ("published",), "1899-12", BAD),
    ("profile", ("age", "as_of"), "2024-12", GOOD),
    # YYYY or YYYY-MM
    ("case", ("founded",), "2016", GOOD),
    ("case", ("founded",), "2016-04", GOOD),
    ("case", ("founded",), "16", BAD),
    ("case", ("founded",), "2016年", BAD),
    ("case", ("founded",), 2016, BAD),
    # codes
    ("profile", ("municipality_code",), "19204", BAD),
    ("profile", ("municipality_code",), "1920400", BAD),
    ("profile", ("municipality_code",), "abcdef", BAD),
    ("profile", ("municipality_code",), 192040, BAD),
    ("case", ("municipality_code",), "１９２０４０", BAD),
    # https and mailto only
    ("profile", ("links", 0, "url"), "https://example.jp/a?b=1", GOOD),
    ("profile", ("links", 0, "url"), "mailto:info@example.jp", GOOD),
    ("profile", ("links", 0, "url"), "http://example.jp/", BAD),
    ("profile", ("links", 0, "url"), "javascript:alert(1)", BAD),
    ("profile", ("links", 0, "url"), "data:text/html,<b>x</b>", BAD),
    ("profile", ("links", 0, "url"), "HTTPS://EXAMPLE.JP/", BAD),
    ("case", ("links", 0, "url"), "https://example.jp/ space", BAD),
    # email and phone
    ("profile", ("contact", "email"), "info@example.jp", GOOD),
    ("profile", ("contact", "email"), "info@example", BAD),
    ("profile", ("contact", "phone"), "0554-00-0000", GOOD),
    ("profile", ("contact", "phone"), "0554000000", BAD),
    ("profile", ("contact", "phone"), "+81-554-00-0000", BAD),
    # vocabularies
    ("profile", ("prefecture",), "山梨県", GOOD),
    ("profile", ("prefecture",), "山梨", BAD),
    ("profile", ("fields", 0), "観光", GOOD),
    ("profile", ("fields", 0), "釣り", BAD),
    ("profile", ("consent", "basis"), "本人の同意", GOOD),
    ("profile", ("consent", "basis"), "no", BAD),
    ("profile", ("consent", "basis"), False, BAD),
    ("case", ("legal_form",), "NPO法人", GOOD),
    ("case", ("legal_form",), "NPO", BAD),
    ("case", ("activities", 0, "category"), "その他", GOOD),
    ("case", ("activities", 0, "category"), "雑務", BAD),
    # lengths, blanks, numbers, slugs
    ("profile", ("name",), "名" * 120, GOOD),
    ("profile", ("name",), "名" * 121, BAD),
    ("profile", ("name",), "", BAD),
    ("profile", ("name",), "\u3000 ", BAD),
    ("profile", ("hometown",), "東京都", GOOD),
    ("profile", ("goals",), "あ" * 4001, BAD),
    ("profile", ("age", "years"), 15, GOOD),
    ("profile", ("age", "years"), 14, BAD),
    ("profile", ("age", "years"), 101, BAD),
    ("profile", ("age", "years"), "29", BAD),
    ("case", ("area_size", "households"), 1, GOOD),
    ("case", ("area_size", "households"), 0, BAD),
    ("case", ("area_size", "population"), 3.5, BAD),
    ("case", ("area_size",), {"as_of": "2025-04"}, BAD),
    ("case", ("area_size",), {"population": 480, "as_of": "2025-04"}, GOOD),
    ("profile", ("related_cases", 0), "kirari-yoshijima", GOOD),
    ("profile", ("related_cases", 0), "Kirari_Yoshijima", BAD),
    ("profile", ("unknown_key",), "x", BAD),
]

# What only the validator can check, by design: the check digit and the official list of
# municipalities (a list of 1,741 codes is no use as an editor's enum), links between records,
# and photo files.  The JSON Schema accepts these; the validator refuses them.
VALIDATOR_ONLY: list[tuple[str, tuple, object]] = [
    ("profile", ("municipality_code",), "192041"),  # wrong check digit
    # Not by design: the jsonschema package runs patterns with Python's re, whose $ also matches before a
    # final newline (editors use ECMAScript regexes, whose $ does not); the validator uses fullmatch.
    ("profile", ("term", "start"), "2019-04\n"),
]


def _schema(kind: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")))


def _example(kind: str) -> dict:
    return yaml.safe_load((ROOT / "examples" / f"{kind}.example.yml").read_text(encoding="utf-8"))


def _with(kind: str, loc: tuple, value: object) -> dict:
    data = copy.deepcopy(_example(kind))
    target = data
    for part in loc[:-1]:
        target = target[part]
    target[loc[-1]] = value
    return data


def _validator_accepts(kind: str, data: dict) -> bool:
    doc = parse_document(yaml.safe_dump(data, allow_unicode=True).encode(), f"{kind}.yml")
    record, problems = validate_document(doc, MODELS[kind])
    return record is not None and not problems and not doc.problems


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_the_examples_pass_both(kind):
    assert _schema(kind).is_valid(_example(kind))
    assert _validator_accepts(kind, _example(kind))


@pytest.mark.parametrize(("kind", "loc", "value", "good"), TABLE, ids=[f"{k}:{dotted(l)}={v!r}"[:60] for k, l, v, _g in TABLE])
def test_schema_and_validator_agree(kind, loc, value, good):
    data = _with(kind, loc, value)
    assert _schema(kind).is_valid(data) is good, "JSON Schema"
    assert _validator_accepts(kind, data) is good, "validator"


@pytest.mark.parametrize(("kind", "loc", "value"), VALIDATOR_ONLY)
def test_what_only_the_validator_checks(kind, loc, value):
    data = _with(kind, loc, value)
    assert _schema(kind).is_valid(data)
    assert not _validator_accepts(kind, data)


def test_every_format_is_in_the_committed_schema():
    profile = json.loads((ROOT / "schemas" / "profile.schema.json").read_text(encoding="utf-8"))
    defs = profile["$defs"]
    assert defs["Term"]["properties"]["start"]["pattern"].startswith("^(19|20)")
    assert defs["Link"]["properties"]["url"]["pattern"].startswith("^(https://")
    assert profile["properties"]["municipality_code"]["pattern"] == "^[0-9]{6}$"
    assert profile["properties"]["name"]["maxLength"] == 120
    assert defs["Contact"]["properties"]["phone"]["anyOf"][0]["pattern"]
