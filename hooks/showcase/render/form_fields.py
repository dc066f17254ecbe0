"""The contribute form's fields, read from the committed JSON Schema (the same models as the validator).

Each schema property becomes a :class:`FormField` whose widget follows from its type: text, a ``|``-block text
area, a month (the year-month pattern), a select (an enum), checkboxes (a list of an enum), a number, a group (an
object) or a repeating group (a list of objects).  Keys come in the order of the record template
(:mod:`showcase.content.record_template`), which is also the order the form writes them in the YAML.  A field added to
the models appears in the form without any HTML being written for it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from showcase.content.record_template import case_template, profile_template
from showcase.content.schema import YEAR_MONTH_RE
from showcase.content.schema_export import schema_documents

LONG_TEXT = 120  # longer limits are written as `|` blocks and edited in a text area
_TEMPLATE_KEY = re.compile(r"^(?P<indent> *)(?:# )?(?P<item>- )?(?P<key>[a-z_]+):")


@dataclass(frozen=True)
class FormField:
    key: str
    path: str  # the key path with "{i}" for list items: "activities.{i}.title"
    widget: str  # text | textarea | month | select | choices | number | boolean | group | list | strings | photo
    label: str
    help: str = ""
    required: bool = False
    max_length: int | None = None
    choices: tuple[str, ...] = ()
    min_items: int = 0
    max_items: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    children: tuple["FormField", ...] = ()

    def name(self, *indices: int) -> str:
        """The input's name for the given list indices: ``activities.0.title``."""
        name = self.path
        for index in indices:
            name = name.replace("{i}", str(index), 1)
        return name


def template_key_order(kind: str) -> list[str]:
    """Key paths (``term.start``, ``activities.title``) in the order the record template writes them, commented
    optional keys included."""
    text = profile_template("x", {}) if kind == "profile" else case_template("x", {})
    order: list[str] = []
    stack: list[tuple[int, str]] = []
    for raw in text.splitlines():
        line = raw[2:] if raw.startswith("# ") else raw
        match = _TEMPLATE_KEY.match(line)
        if not match or raw.startswith("##"):
            continue
        indent = len(match["indent"]) + (2 if match["item"] else 0)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        path = ".".join([key for _, key in stack] + [match["key"]])
        if path not in order:
            order.append(path)
        stack.append((indent, match["key"]))
    return order


@lru_cache(maxsize=2)
def json_schema(kind: str) -> dict[str, Any]:
    return json.loads(schema_documents()[f"{kind}.schema.json"])


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """The node with ``$ref`` followed and an optional field's ``anyOf: [X, null]`` reduced to X."""
    if "$ref" in node:
        target = defs[node["$ref"].rsplit("/", 1)[-1]]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    if "anyOf" in node:
        branches = [b for b in node["anyOf"] if b.get("type") != "null"]
        if len(branches) == 1:
            node = {**_resolve(branches[0], defs), **{k: v for k, v in node.items() if k != "anyOf"}}
    return node


def _widget(node: dict[str, Any], items: dict[str, Any]) -> str:
    kind = node.get("type")
    if kind == "object":
        return "group"
    if kind == "array":
        return "list" if items.get("type") == "object" else "choices" if "enum" in items else "strings"
    if "enum" in node:
        return "select"
    if kind == "integer":
        return "number"
    if kind == "boolean":
        return "boolean"
    if node.get("pattern") == YEAR_MONTH_RE.pattern:
        return "month"
    return "textarea" if (node.get("maxLength") or 0) > LONG_TEXT else "text"


def _fields(node: dict[str, Any], defs: dict[str, Any], order: list[str], prefix: str, path: str) -> tuple[FormField, ...]:
    properties = node.get("properties", {})
    required = set(node.get("required", []))
    rank = {key: order.index(f"{prefix}{key}") if f"{prefix}{key}" in order else len(order) for key in properties}
    fields = []
    for key in sorted(properties, key=lambda k: (rank[k], k)):
        child = _resolve(properties[key], defs)
        items = _resolve(child.get("items", {}), defs)
        widget = _widget(child, items)
        children: tuple[FormField, ...] = ()
        if widget == "group":
            children = _fields(child, defs, order, f"{prefix}{key}.", f"{path}{key}.")
        elif widget == "list":
            children = _fields(items, defs, order, f"{prefix}{key}.", f"{path}{key}.{{i}}.")
            if {"file", "alt"} <= set(items.get("properties", {})):  # a photo: chosen, cleaned and named in the browser
                children = tuple(FormField(**{**c.__dict__, "widget": "photo"}) if c.key == "file" else c for c in children)
        fields.append(FormField(
            key=key, path=f"{path}{key}", widget=widget, label=child.get("title", key).removesuffix("（任意）"), help=child.get("description", ""),
            required=key in required, max_length=child.get("maxLength") or items.get("maxLength"),
            choices=tuple(child.get("enum") or items.get("enum") or ()), min_items=child.get("minItems", 0),
            max_items=child.get("maxItems"), minimum=child.get("minimum"), maximum=child.get("maximum"), children=children))
    return tuple(fields)


@lru_cache(maxsize=2)
def form_fields(kind: str) -> tuple[FormField, ...]:
    """The form of a record kind (``profile`` or ``case``), top-level fields in template order."""
    schema = json_schema(kind)
    return _fields(schema, schema.get("$defs", {}), template_key_order(kind), "", "")
