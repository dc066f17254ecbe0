"""Find the record folders under a content root, load and validate each, check them against each other.

A content root holds ``profiles/<slug>/profile.yml`` and ``cases/<slug>/case.yml``.
The slug is the folder name: lowercase ASCII, and it becomes the URL.
"""

from __future__ import annotations

import os
import re
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Union

from .images import PhotoInfo, check_photo_path, inspect_photo
from .load import Document, load_document
from .problems import Problem
from .schema import CaseRecord, Photo, ProfileRecord
from .validate import validate_document
from .vocab import PREFECTURE_BY_NAME

Kind = Literal["profile", "case"]
COLLECTIONS: dict[Kind, tuple[str, str, type]] = {
    "profile": ("profiles", "profile.yml", ProfileRecord),
    "case": ("cases", "case.yml", CaseRecord),
}
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
RESERVED_SLUGS = {"page", "status", "index", "embed", "data"}


@dataclass(frozen=True)
class PhotoRef:
    """A checked photo of a record: what the YAML says, what the file is, where it is."""

    meta: Photo
    info: PhotoInfo
    path: Path


@dataclass(frozen=True)
class Entry:
    """A validated record and where it came from."""

    kind: Kind
    slug: str
    source: str  # path relative to the content root, e.g. profiles/uda/profile.yml
    folder: Path
    record: Union[ProfileRecord, CaseRecord]
    # positions of values other records may be checked against: loc -> (line, col)
    marks: dict = field(default_factory=dict, compare=False, repr=False)
    photos: tuple[PhotoRef, ...] = ()

    @property
    def url(self) -> str:
        return f"{COLLECTIONS[self.kind][0]}/{self.slug}/"


@dataclass
class LoadResult:
    profiles: list[Entry]
    cases: list[Entry]
    problems: list[Problem]


def discover(root: Path) -> tuple[list[tuple[Kind, str, Path]], list[Problem]]:
    """Record folders as (kind, slug, yaml path); problems for folders that cannot be records."""
    found: list[tuple[Kind, str, Path]] = []
    problems: list[Problem] = []
    for kind, (dirname, filename, _model) in COLLECTIONS.items():
        base = root / dirname
        if not base.is_dir():
            continue
        folded: dict[str, str] = {}
        for item in sorted(os.scandir(base), key=lambda e: e.name):
            if item.name.startswith(".") or not item.is_dir(follow_symlinks=False) and not item.is_symlink():
                continue
            where = f"{dirname}/{item.name}"
            if item.is_symlink():
                problems.append(Problem(where, 1, 1, "", "レコードのフォルダにシンボリックリンクは使えません",
                                        "a record folder must not be a symbolic link", "実際のフォルダを置いてください", "commit a real folder"))
                continue
            key = unicodedata.normalize("NFC", item.name).casefold()
            if key in folded:
                problems.append(Problem(f"{where}/{filename}", 1, 1, "", f"フォルダ名が「{folded[key]}」と重複しています（大文字・小文字や文字の正規化を除くと同じ）",
                                        f"folder name collides with '{folded[key]}' after case and Unicode folding",
                                        "別のフォルダ名にしてください", "choose another folder name"))
                continue
            folded[key] = item.name
            if not SLUG_RE.match(item.name) or item.name in RESERVED_SLUGS:
                problems.append(Problem(f"{where}/{filename}", 1, 1, "", f"フォルダ名「{item.name}」は URL に使えません",
                                        f"folder name '{item.name}' cannot be used as a URL",
                                        "半角英小文字・数字・ハイフンだけにしてください（例: yamada-taro）",
                                        "use lowercase a-z, digits and hyphens only (e.g. yamada-taro)"))
                continue
            yaml_path = Path(item.path) / filename
            if not yaml_path.is_file() and not yaml_path.is_symlink():
                problems.append(Problem(f"{where}/{filename}", 1, 1, "", f"{filename} がありません", f"{filename} is missing",
                                        "scripts/new-profile または scripts/new-case で作成してください",
                                        "create it with scripts/new-profile or scripts/new-case"))
                continue
            found.append((kind, item.name, yaml_path))
    return found, problems


_KEEP_MARKS = ("related_cases", "related_profiles", "municipality", "municipality_code", "photos")


def check_photos(doc: Document, record_dir: Path, photos: list[Photo], cache_dir: Path | None) -> tuple[list[PhotoRef], list[Problem]]:
    refs, problems = [], []
    for index, photo in enumerate(photos):
        loc = ("photos", index, "file")
        line, col = doc.position(loc)
        where = f"photos[{index}].file"
        path, found = check_photo_path(record_dir, photo.file, doc.path, line, col, where)
        problems.extend(found)
        if path is None:
            continue
        info, found = inspect_photo(path, doc.path, line, col, where, cache_dir=cache_dir)
        problems.extend(found)
        if info is not None:
            refs.append(PhotoRef(photo, info, path))
    return refs, problems


