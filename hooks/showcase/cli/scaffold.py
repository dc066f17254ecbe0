"""``scripts/new-profile`` and ``scripts/new-case``: create a record folder from the commented template.

In a terminal without flags it asks for the short facts (folder name, name,
place, dates, consent); with flags (``--slug``, ``--name``, …, for CI and
tests) it asks nothing.  Facts not given are left blank in the file, never
invented.  Afterwards the new file is checked with the real loader, and what
is still blank is listed, so the contributor knows what to write.

Refuses an existing folder and a folder name that cannot be a URL, with the
same bilingual messages as the build (:class:`showcase.check.problems.Problem`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Sequence
from urllib.parse import urlparse

from showcase.check.collection import COLLECTIONS, load_entry
from showcase.check.problems import Problem
from showcase.cli.scaffold_answers import (Check, Message, check_code, check_fields, check_line, check_municipality,
                                           check_name_kana, check_prefecture, check_slug, check_text, check_year_month,
                                           choice, complete_place)
from showcase.content.record_template import case_template, profile_template
from showcase.content.vocab import ACTIVITY_FIELDS, LEGAL_FORMS, RMO_CATEGORIES

REPO_ROOT = Path(__file__).resolve().parents[3]
CONTENT_ENV = "SHOWCASE_CONTENT"  # as showcase.pipeline.site_build, which is not imported: it pulls in the renderer (slow start-up)
BASES = ("本人の同意", "公的機関の公表資料")


class Refused(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems


@dataclass(frozen=True)
class Question:
    key: str  # field path in the template's facts, e.g. "term.start"
    flag: str
    ja: str
    en: str
    check: Check
    ask: bool = True  # asked in a terminal (long texts are written in the editor instead)
    options: tuple[str, ...] = ()


def _questions(kind: str) -> list[Question]:
    head = [
        Question("name", "--name", "名前" if kind == "profile" else "組織の名前", "name", check_line),
        Question("name_kana", "--name-kana", "よみがな（ひらがな。例: やまだ たろう。省略するなら Enter）",
                 "reading in hiragana (Enter to skip)", check_name_kana),
        Question("prefecture", "--prefecture", "都道府県（例: 山梨県）", "prefecture", check_prefecture),
        Question("municipality", "--municipality", "市区町村（例: 都留市）", "municipality", check_municipality(None)),
        Question("municipality_code", "--municipality-code", "全国地方公共団体コード（Enter で市区町村名から調べます）",
                 "local government code (Enter: looked up from the name)", check_code(None, None)),
    ]
    activity = [Question("activity.title", "--activity-title", "活動の見出し", "activity title", check_line, ask=False),
                Question("activity.body", "--activity-body", "活動の説明", "activity description", check_text, ask=False)]
    if kind == "profile":
        return head + [
            Question("term.start", "--term-start", "着任した年月（例: 2023-04）", "term start (YYYY-MM)", check_year_month),
            Question("term.end", "--term-end", "任期の終了（予定）年月（未定なら Enter）", "term end (YYYY-MM, Enter if unknown)",
                     check_year_month),
            Question("consent.basis", "--consent-basis", "掲載の根拠", "consent basis", choice(BASES), options=BASES),
            Question("consent.date", "--consent-date", "同意を得た（公表された）年月（例: 2026-10）", "consent date (YYYY-MM)",
                     check_year_month),
            Question("published", "--published", "掲載年月（Enter で今月）", "published (YYYY-MM, Enter for this month)", check_year_month),
            Question("motivation", "--motivation", "応募したきっかけ", "motivation", check_text, ask=False),
            Question("goals", "--goals", "今後の抱負", "goals", check_text, ask=False),
        ] + activity
    return head + [
        Question("legal_form", "--legal-form", "組織形態（不明なら Enter）", "legal form (Enter if unknown)", choice(LEGAL_FORMS),
                 options=LEGAL_FORMS),
        Question("area", "--area", "活動区域（例: ○○小学校区、不明なら Enter）", "area (Enter to skip)", check_line),
        Question("activity.category", "--activity-category", "活動の分類", "activity category", choice(tuple(RMO_CATEGORIES)),
                 options=tuple(RMO_CATEGORIES)),
        Question("published", "--published", "掲載年月（Enter で今月）", "published (YYYY-MM, Enter for this month)", check_year_month),
        Question("summary", "--summary", "概要", "summary", check_text, ask=False),
    ] + activity


def _parser(kind: str) -> argparse.ArgumentParser:
    what = "協力隊プロフィール" if kind == "profile" else "地域運営組織の事例"
    parser = argparse.ArgumentParser(
        prog=f"scripts/new-{kind}",
        description=f"{what}のフォルダとテンプレートを作ります / create a new {kind} from the commented template. "
                    "端末ではフラグなしで質問に答えて作れます / run without flags in a terminal to be asked.")
    parser.add_argument("--slug", help="フォルダ名＝URL（例: yamada-taro） / folder name, which becomes the URL")
    for question in _questions(kind):
        parser.add_argument(question.flag, dest=question.key, metavar=question.flag[2:].upper().replace("-", "_"),
                            help=f"{question.ja} / {question.en}")
    if kind == "profile":
        parser.add_argument("--field", dest="fields", action="append", default=None,
                            help=f"活動分野（1〜3回指定） / activity field (repeat up to 3 times): {'、'.join(ACTIVITY_FIELDS)}")
    parser.add_argument("--content-root", type=Path, default=None,
                        help=f"profiles/ と cases/ のあるフォルダ（既定: ${CONTENT_ENV} かリポジトリ）")
    parser.add_argument("--no-input", action="store_true", help="質問しない / never prompt (the default when not in a terminal)")
    return parser


def _refusal(flag: str, message: Message) -> Problem:
    return Problem(flag, 1, 1, "", *message)


def _ask(question: Question, ask: Callable[[str], str]) -> str | None:
    """Ask until the answer is valid or empty (empty: leave it blank to write later)."""
    menu = "".join(f"\n  {number}. {option}" for number, option in enumerate(question.options, 1))
    while True:
        answer = ask(f"{question.ja} / {question.en}{menu}\n> ").strip()
        if not answer:
            return None
        value, message = question.check(answer)
        if message is None:
            return value
        print(f"  {message[0]} / {message[1]}" + (f" （{message[2]}）" if message[2] else ""))


def existing_folder(root: Path, kind: str, slug: str) -> Problem | None:
    """A refusal when the record folder exists (also under another letter case)."""
    dirname = COLLECTIONS[kind][0]
    base = root / dirname
    existing = {name.casefold(): name for name in os.listdir(base)} if base.is_dir() else {}
    if slug.casefold() not in existing:
        return None
    taken = f"{dirname}/{existing[slug.casefold()]}"
    return Problem(taken, 1, 1, "", f"フォルダ「{taken}」は既にあります", "that folder already exists",
                   "別のフォルダ名にするか、既にあるファイルを編集してください", "choose another folder name, or edit the existing file")


def _slug_check(root: Path, kind: str) -> Check:
    def check(value: str) -> tuple[str, None] | tuple[None, Message]:
        checked, message = check_slug(value)
        taken = existing_folder(root, kind, checked) if checked else None
        if taken:
            return None, (taken.ja, taken.en, taken.hint_ja, taken.hint_en)
        return checked, message
    return check


def gather(kind: str, args: argparse.Namespace, ask: Callable[[str], str] | None, root: Path) -> tuple[str, dict[str, str], list[str]]:
    """Slug, facts and activity fields from flags (checked) and, in a terminal, from answers (asked again until valid)."""
    problems: list[Problem] = []
    facts: dict[str, str] = {}
    slug = args.slug
    slug_question = Question("slug", "--slug", "フォルダ名（URL になります。例: yamada-taro）", "folder name, which becomes the URL",
                             _slug_check(root, kind))
    while slug is None and ask is not None:
        slug = _ask(slug_question, ask)
    if slug is None:
        problems.append(Problem("--slug", 1, 1, "", "フォルダ名がありません", "no folder name given",
                                "--slug yamada-taro のように指定してください", "give one, e.g. --slug yamada-taro"))
    else:
        checked, message = slug_question.check(slug)
        if message:
            problems.append(_refusal("--slug", message))
        slug = checked
    for question in _questions(kind):
        if question.key == "municipality":
            question = replace(question, check=check_municipality(facts.get("prefecture")))
        elif question.key == "municipality_code":
            question = replace(question, check=check_code(facts.get("prefecture"), facts.get("municipality")))
        given = getattr(args, question.key, None)
        if given is not None:
            value, message = question.check(given)
            if message:
                problems.append(_refusal(question.flag, message))
            else:
                facts[question.key] = value
        elif ask is not None and question.ask:
            answer = _ask(question, ask)
            if answer is not None:
                facts[question.key] = answer
    complete_place(facts)
    fields: list[str] = []
    if kind == "profile":
        given_fields = getattr(args, "fields", None)
        if given_fields is None and ask is not None:
            answer = _ask(Question("fields", "--field", "活動分野（番号をカンマ区切りで1〜3個。例: 1,3）", "activity fields (1-3 numbers)",
                                   check_fields, options=tuple(ACTIVITY_FIELDS)), ask)
            given_fields = answer.split("\n") if answer else []
        for value in given_fields or []:
            checked, message = choice(tuple(ACTIVITY_FIELDS))(value)
            if message:
                problems.append(_refusal("--field", message))
            else:
                fields.append(checked)
        if len(fields) > 3:
            problems.append(Problem("--field", 1, 1, "", "活動分野は3個までです", "at most 3 activity fields"))
    if problems:
        raise Refused(problems)
    return slug, facts, fields


def create(kind: str, root: Path, slug: str, facts: dict[str, str], fields: Sequence[str]) -> Path:
    """Write the new record's YAML; refuse when its folder exists (also under another letter case)."""
    dirname, filename, _model = COLLECTIONS[kind]
    taken = existing_folder(root, kind, slug)
    if taken:
        raise Refused([taken])
    folder = root / dirname / slug
    folder.mkdir(parents=True)
    text = profile_template(slug, facts, fields) if kind == "profile" else case_template(slug, facts)
    path = folder / filename
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return path


