"""Issue 20, finding 3: photos of any shape.  Whatever passes the photo checks must go through the variant encoder;
what the encoders cannot take (WebP: 16,383 px a side) is refused at the photo's line, before the build."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PIL import Image

from showcase.outputs.images import plan_variants, render_variants
from showcase.check.photos import MAX_ASPECT, MAX_PIXELS, MIN_SIDE, inspect_photo
from showcase.check.problems import format_problem

DISPLAY, FIELD = "profiles/shiken-hanako/profile.yml", "photos[0].file"


def _shapes() -> list[tuple[int, int, str]]:
    """Edge cases around the limits, then seeded random shapes (one colour each: tiny files, however large)."""
    edges = [(1170, 20000, "PNG"), (20000, 1170, "PNG"), (MIN_SIDE, MIN_SIDE * MAX_ASPECT, "PNG"),
             (MIN_SIDE, MIN_SIDE * MAX_ASPECT + 1, "PNG"), (MIN_SIDE * MAX_ASPECT, MIN_SIDE, "JPEG"),
             (1280, 1280 * MAX_ASPECT, "JPEG"), (1279, 16384, "PNG"), (4000, 300, "JPEG"), (16384, 2000, "PNG")]
    rng = random.Random(20)
    randoms = []
    while len(randoms) < 12:
        width, height = rng.randint(MIN_SIDE, 20000), rng.randint(MIN_SIDE, 20000)
        if width * height <= 6_000_000:  # keeps the encoder's work small; the edges cover the large ones
            randoms.append((width, height, rng.choice(["PNG", "JPEG", "WEBP"])))
    return edges + randoms


@pytest.mark.parametrize("width,height,fmt", _shapes())
def test_validation_and_the_encoder_agree(tmp_path: Path, width: int, height: int, fmt: str) -> None:
    path = tmp_path / f"photo.{fmt.lower()}"
    Image.new("RGB", (width, height), (90, 140, 60)).save(path, fmt, **({"lossless": True} if fmt == "WEBP" else {}))
    info, problems = inspect_photo(path, DISPLAY, 21, 9, FIELD)
    accepted = max(width, height) <= min(width, height) * MAX_ASPECT and width * height <= MAX_PIXELS
    assert (info is not None) == accepted, [format_problem(p) for p in problems]
    if info is None:
        return
    render_variants(str(path), plan_variants(info), str(tmp_path))  # raised "exceeds WebP limit" before issue 20
    for variant in plan_variants(info).variants:
        with Image.open(tmp_path / variant.webp) as image:
            assert image.size == (variant.width, variant.height)


def test_a_tall_screenshot_is_refused_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "screenshot.png"
    Image.new("RGB", (1170, 20000), "white").save(path, "PNG")
    info, problems = inspect_photo(path, DISPLAY, 21, 9, FIELD)
    assert info is None
    assert [format_problem(p) for p in problems] == [
        f"{DISPLAY}:21:9: {FIELD}: 写真「screenshot.png」が細長すぎます（1170×20000 px、長い辺は短い辺の 8 倍まで） / "
        'photo "screenshot.png" is too long and narrow (1170x20000 px; the longer side may be at most 8 times the shorter) '
        "（対処: 写真を切り抜くか、複数の写真に分けてください（スクリーンショットは見せたい部分だけに） / "
        "Fix: crop it, or split it into several photos (for a screenshot, keep only the part to show)）"]


def test_a_turned_photo_is_measured_upright(tmp_path: Path) -> None:
    """EXIF orientation 6 makes a 4000x400 JPEG a 400x4000 photo: still refused, by its shown shape."""
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "turned.jpg"
    Image.new("RGB", (4000, 400), "white").save(path, "JPEG", exif=exif)
    info, problems = inspect_photo(path, DISPLAY, 21, 9, FIELD)
    assert info is None and "400×4000 px" in format_problem(problems[0])
