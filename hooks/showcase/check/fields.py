"""Turn pydantic's validation errors into contributor-facing Problems at the exact YAML node."""

from __future__ import annotations

import difflib
from dataclasses import replace
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from showcase.check.date_forms import year_month_of
from showcase.check.problems import Problem
from showcase.content.field_labels import field_paths, key_for_label, labelled
from showcase.content.schema import CaseRecord, ProfileRecord, YearMonth
from showcase.load.hints import fullwidth_key_message
from showcase.load.reader import Document

M = TypeVar("M", bound=BaseModel)

_KNOWN_KEYS = sorted({str(loc[-1]) for model in (ProfileRecord, CaseRecord) for loc, _info in field_paths(model)})

# Messages for our own value checks (raised as ValueError(code) in schema.py).
_VALUE_MESSAGES: dict[str, tuple[str, str, str, str]] = {
    "year_month": ("年月は YYYY-MM の形で、引用符で囲んで書いてください", "must be a year and month as \"YYYY-MM\"",
                   "例: \"2022-06\"", "e.g. \"2022-06\""),
    "year_or_month": ("年（YYYY）か年月（YYYY-MM）の形で、引用符で囲んで書いてください", "must be a year \"YYYY\" or a year and month \"YYYY-MM\"",
                      "例: \"2015\"、\"2015-04\"", "e.g. \"2015\" or \"2015-04\""),
    "area_size_empty": ("世帯数（households）か人口（population）の少なくとも一方を書いてください",
                        "give households or population (or both)", "例: households: 1200", "e.g. households: 1200"),
    "safe_url": ("https で始まる URL（またはメールの mailto:）を指定してください", "must be an https URL (or a mailto: link)",
                 "http:// なら https:// に直してください", "use https:// instead of http://"),
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
        ja, en = _VALUE_MESSAGES["year_month"][:2]
    if meant is None:
        return doc.problem(loc, ja, en, *_VALUE_MESSAGES["year_month"][2:])
    return doc.problem(loc, ja, en, f"「{given}」は \"{meant}\" と書いてください（年と月を「-」でつなぎ、引用符で囲みます）",
                       f"write {given} as \"{meant}\" (year and month joined by '-', in quotes)")


def validate_document(doc: Document, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate parsed YAML against a record model; every error becomes a Problem."""
    if doc.data is None:
        return None, []
    if not isinstance(doc.data, dict):
        return None, [doc.problem((), "ファイルの一番上は「キー: 値」の形にしてください", "the top level must be a mapping of keys to values",
                                  "テンプレートから作り直してください", "start again from the template")]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        # "　　body:" is an unknown key (YAML may even put it in the mapping above), and "body" is then missing:
        # the full-width space is the one mistake to report.
        stray = {str(e["loc"][-1]).lstrip("\u3000 ") for e in errors
                 if e["type"] == "extra_forbidden" and fullwidth_key_message(str(e["loc"][-1]))}
        return None, [problem_for_error(doc, error, model) for error in errors
                      if not (error["type"] == "missing" and str(error["loc"][-1]) in stray)]


def problem_for_error(doc: Document, error: dict[str, Any], model: type[BaseModel]) -> Problem:
    """The Problem for one pydantic error; its Japanese text names the field by its label, 「名前（name）」."""
    loc = tuple(part for part in error["loc"] if not (isinstance(part, str) and part.startswith("function-")))
    kind, name = error["type"], (loc[-1] if loc else "")
    if kind == "missing":
        field = labelled(model, loc) or str(name)
        return doc.problem(loc[:-1], f"必須の項目「{field}」がありません", f"required field '{name}' is missing",
                           f"「{name}:」を追加してください", f"add '{name}:'")
    if kind == "extra_forbidden":
        return _unknown_key(doc, loc, model)
    problem = _problem_for_value(doc, loc, error)
    field = labelled(model, loc)
    return replace(problem, ja=f"{field}: {problem.ja}") if field else problem


def _unknown_key(doc: Document, loc: tuple, model: type[BaseModel]) -> Problem:
    name = str(loc[-1])
    if fullwidth_key_message(name):  # "　　end:": YAML took the full-width spaces as part of the key
        return doc.problem(loc, *fullwidth_key_message(name), key=True)
    mapped = key_for_label(model, loc)
    if mapped is not None:
        hint = (f"「{name}」は「{mapped}」と書きます", f"write '{mapped}' for '{name}'")
    else:
        close = difflib.get_close_matches(name, _KNOWN_KEYS, n=1, cutoff=0.6)
        hint = (f"「{close[0]}」の書き間違いではありませんか", f"did you mean '{close[0]}'?") if close else \
               ("CONTRIBUTING.md の項目一覧を確認してください", "see the field list in CONTRIBUTING.md")
    return doc.problem(loc, f"「{name}」という項目はありません", f"unknown field '{name}'", *hint, key=True)


def _problem_for_value(doc: Document, loc: tuple, error: dict[str, Any]) -> Problem:
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
        if code in _VALUE_MESSAGES:
            return doc.problem(loc, *_VALUE_MESSAGES[code])
    if kind == "literal_error" and error.get("input") in (None, ""):
        return doc.problem(loc, "値が空です。選択肢から選んでください", "empty: choose one of the allowed values",
                           "エディタの補完か CONTRIBUTING.md の一覧から選んでください",
                           "pick one from your editor's completions or the list in CONTRIBUTING.md")
    if kind == "literal_error":
        given = str(error.get("input"))
        expected = error.get("ctx", {}).get("expected", "")
        choices = [part.strip(" '") for part in expected.replace(" or ", ", ").split(",")]
        close = difflib.get_close_matches(given, choices, n=1, cutoff=0.4)
        if close:
            hint = (f"「{close[0]}」ではありませんか", f"did you mean '{close[0]}'?")
        elif len(choices) > 10:
            hint = ("一覧は CONTRIBUTING.md を参照してください（エディタの補完でも選べます）",
                    "see CONTRIBUTING.md for the list (your editor also offers completions)")
        else:
            hint = (f"次から選んでください: {'、'.join(choices)}", f"choose one of: {', '.join(choices)}")
        return doc.problem(loc, f"「{given}」は選択肢にありません", f"'{given}' is not one of the allowed values", *hint)
    if kind in {"string_type", "int_type", "list_type", "model_type", "dict_type", "model_attributes_type"}:
        wanted = {"string_type": ("文字", "text"), "int_type": ("整数", "a whole number"), "list_type": ("「- 」で始まるリスト", "a list"),
                  "model_type": ("「キー: 値」の組", "a mapping"), "dict_type": ("「キー: 値」の組", "a mapping"),
                  "model_attributes_type": ("「キー: 値」の組", "a mapping")}[kind]
        return doc.problem(loc, f"ここには{wanted[0]}を書いてください", f"must be {wanted[1]}")
    if kind in {"string_too_short", "too_short"}:
        return doc.problem(loc, "空にはできません", "must not be empty", "内容を書くか、任意項目なら行ごと削除してください",
                           "fill it in, or delete the line if the field is optional")
    if kind in {"string_too_long", "too_long"}:
        limit = error.get("ctx", {}).get("max_length")
        return doc.problem(loc, f"長すぎます（上限 {limit}）", f"too long (limit {limit})", "短くしてください", "shorten it")
    if kind in {"greater_than_equal", "less_than_equal"}:
        ctx = error.get("ctx", {})
        if kind == "greater_than_equal":
            return doc.problem(loc, f"{ctx.get('ge')} 以上の数にしてください", f"must be at least {ctx.get('ge')}")
        return doc.problem(loc, f"{ctx.get('le')} 以下の数にしてください", f"must be at most {ctx.get('le')}")
    return doc.problem(loc, f"値が正しくありません（{error['msg']}）", f"invalid value ({error['msg']})")
