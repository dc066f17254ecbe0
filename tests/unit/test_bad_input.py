"""Every bad input the data contract lists is rejected with an exact, located, bilingual message."""

from __future__ import annotations

import os

import pytest
from PIL import Image

from showcase.check.collection import load_collections
from showcase.check.problems import format_report
from showcase.load.reader import MAX_FILE_BYTES
from tests.factories import case, dump, make_site, profile, write_record
from tests.unit.golden import assert_golden

GOOD = dump(profile())

BAD_PROFILES: dict[str, str] = {
    "syntax": GOOD.replace("name: 試験 花子", "name: 試験 花子\n  oops: [unclosed"),
    "unknown-key": GOOD.replace("hometown:", "hometwon:"),
    "japanese-key": GOOD.replace("hometown:", "出身地:").replace("  start:", "  着任:"),  # keys written as their labels
    "missing-required": GOOD.replace("goals: 任期後も地域に住み続けたいです。\n", ""),
    "duplicate-key": GOOD + "name: 別の名前\n",
    "anchor-alias": GOOD.replace("hometown: 東京都", "hometown: &town 東京都\nmoved_from: *town"),
    "python-tag": GOOD.replace("hometown: 東京都", "hometown: !!python/object/apply:os.system ['echo pwned']"),
    "two-documents": GOOD + "---\nname: 二つ目\n",
    "implicit-bool": GOOD.replace("hometown: 東京都", "hometown: NO"),
    "implicit-octal": GOOD.replace("hometown: 東京都", "hometown: 0600"),
    "implicit-sexagesimal": GOOD.replace("hometown: 東京都", "hometown: 1:30"),
    "implicit-date": GOOD.replace("hometown: 東京都", "hometown: 2024-06-01"),
    "implicit-date-in-term": GOOD.replace("start: 2023-04", "start: 2023-04-01"),
    "deep-nesting": GOOD.replace("hometown: 東京都", "hometown: " + "[" * 100000),
    "lone-surrogate": GOOD.replace("hometown: 東京都", 'hometown: "\\ud800"'),
    "control-character": GOOD.replace("hometown: 東京都", "hometown: 東京\x07都"),
    # Issue 20: a noncharacter made feed.xml not well-formed; a bidi override made an address display as another.
    "noncharacter": GOOD.replace("hometown: 東京都", "hometown: 東京\ufffe都"),
    "noncharacter-escaped": GOOD.replace("hometown: 東京都", 'hometown: "東京\\uFFFE都"'),
    "bidi-control": GOOD + "links:\n- label: 町の公式サイト\n  url: https://evil.example/#\u202Epj.gl.nwot\n",
    "bidi-control-escaped": GOOD + 'links:\n- label: 町の公式サイト\n  url: "https://evil.example/#\\u202Epj.gl.nwot"\n',
    "javascript-link": GOOD + "links:\n- label: 危険\n  url: javascript:alert(1)\n",
    "http-link": GOOD + "links:\n- label: 古いサイト\n  url: http://example.jp/\n",
    "data-link": GOOD + "links:\n- label: データ\n  url: data:text/html,<script>alert(1)</script>\n",
    "bad-municipality-code": GOOD.replace("'192040'", "'192041'"),
    "prefecture-code-mismatch": GOOD.replace("prefecture: 山梨県", "prefecture: 奈良県"),
    "municipality-mismatch": GOOD.replace("'192040'", "'192066'"),  # 大月市's code beside 都留市
    "municipality-code-not-listed": GOOD.replace("'192040'", "'192031'"),  # check digit right, no such municipality
    "municipality-unknown-name": GOOD.replace("municipality: 都留市", "municipality: 都留"),
    "unknown-prefecture": GOOD.replace("prefecture: 山梨県", "prefecture: 山梨"),
    "empty-value": GOOD.replace("prefecture: 山梨県", "prefecture:"),
    "term-order": GOOD.replace("end: 2026-03", "end: 2020-03"),
    "many-problems": GOOD.replace("hometown:", "hometwon:").replace("prefecture: 山梨県", "prefecture: 山梨").replace("start: 2023-04", "start: 2023-4"),
    "photo-outside-folder": GOOD + "photos:\n- file: ../../cases/other/photo.jpg\n  alt: 写真\n",
    "photo-missing-alt": GOOD + "photos:\n- file: photo.jpg\n",
    "katakana-reading": GOOD.replace("name: 試験 花子", "name: 試験 花子\nname_kana: シケン ハナコ"),
    # a term's end and what came after (showcase.check.term): what the record states, checked against itself
    "after-term-with-planned-end": GOOD.replace("end: 2026-03", "end: 2026-03\n  end_planned: true") + "after_term:\n  settled: 同じ市町村\n",
    "end-after-published": GOOD.replace("end: 2026-03", "end: 2027-03"),
    "end-planned-without-end": GOOD.replace("  end: 2026-03", "  end_planned: true"),
    "after-term-bad-values": GOOD + "after_term:\n  settled: 同じ町\n  path:\n  - 起業\n  - 会社員\n  since: 2026-4\n",
}


