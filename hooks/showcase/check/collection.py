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
from typing import Callable, Literal, NamedTuple, Union

from pydantic import ValidationError

from showcase.catalog import urls
from showcase.check.fields import validate_document
from showcase.check.problems import Problem
from showcase.check.record_files import RECORD_FILES, loose_record_file, missing_record_file, stray_record_files
from showcase.check.term import check_term
from showcase.content.municipalities import check_place
from showcase.content.schema import MAX_SLUG_LENGTH, SLUG_PATTERN, CaseRecord, Photo, ProfileRecord
from showcase.load.reader import Document, load_document
from showcase.outputs.images import PhotoInfo, check_photo_path, inspect_photo
from showcase.pipeline.collector import collector_paused

Kind = Literal["profile", "case"]
COLLECTIONS: dict[Kind, tuple[str, str, type]] = {
    "profile": ("profiles", RECORD_FILES["profiles"], ProfileRecord),
    "case": ("cases", RECORD_FILES["cases"], CaseRecord),
}
SLUG_RE = re.compile(SLUG_PATTERN)
RESERVED_SLUGS = {"page", "status", "index", "embed", "data"}
# Also the contribute form's message for a folder name it cannot use (showcase.render.contribute).
FOLDER_NAME_MESSAGE = ("フォルダ名「{name}」は URL に使えません", "folder name '{name}' cannot be used as a URL",
                       "半角英小文字・数字・ハイフンだけにしてください（例: yamada-taro）",
                       "use lowercase a-z, digits and hyphens only (e.g. yamada-taro)")
FOLDER_NAME_TOO_LONG = ("フォルダ名が長すぎます（{length} 文字、上限 {limit} 文字）",
                        "folder name is too long ({length} characters, limit {limit})",
                        "名前の一部だけにするなど、短くしてください（例: yamada-taro）", "shorten it (e.g. yamada-taro)")


def folder_name_refusal(name: str) -> tuple[str, str, str, str] | None:
    """Why ``name`` cannot be a record's folder name (its slug, which becomes the URL), or None: the one rule
    for ``discover`` and the scaffolder."""
    if len(name) > MAX_SLUG_LENGTH:
        ja, en, hint_ja, hint_en = FOLDER_NAME_TOO_LONG
        return ja.format(length=len(name), limit=MAX_SLUG_LENGTH), en.format(length=len(name), limit=MAX_SLUG_LENGTH), hint_ja, hint_en
    if not SLUG_RE.match(name) or name in RESERVED_SLUGS:
        ja, en, hint_ja, hint_en = FOLDER_NAME_MESSAGE
        return ja.format(name=name), en.format(name=name), hint_ja, hint_en
    return None


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
        return urls.record(self.kind, self.slug)


@dataclass
class LoadResult:
    profiles: list[Entry]
    cases: list[Entry]
    problems: list[Problem]


def discover(root: Path) -> tuple[list[tuple[Kind, str, str]], list[Problem]]:
    """Record folders as (kind, slug, yaml path as a string); problems for folders that cannot be records."""
    found: list[tuple[Kind, str, str]] = []
    problems: list[Problem] = []
    for kind, (dirname, filename, _model) in COLLECTIONS.items():
        base = root / dirname
        if not base.is_dir():
            continue
        folded: dict[str, str] = {}
        for item in sorted(os.scandir(base), key=lambda e: e.name):
            if item.name.startswith(".") or not item.is_dir(follow_symlinks=False) and not item.is_symlink():
                loose = None if item.name.startswith(".") else loose_record_file(dirname, item.name)
                problems.extend([loose] if loose else [])
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
            refusal = folder_name_refusal(item.name)
            if refusal is not None:
                problems.append(Problem(f"{where}/{filename}", 1, 1, "", *refusal))
                continue
            # os.path, not pathlib, and no stat here: this runs once per record, before the workers start.
            # load_entry reports a missing file.
            found.append((kind, item.name, os.path.join(item.path, filename)))
    return found, problems + stray_record_files(root)


