"""Small generated sites for tests: valid records as YAML text, written into a temporary content root.

Fixtures are generated here, never copied from profiles/ or cases/.
"""

from __future__ import annotations

from pathlib import Path

import yaml

PROFILE = {
    "name": "試験 花子",
    "prefecture": "山梨県",
    "municipality": "都留市",
    "municipality_code": "192040",
    "fields": ["地域コミュニティ活動"],
    "term": {"start": "2023-04", "end": "2026-03"},
    "hometown": "東京都",
    "motivation": "地域の**魅力**を伝えたいと考えて応募しました。",
    "activities": [{"title": "交流拠点の運営", "body": "コワーキングスペースで交流イベントを開いています。"}],
    "goals": "任期後も地域に住み続けたいです。",
    "consent": {"date": "2026-10", "basis": "本人の同意"},
    "published": "2026-10",
}

CASE = {
    "name": "試験地区まちづくり協議会",
    "prefecture": "山梨県",
    "municipality": "都留市",
    "municipality_code": "192040",
    "legal_form": "任意団体",
    "summary": "小学校区を単位に活動する協議会です。",
    "activities": [{"category": "買い物支援・産直", "title": "朝市", "body": "毎週土曜日に産直の朝市を開いています。"}],
    "published": "2026-09",
}


def profile(**changes: object) -> dict:
    data = {**PROFILE, **changes}
    return {k: v for k, v in data.items() if v is not None}


def case(**changes: object) -> dict:
    data = {**CASE, **changes}
    return {k: v for k, v in data.items() if v is not None}


def dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def write_record(root: Path, kind: str, slug: str, data: dict | str) -> Path:
    folder = root / ("profiles" if kind == "profile" else "cases") / slug
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{kind}.yml"
    path.write_text(data if isinstance(data, str) else dump(data), encoding="utf-8")
    return path


def make_site(root: Path, profiles: dict[str, dict] | None = None, cases: dict[str, dict] | None = None) -> Path:
    """A content root with the given records (slug -> data); defaults to one of each."""
    (root / "profiles").mkdir(parents=True, exist_ok=True)
    (root / "cases").mkdir(parents=True, exist_ok=True)
    for slug, data in (profiles if profiles is not None else {"shiken-hanako": profile()}).items():
        write_record(root, "profile", slug, data)
    for slug, data in (cases if cases is not None else {"shiken-kyogikai": case()}).items():
        write_record(root, "case", slug, data)
    return root
