"""The fast YAML reader (marks only under a few keys) gives the full reader's data and problems."""

from __future__ import annotations

import pytest

from showcase.check.fields import validate_document
from showcase.content.schema import ProfileRecord
from showcase.load.reader import parse_document
from tests.factories import dump, profile
from tests.unit.test_bad_input import BAD_PROFILES, GOOD

KEEP = frozenset({"related_cases", "municipality_code", "photos"})
WITH_PHOTO = GOOD + "photos:\n- file: photo.jpg\n  alt: 写真\n"
SAMPLES = {"good": GOOD, "with-photo": WITH_PHOTO, **BAD_PROFILES}


def _read(text: str, keep: frozenset[str] | None):
    doc = parse_document(text.encode(), "profiles/x/profile.yml", keep=keep)
    record, problems = validate_document(doc, ProfileRecord)
    return doc, record, doc.problems + problems


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_fast_and_full_readers_agree(name):
    fast_doc, fast_record, fast_problems = _read(SAMPLES[name], KEEP)
    full_doc, full_record, full_problems = _read(SAMPLES[name], None)
    assert fast_doc.data == full_doc.data
    assert fast_record == full_record
    assert fast_problems == full_problems


def test_a_well_formed_record_keeps_marks_only_under_the_kept_keys():
    doc = parse_document(WITH_PHOTO.encode(), "profiles/x/profile.yml", keep=KEEP)
    assert doc.partial is not None, "a well-formed record should take the fast path"
    assert doc.marks and {loc[0] for loc in doc.marks} <= KEEP
    assert doc.position(("photos", 0, "file")) == parse_document(WITH_PHOTO.encode(), "p").position(("photos", 0, "file"))
    assert doc.position(("hometown",)) == (1, 1), "no mark was kept for other keys"
    full = doc.with_all_marks()
    assert full.partial is None and full.data == doc.data
    line = WITH_PHOTO.splitlines().index(next(x for x in WITH_PHOTO.splitlines() if x.startswith("hometown:"))) + 1
    assert full.position(("hometown",)) == (line, 11)


@pytest.mark.parametrize("name", ["duplicate-key", "anchor-alias", "python-tag", "two-documents", "syntax", "lone-surrogate"])
def test_what_the_fast_reader_cannot_explain_is_read_again_in_full(name):
    doc = parse_document(BAD_PROFILES[name].encode(), "profiles/x/profile.yml", keep=KEEP)
    assert doc.partial is None
    assert doc.problems, "the full reader reports the problem"


def test_an_unquoted_non_text_value_is_converted_the_same_way_under_a_kept_key_and_elsewhere():
    text = dump(profile()).replace("municipality_code: '192040'", "municipality_code: 192040")
    assert text != dump(profile())
    fast_doc, _record, fast_problems = _read(text, KEEP)
    assert fast_doc.data["municipality_code"] == 192040
    assert fast_problems == _read(text, None)[2]
    assert any("引用符" in p.ja for p in fast_problems), "the full reader explains the unquoted number"


def test_reading_records_makes_no_reference_cycles(tmp_path):
    """collection._load_chunk turns the cycle collector off while it reads: that is only sound without cycles."""
    import gc

    from showcase.check.collection import load_collections
    from tests.factories import make_site

    profiles = {"good": GOOD, "with-photo": WITH_PHOTO, "unknown-key": BAD_PROFILES["unknown-key"],
                "syntax": BAD_PROFILES["syntax"], "duplicate-key": BAD_PROFILES["duplicate-key"]}
    root = make_site(tmp_path, profiles=profiles, cases={})
    load_collections(root, workers=1)  # warm: imports and caches made once are not the records' garbage
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        result = load_collections(root, workers=1)
        del result
        assert gc.collect() == 0, [type(obj).__name__ for obj in gc.garbage][:20]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()


def test_what_only_the_full_reader_refuses_is_reported_not_dropped():
    """Should the fast reader ever accept what the full reader refuses, the record fails with the full reader's
    problem: it is never dropped without a word."""
    from showcase.load.reader import Document

    text = BAD_PROFILES["anchor-alias"]
    doc = Document("profiles/x/profile.yml", data={"name": 1}, partial=text)  # as a fast read that let it through
    record, problems = validate_document(doc, ProfileRecord)
    assert record is None
    assert [p.en for p in problems] == ["YAML anchors (&) and aliases (*) are not allowed"]