_KEEP_MARKS = frozenset({"related_cases", "related_profiles", "municipality", "municipality_code", "photos"})


def check_photos(doc: Document, record_dir: Path,
                 photos: list[tuple[int, Photo]]) -> tuple[list[PhotoRef], list[Problem]]:
    """Check each (index in ``photos:``, photo) of a record: its path, then the file itself."""
    refs, problems = [], []
    for index, photo in photos:
        loc = ("photos", index, "file")
        line, col = doc.position(loc)
        where = f"photos[{index}].file"
        path, found = check_photo_path(record_dir, photo.file, doc.path, line, col, where)
        problems.extend(found)
        if path is None:
            continue
        info, found = inspect_photo(path, doc.path, line, col, where)
        problems.extend(found)
        if info is not None:
            refs.append(PhotoRef(photo, info, path))
    return refs, problems


def _photos_listed(data: object) -> list[tuple[int, Photo]]:
    """The well-formed entries of ``photos:`` in a record that did not validate as a whole (the others are reported)."""
    items = data.get("photos") if isinstance(data, dict) else None
    listed = []
    for index, item in enumerate(items if isinstance(items, list) else []):
        try:
            listed.append((index, Photo.model_validate(item)))
        except ValidationError:
            continue
    return listed


def load_entry(root: Path, kind: Kind, slug: str, yaml_path: Path) -> tuple[Entry | None, list[Problem]]:
    dirname, filename, model = COLLECTIONS[kind]
    source = f"{dirname}/{slug}/{filename}"
    doc = load_document(yaml_path, source)
    if doc.data is None and doc.problems and not os.path.lexists(yaml_path):  # checked only on failure: one stat less per record
        return None, [missing_record_file(yaml_path.parent, dirname, slug)]
    record, problems = validate_document(doc, model)
    problems = doc.problems + problems
    folder = yaml_path.parent
    # The photos are checked whatever else is wrong, so that every problem comes in one run.
    listed = list(enumerate(record.photos)) if record is not None else _photos_listed(doc.data)
    photos, photo_problems = check_photos(doc, folder, listed) if listed else ([], [])
    problems += photo_problems
    if record is None or problems:
        return None, problems
    mismatch = check_place(record.prefecture, record.municipality, record.municipality_code)
    problems = [doc.problem(("municipality_code",), *mismatch)] if mismatch is not None else []
    if kind == "profile":
        problems += check_term(doc, record)  # type: ignore[arg-type]
    if problems:
        return None, problems
    marks = {loc: (mark.line + 1, mark.column + 1) for loc, mark in doc.marks.items() if loc and loc[0] in _KEEP_MARKS}
    return Entry(kind, slug, source, folder, record, marks, tuple(photos)), []


class CrossRef(NamedTuple):
    """What the checks between records need from one valid record (small, cheap to send between processes)."""

    kind: Kind
    slug: str
    source: str
    related: tuple[str, ...]
    marks: dict


def cross_ref(entry: Entry) -> CrossRef:
    key = "related_cases" if entry.kind == "profile" else "related_profiles"
    record = entry.record
    marks = {loc: pos for loc, pos in entry.marks.items() if loc[0] == key}
    return CrossRef(entry.kind, entry.slug, entry.source, tuple(getattr(record, key)), marks)


def _load_chunk(args: tuple[str, list[tuple[Kind, str, str]], bool]) -> tuple[list, list[Problem]]:
    root, items, slim = args
    entries: list = []
    problems: list[Problem] = []
    root_path = Path(root)
    with collector_paused():
        for kind, slug, path in items:
            entry, found = load_entry(root_path, kind, slug, Path(path))
            problems.extend(found)
            if entry is not None:
                entries.append(cross_ref(entry) if slim else entry)
    return entries, problems


