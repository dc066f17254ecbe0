import json
from pathlib import Path

from showcase.content.schema_export import schema_documents

ROOT = Path(__file__).resolve().parents[2]


def test_committed_json_schemas_are_fresh():
    for name, text in schema_documents().items():
        committed = (ROOT / "schemas" / name).read_text(encoding="utf-8")
        assert committed == text, f"schemas/{name} is stale: run scripts/export-schemas and commit it"


def test_schema_forbids_unknown_keys_and_lists_vocabularies():
    profile = json.loads(schema_documents()["profile.schema.json"])
    assert profile["additionalProperties"] is False
    assert len(profile["properties"]["prefecture"]["enum"]) == 47
    assert "consent" in profile["required"]
    assert profile["properties"]["name"]["title"] == "名前"
