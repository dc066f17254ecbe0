"""CONTRIBUTING.md and examples/ stay in step with the schema, the vocabularies, the photo limits and the scripts."""

from __future__ import annotations

import json
import re
import shutil
import typing
from pathlib import Path

import pytest
import yaml
from PIL import Image
from pydantic import BaseModel

from showcase.check.collection import load_collections
from showcase.check.photos import MAX_BYTES, MAX_PIXELS, MIN_SIDE
from showcase.content.record_template import blank_templates
from showcase.content.schema import CaseRecord, Consent, ProfileRecord
from showcase.content.vocab import ACTIVITY_FIELDS, LEGAL_FORMS, RMO_CATEGORIES

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
EXAMPLES = ROOT / "examples"


def field_names(model: type[BaseModel]) -> set[str]:
    """Every key a record can have, nested models included."""
    names: set[str] = set()
    for name, info in model.model_fields.items():
        names.add(name)
        for inner in _models_in(info.annotation):
            names |= field_names(inner)
    return names


def _models_in(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in typing.get_args(annotation) for model in _models_in(arg)]


ALL_FIELDS = sorted(field_names(ProfileRecord) | field_names(CaseRecord))


def test_nested_fields_are_found():
    assert {"as_of", "basis", "caption", "organisation", "category", "note", "start"} <= set(ALL_FIELDS)


@pytest.mark.parametrize("name", ALL_FIELDS)
def test_every_schema_field_is_documented(name):
    assert f"`{name}`" in GUIDE, f"CONTRIBUTING.md does not mention the field `{name}`: add it to the field tables"


@pytest.mark.parametrize("value", [*ACTIVITY_FIELDS, *RMO_CATEGORIES, *LEGAL_FORMS,
                                   *typing.get_args(Consent.model_fields["basis"].annotation)])
def test_every_choice_is_listed(value):
    assert value in GUIDE, f"CONTRIBUTING.md does not list the choice {value!r}"


def test_photo_limits_match_the_checks():
    assert f"{MAX_BYTES // 1_000_000} MB まで" in GUIDE
    assert f"{MAX_PIXELS // 10_000_000 * 1000} 万画素まで" in GUIDE
    assert f"{MIN_SIDE} ピクセル以上" in GUIDE
    for words in ("JPEG・PNG・WebP", "alt", "caption", "GPS", "同意"):
        assert words in GUIDE


def test_guide_covers_the_path_and_english_summary():
    for heading in ("## 9. 写真", "## 10. 掲載への同意の記録", "## 12. 掲載の取り下げ（削除）", "## English summary",
                    "## 3. ブラウザだけで追加する"):
        assert heading in GUIDE
    assert "consent.date" in GUIDE and "consent.basis" in GUIDE


@pytest.mark.parametrize("script", sorted(set(re.findall(r"scripts/[a-z-]+", GUIDE))))
def test_scripts_named_in_the_guide_exist(script):
    path = ROOT / script
    assert path.is_file() and path.stat().st_mode & 0o111, f"{script} is named in CONTRIBUTING.md but missing"


@pytest.mark.parametrize("link", sorted(set(re.findall(r"\]\(((?:examples|schemas)/[^)#]+)\)", GUIDE))))
def test_relative_links_resolve(link):
    assert (ROOT / link).is_file(), link


def _content_root_with_examples(tmp_path: Path) -> Path:
    for kind, folder, slug in (("profile", "profiles", "mihon-hanako"), ("case", "cases", "mihon-kyogikai")):
        target = tmp_path / folder / slug
        target.mkdir(parents=True)
        source = EXAMPLES / f"{kind}.example.yml"
        shutil.copy(source, target / f"{kind}.yml")
        for photo in yaml.safe_load(source.read_text(encoding="utf-8")).get("photos", []):
            Image.new("RGB", (400, 300), "white").save(target / photo["file"], "JPEG")
    return tmp_path


def test_examples_are_valid_records(tmp_path):
    result = load_collections(_content_root_with_examples(tmp_path), workers=1)
    assert result.problems == []
    assert len(result.profiles) == 1 and len(result.cases) == 1


@pytest.mark.parametrize(("kind", "model"), [("profile", ProfileRecord), ("case", CaseRecord)])
def test_examples_use_every_field(kind, model):
    text = (EXAMPLES / f"{kind}.example.yml").read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../schemas/{kind}.schema.json\n")
    missing = [name for name in field_names(model) if not re.search(rf"(?m)^\s*(- )?{name}:", text)]
    assert missing == [], f"examples/{kind}.example.yml lacks {missing}"


def test_examples_are_annotated():
    for path in EXAMPLES.glob("*.example.yml"):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(- )?[a-z_]+:", line)]
        commented = [line for line in lines if "#" in line]
        assert len(commented) >= len(lines) * 0.6, f"{path.name}: most fields should carry a comment"


@pytest.mark.parametrize("name", sorted(blank_templates()))
def test_blank_templates_are_fresh(name):
    committed = (EXAMPLES / name).read_text(encoding="utf-8")
    assert committed == blank_templates()[name], f"examples/{name} is stale: run python -m showcase.content.record_template examples"


def test_readme_points_to_the_guide():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Contributing", 1)[1].split("\n## ", 1)[0]
    for words in ("CONTRIBUTING.md", "scripts/new-profile", "scripts/validate"):
        assert words in section


@pytest.mark.parametrize("kind", ["profile", "case"])
def test_examples_match_the_editor_schema(kind):
    """The JSON Schema editors use (via the yaml-language-server line) accepts the examples too."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load((EXAMPLES / f"{kind}.example.yml").read_text(encoding="utf-8"))
    errors = [error.message for error in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize(("kind", "folder"), [("profile", "profiles"), ("case", "cases")])
def test_blank_template_copied_by_hand_lists_only_blanks(tmp_path, kind, folder):
    """The browser path: the template pasted into <folder>/<slug>/<kind>.yml gives field problems, never YAML errors."""
    target = tmp_path / folder / "by-hand"
    target.mkdir(parents=True)
    shutil.copy(EXAMPLES / f"{kind}.template.yml", target / f"{kind}.yml")
    problems = load_collections(tmp_path, workers=1).problems
    assert problems and all(p.field and p.line > 1 for p in problems)


# What section 8 says must be quoted: year-months, codes and phone numbers.
_QUOTED_KEYS = {"start", "end", "as_of", "date", "published", "municipality_code", "phone"}


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yml")), ids=lambda path: path.name)
def test_examples_quote_what_the_guide_says_must_be_quoted(path):
    events = list(yaml.parse(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader))
    unquoted = []
    for key, value in zip(events, events[1:]):
        if isinstance(key, yaml.ScalarEvent) and key.value in _QUOTED_KEYS and isinstance(value, yaml.ScalarEvent):
            if value.style != '"':
                unquoted.append(f"{key.value}: {value.value} (line {value.start_mark.line + 1})")
    assert unquoted == [], f"{path.name}: CONTRIBUTING.md §8 says to quote these"


def test_section_8_names_the_mistakes_the_validator_explains():
    section = GUIDE.split("## 8. YAML の書き方の注意", 1)[1].split("\n## ", 1)[0]
    for words in ("全角スペース", "`: `", "` #`", '`title: "移住相談: 窓口"`', '`title: "移住相談 #1窓口"`', "半角スペース2つ以上",
                  "`令和5年4月`"):
        assert words in section, words
