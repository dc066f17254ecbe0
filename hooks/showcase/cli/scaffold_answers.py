"""Answers to the scaffolder's questions (and its flags): each check returns the normalised value, or a message.

Friendly spellings are accepted and normalised: full-width digits, ``2023/4`` or
``2023年4月`` for ``2023-04``, ``山梨`` for ``山梨県``, a choice's number.  Municipality
codes are looked up by name in the official list (:mod:`showcase.content.municipalities`).  A message is
``(ja, en, hint_ja, hint_en)``, as in :class:`showcase.check.problems.Problem`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Callable, Sequence

from showcase.check.collection import folder_name_refusal
from showcase.content.municipalities import check_place, code_for_typed, municipality_list
from showcase.content.schema import NAME_KANA_RE, YEAR_MONTH_RE
from showcase.content.vocab import ACTIVITY_FIELDS, PREFECTURES, hiragana
from showcase.load.events import bad_character, character_problem

Message = tuple[str, str, str, str]  # ja, en, hint_ja, hint_en
Check = Callable[[str], "tuple[str, None] | tuple[None, Message]"]


def _ok(value: str) -> tuple[str, None]:
    return value, None


def check_slug(value: str) -> tuple[str, None] | tuple[None, Message]:
    refusal = folder_name_refusal(value)
    return _ok(value) if refusal is None else (None, refusal)


def _refused_character(value: str) -> Message | None:
    """The validator's character rule (control, noncharacter, bidi control), so an answer never makes a bad record."""
    index = bad_character(value)
    if index < 0:
        return None
    problem = character_problem("", 1, index + 1, (), value[index])
    return problem.ja, problem.en, problem.hint_ja, problem.hint_en


def check_name_kana(value: str) -> tuple[str, None] | tuple[None, Message]:
    """よみがな: katakana is accepted and written as hiragana (ヤマダ タロウ → やまだ たろう)."""
    value = hiragana(" ".join(unicodedata.normalize("NFKC", value).split()))
    if NAME_KANA_RE.fullmatch(value):
        return _ok(value)
    return None, ("よみがなはひらがなと空白で書いてください", "write the reading in hiragana and spaces",
                  "例: やまだ たろう", "e.g. やまだ たろう")


def check_line(value: str) -> tuple[str, None] | tuple[None, Message]:
    value = value.strip()
    refused = _refused_character(value)
    if refused is not None:
        return None, refused
    if 0 < len(value) <= 120 and not re.search(r"[\x00-\x1f\x7f-\x9f]", value):
        return _ok(value)
    return None, ("1行（120文字まで）で書いてください", "write one line of at most 120 characters", "", "")


def check_text(value: str) -> tuple[str, None] | tuple[None, Message]:
    value = value.replace("\r\n", "\n").strip()
    refused = _refused_character(value)
    if refused is not None:
        return None, refused
    if 0 < len(value) <= 4000:
        return _ok(value)
    return None, ("4000文字までで書いてください", "write at most 4000 characters", "", "")


def check_prefecture(value: str) -> tuple[str, None] | tuple[None, Message]:
    value = unicodedata.normalize("NFKC", value).strip()
    for prefecture in PREFECTURES:
        if value in (prefecture.name, prefecture.short, prefecture.slug):
            return _ok(prefecture.name)
    return None, (f"「{value}」は都道府県名ではありません", f"'{value}' is not a prefecture", "例: 山梨県", "e.g. 山梨県")


def check_municipality(prefecture: str | None) -> Check:
    """A municipality name from the official list (in ``prefecture`` when that was answered)."""
    def check(value: str) -> tuple[str, None] | tuple[None, Message]:
        value = unicodedata.normalize("NFKC", value).strip()
        towns = municipality_list()
        if (prefecture and towns.find(prefecture, value)) or (not prefecture and towns.named(value)):
            return _ok(value)
        names = [t.name for t in towns.all if t.prefecture == prefecture] if prefecture else list(dict.fromkeys(t.name for t in towns.all))
        close = difflib.get_close_matches(value, names, n=3, cutoff=0.5)
        where = f"{prefecture}の" if prefecture else ""
        return None, (f"「{value}」は{where}市区町村の一覧にありません", f"'{value}' is not a municipality{' in ' + prefecture if prefecture else ''}",
                      f"{'、'.join(close)} ではありませんか" if close else "正式な名前で書いてください（例: 都留市）",
                      f"did you mean {', '.join(close)}?" if close else "write its official name (e.g. 都留市)")
    return check


