"""The contribute pages: /contribute/ and one form per record kind, generated from the schema at build time.

The form checks what is typed with the validator compiled from the committed JSON Schema
(``docs/assets/javascripts/contribute-validate.js``, ``scripts/build-form-assets``).  What JSON Schema cannot say
travels with the page as data (:func:`form_data`): the messages ``scripts/validate`` prints, made by the same
function; the date-order rules of :data:`showcase.schema.DATE_ORDER`; a profile's term rules
(:data:`showcase.check.term.TERM_RULES`); the folder-name rule with its length limit; the key order of the record
template.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from pydantic import ValidationError

from showcase.catalog import urls
from showcase.check.collection import FOLDER_NAME_MESSAGE, FOLDER_NAME_TOO_LONG, RESERVED_SLUGS, SLUG_RE
from showcase.check.fields import VALUE_MESSAGES, problem_for_error
from showcase.check.term import TERM_RULES
from showcase.content import schema
from showcase.content.schema import DATE_ORDER, MAX_SLUG_LENGTH
from showcase.load.reader import Document
from showcase.render.environment import render_template
from showcase.render.form_fields import form_fields, json_schema, template_key_order

KINDS = {"profile": ("profiles", "プロフィール", "地域おこし協力隊のプロフィールを書く"),
         "case": ("cases", "事例", "地域運営組織（RMO）の事例を書く")}
NAME = "{name}"  # filled in by the form with the field's label and key: 名前（name）


def _message(kind: str, **extra: Any) -> dict[str, str]:
    """The message ``scripts/validate`` gives for a pydantic error of this kind, with placeholders for the form."""
    problem = problem_for_error(Document("form"), {"type": kind, "loc": (NAME,), "msg": "", **extra}, schema.ProfileRecord)
    return {"ja": problem.ja, "en": problem.en, "hint_ja": problem.hint_ja, "hint_en": problem.hint_en}


def validator_messages() -> dict[str, dict[str, str]]:
    """Ajv keyword (or our value-check code) → the validator's message, ``{name}``/``{limit}`` left to fill."""
    messages = {
        "required": _message("missing"), "minLength": _message("string_too_short"),
        "minItems": _message("too_short"), "maxLength": _message("string_too_long", ctx={"max_length": "{limit}"}),
        "maxItems": _message("too_long", ctx={"max_length": "{limit}"}), "enum": _message("literal_error", input=""),
        "type": _message("string_type"), "integer": _message("int_type"),
        "minimum": _message("greater_than_equal"), "maximum": _message("less_than_equal"),
        "pattern": _message("unknown", msg="形式が違います"),
    }
    messages.update({code: _message("value_error", ctx={"error": code}) for code in VALUE_MESSAGES})
    for code, (ja, en, hint_ja, hint_en) in (("folder_name", FOLDER_NAME_MESSAGE), ("folder_name_length", FOLDER_NAME_TOO_LONG)):
        messages[code] = {"ja": ja, "en": en, "hint_ja": hint_ja, "hint_en": hint_en}
    return messages


def _pattern_codes() -> dict[str, str]:
    """JSON Schema pattern → the message code it gets (``year_month``, ``safe_url``, …; a blank text: ``minLength``)."""
    known = {schema.YEAR_MONTH_RE.pattern: "year_month", schema.SAFE_URL_RE.pattern: "safe_url",
             schema.EMAIL_RE.pattern: "email", schema.PHONE_RE.pattern: "phone"}
    for name, code in (("YEAR_OR_MONTH_PATTERN", "year_or_month"), ("MUNICIPALITY_CODE_PATTERN", "municipality_code"),
                       ("NOT_BLANK_PATTERN", "minLength")):
        if hasattr(schema, name):
            known[getattr(schema, name)] = code
    return known


def _any_of_codes(kind: str) -> dict[str, str]:
    """``#/$defs/X/anyOf`` → the message code the model raises when none of X's alternatives is given (the
    JSON Schema says "one of these keys"; the validator's message says which): asked of the model itself."""
    codes = {}
    for name, node in json_schema(kind).get("$defs", {}).items():
        model = getattr(schema, name, None)
        if model is None or not all(set(branch) == {"required"} for branch in node.get("anyOf", [{}])):
            continue
        given = {key: prop["examples"][0] for key, prop in node.get("properties", {}).items()
                 if key in node.get("required", []) and prop.get("examples")}
        try:
            model.model_validate(given)
        except ValidationError as error:
            found = [e.get("ctx", {}).get("error") for e in error.errors() if e["type"] == "value_error"]
            if found:
                codes[f"#/$defs/{name}/anyOf"] = str(found[0])
    return codes


def form_data(kind: str, repo_url: str, site_url: str) -> dict[str, Any]:
    """What the form's script needs besides the compiled validator, embedded in the page as JSON."""
    folder = KINDS[kind][0]
    return {
        "kind": kind, "folder": folder, "file": f"{kind}.yml", "repo_url": repo_url.rstrip("/"), "site_url": site_url,
        "schema_line": f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json",
        "title_line": f"# {json_schema(kind).get('title', '')}",
        "key_order": template_key_order(kind), "messages": validator_messages(), "patterns": _pattern_codes(), "any_of": _any_of_codes(kind),
        "date_order": [[group, *rule] for group, rule in DATE_ORDER.items()],
        "slug": {"pattern": SLUG_RE.pattern, "reserved": sorted(RESERVED_SLUGS), "max_length": MAX_SLUG_LENGTH},
        "term_rules": [asdict(rule) for rule in TERM_RULES] if kind == "profile" else [],
        "labels": {"slug": "フォルダ名", **_labels(form_fields(kind))},
        "text_fields": sorted(_paths(form_fields(kind), "textarea")),
        "number_fields": sorted(_paths(form_fields(kind), "number")),
    }


def _labels(fields) -> dict[str, str]:
    out: dict[str, str] = {}
    for f in fields:
        out[f.path.replace("{i}.", "")] = f.label
        out.update(_labels(f.children))
    return out


def _paths(fields, widget: str) -> list[str]:
    out = []
    for f in fields:
        if f.widget == widget:
            out.append(f.path.replace("{i}.", ""))
        out += _paths(f.children, widget)
    return out


def contribute_page_specs(spec_type) -> list:
    """``/contribute/`` and the two forms, as the engine's page specs (``spec_type`` is render.pages.PageSpec)."""
    return [
        spec_type(urls.CONTRIBUTE, "contribute", "掲載したい方へ",
                  "地域おこし協力隊のプロフィールや地域運営組織の事例を、フォームに書き込んで掲載を申し込む方法。"),
        *(spec_type(urls.contribute_form(kind), "contribute-form", title,
                    f"{title}フォーム。書いた内容はこのブラウザの中だけで確認され、GitHub に渡すまでどこにも送られません。",
                    key=kind) for kind, (_folder, _noun, title) in KINDS.items()),
    ]


def render_contribute(spec, catalog, context: dict[str, Any]) -> str:
    repo_url = context.get("repo_url", "")
    if spec.kind == "contribute":
        return render_template("contribute.html", spec.url, spec=spec, repo_url=repo_url,
                               contributing_url=context.get("contributing_url", ""))
    kind = spec.key
    return render_template("contribute-form.html", spec.url, spec=spec, kind=kind, fields=form_fields(kind),
                           data=form_data(kind, repo_url, context.get("site_url", "")), folder=KINDS[kind][0],
                           contributing_url=context.get("contributing_url", ""))
