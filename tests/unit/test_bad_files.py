"""Problems with files rather than their text (issue 18): photos reported whatever else is wrong, misplaced record files."""

from __future__ import annotations

from showcase.check.collection import load_collections
from showcase.check.problems import format_report
from tests.factories import dump, make_site, profile
from tests.unit.golden import assert_golden

GOOD = dump(profile())
PHOTOS = "photos:\n- file: missing.jpg\n  alt: 交流拠点の様子\n- file: drawing.jpg\n  alt: 地図\n- alt: ファイル名のない写真\n"


def test_photos_are_checked_even_when_the_rest_fails(tmp_path):
    text = GOOD.replace("hometown:", "hometwon:").replace("start: 2023-04", "start: 2023/4") + PHOTOS
    root = make_site(tmp_path, profiles={"bad": text}, cases={})
    (root / "profiles" / "bad" / "drawing.jpg").write_text('<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    problems = load_collections(root, workers=1).problems
    assert {p.field for p in problems} >= {"hometwon", "term.start", "photos[0].file", "photos[1].file", "photos[2]"}
    assert_golden("photos-with-other-problems", format_report(problems))


def _misplaced_site(tmp_path):
    root = make_site(tmp_path, profiles={"sato-kenta": GOOD}, cases={})
    for folder, name in [("yaml-ext", "profile.yaml"), ("capital", "Profile.yml"), ("txt-ext", "profile.yml.txt")]:
        (root / "profiles" / folder).mkdir()
        (root / "profiles" / folder / name).write_text(GOOD, encoding="utf-8")
    (root / "profiles" / "photos-only").mkdir()
    (root / "profiles" / "photos-only" / "katsudou.jpg").write_bytes(b"\xff\xd8\xff")
    (root / "profiles" / "suzuki-hana.yml").write_text(GOOD, encoding="utf-8")
    (root / "cases" / "kyogikai.yaml").write_text(GOOD, encoding="utf-8")
    (root / "profile.yml").write_text(GOOD, encoding="utf-8")
    (root / "notes").mkdir()
    (root / "notes" / "case.yml").write_text(GOOD, encoding="utf-8")
    for ignored in ("docs", "site", "data", ".git", "node_modules"):  # not content: never searched
        (root / ignored).mkdir()
        (root / ignored / "profile.yml").write_text(GOOD, encoding="utf-8")
    return root


def test_misplaced_record_files_are_named_with_where_they_belong(tmp_path):
    result = load_collections(_misplaced_site(tmp_path), workers=1)
    assert [entry.slug for entry in result.profiles] == ["sato-kenta"]
    assert_golden("misplaced-record-files", format_report(result.problems))


def test_validate_and_build_fail_on_misplaced_files(tmp_path, capsys):
    from showcase.cli.validate import main
    root = make_site(tmp_path / "content", profiles={}, cases={})
    (root / "profiles" / "sato-kenta.yml").write_text(GOOD, encoding="utf-8")
    code = main(["--content-root", str(root), "--workers", "1"])
    assert code == 1 and capsys.readouterr().out.startswith("profiles/sato-kenta.yml:1:1: ")
