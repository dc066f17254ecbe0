"""The ONE translator of pydantic's validation errors into contributor-facing Problems at the exact YAML node.

It serves the records (profiles, cases) and the statistics tables in ``data/*.yml``: one wording per error kind,
Japanese first, naming a field by its label 「名前（name）」 (``Field(title=…)``, see
:mod:`showcase.content.field_labels`), with a fix hint where one exists.  What a caller knows and this module
cannot (which ``pattern=`` means which message) is passed in as data, never as a second code path.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import replace
from typing import Any, Mapping, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from showcase.check.date_forms import year_month_of
from showcase.check.problems import Problem
from showcase.content.field_labels import field_paths, key_for_label, labelled, model_at
from showcase.content.schema import CaseRecord, ProfileRecord, YearMonth
from showcase.load.hints import fullwidth_key_message
from showcase.load.reader import Document

M = TypeVar("M", bound=BaseModel)
Message = tuple[str, str, str, str]  # Japanese, English, fix hint in Japanese, fix hint in English

_LISTED_FIELDS = 12  # an unknown key's hint lists the fields allowed at its place when there are at most this many

# Messages for our own value checks (raised as ValueError(code) in schema.py, or named by a caller's ``patterns``).
VALUE_MESSAGES: dict[str, Message] = {
    "year_month": ("年月は YYYY-MM の形で、引用符で囲んで書いてください", "must be a year and month as \"YYYY-MM\"",
                   "例: \"2022-06\"", "e.g. \"2022-06\""),
    "year_or_month": ("年（YYYY）か年月（YYYY-MM）の形で、引用符で囲んで書いてください", "must be a year \"YYYY\" or a year and month \"YYYY-MM\"",
                      "例: \"2015\"、\"2015-04\"", "e.g. \"2015\" or \"2015-04\""),
    "area_size_empty": ("世帯数（households）か人口（population）の少なくとも一方を書いてください",
                        "give households or population (or both)", "例: households: 1200", "e.g. households: 1200"),
    "safe_url": ("https で始まる URL（またはメールの mailto:）を指定してください", "must be an https URL (or a mailto: link)",
                 "http:// なら https:// に直してください", "use https:// instead of http://"),
    "https_url": ("https で始まる URL を指定してください", "must be an https URL",
                  "分からなければ url を省略してください（推測で書かないこと）", "leave url out if you do not know it (never guess one)"),
    "municipality_code": ("検査数字を含む6桁の数字ではありません",
                          "not a valid 6-digit local government code (with its check digit)",
                          "総務省の「全国地方公共団体コード」で確認してください（例: 都留市は \"192040\"）",
                          "look it up in the national list (e.g. \"192040\" for Tsuru)"),
    "email": ("メールアドレスの形式が正しくありません", "not a valid email address", "例: info@example.jp", "e.g. info@example.jp"),
    "phone": ("電話番号はハイフン区切りで書いてください", "write the phone number with hyphens", "例: \"0742-93-0001\"",
              "e.g. \"0742-93-0001\""),
    "name_kana": ("よみがなはひらがなと空白で書いてください", "the reading (name_kana) must be hiragana and spaces",
                  "例: \"やまだ たろう\"（カタカナ・漢字・ローマ字は使えません）", "e.g. \"やまだ たろう\" (no katakana, kanji or latin letters)"),
    "term_order": ("任期終了が着任より前になっています", "the term ends before it starts", "start と end を確認してください",
                   "check start and end"),
}


def _year_month_keys(models: tuple[type[BaseModel], ...]) -> frozenset[str]:
    """The names of the fields whose value is a YearMonth, in any of ``models`` and the models inside them."""
    marker = get_args(YearMonth)[1]  # its AfterValidator

    def parts(info: Any) -> list[Any]:  # the field's metadata and every type inside its annotation
        found, stack = list(info.metadata), [info.annotation]
        while stack:
            found.append(stack.pop())
            stack.extend(get_args(found[-1]))
        return found

    return frozenset(str(loc[-1]) for model in models for loc, info in field_paths(model)
                     if any(part is marker for part in parts(info)))


_YEAR_MONTH_KEYS = _year_month_keys((ProfileRecord, CaseRecord))


def _year_month_problem(doc: Document, loc: tuple, given: object, implicit: tuple[str, str] | None = None) -> Problem:
    """A YYYY-MM field holding something else: the exact "YYYY-MM" meant, when the date can be read."""
    meant = year_month_of(given)
    if implicit:  # an unquoted 2019-04-01 or 2019.4: YAML made it a date or a number
        ja, en = (f"引用符なしの「{given}」は{implicit[0]}として読まれます。この項目は年月（YYYY-MM）です",
                  f"unquoted {given} is read as {implicit[1]}; this field is a year and month (YYYY-MM)")
    else:
        ja, en = VALUE_MESSAGES["year_month"][:2]
    if meant is None:
        return doc.problem(loc, ja, en, *VALUE_MESSAGES["year_month"][2:])
    return doc.problem(loc, ja, en, f"「{given}」は \"{meant}\" と書いてください（年と月を「-」でつなぎ、引用符で囲みます）",
                       f"write {given} as \"{meant}\" (year and month joined by '-', in quotes)")


def validate_document(doc: Document, model: type[M], *, patterns: Mapping[str, str] | None = None,
                      messages: Mapping[str, Message] | None = None) -> tuple[M | None, list[Problem]]:
    """Validate parsed YAML against a model; every error becomes a Problem.

    ``patterns`` maps a field's ``pattern=`` regex to a message code, looked up in ``messages`` and then in this
    module's own table (so ``"year_month"`` gets the exact "YYYY-MM" meant).
    """
    if doc.data is None:
        return None, []
    if not isinstance(doc.data, dict):
        return None, [not_a_mapping(doc)]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, problems_from_error(doc, model, exc, patterns=patterns, messages=messages)


def not_a_mapping(doc: Document, hint: tuple[str, str] = ("テンプレートから作り直してください", "start again from the template")
                  ) -> Problem:
    return doc.problem((), "ファイルの一番上は「キー: 値」の形にしてください", "the top level must be a mapping of keys to values", *hint)


def problems_from_error(doc: Document, model: type[BaseModel], exc: ValidationError, *,
                        patterns: Mapping[str, str] | None = None,
                        messages: Mapping[str, Message] | None = None) -> list[Problem]:
    """One Problem per node that pydantic rejected (a union may report several errors for one node)."""
    errors = exc.errors(include_url=False)
    # "　　body:" is an unknown key (YAML may even put it in the mapping above), and "body" is then missing:
    # the full-width space is the one mistake to report.
    stray = {str(e["loc"][-1]).lstrip("\u3000 ") for e in errors
             if e["type"] == "extra_forbidden" and fullwidth_key_message(str(e["loc"][-1]))}
    table = {**VALUE_MESSAGES, **(messages or {})}
    problems: dict[tuple, Problem] = {}
    for error in errors:
        loc = _field_loc(error)
        if loc not in problems and not (error["type"] == "missing" and str(error["loc"][-1]) in stray):
            problems[loc] = _problem_for_error(doc, loc, error, model, patterns or {}, table)
    return list(problems.values())


def _field_loc(error: dict[str, Any]) -> tuple:
    """The error's key path without pydantic's validator steps (``function-after[…]``)."""
    return tuple(part for part in error["loc"] if not (isinstance(part, str) and part.startswith("function-")))


def problem_for_error(doc: Document, error: dict[str, Any], model: type[BaseModel]) -> Problem:
    """The Problem for one pydantic error of a record, worded as ``scripts/validate`` words it (the contribute form
    takes its messages from here)."""
    loc = _field_loc(error)
    return _problem_for_error(doc, loc, error, model, {}, VALUE_MESSAGES)


def _problem_for_error(doc: Document, loc: tuple, error: dict[str, Any], model: type[BaseModel],
                       patterns: Mapping[str, str], messages: Mapping[str, Message]) -> Problem:
    """The Problem for one pydantic error; its Japanese text names the field by its label, 「名前（name）」."""
    kind = error["type"]
    if split_number_key(loc) and error.get("input") is None:
        return split_number_problem(doc, loc)
    if kind == "missing":
        return missing_field(doc, loc, labelled(model, loc))
    if kind == "extra_forbidden":
        return _unknown_key(doc, loc, model)
    if kind == "string_pattern_mismatch":  # the caller's patterns name the message; the pattern itself is no help
        code = patterns.get(str(error.get("ctx", {}).get("pattern")), "")
        error = {**error, "type": "value_error", "ctx": {"error": code}} if code else error
    return with_label(_problem_for_value(doc, loc, error, messages), labelled(model, loc))


def with_label(problem: Problem, label: str) -> Problem:
    """A value's problem opens with the field's label: 「都道府県（prefecture）: …」."""
    return replace(problem, ja=f"{label}: {problem.ja}") if label else problem


def missing_field(doc: Document, loc: tuple, label: str = "", choices: tuple[str, ...] = ()) -> Problem:
    """A required key is missing: reported at the mapping that lacks it (the key itself has no position)."""
    name = str(loc[-1])
    field = label or name
    hint = (f"「{name}:」を追加してください", f"add '{name}:'")
    if choices:
        hint = (f"「{name}:」を追加し、{'、'.join(choices)} から選んでください", f"add '{name}:' with one of: {', '.join(choices)}")
    return doc.problem(loc[:-1], f"必須の項目「{field}」がありません", f"required field '{name}' is missing", *hint)


def not_a_choice(doc: Document, loc: tuple, given: object, choices: list[str]) -> Problem:
    """A value outside a fixed list: the close one if there is one, else the list (or where to find it)."""
    close = difflib.get_close_matches(str(given), choices, n=1, cutoff=0.4)
    if close:
        hint = (f"「{close[0]}」ではありませんか", f"did you mean '{close[0]}'?")
    elif len(choices) > 10:
        hint = ("一覧は CONTRIBUTING.md を参照してください（エディタの補完でも選べます）",
                "see CONTRIBUTING.md for the list (your editor also offers completions)")
    else:
        hint = (f"次から選んでください: {'、'.join(choices)}", f"choose one of: {', '.join(choices)}")
    return doc.problem(loc, f"「{given}」は選択肢にありません", f"'{given}' is not one of the allowed values", *hint)


def split_number_key(loc: tuple) -> bool:
    """``{count: 4,177}`` in a flow mapping reads as ``count: 4`` plus a key ``177`` with no value."""
    return bool(loc) and isinstance(loc[-1], str) and loc[-1].isdigit()


def split_number_problem(doc: Document, loc: tuple) -> Problem:
    return doc.problem(loc, f"桁区切りのカンマで数値が分かれています（「,{loc[-1]}」が別の項目として読まれました）",
                       f"a thousands separator split the number (',{loc[-1]}' was read as a separate key)",
                       "カンマを付けずに書いてください（例: 4177）", "write the number without commas (for example 4177)",
                       key=True)


def _unknown_key(doc: Document, loc: tuple, model: type[BaseModel]) -> Problem:
    name = str(loc[-1])
    if fullwidth_key_message(name):  # "　　end:": YAML took the full-width spaces as part of the key
        return doc.problem(loc, *fullwidth_key_message(name), key=True)
    mapped = key_for_label(model, loc)
    here = model_at(model, loc[:-1])
    allowed = sorted(here.model_fields) if here else []
    known = allowed or sorted({str(path[-1]) for path, _info in field_paths(model)})
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if mapped is not None:
        hint = (f"「{name}」は「{mapped}」と書きます", f"write '{mapped}' for '{name}'")
    elif close:
        hint = (f"「{close[0]}」の書き間違いではありませんか", f"did you mean '{close[0]}'?")
    elif allowed and len(allowed) <= _LISTED_FIELDS:
        hint = (f"ここで使える項目: {'、'.join(allowed)}", f"allowed here: {', '.join(allowed)}")
    else:
        hint = ("CONTRIBUTING.md の項目一覧を確認してください", "see the field list in CONTRIBUTING.md")
    return doc.problem(loc, f"「{name}」という項目はありません", f"unknown field '{name}'", *hint, key=True)


def _problem_for_value(doc: Document, loc: tuple, error: dict[str, Any], messages: Mapping[str, Message]) -> Problem:
    kind = error["type"]
    implicit = doc.type_name_of(loc)
    if implicit and doc.implicit[loc][0].endswith(":null") and doc.implicit[loc][1] in ("", "~"):
        return doc.problem(loc, "値が空です", "the value is empty",
                           "「:」の後に値を書くか、任意の項目なら行ごと削除してください",
                           "write a value after ':', or delete the line if the field is optional")
    if implicit and kind == "string_type" and loc and loc[-1] in _YEAR_MONTH_KEYS:
        return _year_month_problem(doc, loc, doc.implicit[loc][1], implicit)
    if implicit and kind in {"string_type", "literal_error"}:
        raw = doc.implicit[loc][1]
        return doc.problem(loc, f"引用符なしの「{raw}」は{implicit[0]}として読まれます。文字として扱うには引用符で囲んでください",
                           f"unquoted {raw} is read as {implicit[1]}; put it in quotes to keep it as text",
                           f"\"{raw}\" のように書いてください", f"write \"{raw}\"")
    if kind == "value_error":
        code = str(error.get("ctx", {}).get("error", ""))
        if code == "year_month":
            return _year_month_problem(doc, loc, error.get("input"))
        if code in messages:
            return doc.problem(loc, *messages[code])
    if kind == "literal_error" and error.get("input") in (None, ""):
        return doc.problem(loc, "値が空です。選択肢から選んでください", "empty: choose one of the allowed values",
                           "エディタの補完か CONTRIBUTING.md の一覧から選んでください",
                           "pick one from your editor's completions or the list in CONTRIBUTING.md")
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return not_a_choice(doc, loc, error.get("input"), re.findall(r"'([^']*)'", expected) or [expected])
    if kind in _WANTED:
        return doc.problem(loc, f"ここには{_WANTED[kind][0]}を書いてください", f"must be {_WANTED[kind][1]}",
                           *_number_hint(kind, error.get("input")))
    if kind in {"string_too_short", "too_short"}:
        return doc.problem(loc, "空にはできません", "must not be empty", "内容を書くか、任意項目なら行ごと削除してください",
                           "fill it in, or delete the line if the field is optional")
    if kind in {"string_too_long", "too_long"}:
        limit = error.get("ctx", {}).get("max_length")
        ja, en = ("文字", "characters") if kind == "string_too_long" else ("件", "entries")
        return doc.problem(loc, f"長すぎます（上限 {limit} {ja}）", f"too long (limit {limit} {en})", "短くしてください", "shorten it")
    if kind in {"greater_than_equal", "less_than_equal"}:
        ctx = error.get("ctx", {})
        if kind == "greater_than_equal":
            return doc.problem(loc, f"{ctx.get('ge')} 以上の数にしてください", f"must be at least {ctx.get('ge')}")
        return doc.problem(loc, f"{ctx.get('le')} 以下の数にしてください", f"must be at most {ctx.get('le')}")
    return doc.problem(loc, f"値が正しくありません（{error['msg']}）", f"invalid value ({error['msg']})")


_WANTED = {"string_type": ("文字", "text"), "int_type": ("整数", "a whole number"), "float_type": ("数値", "a number"),
           "bool_type": ("「true」か「false」", "true or false"), "list_type": ("「- 」で始まるリスト", "a list"),
           "model_type": ("「キー: 値」の組", "a mapping"), "dict_type": ("「キー: 値」の組", "a mapping"),
           "model_attributes_type": ("「キー: 値」の組", "a mapping")}


def _number_hint(kind: str, given: object) -> tuple[str, str]:
    """A number written as text: "3,071" is the number without its separators; "約30人" needs its unit dropped."""
    if kind not in {"int_type", "float_type"} or not isinstance(given, str):
        return "", ""
    if re.fullmatch(r"[0-9,.]+", given):
        plain = given.replace(",", "")
        return f"桁区切りのカンマを付けずに {plain} と書いてください", f"write {plain} without thousands separators"
    return "引用符や単位を付けずに数字だけを書いてください", "write digits only, without quotes or units"
