"""Checking contributors' photos before anything is published.

A photo is referenced from a record's YAML (``photos: [{file: katsudou.jpg}]``)
and must sit inside that record's folder.  Two steps, both returning
:class:`~showcase.check.problems.Problem` lists instead of raising:

* :func:`check_photo_path` — the *path*: relative, no ``..``, no symlinks,
  inside the folder, an existing regular file;
* :func:`inspect_photo` — the *content*: JPEG, PNG or WebP identified by its
  bytes (never its name), size and pixel limits (decompression bombs are
  errors), fully decodable (truncated files are errors), large enough, a shape
  the encoders take (:data:`MAX_ASPECT`), and free of identifying metadata
  (:mod:`showcase.check.photo_metadata`).

Every run decodes every photo it has not decoded itself: nothing read from a
cache can make a file pass as a photo (issue 20).

Pillow's global state is never changed: the format list is passed to
``Image.open``, the bomb warning is made an error only inside a local
``warnings.catch_warnings()``, and our own (lower) pixel limit is compared with
the header's dimensions before anything is decoded.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Callable

from PIL import Image, ImageFile

from showcase.check.photo_metadata import Finding, identifying_metadata, identifying_problem
from showcase.check.problems import Problem

FORMATS = ("JPEG", "PNG", "WEBP")
MAX_BYTES = 15 * 1000 * 1000
MAX_PIXELS = 40 * 1000 * 1000  # must stay below Image.MAX_IMAGE_PIXELS (~89.5M) to be the binding limit
MIN_SIDE = 200
# The longer side may be at most 8 times the shorter: variants are at most 1280 px wide, so none is taller than
# 10,240 px, within WebP's limit of 16,383 px a side (a 1170x20000 screenshot crashed the encoder).
MAX_ASPECT = 8
_ROTATED = (5, 6, 7, 8)  # EXIF orientations that swap width and height
_ORIENTATION_TAG = 0x0112
_SNIFF = (  # what a rejected file probably is, to make the message concrete
    (b"8BPS", "PSD"),
    (b"GIF8", "GIF"),
    (b"%PDF", "PDF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
    (b"SIMPLE  =", "FITS"),
)


@dataclass(frozen=True)
class PhotoInfo:
    """A photo that passed every check. ``width``/``height`` are after EXIF orientation."""

    sha256: str
    width: int
    height: int
    format: str
    size: int


def _folder(display_path: str) -> str:
    return str(PurePosixPath(display_path).parent) + "/"


def check_photo_path(
    record_dir: Path, file_value: str, display_path: str, line: int, col: int, field: str
) -> tuple[Path | None, list[Problem]]:
    """Resolve ``file_value`` inside ``record_dir``; the path, or None and why not."""

    def problem(ja: str, en: str, hint_ja: str = "", hint_en: str = "") -> tuple[None, list[Problem]]:
        return None, [Problem(display_path, line, col, field, ja, en, hint_ja, hint_en)]

    folder = _folder(display_path)
    value = file_value
    if not value.strip():
        return problem("写真のファイル名が空です", "the photo file name is empty",
                       "写真のファイル名を書いてください（例: katsudou.jpg）", 'write the file name, e.g. "katsudou.jpg"')
    if "\\" in value:
        return problem(f"パス「{value}」に「\\」は使えません", f'path "{value}" must not contain "\\"',
                       "区切りには「/」を使ってください", 'use "/" between folder and file names')
    if PurePosixPath(value).is_absolute() or PureWindowsPath(value).drive:
        return problem(f"絶対パス「{value}」は使えません", f'absolute path "{value}" is not allowed',
                       f"写真を {folder} に置き、ファイル名だけを書いてください（例: katsudou.jpg）",
                       f'put the photo in {folder} and write only its file name, e.g. "katsudou.jpg"')
    parts = PurePosixPath(value).parts
    if ".." in parts:
        return problem(f"パス「{value}」に「..」は使えません", f'path "{value}" must not contain ".."',
                       f"写真を {folder} の中に置き、そのファイル名を書いてください",
                       f"move the photo into {folder} and write its file name")
    if len(parts) == 1 and "/" not in value:  # the usual case, a file name: one lstat() instead of resolving paths
        try:
            if stat.S_ISREG(os.lstat(os.path.join(record_dir, value)).st_mode):
                return record_dir / value, []  # a regular file (not a link) right in the folder is inside it
        except OSError:
            pass  # the checks below say why
    candidate = record_dir
    try:
        for depth, part in enumerate(parts, start=1):
            candidate = candidate / part
            if candidate.is_symlink():
                shown = "/".join(parts[:depth])
                return problem(f"「{shown}」はシンボリックリンクです。リンクは使えません",
                               f'"{shown}" is a symbolic link; links are not allowed',
                               "リンクではなく実際のファイルをフォルダに置いてください",
                               "put the real file in the folder instead of a link")
        found = candidate.exists()
    except OSError:  # e.g. a name too long for the file system
        found = False
    if not found:
        hint_ja, hint_en = (f"{folder} に置いたファイル名と、大文字・小文字まで一致させてください",
                            f"make it match the file's name in {folder}, including upper and lower case")
        near = _case_insensitive_match(candidate)
        if near:
            hint_ja, hint_en = f"「{near}」のことですか？ 大文字・小文字も一致させてください", f'did you mean "{near}"? Names are case-sensitive'
        return problem(f"写真ファイル「{value}」が見つかりません", f'photo file "{value}" was not found', hint_ja, hint_en)
    try:
        candidate.resolve(strict=True).relative_to(record_dir.resolve(strict=True))
    except (OSError, ValueError):
        return problem(f"パス「{value}」は記録のフォルダの外を指しています", f'path "{value}" points outside the record folder',
                       f"写真を {folder} の中に置いてください", f"put the photo inside {folder}")
    if not candidate.is_file():
        return problem(f"「{value}」は写真ファイルではありません（フォルダなど）", f'"{value}" is not a file (it is a folder or similar)',
                       "写真ファイルそのものの名前を書いてください", "write the name of the photo file itself")
    return candidate, []


def _case_insensitive_match(path: Path) -> str | None:
    try:
        names = sorted(p.name for p in path.parent.iterdir())
    except OSError:
        return None
    matches = [n for n in names if n.casefold() == path.name.casefold()]
    return matches[0] if matches else None


def _sniff(head: bytes) -> str | None:
    for magic, kind in _SNIFF:
        if head.startswith(magic):
            return kind
    if head[4:8] == b"ftyp":
        return "AVIF" if head[8:12] in (b"avif", b"avis") else "HEIC/HEIF"
    text = head[:256].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<svg") or (text.startswith(b"<?xml") and b"<svg" in head.lower()):
        return "SVG"
    return None


def inspect_photo(
    path: Path, display_path: str, line: int, col: int, field: str, *,
    max_bytes: int = MAX_BYTES, max_pixels: int = MAX_PIXELS, min_side: int = MIN_SIDE,
) -> tuple[PhotoInfo | None, list[Problem]]:
    """Check a photo's content; its :class:`PhotoInfo`, or None and the problems.

    A photo this process has already decoded (same sha256) is not decoded again: the limits are re-checked
    against what that decoding found.
    """
    name = path.name

    def problem(ja: str, en: str, hint_ja: str = "", hint_en: str = "") -> tuple[None, list[Problem]]:
        return None, [Problem(display_path, line, col, field, ja, en, hint_ja, hint_en)]

    try:
        size = path.stat().st_size
        if size <= max_bytes:
            with open(path, "rb") as handle:
                data = handle.read(max_bytes + 1)  # bounded even if the file grows meanwhile
            size = len(data)
    except OSError:
        return problem(f"写真「{name}」を読み込めません", f'cannot read photo "{name}"')
    if size > max_bytes:
        return problem(f"写真「{name}」のファイルサイズが大きすぎます（{_mb(size)}、上限 {_mb(max_bytes)}）",
                       f'photo "{name}" is too large ({_mb(size)}, limit {_mb(max_bytes)})',
                       "長い辺を 3000 px 程度に縮小して保存し直してください",
                       "resize it to about 3000 px on the long side and save it again")
    digest = hashlib.sha256(data).hexdigest()
    decoded_here = _DECODED.get(digest)
    kind, decoded = ("ok", decoded_here) if decoded_here else _decode(data, max_pixels)
    if kind != "ok":
        if kind == "format":
            found = _sniff(data[:512])
            ja_found, en_found = (f"（中身は {found} 形式のようです）", f" (its content looks like {found})") if found else ("", "")
            return problem(f"写真「{name}」は JPEG・PNG・WebP のどれでもありません{ja_found}",
                           f'photo "{name}" is not a JPEG, PNG or WebP image{en_found}',
                           "画像編集ソフトで JPEG として書き出してください（形式はファイル名ではなく中身で判定します）",
                           "export it as JPEG from an image editor (the format is read from the content, not the name)")
        if kind == "bomb":
            return _too_many_pixels(problem, name, decoded, max_pixels)
        return problem(f"写真「{name}」が壊れているか、途中で切れています", f'photo "{name}" is damaged or truncated',
                       "元の写真からもう一度書き出すか、コピーし直してください", "export or copy it again from the original")
    if decoded_here is None:
        _DECODED[digest] = decoded
    metadata = decoded["metadata"]
    info = PhotoInfo(sha256=digest, size=size, width=decoded["width"], height=decoded["height"], format=decoded["format"])
    if info.width * info.height > max_pixels:
        return _too_many_pixels(problem, name, decoded, max_pixels)
    if min(info.width, info.height) < min_side:
        return problem(f"写真「{name}」が小さすぎます（{info.width}×{info.height} px、短い辺は {min_side} px 以上が必要）",
                       f'photo "{name}" is too small ({info.width}x{info.height} px; the shorter side must be at least {min_side} px)',
                       "もっと解像度の高い元の写真を使ってください", "use a higher-resolution original")
    long, short = max(info.width, info.height), min(info.width, info.height)
    if long > short * MAX_ASPECT:
        return problem(f"写真「{name}」が細長すぎます（{info.width}×{info.height} px、長い辺は短い辺の {MAX_ASPECT} 倍まで）",
                       f'photo "{name}" is too long and narrow ({info.width}x{info.height} px; the longer side may be at most '
                       f"{MAX_ASPECT} times the shorter)",
                       "写真を切り抜くか、複数の写真に分けてください（スクリーンショットは見せたい部分だけに）",
                       "crop it, or split it into several photos (for a screenshot, keep only the part to show)")
    if metadata:
        return None, [identifying_problem(Problem(display_path, line, col, field, "", ""), name, [Finding(*f) for f in metadata])]
    return info, []


def _too_many_pixels(
    problem: Callable[..., tuple[None, list[Problem]]], name: str, size: dict, max_pixels: int
) -> tuple[None, list[Problem]]:
    dims = f"{size['width']}×{size['height']} px、" if size else ""
    dims_en = f"{size['width']}x{size['height']} px; " if size else ""
    limit = f"{min(max_pixels, Image.MAX_IMAGE_PIXELS or max_pixels) / 1e6:g}"  # Pillow's own limit may have hit first
    return problem(f"写真「{name}」の画素数が多すぎます（{dims}上限 {limit} メガピクセル）",
                   f'photo "{name}" has too many pixels ({dims_en}limit {limit} megapixels)',
                   "長い辺を 3000 px 程度に縮小して保存し直してください",
                   "resize it to about 3000 px on the long side and save it again")


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n / 1e3:.1f} KB"


class TooManyPixels(Image.DecompressionBombError):
    """The header declares more pixels than our limit (nothing was decoded)."""

    def __init__(self, width: int, height: int, limit: int):
        super().__init__(f"{width}x{height} pixels exceeds the limit of {limit}")
        self.width, self.height = width, height


def open_photo(data: bytes, max_pixels: int = MAX_PIXELS) -> Image.Image:
    """Open and fully decode allowed image bytes; raises on anything unsafe.

    Raises ``UnidentifiedImageError`` (wrong format), ``DecompressionBombError``
    (too many pixels, ours or Pillow's limit) or ``OSError`` (truncated/damaged).
    """
    return _open(data, max_pixels, check_only=False)[0]


def _open(data: bytes, max_pixels: int, check_only: bool) -> tuple[Image.Image, tuple[int, int]]:
    """The decoded image and the photo's full size.

    With ``check_only`` a JPEG is decoded at 1/8 scale (libjpeg's DCT scaling):
    every byte is still read, so a cut or damaged file still fails, at a
    fraction of the cost; the image is then smaller than the full size.
    """
    if ImageFile.LOAD_TRUNCATED_IMAGES:  # someone changed Pillow's global: refuse rather than accept cut files
        raise OSError("PIL.ImageFile.LOAD_TRUNCATED_IMAGES is set; refusing to decode untrusted photos")
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            img = Image.open(io.BytesIO(data), formats=list(FORMATS))
        except Image.DecompressionBombWarning as exc:
            raise Image.DecompressionBombError(str(exc)) from exc
        full = img.size
        if img.width * img.height > max_pixels:
            raise TooManyPixels(img.width, img.height, max_pixels)
        if check_only and img.format == "JPEG":
            img.draft(img.mode, (max(1, img.width // 8), max(1, img.height // 8)))
        img.load()
    return img, full


def _decode(data: bytes, max_pixels: int) -> tuple[str, dict]:
    """("ok", facts) or the kind of failure: "format", "bomb" (with the size if known), "damaged"."""
    try:
        img, full = _open(data, max_pixels, check_only=True)
        orientation = img.getexif().get(_ORIENTATION_TAG, 1)
    except Image.UnidentifiedImageError:
        return "format", {}
    except TooManyPixels as exc:
        return "bomb", {"width": exc.width, "height": exc.height}
    except Image.DecompressionBombError:
        return "bomb", {}
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError):
        return "damaged", {}
    width, height = (full[1], full[0]) if orientation in _ROTATED else full
    metadata = [tuple(finding) for finding in identifying_metadata(img, data)]
    return "ok", {"width": width, "height": height, "format": img.format, "metadata": metadata}


# sha256 -> what decoding that photo found, in this process only: a speed-up for `mkdocs serve` rebuilds and
# for one photo used twice, never read from disk.
_DECODED: dict[str, dict] = {}


__all__ = ["FORMATS", "MAX_ASPECT", "MAX_BYTES", "MAX_PIXELS", "MIN_SIDE", "PhotoInfo", "check_photo_path", "inspect_photo", "open_photo"]
