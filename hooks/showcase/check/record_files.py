"""Record files that are not where the build reads them, named with where they belong (issue 18).

Only ``profiles/<folder>/profile.yml`` and ``cases/<folder>/case.yml`` are records.  A file saved under
another name (``profile.yaml``, ``Profile.yml``, ``profile.yml.txt``), straight into ``profiles/``
(``profiles/sato-kenta.yml``) or outside the collections (``profile.yml`` at the top of the repository)
would otherwise be ignored without a word, and the check would pass.  Each message says where the
file belongs, why, and how to move it in GitHub's web editor (the file name box above the editor
moves a file: "/" makes a folder, Backspace at its start goes up a folder).
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from showcase.check.problems import Problem

# (folder, file name) of each collection; showcase.check.collection.COLLECTIONS names the same files.
RECORD_FILES = {"profiles": "profile.yml", "cases": "case.yml"}
_KIND_JA = {"profiles": "プロフィール", "cases": "事例"}
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Folders not searched for misplaced records: at the top of the content root, and anywhere.
_SKIP_TOP = {"site", "docs", "data", *RECORD_FILES}
_SKIP_ANY = {"node_modules", "__pycache__", "venv"}
_MAX_DEPTH = 4
_EDIT = ("ファイルを開いて鉛筆のボタン（Edit this file）を押し、上のファイル名の欄を",
         "open the file, press the pencil (Edit this file) and change the name box above the editor to")
_MOVE_KEYS_JA = "（「/」を打つとフォルダになり、欄の先頭で Backspace を押すと一つ上のフォルダに戻ります）"
_MOVE_KEYS_EN = " (typing '/' makes a folder; Backspace at the start of the box goes up a folder)"


def _folded(name: str) -> str:
    return unicodedata.normalize("NFKC", name).casefold().strip()


def _looks_like_record(name: str) -> bool:
    """``profile.yaml``, ``Profile.yml``, ``profile.yml.txt``, ``case.YML``, ``sato.yml``: a YAML file meant as a record."""
    folded = _folded(name)
    return bool(re.search(r"\.ya?ml(\.txt)?$", folded)) or folded.split(".")[0] in {"profile", "case"}


def missing_record_file(folder: Path, dirname: str, slug: str) -> Problem:
    """The problem for a record folder without its YAML file: the misnamed file when there is one."""
    filename = RECORD_FILES[dirname]
    try:
        names = sorted(entry.name for entry in os.scandir(folder) if entry.is_file(follow_symlinks=False))
    except OSError:
        names = []
    misnamed = [name for name in names if _looks_like_record(name)]
    if misnamed:
        name = misnamed[0]
        return Problem(f"{dirname}/{slug}/{name}", 1, 1, "",
                       f"「{name}」という名前では読み込まれません。{_KIND_JA[dirname]}として読まれるのは「{filename}」（すべて半角小文字）だけです",
                       f"'{name}' is not read: only a file named exactly '{filename}' (lowercase) is a {dirname[:-1]} record",
                       f"{_EDIT[0]}「{filename}」に直して、変更をコミットしてください",
                       f"{_EDIT[1]} '{filename}' and commit the change")
    return Problem(f"{dirname}/{slug}/{filename}", 1, 1, "",
                   f"フォルダ「{dirname}/{slug}/」に {filename} がないため、このフォルダは掲載されません",
                   f"the folder '{dirname}/{slug}/' has no {filename}, so nothing in it is published",
                   f"フォルダを開き「Add file」→「Create new file」で {filename} を作って examples/{filename.replace('.yml', '.template.yml')} "
                   "の中身を貼り付けてください（不要なフォルダなら削除してください）",
                   f"open the folder, use 'Add file' > 'Create new file' to make {filename} from "
                   f"examples/{filename.replace('.yml', '.template.yml')} (or delete the folder if it is not needed)")


def loose_record_file(dirname: str, name: str) -> Problem | None:
    """A YAML file straight inside ``profiles/`` or ``cases/`` (``profiles/sato-kenta.yml``): it belongs in a folder."""
    if not re.search(r"\.ya?ml$", _folded(name)):
        return None
    filename = RECORD_FILES[dirname]
    stem = name.split(".")[0]
    slug = stem if _SLUG.match(stem) and stem not in {"profile", "case"} else "<フォルダ名>"
    target = f"{slug}/{filename}"
    return Problem(f"{dirname}/{name}", 1, 1, "",
                   f"{dirname}/ の直下のファイルは読み込まれません。{_KIND_JA[dirname]}は1件ずつフォルダに分けて "
                   f"{dirname}/<フォルダ名>/{filename} に置きます（フォルダ名がページの URL になります）",
                   f"a file straight inside {dirname}/ is not read: each record is {dirname}/<folder>/{filename} "
                   "(the folder name becomes the page's URL)",
                   f"{_EDIT[0]}「{target}」に変えてください{_MOVE_KEYS_JA}",
                   f"{_EDIT[1]} '{target}'{_MOVE_KEYS_EN}")


def stray_record_files(root: Path) -> list[Problem]:
    """``profile.yml`` / ``case.yml`` (in any spelling) outside ``profiles/`` and ``cases/``: ignored, so reported."""
    wanted = {_folded(name): dirname for dirname, name in RECORD_FILES.items()}
    wanted |= {key.replace(".yml", ".yaml"): dirname for key, dirname in wanted.items()}
    problems: list[Problem] = []
    todo = [(root, "", 0)]
    while todo:
        folder, prefix, depth = todo.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                skipped = entry.name.startswith(".") or entry.name in _SKIP_ANY or depth == 0 and entry.name in _SKIP_TOP
                if not skipped and depth < _MAX_DEPTH:
                    todo.append((Path(entry.path), f"{prefix}{entry.name}/", depth + 1))
            elif _folded(entry.name) in wanted:
                problems.append(_outside(f"{prefix}{entry.name}", wanted[_folded(entry.name)]))
    return sorted(problems)


def _outside(path: str, dirname: str) -> Problem:
    filename = RECORD_FILES[dirname]
    target = f"{dirname}/<フォルダ名>/{filename}"
    return Problem(path, 1, 1, "",
                   f"{dirname}/ の外にあるため読み込まれません。{_KIND_JA[dirname]}は {target} に置きます（フォルダ名は半角英小文字・数字・ハイフン、例: yamada-taro）",
                   f"it is outside {dirname}/, so it is not read: a record is {dirname}/<folder>/{filename} "
                   "(folder: lowercase a-z, digits, hyphens, e.g. yamada-taro)",
                   f"{_EDIT[0]}「{target}」の形に変えてください{_MOVE_KEYS_JA}",
                   f"{_EDIT[1]} '{target}'{_MOVE_KEYS_EN}")
