"""Answers to the scaffolder's questions (and its flags): each check returns the normalised value, or a message.

Friendly spellings are accepted and normalised: full-width digits, ``2023/4`` or
``2023年4月`` for ``2023-04``, ``山梨`` for ``山梨県``, a 5-digit local government
code (the check digit is added), a choice's number.  A message is
``(ja, en, hint_ja, hint_en)``, as in :class:`showcase.check.problems.Problem`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Sequence

from showcase.check.collection import RESERVED_SLUGS, SLUG_RE
from showcase.content.schema import YEAR_MONTH_RE
from showcase.content.vocab import ACTIVITY_FIELDS, PREFECTURES, is_valid_municipality_code, municipality_check_digit

Message = tuple[str, str, str, str]  # ja, en, hint_ja, hint_en
Check = Callable[[str], "tuple[str, None] | tuple[None, Message]"]


def _ok(value: str) -> tuple[str, None]:
    return value, None


def check_slug(value: str) -> tuple[str, None] | tuple[None, Message]:
    if SLUG_RE.match(value) and value not in RESERVED_SLUGS and len(value) <= 80:
        return _ok(value)
    return None, (f"フォルダ名「{value}」は URL に使えません", f"folder name '{value}' cannot be used as a URL",
                  "半角英小文字・数字・ハイフンだけにしてください（例: yamada-taro）",
                  "use lowercase a-z, digits and hyphens only (e.g. yamada-taro)")


def check_line(value: str) -> tuple[str, None] | tuple[None, Message]:
    value = value.strip()
    if 0 < len(value) <= 120 and not re.search(r"[\x00-\x1f\x7f-\x9f]", value):
        return _ok(value)
    return None, ("1行（120文字まで）で書いてください", "write one line of at most 120 characters", "", "")


def check_text(value: str) -> tuple[str, None] | tuple[None, Message]:
    value = value.replace("\r\n", "\n").strip()
    if 0 < len(value) <= 4000:
        return _ok(value)
    return None, ("4000文字までで書いてください", "write at most 4000 characters", "", "")


def check_prefecture(value: str) -> tuple[str, None] | tuple[None, Message]:
    value = unicodedata.normalize("NFKC", value).strip()
    for prefecture in PREFECTURES:
        if value in (prefecture.name, prefecture.short, prefecture.slug):
            return _ok(prefecture.name)
    return None, (f"「{value}」は都道府県名ではありません", f"'{value}' is not a prefecture", "例: 山梨県", "e.g. 山梨県")


def check_code(value: str) -> tuple[str, None] | tuple[None, Message]:
    value = unicodedata.normalize("NFKC", value).strip()
    if len(value) == 5 and value.isascii() and value.isdigit():
        value += municipality_check_digit(value)  # the 5-digit form many lists use: add the check digit
    if is_valid_municipality_code(value):
        return _ok(value)
    return None, ("全国地方公共団体コード（検査数字を含む6桁）が正しくありません", "not a valid 6-digit local government code",
                  "総務省の「全国地方公共団体コード」で確認してください（例: 都留市は 192040）",
                  "look it up in the national list (e.g. 192040 for Tsuru)")


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
