"""The synthetic corpus (showcase_devtools.corpus): deterministic, valid, spread like the real programme."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

from showcase.check.collection import load_collections
from showcase.content.vocab import PREFECTURES, is_valid_municipality_code
from showcase_devtools import corpus_words
from showcase_devtools.corpus import MANIFEST, REPO_ROOT, check_out_dir, generate_corpus, invent_towns, plan_corpus


def _digest(root: Path) -> dict[str, str]:
    return {str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    generate_corpus(root, 120, 40, seed=7)
    return root


def test_same_seed_same_bytes_other_seed_other_bytes(small_corpus, tmp_path):
    again = generate_corpus(tmp_path / "again", 120, 40, seed=7)
    assert _digest(tmp_path / "again") == _digest(small_corpus)
    assert again == json.loads((small_corpus / MANIFEST).read_text(encoding="utf-8"))
    generate_corpus(tmp_path / "other", 120, 40, seed=8)
    assert _digest(tmp_path / "other") != _digest(small_corpus)


def test_every_record_loads_and_validates(small_corpus):
    result = load_collections(small_corpus, workers=1)
    assert result.problems == []
    assert (len(result.profiles), len(result.cases)) == (120, 40)
    assert any(entry.photos for entry in result.profiles + result.cases)
    assert any(entry.record.related_cases for entry in result.profiles)


def test_yaml_is_half_a_kilobyte_to_four(small_corpus):
    sizes = sorted(path.stat().st_size for path in small_corpus.rglob("*.yml"))
    assert sizes[len(sizes) // 20] >= 500
    assert sizes[-len(sizes) // 20] <= 4000
    assert sizes[-1] <= 4800


def test_mix_of_active_and_alumni_members(small_corpus):
    result = load_collections(small_corpus, workers=1)
    ends = [entry.record.term.end for entry in result.profiles]
    alumni = sum(1 for end in ends if end is not None and end < "2026-11")
    assert 0.5 < alumni / len(ends) < 0.9


def test_known_words_are_in_exactly_the_listed_records(small_corpus):
    manifest = json.loads((small_corpus / MANIFEST).read_text(encoding="utf-8"))
    assert {item["word"] for item in manifest["known_words"]} == {word for word, _ in corpus_words.KNOWN_WORDS}
    assert {item["script"] for item in manifest["known_words"]} >= {"katakana", "kanji"}
    for item in manifest["known_words"]:
        assert item["urls"], item["word"]
        holders = {f"{path.parent.parent.name}/{path.parent.name}/" for path in small_corpus.rglob("*.yml")
                   if item["word"] in path.read_text(encoding="utf-8")}
        assert holders == set(item["urls"]), item["word"]


def test_municipalities_cover_every_prefecture_with_valid_codes():
    import random

    towns = invent_towns(random.Random(1))
    assert set(towns) == {p.code for p in PREFECTURES}
    codes = [town.code for group in towns.values() for town in group]
    assert len(codes) == len(set(codes))
    assert all(is_valid_municipality_code(code) for code in codes)
    assert all(town.code[:2] == town.prefecture.code for group in towns.values() for town in group)
    for group in towns.values():
        assert len({town.name for town in group}) == len(group)


def test_proportions_hokkaido_has_the_most_members_and_all_prefectures_appear():
    slots = plan_corpus(6000, 2000, seed=3)
    members = Counter(slot.town.prefecture.name for slot in slots if slot.kind == "profile")
    assert members.most_common(1)[0][0] == "北海道"
    assert 0.09 < members["北海道"] / 6000 < 0.2
    assert len(members) == 47
    assert len({slot.town.prefecture.name for slot in slots if slot.kind == "case"}) == 47


@pytest.mark.parametrize("target", [REPO_ROOT, REPO_ROOT / "profiles", REPO_ROOT / "cases" / "x"])
def test_refuses_the_repository_content(target):
    with pytest.raises(SystemExit):
        check_out_dir(target)


def test_refuses_a_folder_that_is_not_a_corpus(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SystemExit):
        check_out_dir(tmp_path)