def default_content_root() -> Path:
    value = os.environ.get(CONTENT_ENV)
    return Path(value) if value else REPO_ROOT


def main(argv: Sequence[str] | None = None, *, ask: Callable[[str], str] | None = None,
         today: dt.date | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in COLLECTIONS:
        print("usage: python -m showcase.cli.scaffold {profile|case} [options]", file=sys.stderr)
        return 2
    kind, rest = argv[0], argv[1:]
    args = _parser(kind).parse_args(rest)
    given = args.slug is not None or getattr(args, "fields", None) is not None or \
        any(getattr(args, question.key) is not None for question in _questions(kind))
    if ask is None and not args.no_input and not given and sys.stdin.isatty():
        ask = input
    root = args.content_root or default_content_root()
    try:
        slug, facts, fields = gather(kind, args, ask, root)
        facts.setdefault("published", (today or dt.date.today()).strftime("%Y-%m"))
        path = create(kind, root, slug, facts, fields)
    except Refused as refused:
        for problem in refused.problems:
            print(f"scripts/new-{kind}: {problem.path}: {problem.message()}", file=sys.stderr)
        return 2
    dirname, filename, _model = COLLECTIONS[kind]
    shown = f"{dirname}/{slug}/{filename}"
    print(f"作成しました / created: {shown}")
    _entry, problems = load_entry(root, kind, slug, path)
    if problems:
        print(f"\nエディタで {shown} を開き、次の項目を書いてください / open it in your editor and fill in:")
        for problem in sorted(problems):
            print(f"  {problem.line:>3} 行目  {problem.field}: {problem.ja}")  # ja names the field: 「名前（name）」
    else:
        print("必須の項目はそろっています / every required field is filled in")
    print(f"\n確認 / check:    scripts/validate {dirname}/{slug}"
          f"\nプレビュー / preview:  scripts/serve → http://127.0.0.1:8000{site_path()}{dirname}/{slug}/")
    return 0


def site_path() -> str:
    """The path part of ``site_url`` in mkdocs.yml, where ``mkdocs serve`` serves the site (e.g. /chiiki-showcase/)."""
    try:
        text = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    except OSError:
        return "/"
    match = re.search(r"(?m)^site_url:\s*(\S+)", text)
    path = urlparse(match.group(1)).path if match else "/"
    return path if path.endswith("/") else path + "/"


if __name__ == "__main__":
    sys.exit(main())
