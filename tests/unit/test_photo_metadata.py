"""Issue 20, finding 2: photo originals must be clean (showcase.check.photo_metadata) and scripts/clean-photos cleans them
(showcase.cli.clean_photos) in place, without re-encoding, keeping the orientation."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageOps, PngImagePlugin

from showcase.cli.clean_photos import clean_photo, main as clean_main
from showcase.check.collection import check_collections
from showcase.check.photos import MAX_ASPECT
from showcase.check.problems import format_report
from tests.factories import make_site, profile
from tests.unit.golden import assert_golden

ROOT = Path(__file__).resolve().parents[2]
PHOTOS = [{"file": "katsudou.jpg", "alt": "活動の様子"}]


def identifying_exif(orientation: int = 6) -> Image.Exif:
    """What a phone writes: GPS position, serial numbers, the owner's name; plus harmless make and orientation."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "ExampleCam"
    exif[ExifTags.Base.Artist] = "試験 花子"
    exif.get_ifd(ExifTags.IFD.GPSInfo).update({
        ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: (35.0, 39.0, 29.0),
        ExifTags.GPS.GPSLongitudeRef: "E", ExifTags.GPS.GPSLongitude: (139.0, 44.0, 28.0)})
    exif.get_ifd(ExifTags.IFD.Exif).update({ExifTags.Base.BodySerialNumber: "SN-0042", ExifTags.Base.LensSerialNumber: "L-7"})
    return exif


def picture(size=(640, 400)) -> Image.Image:
    image = Image.new("RGB", size, (200, 40, 40))
    image.paste((40, 40, 200), (size[0] // 2, 0, size[0], size[1]))
    return image


def gps_jpeg(path: Path, orientation: int = 6) -> Path:
    picture().save(path, "JPEG", exif=identifying_exif(orientation), comment=b"owner: hanako",
                   xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>Hanako</dc:creator></x:xmpmeta>')
    return path


def with_iptc_byline(path: Path, name: bytes) -> Path:
    """Insert an APP13 Photoshop/IPTC block holding a By-line (2:80), as photo agencies' tools write it."""
    iim = b"\x1c\x02\x50" + struct.pack(">H", len(name)) + name
    block = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim)) + iim
    payload = b"Photoshop 3.0\x00" + block
    data = path.read_bytes()
    path.write_bytes(data[:2] + b"\xff\xed" + struct.pack(">H", 2 + len(payload)) + payload + data[2:])
    return path


def scan_data(data: bytes) -> bytes:
    """A JPEG's compressed picture: from the first scan to the end marker (what cleaning must not touch)."""
    return data[data.index(b"\xff\xda"):data.index(b"\xff\xd9", data.index(b"\xff\xda")) + 2]


def site_with(tmp_path: Path, make_photo) -> tuple[Path, Path]:
    root = make_site(tmp_path / "content", profiles={"shiken-hanako": profile(photos=PHOTOS)}, cases={})
    folder = root / "profiles" / "shiken-hanako"
    make_photo(folder / "katsudou.jpg")
    return root, folder


def test_validation_refuses_a_gps_photo_at_its_line_naming_the_fields(tmp_path: Path) -> None:
    root, _folder = site_with(tmp_path, gps_jpeg)
    problems = check_collections(root, workers=1).problems
    assert_golden("photo-gps", format_report(problems))


def test_clean_photos_makes_it_pass_losslessly_and_upright(tmp_path: Path) -> None:
    root, folder = site_with(tmp_path, lambda p: with_iptc_byline(gps_jpeg(p), b"Hanako"))
    photo = folder / "katsudou.jpg"
    before = photo.read_bytes()
    with Image.open(photo) as image:
        upright = ImageOps.exif_transpose(image).tobytes()
    assert clean_main([str(folder)]) == 0
    after = photo.read_bytes()
    assert check_collections(root, workers=1).problems == []
    assert scan_data(after) == scan_data(before)  # the picture's bytes are untouched: no re-encoding
    for secret in (b"SN-0042", b"Hanako", b"owner: hanako", "試験".encode(), b"ExampleCam", b"Photoshop"):
        assert secret not in after
    with Image.open(photo) as image:
        assert image.getexif() == {ExifTags.Base.Orientation: 6}
        assert ImageOps.exif_transpose(image).tobytes() == upright  # still shows upright
    assert clean_photo(photo) == []  # already clean: left alone


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_png_and_webp_are_checked_and_cleaned(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"photo.{fmt.lower()}"
    options = {"lossless": True, "xmp": b"<x:xmpmeta><exif:GPSLatitude>35,39N</exif:GPSLatitude></x:xmpmeta>"}
    if fmt == "PNG":
        text = PngImagePlugin.PngInfo()
        text.add_text("Author", "試験 花子")
        options = {"pnginfo": text}
    picture().save(path, fmt, exif=identifying_exif(), **options)
    with Image.open(path) as image:
        pixels = image.tobytes()
    removed = clean_photo(path)
    assert removed and "GPS" in removed[0]
    with Image.open(path) as image:
        assert image.tobytes() == pixels and image.getexif() == {ExifTags.Base.Orientation: 6}
        assert "xmp" not in image.info and "Author" not in image.info
    assert b"SN-0042" not in path.read_bytes()


def test_extra_images_after_the_picture_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "two.jpg"
    second = picture((320, 200))
    picture().save(path, "MPO", save_all=True, append_images=[second], exif=identifying_exif(1))
    assert "extra images" in clean_photo(path)[0]
    with Image.open(path) as image:
        assert getattr(image, "n_frames", 1) == 1 and not image.getexif()


def test_a_motion_photos_video_after_the_picture_is_found_and_dropped(tmp_path: Path) -> None:
    root, folder = site_with(tmp_path, lambda p: picture().save(p, "JPEG"))
    photo = folder / "katsudou.jpg"
    clean = photo.read_bytes()
    photo.write_bytes(clean + b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64)  # what a phone's motion photo appends
    (problem,) = check_collections(root, workers=1).problems
    assert "data after the picture (e.g. a motion photo's video)" in format_report([problem])
    assert clean_main([str(folder)]) == 0 and photo.read_bytes() == clean


def test_harmless_metadata_is_allowed(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 3
    exif[ExifTags.Base.Make] = "ExampleCam"
    exif[ExifTags.Base.Model] = "X100"
    exif[ExifTags.Base.DateTime] = "2026:04:01 10:00:00"
    root, _folder = site_with(tmp_path, lambda p: picture().save(p, "JPEG", exif=exif))
    assert check_collections(root, workers=1).problems == []


def test_the_script(tmp_path: Path) -> None:
    _root, folder = site_with(tmp_path, gps_jpeg)
    (folder / "notes.txt").write_text("not a photo", encoding="utf-8")
    env = {**os.environ, "SHOWCASE_VENV": sys.prefix}
    result = subprocess.run([str(ROOT / "scripts" / "clean-photos"), str(folder)], capture_output=True, text=True,
                            env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1 and "katsudou.jpg: 取り除きました / removed: GPS 位置情報" in result.stdout
    assert b"SN-0042" not in (folder / "katsudou.jpg").read_bytes()


def test_contributing_says_how(tmp_path: Path) -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text[text.index("## 9."):]
    section = section[:section.index("\n## ", 4)] if "\n## " in section[4:] else section
    for words in ("scripts/clean-photos", "iPhone", "Android", "位置情報", "掲載フォーム"):
        assert words in section, words
    assert "長い辺は短い辺の 8 倍まで" in text and MAX_ASPECT == 8
