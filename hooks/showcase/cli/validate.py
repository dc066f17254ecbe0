"""``scripts/validate [PATH...]``: check records without building the site.

The same loader, schema and cross-record checks as the build
(:func:`showcase.check.collection.check_collections`), the same messages
(:func:`showcase.check.problems.format_report`), or GitHub Actions annotations with
``--format github`` (:mod:`showcase.check.annotations`).  Exit status: 0 when every
checked record is fine, 1 when any problem was found, 2 for a usage error
(also when the output is piped into ``head``, which ends it quietly).

PATH may be a record folder (``profiles/yamada-taro``), a file inside one
(``profiles/yamada-taro/profile.yml``, ``profiles/yamada-taro/katsudou.jpg``),
a whole collection (``profiles``) or the content root.  Links from the chosen
records are checked against every record folder that exists.  When a PATH names
a record folder that no longer exists (the record was removed), every record is
checked, because others may still link to it.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from showcase.check.annotations import format_annotations
from showcase.check.collection import COLLECTIONS, check_collections
from showcase.check.problems import Problem, format_report

REPO_ROOT = Path(__file__).resolve().parents[3]
CONTENT_ENV = "SHOWCASE_CONTENT"  # as showcase.pipeline.site_build, which is not imported: it pulls in the renderer (slow start-up)
_FOLDERS = {dirname for dirname, _file, _model in COLLECTIONS.values()}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scripts/validate",
        description="レコード（profiles/・cases/）をビルドせずに検証します / check records without building the site")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="確認するレコードのフォルダかファイル（省略すると全件） / record folders or files (default: all)")
    parser.add_argument("--format", choices=("text", "github"), default="text",
                        help="text（既定）か github（GitHub Actions の注釈） / text (default) or GitHub Actions annotations")
    parser.add_argument("--content-root", type=Path, default=None,
                        help=f"profiles/ と cases/ のあるフォルダ（既定: ${CONTENT_ENV} かリポジトリ） / folder holding profiles/ and cases/")
    parser.add_argument("--workers", type=int, default=None, help=argparse.SUPPRESS)
    return parser


def default_content_root() -> Path:
    value = os.environ.get(CONTENT_ENV)
    return Path(value) if value else REPO_ROOT


@dataclass
class Selection:
    """What the PATH arguments ask for."""

    folders: set[tuple[str, ...]] = field(default_factory=set)  # ("profiles",) or ("profiles", "yamada-taro")
    problems: list[Problem] = field(default_factory=list)  # PATHs that are not records
    everything: bool = False  # the content root itself, or a removed record (others may link to it)
    removed: bool = False

    def __call__(self, source: str) -> bool:
        parts = tuple(source.split("/"))
        return parts[:1] in self.folders or parts[:2] in self.folders


def select_records(root: Path, paths: Sequence[str]) -> Selection:
    root_abs = os.path.abspath(root)
    selection = Selection()
    for given in paths:
        relative = os.path.relpath(os.path.abspath(given), root_abs)
        parts = tuple(Path(relative).parts)
        if relative == ".":
            selection.everything = True
        elif relative.startswith("..") or parts[0] not in _FOLDERS:
            selection.problems.append(Problem(
                given, 1, 1, "", "レコードではありません（profiles/<名前>/ か cases/<名前>/ の中を指定してください）",
                "not a record (give a path inside profiles/<slug>/ or cases/<slug>/)"))
        else:
            selection.folders.add(parts[:2])
            if len(parts) >= 2 and not os.path.lexists(os.path.join(root_abs, *parts[:2])):
                selection.removed = selection.everything = True
    return selection


def ok_line(records: int) -> str:
    return f"問題はありません（{records} 件のレコード） / no problems ({records} record{'s' if records != 1 else ''})"


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root = args.content_root or default_content_root()
    if not root.is_dir():
        print(f"scripts/validate: フォルダ「{root}」がありません / content root {root} does not exist", file=sys.stderr)
        return 2
    selection = select_records(root, args.paths) if args.paths else Selection(everything=True)
    problems, records = list(selection.problems), 0
    if selection.removed:
        print("削除されたレコードがあるため、リンク切れがないか全件を確認します / a record was removed: checking every record for links to it",
              file=sys.stderr)
    if selection.everything or selection.folders:
        result = check_collections(root, workers=args.workers,
                                   selected=None if selection.everything else selection)
        problems, records = problems + result.problems, result.records
    if problems:
        _print(format_annotations(problems) if args.format == "github" else format_report(problems))
        return 1
    _print(ok_line(records))
    return 0


def _print(text: str) -> None:
    """Print to stdout; a reader that stopped early (``| head -1``) ends it quietly, without a traceback."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        # Python flushes stdout again at exit, which would raise once more: point it at /dev/null first.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


if __name__ == "__main__":
    sys.exit(main())