@pytest.mark.parametrize("name", sorted(BAD_PROFILES))
def test_bad_profile_is_reported_exactly(tmp_path, name):
    assert BAD_PROFILES[name] != GOOD, "the fixture's replacement did not apply"
    root = make_site(tmp_path, profiles={"bad": BAD_PROFILES[name]}, cases={})
    result = load_collections(root, workers=1)
    assert result.problems, "a bad input must produce at least one problem"
    assert not result.profiles, "a record with problems must not be published"
    assert_golden(f"profile-{name}", format_report(result.problems))


def test_oversized_file(tmp_path):
    root = make_site(tmp_path, profiles={"big": GOOD + "# " + "あ" * MAX_FILE_BYTES + "\n"}, cases={})
    assert_golden("profile-oversized", format_report(load_collections(root, workers=1).problems))


def test_slug_collision_after_folding(tmp_path):
    root = make_site(tmp_path, profiles={}, cases={})
    write_record(root, "profile", "yamada-taro", profile())
    write_record(root, "profile", "Yamada-Taro", profile())
    assert_golden("slug-collision", format_report(load_collections(root, workers=1).problems))


def test_a_slug_too_long_for_the_build_is_refused(tmp_path):
    """Issue 20, finding 6: a 240-character folder name passed, then the build died (OSError: File name too long)."""
    root = make_site(tmp_path, profiles={}, cases={})
    write_record(root, "profile", "a" * 240, profile())
    write_record(root, "profile", "b" * 64, profile())  # at the limit: fine
    result = load_collections(root, workers=1)
    assert [e.slug for e in result.profiles] == ["b" * 64]
    assert_golden("slug-too-long", format_report(result.problems))


def test_symlinked_photo(tmp_path):
    root = make_site(tmp_path, profiles={"linked": GOOD + "photos:\n- file: photo.jpg\n  alt: 活動の様子\n"}, cases={})
    real = tmp_path / "elsewhere.jpg"
    Image.new("RGB", (400, 300), "white").save(real, "JPEG")
    os.symlink(real, root / "profiles" / "linked" / "photo.jpg")
    assert_golden("photo-symlink", format_report(load_collections(root, workers=1).problems))


def test_renamed_non_image(tmp_path):
    root = make_site(tmp_path, profiles={"fake": GOOD + "photos:\n- file: photo.jpg\n  alt: 活動の様子\n"}, cases={})
    (root / "profiles" / "fake" / "photo.jpg").write_text('<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    assert_golden("photo-renamed-svg", format_report(load_collections(root, workers=1).problems))


def test_link_to_removed_record(tmp_path):
    root = make_site(tmp_path, profiles={"a": profile(related_cases=["gone"])}, cases={"b": case(related_profiles=["missing"])})
    assert_golden("dangling-cross-links", format_report(load_collections(root, workers=1).problems))


def test_every_problem_in_every_file_in_one_run(tmp_path):
    root = make_site(tmp_path, profiles={"a": BAD_PROFILES["unknown-key"], "b": BAD_PROFILES["implicit-bool"]},
                     cases={"c": dump(case(legal_form="株式会社"))})
    problems = load_collections(root, workers=1).problems
    assert {p.path for p in problems} == {"profiles/a/profile.yml", "profiles/b/profile.yml", "cases/c/case.yml"}


def test_valid_site_has_no_problems(tmp_path):
    result = load_collections(make_site(tmp_path), workers=1)
    assert result.problems == []
    assert [e.slug for e in result.profiles] == ["shiken-hanako"]
