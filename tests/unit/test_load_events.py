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


def _xml_legal(code: int) -> bool:
    """XML 1.0's Char production."""
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF


def test_every_code_point_xml_cannot_carry_and_every_noncharacter_and_bidi_control_is_refused():
    from showcase.load.events import bad_character

    noncharacters = [*range(0xFDD0, 0xFDF0), *(plane * 0x10000 + low for plane in range(17) for low in (0xFFFE, 0xFFFF))]
    bidi = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
    refused = {code for code in range(0x110000) if bad_character(f"ab{chr(code)}") == 2}
    assert {code for code in range(0x110000) if not _xml_legal(code)} <= refused
    assert set(noncharacters) <= refused and set(bidi) <= refused
    assert {0x9, 0xA, 0xD, 0x20, 0x3042, 0x200B, 0x200D, 0xFEFF, 0x1F600} & refused == set()  # ZWJ emoji, ZWSP stay text