def check_code(prefecture: str | None, municipality: str | None) -> Check:
    """The code, looked up in the official list and checked against the name already answered.

    A 5-digit code is accepted only as the first five digits of the municipality
    named: a check digit is never appended to whatever was typed (39364 typed for
    土佐町 would have become 393649, which is 大川村).
    """
    def check(value: str) -> tuple[str, None] | tuple[None, Message]:
        value = unicodedata.normalize("NFKC", value).strip()
        town = code_for_typed(prefecture, municipality, value)
        if town is not None and value in (town.code, town.code[:5]) and (prefecture or town.prefecture) == town.prefecture \
                and (municipality or town.name) == town.name:
            return _ok(town.code)
        listed = municipality_list().get(value)
        if listed is not None:
            ja, en, hint_ja, hint_en = check_place(prefecture or listed.prefecture, municipality or listed.name, value)  # type: ignore[misc]
            return None, (ja, en, hint_ja, hint_en)
        named = code_for_typed(prefecture, municipality, "")
        if named is not None:
            return None, (f"「{value}」は{named.full_name}のコード（{named.code}）と一致しません", f"'{value}' is not the code of {named.name} ({named.code})",
                          f"Enter だけ押すと {named.code} を使います", f"press Enter to use {named.code}")
        return None, ("全国地方公共団体コードの一覧にないコードです", "not a code in the list of local government codes",
                      "市区町村名を正しく書けば、Enter だけでコードを補います（例: 都留市は 192040）",
                      "give the municipality's name and press Enter: its code is looked up (e.g. 192040 for Tsuru)")
    return check


def check_year_month(value: str) -> tuple[str, None] | tuple[None, Message]:
    value = unicodedata.normalize("NFKC", value).strip()
    match = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?", value)
    if match:
        value = f"{match.group(1)}-{int(match.group(2)):02d}"
    if YEAR_MONTH_RE.match(value):
        return _ok(value)
    return None, ("年月は YYYY-MM の形で書いてください", "write a year and month as YYYY-MM", "例: 2023-04", "e.g. 2023-04")


def choice(options: Sequence[str]) -> Check:
    def check(value: str) -> tuple[str, None] | tuple[None, Message]:
        value = unicodedata.normalize("NFKC", value).strip()
        if value.isdigit() and 1 <= int(value) <= len(options):
            return _ok(options[int(value) - 1])
        if value in options:
            return _ok(value)
        return None, (f"「{value}」は選択肢にありません", f"'{value}' is not one of the choices",
                      f"次から選んでください: {'、'.join(options)}", "choose one of the listed values")
    return check


def check_fields(value: str) -> tuple[str, None] | tuple[None, Message]:
    picked = []
    for part in re.split(r"[,、，\s]+", unicodedata.normalize("NFKC", value).strip()):
        checked, message = choice(tuple(ACTIVITY_FIELDS))(part)
        if message:
            return None, message
        picked.append(checked)
    if not 1 <= len(picked) <= 3:
        return None, ("1〜3個選んでください", "choose 1 to 3", "", "")
    return _ok("\n".join(picked))


def complete_place(facts: dict[str, str]) -> None:
    """Fill in the code from the municipality's name, or the names from the code, as the official list has them."""
    town = code_for_typed(facts.get("prefecture"), facts.get("municipality"), facts.get("municipality_code"))
    if town is not None:
        facts.update(prefecture=town.prefecture, municipality=town.name, municipality_code=town.code)
