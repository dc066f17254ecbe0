"""Issue 20, finding 1: files a pull request force-adds under .cache/ are never read by a build.

A view of the repository (tests/gates/build.py) gets a .cache/ folder holding a forged photo variant and a
forged share card for a record whose photo hash is public, and a forged "already inspected" entry that once
made a text file pass as a photo.  The build must publish our own images and refuse the text file.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from PIL import Image

from showcase.check.photos import inspect_photo
from showcase.outputs.images import plan_variants
from showcase.outputs.media import KIND_LABELS
from showcase.outputs.og_cards import cached_card
from tests.factories import make_site, profile
from tests.gates.build import build_view, tree_view

PHOTO = [{"file": "katsudou.jpg", "alt": "活動の様子"}]


def _forge_image(path: Path, size: tuple[int, int], fmt: str) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (255, 0, 255)).save(path, fmt)
    return path.read_bytes()


def test_forged_variants_and_cards_in_the_repository_are_not_published(tmp_path: Path) -> None:
    content = make_site(tmp_path / "content", profiles={"shiken-hanako": profile(photos=PHOTO)}, cases={})
    photo = content / "profiles" / "shiken-hanako" / "katsudou.jpg"
    Image.new("RGB", (900, 600), (40, 120, 80)).save(photo, "JPEG")
    info, problems = inspect_photo(photo, "x", 1, 1, "photos[0].file")
    assert not problems
    view = tree_view(tmp_path / "tree")
    forged: dict[str, bytes] = {}
    for variant in plan_variants(info).variants:  # right names, right sizes, wrong pictures
        forged[variant.webp] = _forge_image(view / ".cache" / "images" / variant.webp, (variant.width, variant.height), "WEBP")
        forged[variant.jpeg] = _forge_image(view / ".cache" / "images" / variant.jpeg, (variant.width, variant.height), "JPEG")
    record = profile()
    card = cached_card(record["name"], f"{record['prefecture']} {record['municipality']}", KIND_LABELS["profile"],
                       view / ".cache" / "og")
    forged_card = _forge_image(card, (1200, 630), "PNG")

    site = build_view(view, tmp_path / "site", content)

    published = {p.name: p.read_bytes() for p in (site / "assets" / "photos").iterdir()}
    assert set(published) == set(forged)
    assert all(published[name] != forged[name] for name in forged)
    assert (site / "assets" / "og" / "profile-shiken-hanako.png").read_bytes() != forged_card


def test_a_forged_inspection_entry_does_not_make_a_text_file_a_photo(tmp_path: Path) -> None:
    content = make_site(tmp_path / "content", profiles={"shiken-hanako": profile(photos=PHOTO)}, cases={})
    text = b"this is not a photo\n"
    (content / "profiles" / "shiken-hanako" / "katsudou.jpg").write_bytes(text)
    view = tree_view(tmp_path / "tree")
    entry = view / ".cache" / "photo-facts" / "inspected" / f"{hashlib.sha256(text).hexdigest()}.json"
    entry.parent.mkdir(parents=True)
    entry.write_text(json.dumps({"width": 900, "height": 600, "format": "JPEG"}), encoding="utf-8")
    with pytest.raises(AssertionError) as failed:
        build_view(view, tmp_path / "site", content)
    assert "profiles/shiken-hanako/profile.yml:" in str(failed.value)
    assert '"katsudou.jpg" is not a JPEG, PNG or WebP image' in str(failed.value)
