"""The event reader (showcase.load.events behind showcase.load.reader): exact positions, explained types, no cycles."""

from __future__ import annotations

from showcase.check.fields import validate_document
from showcase.content.schema import ProfileRecord
from showcase.load.reader import parse_document
from tests.factories import dump, profile
from tests.unit.test_bad_input import BAD_PROFILES, GOOD

WITH_PHOTO = GOOD + "photos:\n- file: photo.jpg\n  alt: 写真\n"


def test_every_value_keeps_its_exact_position():
    doc = parse_document(WITH_PHOTO.encode(), "profiles/x/profile.yml")
    line = WITH_PHOTO.splitlines().index(next(x for x in WITH_PHOTO.splitlines() if x.startswith("hometown:"))) + 1
    assert doc.position(("hometown",)) == (line, 11)
    assert doc.position(("photos", 0, "file")) == (len(WITH_PHOTO.splitlines()) - 1, 9)


def test_an_unquoted_non_text_value_is_explained():
    text = dump(profile()).replace("municipality_code: '192040'", "municipality_code: 192040")
    assert text != dump(profile())
    doc = parse_document(text.encode(), "profiles/x/profile.yml")
    assert doc.data["municipality_code"] == 192040
    _record, problems = validate_document(doc, ProfileRecord)
    assert any("引用符" in p.ja for p in problems)


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
