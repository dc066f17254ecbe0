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


def test_slugs_have_the_validators_length_limit():
    """Issue 20, finding 6: the folder name rule (64 characters) holds for references to folders too."""
    from showcase.check.collection import folder_name_refusal
    from showcase.cli.scaffold_answers import check_slug

    profile = json.loads(schema_documents()["profile.schema.json"])
    assert profile["properties"]["related_cases"]["items"]["maxLength"] == 64
    assert folder_name_refusal("a" * 64) is None and check_slug("a" * 64) == ("a" * 64, None)
    assert folder_name_refusal("a" * 65) is not None and check_slug("a" * 65)[0] is None
