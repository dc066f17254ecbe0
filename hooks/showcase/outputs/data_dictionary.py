"""The data dictionary of the open data: one Markdown table per collection, generated from the record schema.

Generated, so the オープンデータ page can never drift from the exports: the
columns are ``exports.csv_columns`` and the descriptions are the schema's own
Japanese titles and descriptions (the ones contributors see in their editor).
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from showcase.catalog import urls
from showcase.content.schema import CaseRecord, ProfileRecord
from showcase.content.vocab import STATUS_LABELS
from showcase.outputs.open_data import WITHHELD, csv_columns
from showcase.render.environment import relative_url

MODELS = {"profile": ProfileRecord, "case": CaseRecord}
ADDED = {
    "slug": ("識別子", "URL に使われるフォルダ名（半角英小文字・数字・ハイフン）。変わりません", "文字列", True),
    "url": ("ページの URL", "このサイトでの掲載ページ", "URL", True),
    "status": ("状態", "、".join(f"{key}＝{label}" for key, label in STATUS_LABELS.items())
               + "。任期終了の年月が書かれていて、それが予定でなければ alumni（記録の記載で決まり、ビルドの日付には左右されません）",
               "active / alumni", True),
}


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """(the property's schema without $ref / null alternatives, whether null is allowed)."""
    optional = False
    if "anyOf" in node:
        others = [n for n in node["anyOf"] if n.get("type") != "null"]
        optional = len(others) < len(node["anyOf"])
        node = {**node, **others[0]}
    if "$ref" in node:
        node = {**defs[node["$ref"].rsplit("/", 1)[-1]], **{k: v for k, v in node.items() if k != "$ref"}}
    return node, optional


def _format(node: dict[str, Any], defs: dict[str, Any]) -> str:
    if node.get("type") == "array":
        items, _ = _resolve(node["items"], defs)
        if items.get("type") == "object":
            return "一覧（CSV では JSON 配列）: 要素のキーは " + "、".join(items["properties"])
        if "enum" in items:
            return "一覧（CSV では JSON 配列）: 決められた選択肢から"
        return "一覧（CSV では JSON 配列）: 文字列"
    if "enum" in node:
        values = node["enum"]
        return f"選択肢（{len(values)}種類）" if len(values) > 6 else "次のいずれか: " + "、".join(map(str, values))
    if node.get("type") == "integer":
        return "整数"
    if node.get("type") == "boolean":
        return "真偽値（true / false）"
    example = node.get("examples", [None])[0]
    return "文字列" + (f"（例: {example}）" if example else "")


def dictionary_rows(kind: str) -> list[tuple[str, str, str, str]]:
    """``(column, meaning, format, required)`` for every exported column, in CSV order."""
    schema = MODELS[kind].model_json_schema()
    defs = schema.get("$defs", {})
    required = set(schema.get("required", []))
    columns = set(csv_columns(kind))
    rows = []
    for key in ("slug", "url", "status"):
        if key in columns:
            title, description, form, _ = ADDED[key]
            rows.append((key, f"{title}。{description}", form, "必須"))
    for name, raw in schema["properties"].items():
        node, optional = _resolve(raw, defs)
        meaning = node.get("title", name) + (f"。{node['description']}" if node.get("description") else "")
        needed = "必須" if name in required and not optional else "任意"
        if node.get("type") == "object":
            rows.append((name, meaning, "まとまり（CSV では下の列に分かれます）", needed))
            inner_required = set(node.get("required", []))
            for sub, sub_raw in node["properties"].items():
                if sub in WITHHELD.get(name, set()):
                    continue
                sub_node, sub_optional = _resolve(sub_raw, defs)
                sub_meaning = sub_node.get("title", sub) + (f"。{sub_node['description']}" if sub_node.get("description") else "")
                sub_needed = "必須" if sub in inner_required and not sub_optional else "任意"
                rows.append((f"{name}.{sub}", sub_meaning, _format(sub_node, defs), sub_needed))
            continue
        rows.append((name, meaning, _format(node, defs), needed))
    return rows


def dictionary_markdown(kind: str) -> str:
    lines = ["| 列名・キー | 内容 | 形式 | 必須 |", "|---|---|---|---|"]
    lines += [f"| `{column}` | {_cell(meaning)} | {_cell(form)} | {needed} |"
              for column, meaning, form, needed in dictionary_rows(kind)]
    return "\n".join(lines) + "\n"


def statistics_markdown(tables: Mapping[str, Any]) -> str:
    """The statistics tables with their CSV and JSON (links relative to the data page, ``data/``)."""
    if not tables:
        return "統計表はまだありません。\n"
    lines = ["| 表 | ファイル |", "|---|---|"]
    for table_id in sorted(tables):
        title = _cell(tables[table_id].title)
        csv, json = (relative_url(urls.statistics_data(f"{table_id}.{ext}"), urls.DATA) for ext in ("csv", "json"))
        lines.append(f'| {title} | <a href="{csv}">{table_id}.csv</a>・<a href="{json}">{table_id}.json</a> |')
    return "\n".join(lines) + "\n"


MARKER = re.compile(r"<!-- data-dictionary: (profiles|cases|statistics) -->")


def fill_markers(markdown: str, tables: Mapping[str, Any]) -> str:
    """Replace ``<!-- data-dictionary: profiles|cases|statistics -->`` with the generated tables."""
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        return statistics_markdown(tables) if name == "statistics" else dictionary_markdown(name[:-1])

    return MARKER.sub(replace, markdown)
