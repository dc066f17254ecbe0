"""JSON Schema files generated from the pydantic models, for editors (yaml-language-server) and CI."""

from __future__ import annotations

import json
from pathlib import Path

from showcase.content.schema import CaseRecord, ProfileRecord
from showcase.stats.table_schema import stats_json_schema

SCHEMAS = {"profile.schema.json": ProfileRecord.model_json_schema, "case.schema.json": CaseRecord.model_json_schema,
           "stats.schema.json": stats_json_schema}


def schema_documents() -> dict[str, str]:
    """File name → JSON text, deterministic (sorted keys, trailing newline)."""
    out = {}
    for name, make_schema in SCHEMAS.items():
        schema = make_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://chiiki-showcase.github.io/chiiki-showcase/schemas/{name}"
        out[name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_documents().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
