"""Load every ``data/*.yml`` statistics file and validate it.

A file that has any problem is left out of the result; every problem of every
file is returned, so one run shows them all.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from showcase.check.fields import missing_field, not_a_choice, not_a_mapping, with_label
from showcase.check.fields import validate_document as validate_fields
from showcase.check.problems import Problem
from showcase.content.featured import FEATURED_FILE
from showcase.content.field_labels import labelled
from showcase.load.reader import Document, load_document, parse_document
from showcase.stats.checks import check_table
from showcase.stats.table_schema import MESSAGES, MODELS, PATTERNS, StatTable

TABLE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def load_statistics(data_dir: Path, display_root: Path) -> tuple[dict[str, StatTable], list[Problem]]:
    """All tables in ``data_dir`` keyed by id (file name without ``.yml``), and all problems."""
    tables: dict[str, StatTable] = {}
    problems: list[Problem] = []
    if not data_dir.is_dir():
        return tables, problems
    for path in sorted(data_dir.iterdir()):
        display = _display(path, display_root)
        if path.suffix == ".yaml":
            problems.append(Problem(display, 1, 1, "", "拡張子は .yml にしてください", "use the .yml extension",
                                    f"{path.stem}.yml に名前を変えてください", f"rename the file to {path.stem}.yml"))
            continue
        if path.suffix != ".yml" or path.name == FEATURED_FILE:  # the home page's featured records, not a table
            continue
        doc = load_document(path, display)
        table, found = validate_document(doc, path.stem)
        problems += found
        if table is not None:
            tables[table.id] = table
    return tables, problems


def parse_table(raw: bytes, display_path: str, table_id: str) -> tuple[StatTable | None, list[Problem]]:
    """Validate one file's bytes (used by tests and by ``scripts/``)."""
    return validate_document(parse_document(raw, display_path), table_id)


def validate_document(doc: Document, table_id: str) -> tuple[StatTable | None, list[Problem]]:
    problems = list(doc.problems)
    if not TABLE_ID.match(table_id):
        problems.append(Problem(doc.path, 1, 1, "", f"ファイル名「{table_id}」に使えない文字があります",
                                f"file name '{table_id}' has characters that are not allowed",
                                "英小文字・数字・「-」だけにしてください（例: rmo-growth.yml）",
                                "use lowercase letters, digits and '-' only (for example rmo-growth.yml)"))
    data = doc.data
    if doc.problems and data is None:
        return None, problems
    if not isinstance(data, dict):
        problems.append(not_a_mapping(doc, ("data/ にある既存の表を手本にしてください", "use a table already in data/ as a model")))
        return None, problems
    model = _model_for(doc, data, problems)
    if model is None:
        return None, problems
    spec, found = validate_fields(doc, model, patterns=PATTERNS, messages=MESSAGES)
    problems += found
    problems += check_table(doc, data)
    problems = list(dict.fromkeys(problems))  # the schema and the checks may both see a split number
    if problems or spec is None:
        return None, problems
    return StatTable(table_id, doc.path, spec), problems


def _model_for(doc: Document, data: dict[str, Any], problems: list[Problem]) -> Any:
    """The model ``kind`` names; the messages are the translator's (the model is unknown, so pydantic cannot say)."""
    kind, kinds = data.get("kind"), tuple(MODELS)
    label = labelled(MODELS[kinds[0]], ("kind",))
    if "kind" not in data:
        problems.append(missing_field(doc, ("kind",), label, kinds))
        return None
    if not isinstance(kind, str) or kind not in MODELS:
        problems.append(with_label(not_a_choice(doc, ("kind",), kind, list(kinds)), label))
        return None
    return MODELS[kind]


def _display(path: Path, display_root: Path) -> str:
    try:
        return path.resolve().relative_to(display_root.resolve()).as_posix()
    except ValueError:
        return path.name
