"""The records maintainers feature on the home page: ``data/featured.yml`` in the content root.

    profiles:
      - yamada-taro        # folder names under profiles/
    cases:
      - example-kyogikai   # folder names under cases/

It is not a statistics table: the statistics loader leaves this file name alone.  Every problem (an unknown key,
a slug that names no record, a repeated slug) is reported at its exact node, all in one run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from showcase.check.problems import Problem
from showcase.load.reader import load_document

FEATURED_FILE = "featured.yml"  # in the content root's data/ folder
FEATURED_SOURCE = "data/featured.yml"  # as messages name it (a source file, not a site address)
FEATURED_LIMIT = 6  # per collection
_COLLECTIONS = {"profiles": "プロフィール", "cases": "事例"}


@dataclass(frozen=True)
class Featured:
    profiles: tuple[str, ...] = ()
    cases: tuple[str, ...] = ()


def featured_path(content_root: Path) -> Path:
    return content_root / "data" / FEATURED_FILE


def load_featured(content_root: Path, known: dict[str, set[str]] | None) -> tuple[Featured, list[Problem]]:
    """The featured slugs and every problem.  ``known`` (collection -> slugs) checks them; None skips that (a preview)."""
    path = featured_path(content_root)
    if not path.is_file():
        return Featured(), []
    doc = load_document(path, FEATURED_SOURCE)
    problems, chosen = list(doc.problems), {name: [] for name in _COLLECTIONS}
    data = doc.data
    if data is None:
        return Featured(), problems
    if not isinstance(data, dict):
        return Featured(), problems + [doc.problem((), "ファイルの最上位は「profiles:」「cases:」の並びにしてください",
                                                   "the top level must be a mapping with 'profiles:' and 'cases:'")]
    for key, slugs in data.items():
        if key not in _COLLECTIONS:
            problems.append(doc.problem((key,), f"「{key}」という項目はありません", f"unknown field '{key}'",
                                        "profiles か cases にしてください", "use profiles or cases", key=True))
            continue
        if not isinstance(slugs, list):
            problems.append(doc.problem((key,), "ここには「- 」で始まるフォルダ名のリストを書いてください", "must be a list of folder names"))
            continue
        if len(slugs) > FEATURED_LIMIT:
            problems.append(doc.problem((key, FEATURED_LIMIT), f"{FEATURED_LIMIT}件までにしてください", f"at most {FEATURED_LIMIT} records",
                                        "ホームページに並べる数です", "this many fit on the home page"))
        for index, slug in enumerate(slugs):
            problems += _check_slug(doc, key, index, slug, chosen[key], known)
            chosen[key].append(slug)
    if problems:
        return Featured(), problems
    return Featured(tuple(chosen["profiles"]), tuple(chosen["cases"])), []


def _check_slug(doc, key: str, index: int, slug: object, before: list, known: dict[str, set[str]] | None) -> list[Problem]:
    label = _COLLECTIONS[key]
    if not isinstance(slug, str):
        return [doc.problem((key, index), "ここにはフォルダ名を文字で書いてください", "must be a folder name (text)")]
    if slug in before:
        return [doc.problem((key, index), f"「{slug}」が2回あります", f"'{slug}' is listed twice", "1回にしてください", "list it once")]
    if known is not None and slug not in known[key]:
        return [doc.problem((key, index), f"「{slug}」という{label}はありません", f"there is no {key[:-1]} '{slug}'",
                            f"{key}/ にあるフォルダ名を書いてください", f"write the name of a folder in {key}/")]
    return []


__all__ = ["FEATURED_FILE", "FEATURED_LIMIT", "Featured", "featured_path", "load_featured"]
