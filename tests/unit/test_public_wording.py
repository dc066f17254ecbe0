"""What is published is written for readers: the committed pages, records and data files hold no note to
maintainers (the built HTML is checked by tests/integration/test_public_site.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.public_wording import maintainer_phrases_in

ROOT = Path(__file__).resolve().parents[2]
PUBLISHED_SOURCES = sorted([*(ROOT / "docs").rglob("*.md"), *(ROOT / "profiles").glob("*/profile.yml"),
                            *(ROOT / "cases").glob("*/case.yml"), *(ROOT / "data").glob("*.yml")])


@pytest.mark.parametrize("path", PUBLISHED_SOURCES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_note_to_maintainers_in_what_is_published(path):
    assert maintainer_phrases_in(path.read_text(encoding="utf-8")) == []


def test_the_check_catches_the_old_wording():
    assert maintainer_phrases_in("抽出テキストでは自治体数の行の配置が崩れています") == ["抽出"]
    assert "出典資料の" in maintainer_phrases_in("出典資料の活動事例の欄に「オンデマンド交通」と記載されています。")
