"""Every field has a Japanese label, defined once in the models, and messages name fields by it: 「名前（name）」."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from showcase.content.field_labels import field_paths, key_for_label, labelled
from showcase.load.reader import dotted, parse_document
from showcase.content.schema import CaseRecord, ProfileRecord
from showcase.check.fields import validate_document
from showcase.stats.table_schema import MODELS as STAT_MODELS

ROOT = Path(__file__).resolve().parents[2]
MODELS = {"profile": ProfileRecord, "case": CaseRecord}
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _paths(kind: str) -> list[tuple]:
    return [loc for loc, _info in field_paths(MODELS[kind])]


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_every_field_has_a_japanese_label_and_a_description_where_the_key_says_little(kind):
    for loc, info in field_paths(MODELS[kind]):
        assert info.title and JAPANESE.search(info.title), f"{dotted(loc)} has no Japanese title"
        assert "（任意）" not in info.title, f"{dotted(loc)}: the label is a name; say 'optional' in the description"


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_labels_are_unique_among_siblings_so_a_japanese_key_maps_back(kind):
    for loc in _paths(kind):
        assert key_for_label(MODELS[kind], loc[:-1] + (labelled(MODELS[kind], loc).split("（")[0],)) == loc[-1]


def _set(data, loc, value):
    for part in loc[:-1]:
        data = data[part]
    data[loc[-1]] = value


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_a_wrong_value_in_any_field_is_reported_with_its_label(kind):
    """Built from the annotated example, which carries every field: a float where none is allowed."""
    example = (ROOT / "examples" / f"{kind}.example.yml").read_text(encoding="utf-8")
    for loc in _paths(kind):
        data = yaml.safe_load(example)
        try:
            _set(data, loc, 3.5)
        except (KeyError, IndexError):
            pytest.fail(f"examples/{kind}.example.yml lacks {dotted(loc)}: the example shows every field")
        doc = parse_document(yaml.safe_dump(data, allow_unicode=True).encode(), f"{kind}.yml")
        _record, problems = validate_document(doc, MODELS[kind])
        named = [p for p in problems if p.field == dotted(loc)]
        assert named, f"{dotted(loc)}: no problem at the field ({problems})"
        assert all(p.ja.startswith(labelled(MODELS[kind], loc) + ": ") for p in named), named


def test_a_missing_field_is_named_by_its_label():
    doc = parse_document("name: 試験\n".encode(), "profile.yml")
    _record, problems = validate_document(doc, ProfileRecord)
    assert "必須の項目「都道府県（prefecture）」がありません" in {p.ja for p in problems}


@pytest.mark.parametrize("kind", sorted(STAT_MODELS))
def test_every_statistics_field_has_a_japanese_label(kind):
    """The one translator names statistics fields by label too: 「表の題名（title）」."""
    for loc, info in field_paths(STAT_MODELS[kind]):
        assert info.title and JAPANESE.search(info.title), f"{kind}: {dotted(loc)} has no Japanese title"
        assert key_for_label(STAT_MODELS[kind], loc[:-1] + (info.title,)) == loc[-1], f"{kind}: {info.title} is not unique"


def test_an_unknown_key_lists_the_fields_allowed_at_its_place():
    """A nested mapping with few fields lists them; the hint does not point at CONTRIBUTING.md's long list."""
    doc = parse_document("term: {begin: \"2020-04\"}\n".encode(), "profile.yml")
    _record, problems = validate_document(doc, ProfileRecord)
    unknown = [p for p in problems if p.field == "term.begin"]
    allowed = sorted(ProfileRecord.model_fields["term"].annotation.model_fields)
    assert [(p.ja, p.hint_ja) for p in unknown] == [("「begin」という項目はありません", f"ここで使える項目: {'、'.join(allowed)}")]
