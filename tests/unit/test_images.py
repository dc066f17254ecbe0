"""Photo checks and responsive variants (showcase.outputs.images, showcase.check.photos).

Every fixture image is generated here with Pillow; no binary fixture is committed.
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageFile, ImageOps

from showcase.check import photos
from showcase.outputs import images
from showcase.outputs.images import (
    PhotoJob, check_photo_path, copy_variants, inspect_photo, plan_variants, process_photos, variant_widths,
)
from showcase.check.problems import format_problem

DISPLAY = "profiles/yamada-taro/profile.yml"
FIELD = "photos[0].file"
PREFIX = f"{DISPLAY}:7:11: {FIELD}: "


@pytest.fixture
def record(tmp_path: Path) -> Path:
    folder = tmp_path / "profiles" / "yamada-taro"
    folder.mkdir(parents=True)
    return folder


def save(path: Path, size=(400, 300), fmt="JPEG", mode="RGB", color=(40, 90, 160), **options) -> Path:
    Image.new(mode, size, color).save(path, fmt, **options)
    return path


def check(record: Path, value: str) -> tuple[Path | None, list[str]]:
    path, problems = check_photo_path(record, value, DISPLAY, 7, 11, FIELD)
    return path, [format_problem(p) for p in problems]


def inspect(path: Path, **limits) -> tuple[images.PhotoInfo | None, list[str]]:
    info, problems = inspect_photo(path, DISPLAY, 7, 11, FIELD, **limits)
    return info, [format_problem(p) for p in problems]


def huge_png_header(width: int, height: int) -> bytes:
    """A valid tiny PNG whose IHDR claims ``width`` x ``height`` (CRC fixed)."""
    buffer = io.BytesIO()
    Image.new("L", (10, 10)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


# --- paths -------------------------------------------------------------------------------------

def test_valid_path_is_resolved(record: Path) -> None:
    save(record / "katsudou.jpg")
    (record / "album").mkdir()
    save(record / "album" / "a.jpg")
    assert check(record, "katsudou.jpg") == (record / "katsudou.jpg", [])
    assert check(record, "album/a.jpg") == (record / "album" / "a.jpg", [])


FOLDER_HINT = "写真を profiles/yamada-taro/ に置き、ファイル名だけを書いてください（例: katsudou.jpg） / Fix: put the photo in profiles/yamada-taro/ and write only its file name, e.g. \"katsudou.jpg\"）"


@pytest.mark.parametrize("value, expected", [
    ("", "写真のファイル名が空です / the photo file name is empty （対処: 写真のファイル名を書いてください（例: katsudou.jpg） / Fix: write the file name, e.g. \"katsudou.jpg\"）"),
    ("/etc/passwd", "絶対パス「/etc/passwd」は使えません / absolute path \"/etc/passwd\" is not allowed （対処: " + FOLDER_HINT),
    ("C:/photos/a.jpg", "絶対パス「C:/photos/a.jpg」は使えません / absolute path \"C:/photos/a.jpg\" is not allowed （対処: " + FOLDER_HINT),
    ("photos\\a.jpg", "パス「photos\\a.jpg」に「\\」は使えません / path \"photos\\a.jpg\" must not contain \"\\\" （対処: 区切りには「/」を使ってください / Fix: use \"/\" between folder and file names）"),
    ("../other/a.jpg", "パス「../other/a.jpg」に「..」は使えません / path \"../other/a.jpg\" must not contain \"..\" （対処: 写真を profiles/yamada-taro/ の中に置き、そのファイル名を書いてください / Fix: move the photo into profiles/yamada-taro/ and write its file name）"),
    ("a/../../b.jpg", "パス「a/../../b.jpg」に「..」は使えません / path \"a/../../b.jpg\" must not contain \"..\" （対処: 写真を profiles/yamada-taro/ の中に置き、そのファイル名を書いてください / Fix: move the photo into profiles/yamada-taro/ and write its file name）"),
    ("nothing.jpg", "写真ファイル「nothing.jpg」が見つかりません / photo file \"nothing.jpg\" was not found （対処: profiles/yamada-taro/ に置いたファイル名と、大文字・小文字まで一致させてください / Fix: make it match the file's name in profiles/yamada-taro/, including upper and lower case）"),
])
def test_bad_paths_are_reported_with_golden_messages(record: Path, value: str, expected: str) -> None:
    assert check(record, value) == (None, [PREFIX + expected])


def test_symlinked_photo_is_refused(record: Path, tmp_path: Path) -> None:
    secret = save(tmp_path / "secret.jpg")
    os.symlink(secret, record / "link.jpg")
    assert check(record, "link.jpg") == (None, [PREFIX + "「link.jpg」はシンボリックリンクです。リンクは使えません / \"link.jpg\" is a symbolic link; links are not allowed （対処: リンクではなく実際のファイルをフォルダに置いてください / Fix: put the real file in the folder instead of a link）"])


def test_symlinked_parent_folder_is_refused(record: Path, tmp_path: Path) -> None:
    save(tmp_path / "secret.jpg")
    os.symlink(tmp_path, record / "pics")
    _, problems = check(record, "pics/secret.jpg")
    assert problems == [PREFIX + "「pics」はシンボリックリンクです。リンクは使えません / \"pics\" is a symbolic link; links are not allowed （対処: リンクではなく実際のファイルをフォルダに置いてください / Fix: put the real file in the folder instead of a link）"]


def test_symlink_to_a_file_inside_the_folder_is_still_refused(record: Path) -> None:
    save(record / "real.jpg")
    os.symlink(record / "real.jpg", record / "alias.jpg")
    assert check(record, "alias.jpg")[0] is None


def test_wrong_case_suggests_the_real_name(record: Path) -> None:
    save(record / "Katsudou.JPG")
    assert check(record, "katsudou.jpg") == (None, [PREFIX + "写真ファイル「katsudou.jpg」が見つかりません / photo file \"katsudou.jpg\" was not found （対処: 「Katsudou.JPG」のことですか？ 大文字・小文字も一致させてください / Fix: did you mean \"Katsudou.JPG\"? Names are case-sensitive）"])


def test_folder_is_not_a_photo(record: Path) -> None:
    (record / "album").mkdir()
    assert check(record, "album") == (None, [PREFIX + "「album」は写真ファイルではありません（フォルダなど） / \"album\" is not a file (it is a folder or similar) （対処: 写真ファイルそのものの名前を書いてください / Fix: write the name of the photo file itself）"])


# --- content -----------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt, name", [("JPEG", "a.jpg"), ("PNG", "a.png"), ("WEBP", "a.webp")])
def test_valid_formats_are_accepted(record: Path, fmt: str, name: str) -> None:
    path = save(record / name, (640, 480), fmt)
    info, problems = inspect(path)
    assert problems == []
    assert info == images.PhotoInfo(hashlib.sha256(path.read_bytes()).hexdigest(), 640, 480, fmt, path.stat().st_size)


def test_format_comes_from_content_not_name(record: Path) -> None:
    info, problems = inspect(save(record / "really-a-png.jpg", fmt="PNG"))
    assert problems == [] and info is not None and info.format == "PNG"


NOT_AN_IMAGE_HINT = " （対処: 画像編集ソフトで JPEG として書き出してください（形式はファイル名ではなく中身で判定します） / Fix: export it as JPEG from an image editor (the format is read from the content, not the name)）"


@pytest.mark.parametrize("name, content, ja_kind, en_kind", [
    ("x.jpg", b"hello, I am text\n", "", ""),
    ("psd.jpg", b"8BPS\x00\x01" + b"\x00" * 40, "（中身は PSD 形式のようです）", " (its content looks like PSD)"),
    ("logo.png", b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', "（中身は SVG 形式のようです）", " (its content looks like SVG)"),
    ("sky.jpg", b"SIMPLE  =                    T" + b" " * 50, "（中身は FITS 形式のようです）", " (its content looks like FITS)"),
    ("iphone.jpg", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", "（中身は HEIC/HEIF 形式のようです）", " (its content looks like HEIC/HEIF)"),
])
def test_renamed_non_images_are_refused(record: Path, name: str, content: bytes, ja_kind: str, en_kind: str) -> None:
    (record / name).write_bytes(content)
    assert inspect(record / name) == (None, [
        PREFIX + f"写真「{name}」は JPEG・PNG・WebP のどれでもありません{ja_kind} / photo \"{name}\" is not a JPEG, PNG or WebP image{en_kind}" + NOT_AN_IMAGE_HINT
    ])


def test_gif_is_refused_even_though_pillow_reads_it(record: Path) -> None:
    _, problems = inspect(save(record / "anim.jpg", (300, 300), "GIF"))
    assert problems == [PREFIX + "写真「anim.jpg」は JPEG・PNG・WebP のどれでもありません（中身は GIF 形式のようです） / photo \"anim.jpg\" is not a JPEG, PNG or WebP image (its content looks like GIF)" + NOT_AN_IMAGE_HINT]


RESIZE_HINT = " （対処: 長い辺を 3000 px 程度に縮小して保存し直してください / Fix: resize it to about 3000 px on the long side and save it again）"


def test_decompression_bomb_header_is_an_error(record: Path) -> None:
    (record / "bomb.png").write_bytes(huge_png_header(100_000, 100_000))
    assert inspect(record / "bomb.png") == (None, [PREFIX + "写真「bomb.png」の画素数が多すぎます（上限 40 メガピクセル） / photo \"bomb.png\" has too many pixels (limit 40 megapixels)" + RESIZE_HINT])


def test_pillow_bomb_warning_is_an_error_not_a_warning(record: Path) -> None:
    # 10000 x 9000 is above Pillow's warning threshold but below its hard error.
    (record / "warn.png").write_bytes(huge_png_header(10_000, 9_000))
    assert inspect(record / "warn.png", max_pixels=10**9) == (None, [PREFIX + "写真「warn.png」の画素数が多すぎます（上限 89.4785 メガピクセル） / photo \"warn.png\" has too many pixels (limit 89.4785 megapixels)" + RESIZE_HINT])


def test_pixel_limit_is_checked_before_decoding(record: Path) -> None:
    path = save(record / "big.png", (1000, 800), "PNG")
    assert inspect(path, max_pixels=500_000) == (None, [PREFIX + "写真「big.png」の画素数が多すぎます（1000×800 px、上限 0.5 メガピクセル） / photo \"big.png\" has too many pixels (1000x800 px; limit 0.5 megapixels)" + RESIZE_HINT])


DAMAGED = "写真「cut.{ext}」が壊れているか、途中で切れています / photo \"cut.{ext}\" is damaged or truncated （対処: 元の写真からもう一度書き出すか、コピーし直してください / Fix: export or copy it again from the original）"


@pytest.mark.parametrize("fmt, ext", [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")])
def test_truncated_files_are_errors(record: Path, fmt: str, ext: str) -> None:
    whole = Image.effect_noise((500, 400), 60).convert("RGB")
    buffer = io.BytesIO()
    whole.save(buffer, fmt)
    (record / f"cut.{ext}").write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    assert inspect(record / f"cut.{ext}") == (None, [PREFIX + DAMAGED.format(ext=ext)])


def test_truncated_file_is_an_error_even_if_pillow_global_allows_it(record: Path, monkeypatch) -> None:
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    data = save(record / "whole.jpg", (500, 400)).read_bytes()
    (record / "cut.jpg").write_bytes(data[: len(data) // 2])
    assert inspect(record / "cut.jpg") == (None, [PREFIX + DAMAGED.format(ext="jpg")])


def test_oversized_file_is_an_error(record: Path) -> None:
    path = save(record / "Katsudou.JPG")
    size = path.stat().st_size
    assert inspect(path, max_bytes=size)[1] == []  # exactly at the limit is fine
    info, problems = inspect(path, max_bytes=1000)
    assert info is None
    assert problems == [PREFIX + f"写真「Katsudou.JPG」のファイルサイズが大きすぎます（{size / 1e3:.1f} KB、上限 1.0 KB） / photo \"Katsudou.JPG\" is too large ({size / 1e3:.1f} KB, limit 1.0 KB)" + RESIZE_HINT]


def test_too_small_is_an_error(record: Path) -> None:
    assert inspect(save(record / "small.jpg", (150, 300))) == (None, [PREFIX + "写真「small.jpg」が小さすぎます（150×300 px、短い辺は 200 px 以上が必要） / photo \"small.jpg\" is too small (150x300 px; the shorter side must be at least 200 px) （対処: もっと解像度の高い元の写真を使ってください / Fix: use a higher-resolution original）"])


def gps_photo(path: Path, size=(1600, 1000)) -> Path:
    """Left half red, right half blue, EXIF orientation 6, GPS position, comment and XMP."""
    image = Image.new("RGB", size, (255, 0, 0))
    image.paste((0, 0, 255), (size[0] // 2, 0, size[0], size[1]))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "SecretCam"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (35.0, 39.0, 29.0), 3: "E", 4: (139.0, 44.0, 28.0)})
    image.save(path, "JPEG", exif=exif, comment=b"secret-comment", xmp=b"<x:xmpmeta>secret-xmp</x:xmpmeta>")
    reopened = Image.open(path)  # the fixture really carries the metadata
    assert reopened.getexif().get_ifd(0x8825) and {"exif", "xmp", "comment"} <= set(reopened.info)
    return path


def test_orientation_swaps_reported_size(record: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # an orientation alone is not identifying
    path = save(record / "turned.jpg", (1600, 1000), exif=exif)
    info, problems = inspect(path)
    assert problems == [] and (info.width, info.height) == (1000, 1600)


def test_a_photo_is_decoded_once_per_process_and_never_trusted_from_disk(record: Path, tmp_path: Path, monkeypatch) -> None:
    path = save(record / "a.jpg")
    first = inspect(path)
    monkeypatch.setattr(photos, "_decode", lambda *a: pytest.fail("decoded twice in one process"))
    assert inspect(path) == first
    assert inspect(path, min_side=1200)[0] is None  # limits still apply to what this process found
    monkeypatch.setattr(photos, "_DECODED", {})  # a new process: decoded again
    monkeypatch.undo()
    assert inspect(path) == first


@pytest.mark.parametrize("width, expected", [
    (3000, [320, 640, 960, 1280]), (1280, [320, 640, 960, 1280]), (1000, [320, 640, 960, 1000]),
    (640, [320, 640]), (500, [320, 500]), (200, [200]),
])
def test_variant_widths_never_upscale(width: int, expected: list[int]) -> None:
    assert variant_widths(width) == expected


def job_for(path: Path) -> PhotoJob:
    info, problems = inspect(path)
    assert problems == []
    return PhotoJob(path, info)


def unchecked_job(path: Path) -> PhotoJob:
    """A job for a photo the checks would refuse (it carries GPS): the variants must be clean all the same."""
    data = path.read_bytes()
    with Image.open(path) as image:
        width, height = ImageOps.exif_transpose(image).size
    return PhotoJob(path, images.PhotoInfo(hashlib.sha256(data).hexdigest(), width, height, "JPEG", len(data)))


def test_outputs_carry_no_metadata_and_are_upright(record: Path, tmp_path: Path) -> None:
    job = unchecked_job(gps_photo(record / "gps.jpg"))
    result = process_photos([job], tmp_path / "cache")
    variants = result[job.info.sha256]
    assert [(v.width, v.height) for v in variants.variants] == [(320, 512), (640, 1024), (960, 1536), (1000, 1600)]
    for name in variants.files():
        data = (tmp_path / "cache" / name).read_bytes()
        output = Image.open(io.BytesIO(data))
        assert output.format == ("WEBP" if name.endswith(".webp") else "JPEG")
        assert dict(output.getexif()) == {}
        assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment", "icc_profile"} & set(output.info)
        for secret in (b"Exif\x00", b"SecretCam", b"secret-comment", b"secret-xmp", b"xmpmeta"):
            assert secret not in data
        rgb = output.convert("RGB")
        assert output.width < output.height  # orientation 6 applied
        top, bottom = rgb.getpixel((output.width // 2, 5)), rgb.getpixel((output.width // 2, output.height - 6))
        assert top[0] > 200 and top[2] < 60 and bottom[2] > 200 and bottom[0] < 60  # stored left (red) is now on top


def test_names_include_content_key_and_width(record: Path, tmp_path: Path) -> None:
    job = job_for(save(record / "a.jpg", (700, 400)))
    variants = process_photos([job], tmp_path / "cache")[job.info.sha256]
    key = variants.variants[0].webp.split("-")[0]
    assert len(key) == 16
    assert variants.files() == [f"{key}-{w}.{ext}" for w in (320, 640, 700) for ext in ("webp", "jpg")]
    assert variants.srcset("/assets/photos/") == (
        f"/assets/photos/{key}-320.webp 320w, /assets/photos/{key}-640.webp 640w, /assets/photos/{key}-700.webp 700w"
    )
    assert variants.srcset("", "jpeg") == f"{key}-320.jpg 320w, {key}-640.jpg 640w, {key}-700.jpg 700w"
    assert (variants.width, variants.height) == (700, 400)


def test_output_bytes_are_deterministic(record: Path, tmp_path: Path) -> None:
    job = unchecked_job(gps_photo(record / "gps.jpg", (900, 700)))
    first = process_photos([job], tmp_path / "one")
    second = process_photos([job], tmp_path / "two")
    assert first == second
    for name in first[job.info.sha256].files():
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_alpha_is_flattened_onto_white(record: Path, tmp_path: Path) -> None:
    job = job_for(save(record / "clear.png", (300, 300), "PNG", "RGBA", (0, 0, 0, 0)))
    variants = process_photos([job], tmp_path / "cache")[job.info.sha256]
    pixel = Image.open(tmp_path / "cache" / variants.largest.jpeg).getpixel((150, 150))
    assert min(pixel) >= 250


def test_sixteen_bit_grey_is_scaled_not_clipped(record: Path, tmp_path: Path) -> None:
    job = job_for(save(record / "deep.png", (300, 300), "PNG", "I;16", 32768))
    variants = process_photos([job], tmp_path / "cache")[job.info.sha256]
    pixel = Image.open(tmp_path / "cache" / variants.largest.jpeg).convert("L").getpixel((150, 150))
    assert 120 <= pixel <= 136


def test_warm_run_decodes_no_pixels(record: Path, tmp_path: Path, monkeypatch) -> None:
    jobs = [job_for(save(record / f"{n}.jpg", (500, 400), color=(n * 60, 80, 120))) for n in range(3)]
    cold = process_photos(jobs, tmp_path / "cache", workers=2)  # three photos: the process pool
    monkeypatch.setattr(images, "render_variants", lambda *a: pytest.fail("processed on a warm run"))
    monkeypatch.setattr(images, "ProcessPoolExecutor", lambda *a, **k: pytest.fail("pool on a warm run"))
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda *a, **k: pytest.fail("decoded an image on a warm run"))
    assert process_photos(jobs, tmp_path / "cache", workers=2) == cold
    assert not [p for p in (tmp_path / "cache").iterdir() if p.name.startswith(".")]  # no temp files left


def test_missing_cache_file_is_rebuilt(record: Path, tmp_path: Path) -> None:
    job = job_for(save(record / "a.jpg", (700, 400)))
    variants = process_photos([job], tmp_path / "cache")[job.info.sha256]
    (tmp_path / "cache" / variants.variants[0].webp).unlink()
    process_photos([job], tmp_path / "cache")
    assert (tmp_path / "cache" / variants.variants[0].webp).stat().st_size > 0


def test_identical_photos_are_processed_once(record: Path, tmp_path: Path, monkeypatch) -> None:
    first = job_for(save(record / "a.jpg", (500, 400)))
    second = job_for(save(record / "b.jpg", (500, 400)))
    calls = []
    monkeypatch.setattr(images, "render_variants", lambda *args: calls.append(args))
    assert list(process_photos([first, second], tmp_path / "cache", workers=2)) == [first.info.sha256]
    assert len(calls) == 1


def test_changed_source_is_not_processed_under_the_old_hash(record: Path, tmp_path: Path) -> None:
    job = job_for(save(record / "a.jpg", (500, 400)))
    save(record / "a.jpg", (500, 400), color=(1, 2, 3))
    with pytest.raises(RuntimeError, match="changed while the site was being built"):
        process_photos([job], tmp_path / "cache")


def test_copy_variants_into_site(record: Path, tmp_path: Path) -> None:
    job = job_for(save(record / "a.jpg", (700, 400)))
    variants = process_photos([job], tmp_path / "cache")[job.info.sha256]
    written = copy_variants(variants, tmp_path / "cache", tmp_path / "site" / "assets" / "photos")
    assert sorted(p.name for p in written) == sorted(variants.files())
    for path in written:
        assert path.read_bytes() == (tmp_path / "cache" / path.name).read_bytes()


def test_plan_needs_no_pillow(monkeypatch) -> None:
    monkeypatch.setattr(Image, "open", lambda *a, **k: pytest.fail("opened"))
    plan = plan_variants(images.PhotoInfo("ab" * 32, 2000, 1500, "JPEG", 1))
    assert [(v.width, v.height) for v in plan.variants] == [(320, 240), (640, 480), (960, 720), (1280, 960)]


def test_icc_profile_is_applied_then_dropped(record: Path, tmp_path: Path) -> None:
    from PIL import ImageCms

    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    job = job_for(save(record / "icc.jpg", (400, 300), color=(200, 60, 30), icc_profile=srgb))
    variants = process_photos([job], tmp_path / "cache")[job.info.sha256]
    output = Image.open(tmp_path / "cache" / variants.largest.webp)
    assert "icc_profile" not in output.info
    assert all(abs(a - b) <= 6 for a, b in zip(output.convert("RGB").getpixel((200, 150)), (200, 60, 30)))


def test_cmyk_jpeg_becomes_rgb(record: Path, tmp_path: Path) -> None:
    job = job_for(save(record / "print.jpg", (400, 300), mode="CMYK", color=(0, 0, 0, 0)))
    variants = process_photos([job], tmp_path / "cache")[job.info.sha256]
    output = Image.open(tmp_path / "cache" / variants.largest.jpeg)
    assert output.mode == "RGB" and min(output.getpixel((200, 150))) >= 250