def load_entry(root: Path, kind: Kind, slug: str, yaml_path: Path, cache_dir: Path | None = None) -> tuple[Entry | None, list[Problem]]:
    dirname, filename, model = COLLECTIONS[kind]
    source = f"{dirname}/{slug}/{filename}"
    doc = load_document(yaml_path, source)
    record, problems = validate_document(doc, model)
    problems = doc.problems + problems
    if record is None or problems:
        return None, problems
    photos, problems = check_photos(doc, yaml_path.parent, list(record.photos), cache_dir)
    if problems:
        return None, problems
    prefecture = PREFECTURE_BY_NAME[record.prefecture]
    if record.municipality_code[:2] != prefecture.code:
        return None, [doc.problem(("municipality_code",), f"コードの先頭2桁（{record.municipality_code[:2]}）が{record.prefecture}（{prefecture.code}）と一致しません",
                                  f"the code's first two digits ({record.municipality_code[:2]}) do not match {prefecture.slug} ({prefecture.code})",
                                  "都道府県名かコードを確認してください", "check the prefecture or the code")]
    marks = {loc: pos for loc, pos in doc.marks.items() if loc and loc[0] in _KEEP_MARKS}
    return Entry(kind, slug, source, yaml_path.parent, record, marks, tuple(photos)), []


def _load_chunk(args: tuple[str, str | None, list[tuple[Kind, str, str]]]) -> tuple[list[Entry], list[Problem]]:
    root, cache_dir, items = args
    entries, problems = [], []
    for kind, slug, path in items:
        entry, found = load_entry(Path(root), kind, slug, Path(path), Path(cache_dir) if cache_dir else None)
        problems.extend(found)
        if entry is not None:
            entries.append(entry)
    return entries, problems


def load_collections(root: Path, workers: int | None = None, cache_dir: Path | None = None) -> LoadResult:
    """Load every record under ``root``; all problems, in file order."""
    found, problems = discover(root)
    workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    items = [(kind, slug, str(path)) for kind, slug, path in found]
    cache = str(cache_dir) if cache_dir else None
    entries: list[Entry] = []
    if workers <= 1 or len(items) < 500:
        chunk_entries, chunk_problems = _load_chunk((str(root), cache, items))
        entries.extend(chunk_entries)
        problems.extend(chunk_problems)
    else:
        size = max(200, len(items) // (workers * 8))
        chunks = [(str(root), cache, items[i:i + size]) for i in range(0, len(items), size)]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for chunk_entries, chunk_problems in pool.map(_load_chunk, chunks):
                entries.extend(chunk_entries)
                problems.extend(chunk_problems)
    profiles = [e for e in entries if e.kind == "profile"]
    cases = [e for e in entries if e.kind == "case"]
    problems.extend(check_cross_references(profiles, cases))
    return LoadResult(profiles, cases, problems)


def check_cross_references(profiles: list[Entry], cases: list[Entry]) -> list[Problem]:
    """Links between records must point at records that exist; one name per municipality code."""
    problems: list[Problem] = []
    slugs = {"profile": {e.slug for e in profiles}, "case": {e.slug for e in cases}}
    for entry in profiles + cases:
        key, target = ("related_cases", "case") if entry.kind == "profile" else ("related_profiles", "profile")
        for index, slug in enumerate(getattr(entry.record, key)):
            if slug not in slugs[target]:
                line, col = entry.marks.get((key, index), (1, 1))
                folder = COLLECTIONS[target][0]
                problems.append(Problem(entry.source, line, col, f"{key}[{index}]", f"リンク先の「{folder}/{slug}」がありません（削除されたか、名前の誤り）",
                                        f"links to '{folder}/{slug}', which does not exist (removed or misspelt)",
                                        "この行を削除するか、正しいフォルダ名にしてください", "delete this line or fix the folder name"))
    names: dict[str, tuple[str, str]] = {}
    for entry in sorted(profiles + cases, key=lambda e: e.source):
        record = entry.record
        label = f"{record.prefecture} {record.municipality}"
        first = names.setdefault(record.municipality_code, (label, entry.source))
        if first[0] != label:
            line, col = entry.marks.get(("municipality_code",), (1, 1))
            problems.append(Problem(entry.source, line, col, "municipality_code",
                                    f"コード {record.municipality_code} は {first[1]} では「{first[0]}」になっています",
                                    f"code {record.municipality_code} is '{first[0]}' in {first[1]}",
                                    "市区町村名かコードを確認してください", "check the municipality name or its code"))
    return problems
