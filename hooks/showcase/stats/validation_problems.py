"""Turn pydantic validation errors into :class:`Problem` s at the exact YAML node.

Each pydantic error carries a ``loc`` such as ``("rows", 3, "organisations")``;
:meth:`Document.problem` turns that into ``path:line:col`` of the node itself.
Messages are Japanese first, then English, with a fix hint where one helps.
"""

from __future__ import annotations

import re
import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from showcase.check.fields import VALUE_MESSAGES
from showcase.check.problems import Problem
from showcase.load.reader import Document

_TYPE_NAMES = {
    "float_type": ("数値", "a number"),
    "int_type": ("整数", "an integer"),
    "bool_type": ("true または false", "true or false"),
    "string_type": ("文字列", "text"),
    "list_type": ("リスト（「- 」で始まる行の並び）", "a list (lines starting with '- ')"),
    "model_type": ("項目の組（「キー: 値」の並び）", "a mapping (key: value lines)"),
    "dict_type": ("項目の組（「キー: 値」の並び）", "a mapping (key: value lines)"),
}


def problems_from_error(doc: Document, model: type[BaseModel], error: ValidationError) -> list[Problem]:
    """One Problem per pydantic error (one per node when a union reports several)."""
    problems: list[Problem] = []
    seen: set[tuple[Any, ...]] = set()
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        if loc in seen:
            continue
        seen.add(loc)
        problems.append(_problem(doc, model, item, loc))
    return problems


def _problem(doc: Document, model: type[BaseModel], item: dict[str, Any], loc: tuple[Any, ...]) -> Problem:
    kind, value, ctx = item["type"], item.get("input"), item.get("ctx") or {}
    name = str(loc[-1]) if loc else ""
    if split_number_key(loc):
        return split_number_problem(doc, loc)
    if kind == "missing":
        return doc.problem(loc, f"必須の項目「{name}」がありません", f"required field '{name}' is missing",
                           f"「{name}: …」を追加してください", f"add '{name}: ...'")
    if kind == "extra_forbidden":
        allowed = ", ".join(allowed_fields(model, loc[:-1]))
        return doc.problem(loc, f"不明な項目「{name}」です", f"unknown field '{name}'",
                           f"綴りを確認してください（使える項目: {allowed}）", f"check the spelling (allowed: {allowed})",
                           key=True)
    if kind in _TYPE_NAMES:
        return _type_problem(doc, loc, kind, value)
    if kind == "literal_error":
        expected = _choices(str(ctx.get("expected", "")))
        return doc.problem(loc, f"「{value}」は使えません", f"'{value}' is not allowed",
                           f"次のいずれかにしてください: {expected}", f"use one of: {expected}")
    if kind == "string_pattern_mismatch":
        return _pattern_problem(doc, loc, name, value)
    if kind == "string_too_short":
        return doc.problem(loc, "空にできません", "must not be empty", "値を書くか、項目ごと削除してください",
                           "write a value or delete the field")
    if kind == "too_short":
        return doc.problem(loc, "1件以上必要です", "needs at least one entry")
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        return doc.problem(loc, f"長すぎます（上限 {limit} 文字）", f"too long (limit {limit} characters)")
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        ja = "以上" if kind == "greater_than_equal" else "以下"
        en = "at least" if kind == "greater_than_equal" else "at most"
        return doc.problem(loc, f"{bound}{ja}にしてください", f"must be {en} {bound}")
    if kind == "value_error" and str(ctx.get("error", "")) in VALUE_MESSAGES:  # the records' checks (e.g. sources' url)
        return doc.problem(loc, *VALUE_MESSAGES[str(ctx["error"])])
    message = item.get("msg", kind)
    return doc.problem(loc, f"値が正しくありません（{message}）", f"invalid value ({message})")


def split_number_key(loc: tuple[Any, ...]) -> bool:
    """``{count: 4,177}`` in a flow mapping reads as ``count: 4`` plus a key ``177``."""
    return bool(loc) and isinstance(loc[-1], str) and loc[-1].isdigit()


def split_number_problem(doc: Document, loc: tuple[Any, ...]) -> Problem:
    return doc.problem(loc, f"桁区切りのカンマで数値が分かれています（「,{loc[-1]}」が別の項目として読まれました）",
                       f"a thousands separator split the number (',{loc[-1]}' was read as a separate key)",
                       "カンマを付けずに書いてください（例: 4177）", "write the number without commas (for example 4177)",
                       key=True)


def _type_problem(doc: Document, loc: tuple[Any, ...], kind: str, value: Any) -> Problem:
    want_ja, want_en = _TYPE_NAMES[kind]
    got = doc.type_name_of(loc)
    hint_ja = hint_en = ""
    if got is not None:
        hint_ja = f"引用符がないため{got[0]}として読まれました。引用符で囲んでください"
        hint_en = f"YAML read it as {got[1]} because it is not quoted: put it in quotes"
    elif kind in ("float_type", "int_type") and isinstance(value, str) and re.fullmatch(r"[0-9,.]+", value):
        plain = value.replace(",", "")
        hint_ja = f"桁区切りのカンマを付けずに {plain} と書いてください"
        hint_en = f"write {plain} without thousands separators"
    elif kind in ("float_type", "int_type") and isinstance(value, str):
        hint_ja, hint_en = "引用符や単位を付けずに数字だけを書いてください", "write digits only, without quotes or units"
    return doc.problem(loc, f"{want_ja}を指定してください", f"must be {want_en}", hint_ja, hint_en)


def _pattern_problem(doc: Document, loc: tuple[Any, ...], name: str, value: Any) -> Problem:
    if name == "as_of":
        return doc.problem(loc, f"時点「{value}」は YYYY-MM 形式で書いてください", f"'{value}' must be written as YYYY-MM",
                           "例: 2023-03（令和5年3月末なら 2023-03）", "for example 2023-03")
    if name == "checked":
        return doc.problem(loc, f"最終確認日「{value}」は YYYY-MM 形式で書いてください", f"'{value}' must be written as YYYY-MM",
                           "出典と照合した年月を書いてください（例: 2026-11）", "write the month you checked it against the source")
    return doc.problem(loc, f"「{value}」は英小文字・数字・「_」で書いてください",
                       f"'{value}' must use lowercase letters, digits and '_'", "例: organisations", "for example organisations")


def _choices(expected: str) -> str:
    return "、".join(re.findall(r"'([^']*)'", expected)) or expected


def allowed_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the model that stands at ``loc`` inside ``model`` (sorted)."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[part].annotation
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return sorted(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip ``Annotated[...]`` and ``X | None`` down to the inner type."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            inner = [arg for arg in get_args(annotation) if arg is not type(None)]
            if len(inner) != 1:
                return annotation
            annotation = inner[0]
        else:
            return annotation