def _load_found(root: Path, found: list[tuple[Kind, str, str]], workers: int | None,
                slim: bool) -> tuple[list, list[Problem]]:
    """Load the found records, in chunks on ``workers`` processes; Entries, or CrossRefs when ``slim``."""
    workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    items = list(found)
    if workers <= 1 or len(items) < 500:
        return _load_chunk((str(root), items, slim))
    entries: list = []
    problems: list[Problem] = []
    size = max(200, len(items) // (workers * 32))  # small chunks: the last one to finish keeps one core busy alone
    chunks = [(str(root), items[i:i + size], slim) for i in range(0, len(items), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool, collector_paused():
        for chunk_entries, chunk_problems in pool.map(_load_chunk, chunks):
            entries.extend(chunk_entries)
            problems.extend(chunk_problems)
    return entries, problems


def load_collections(root: Path, workers: int | None = None,
                     only: set[tuple[Kind, str]] | None = None) -> LoadResult:
    """Load every record under ``root``; all problems, in file order.

    With ``only`` ((kind, slug) pairs, for a preview) just those records are loaded; their links are
    checked against every record folder that exists.
    """
    found, problems = discover(root)
    known = None
    if only is not None:
        known = {kind: {slug for k, slug, _path in found if k == kind} for kind in COLLECTIONS}
        found = [item for item in found if (item[0], item[1]) in only]
        problems = []  # folders that cannot be records are reported by a full build, not by a preview
    entries, found_problems = _load_found(root, found, workers, slim=False)
    problems.extend(found_problems)
    profiles = [e for e in entries if e.kind == "profile"]
    cases = [e for e in entries if e.kind == "case"]
    problems.extend(check_links([cross_ref(entry) for entry in profiles + cases], known))
    return LoadResult(profiles, cases, problems)


class CheckResult(NamedTuple):
    problems: list[Problem]
    records: int  # how many record folders were checked


def check_collections(root: Path, workers: int | None = None,
                      selected: Callable[[str], bool] | None = None) -> CheckResult:
    """The problems :func:`load_collections` reports, without sending whole records between processes.

    For ``scripts/validate``.  With ``selected`` (a test on a record's source path,
    e.g. ``profiles/yamada-taro/profile.yml``) only those records are loaded; their
    links are checked against every record folder that exists.
    """
    found, problems = discover(root)
    known = None
    if selected is not None:
        known = {kind: {slug for k, slug, _path in found if k == kind} for kind in COLLECTIONS}
        found = [item for item in found if selected(f"{COLLECTIONS[item[0]][0]}/{item[1]}/{COLLECTIONS[item[0]][1]}")]
        problems = [problem for problem in problems if selected(problem.path)]
    refs, found_problems = _load_found(root, found, workers, slim=True)
    return CheckResult(problems + found_problems + check_links(refs, known), len(found))


def check_cross_references(profiles: list[Entry], cases: list[Entry]) -> list[Problem]:
    """Links between records must point at records that exist."""
    return check_links([cross_ref(entry) for entry in profiles + cases])


def check_links(refs: list[CrossRef], known: dict[str, set[str]] | None = None) -> list[Problem]:
    """:func:`check_cross_references` on CrossRefs; ``known`` (kind → slugs) defaults to the refs themselves."""
    problems: list[Problem] = []
    slugs = known or {"profile": {r.slug for r in refs if r.kind == "profile"}, "case": {r.slug for r in refs if r.kind == "case"}}
    for ref in sorted(refs, key=lambda r: r.kind != "profile"):  # profiles first, as before
        key, target = ("related_cases", "case") if ref.kind == "profile" else ("related_profiles", "profile")
        for index, slug in enumerate(ref.related):
            if slug not in slugs[target]:
                line, col = ref.marks.get((key, index), (1, 1))
                folder = COLLECTIONS[target][0]
                problems.append(Problem(ref.source, line, col, f"{key}[{index}]", f"リンク先の「{folder}/{slug}」がありません（削除されたか、名前の誤り）",
                                        f"links to '{folder}/{slug}', which does not exist (removed or misspelt)",
                                        "この行を削除するか、正しいフォルダ名にしてください", "delete this line or fix the folder name"))
    return problems  # one name per municipality code: load_entry checks each record against the official list
