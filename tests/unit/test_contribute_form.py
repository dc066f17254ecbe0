"""The contribute form is generated from the JSON Schema: every field of the models has an input named by its key
path, a field added to the schema appears without any HTML being written, and the form's data carries the
validator's own messages and the template's key order."""

from __future__ import annotations

import json
import re

import pytest

from showcase.load.reader import Document
from showcase.render import contribute, form_fields
from showcase.render.pages import PageSpec
from showcase.check.fields import problem_for_error
from showcase.content.field_labels import labelled
from showcase.content.schema import YEAR_MONTH_RE, ProfileRecord


def leaf_paths(kind: str) -> set[str]:
    """Every key path of the schema that holds a value, list items as 0: ``activities.0.title``."""
    schema = form_fields.json_schema(kind)
    defs = schema.get("$defs", {})
    out: set[str] = set()

    def walk(node: dict, prefix: str) -> None:
        node = form_fields._resolve(node, defs)
        if node.get("type") == "object":
            for key, child in node.get("properties", {}).items():
                walk(child, f"{prefix}{key}.")
        elif node.get("type") == "array" and form_fields._resolve(node.get("items", {}), defs).get("type") == "object":
            walk(node["items"], f"{prefix}0.")
        elif node.get("type") == "array" and "enum" not in form_fields._resolve(node.get("items", {}), defs):
            out.add(f"{prefix}0")
        else:
            out.add(prefix.rstrip("."))

    walk(schema, "")
    return out


def rendered(kind: str) -> str:
    spec = next(s for s in contribute.contribute_page_specs(PageSpec) if s.key == kind)
    return contribute.render_contribute(spec, None, {"repo_url": "https://github.com/example/repo"})


def names_in(html: str, kind: str) -> set[str]:
    """Input names on the page, with the repeating groups' template items (``__i__``) counted as item 0."""
    return {name.replace("__i__", "0") for name in re.findall(r'name="([^"]+)"', html)}


@pytest.mark.parametrize("kind", ["profile", "case"])
def test_every_schema_field_has_an_input_named_by_its_key_path(kind):
    missing = leaf_paths(kind) - names_in(rendered(kind), kind)
    assert not missing, missing


def test_a_field_added_to_the_schema_appears_in_the_form(monkeypatch):
    schema = json.loads(json.dumps(form_fields.json_schema("case")))
    schema["properties"]["renamed"] = {"type": "string", "title": "改称年月", "pattern": YEAR_MONTH_RE.pattern}
    schema["properties"]["households"] = {"type": "integer", "title": "世帯数", "minimum": 1}
    monkeypatch.setattr(form_fields, "json_schema", lambda kind: schema)
    form_fields.form_fields.cache_clear()
    try:
        html = rendered("case")
    finally:
        form_fields.form_fields.cache_clear()
    assert re.search(r'<label for="f-renamed">改称年月', html) and 'name="renamed" type="month"' in html
    assert 'name="households" type="number"' in html


def test_keys_follow_the_record_template():
    order = form_fields.template_key_order("profile")
    assert order[:5] == ["name", "name_kana", "prefecture", "municipality", "municipality_code"]
    assert order.index("term.start") < order.index("term.end") < order.index("motivation")
    assert {path.replace(".0", "") for path in leaf_paths("profile")} <= set(order)
    assert {path.replace(".0", "") for path in leaf_paths("case")} <= set(form_fields.template_key_order("case"))


def test_the_form_speaks_with_the_validator_s_messages():
    messages = contribute.validator_messages()
    missing = problem_for_error(Document("x"), {"type": "missing", "loc": ("term", "start"), "msg": ""}, ProfileRecord)
    assert messages["required"]["ja"].replace("{name}", labelled(ProfileRecord, ("term", "start"))) == missing.ja
    url = problem_for_error(Document("x"), {"type": "value_error", "loc": ("links", 0, "url"), "msg": "", "ctx": {"error": "safe_url"}},
                            ProfileRecord)
    assert url.ja.endswith(messages["safe_url"]["ja"])  # the validator puts the field's label in front; the form shows it beside
    assert contribute.form_data("case", "", "")["any_of"] == {"#/$defs/AreaSize/anyOf": "area_size_empty"}
    data = contribute.form_data("profile", "https://github.com/example/repo/", "")
    assert data["repo_url"] == "https://github.com/example/repo"
    assert data["date_order"] == [["term", "start", "end", "term_order"]]
    assert set(data["patterns"].values()) >= {"year_month", "safe_url", "municipality_code"}


def test_the_page_escapes_and_embeds_its_data_safely():
    html = rendered("profile")
    data = re.search(r'<script type="application/json" id="cs-contribute-data">(.*?)</script>', html, re.S)
    assert data and "</" not in data.group(1)
    assert json.loads(data.group(1))["kind"] == "profile"
    assert 'data-contribute="make"' in html and 'data-contribute="yaml"' in html and 'data-contribute="github"' in html
    assert html.index('name="consent.checklist"') < html.index('name="name"'), "the profile form starts with consent"
