"""``scripts/clean-photos <folder>``: remove identifying metadata from photos in place, without re-encoding.

* JPEG: every APPn segment except JFIF (APP0), the colour profile (APP2 ICC_PROFILE) and Adobe's colour flags
  (APP14) is dropped, as are comments and anything after the end of the picture (extra MPF images, trailers).
  EXIF, XMP (both APP1) and IPTC (APP13) go; the compressed picture data is copied byte for byte.
* PNG: the eXIf, tEXt, zTXt, iTXt and tIME chunks are dropped.
* WebP: the EXIF and XMP chunks are dropped and the VP8X flags and RIFF size fixed.

A photo whose EXIF orientation is not 1 keeps a minimal EXIF block holding only that tag, so it still shows
upright everywhere.  Each cleaned file is decoded before it replaces the original: the pixels must be the same.
"""

from __future__ import annotations

import argparse
import io
import os
import struct
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Sequence

from PIL import Image

from showcase.check.photos import FORMATS
from showcase.check.photo_metadata import describe, identifying_metadata

ORIENTATION = 0x0112
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_DROP = {b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"}
_JPEG_KEEP_APP = {0xE0: b"JFIF\x00", 0xE2: b"ICC_PROFILE\x00", 0xEE: b"Adobe"}
_VP8X_EXIF, _VP8X_XMP = 0x08, 0x04


def orientation_tiff(orientation: int) -> bytes:
    """A TIFF/EXIF block holding only the orientation tag (big-endian, one IFD entry, SHORT)."""
    return b"MM\x00\x2a\x00\x00\x00\x08" + struct.pack(">HHHIHHI", 1, ORIENTATION, 3, 1, orientation, 0, 0)


def clean_jpeg(data: bytes, orientation: int = 1) -> bytes:
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    pieces: list[bytes] = []  # what is kept, in order, after the start marker
    pos = 2
    while pos < len(data):
        if data[pos] != 0xFF:
            raise ValueError(f"JPEG marker expected at byte {pos}")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
        elif marker == 0xD9:  # end of the picture: whatever follows is dropped
            pieces.append(b"\xff\xd9")
            if orientation != 1:  # EXIF first, after JFIF if there is one
                exif = b"Exif\x00\x00" + orientation_tiff(orientation)
                at = 1 if pieces[0].startswith(b"\xff\xe0") else 0
                pieces.insert(at, b"\xff\xe1" + struct.pack(">H", 2 + len(exif)) + exif)
            return b"\xff\xd8" + b"".join(pieces)
        elif marker == 0x01 or 0xD0 <= marker <= 0xD7:
            pieces.append(data[pos:pos + 2])
            pos += 2
        else:
            end = pos + 2 + int.from_bytes(data[pos + 2:pos + 4], "big")
            is_app = 0xE0 <= marker <= 0xEF or marker == 0xFE
            if not is_app or data[pos + 4:end].startswith(_JPEG_KEEP_APP.get(marker, b"-")):
                pieces.append(data[pos:end])
            pos = end
            if marker == 0xDA:  # compressed data up to the next marker that is not a restart or stuffing
                scan_end = _scan_end(data, pos)
                pieces.append(data[pos:scan_end])
                pos = scan_end
    raise ValueError("the JPEG ends before its end marker")


def _scan_end(data: bytes, pos: int) -> int:
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= len(data):
            raise ValueError("the JPEG ends inside its picture data")
        following = data[pos + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:
            pos += 2
        else:
            return pos


def clean_png(data: bytes, orientation: int = 1) -> bytes:
    if not data.startswith(_PNG_SIGNATURE):
        raise ValueError("not a PNG")
    out, pos = bytearray(_PNG_SIGNATURE), 8
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind, end = data[pos + 4:pos + 8], pos + 12 + length
        if kind not in _PNG_DROP:
            out += data[pos:end]
        if kind == b"IHDR" and orientation != 1:
            out += _png_chunk(b"eXIf", orientation_tiff(orientation))
        pos = end
        if kind == b"IEND":
            return bytes(out)
    raise ValueError("the PNG ends before its IEND chunk")


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def clean_webp(data: bytes, orientation: int = 1) -> bytes:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise ValueError("not a WebP")
    chunks, pos = [], 12
    while pos + 8 <= len(data):
        kind, size = data[pos:pos + 4], int.from_bytes(data[pos + 4:pos + 8], "little")
        chunks.append((kind, data[pos + 8:pos + 8 + size]))
        pos += 8 + size + (size & 1)
    chunks = [(kind, body) for kind, body in chunks if kind not in (b"EXIF", b"XMP ")]
    if orientation != 1:
        chunks.append((b"EXIF", orientation_tiff(orientation)))
    body = bytearray()
    for kind, payload in chunks:
        if kind == b"VP8X":
            flags = payload[0] & ~(_VP8X_EXIF | _VP8X_XMP) | (_VP8X_EXIF if orientation != 1 else 0)
            payload = bytes([flags]) + payload[1:]
        body += kind + struct.pack("<I", len(payload)) + payload + (b"\x00" if len(payload) & 1 else b"")
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + bytes(body)


_CLEANERS = {"JPEG": clean_jpeg, "MPO": clean_jpeg, "PNG": clean_png, "WEBP": clean_webp}


def clean_photo(path: Path) -> list[str]:
    """Clean one photo file in place; what was removed (empty: it was clean already).

    Raises ValueError when the file is not a JPEG, PNG or WebP, or when cleaning would change its pixels.
    """
    data = path.read_bytes()
    with Image.open(io.BytesIO(data), formats=list(FORMATS)) as image:
        fmt, findings = image.format, identifying_metadata(image, data)
        orientation = image.getexif().get(ORIENTATION, 1)
        pixels = image.tobytes()
    orientation = orientation if orientation in range(1, 9) else 1  # a value no viewer knows is dropped
    cleaned = _CLEANERS[fmt](data, orientation)
    if cleaned == data:
        return []
    with Image.open(io.BytesIO(cleaned), formats=list(FORMATS)) as image:
        if (image.tobytes() != pixels or image.getexif().get(ORIENTATION, 1) != orientation
                or identifying_metadata(image, cleaned)):
            raise ValueError("cleaning would change the picture; nothing was written")
    _replace(path, cleaned)
    return [f"{ja} / {en}" for ja, en in [describe(findings)] if findings] or ["その他のメタデータ / other metadata"]


def _replace(path: Path, data: bytes) -> None:
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, path.stat().st_mode & 0o777)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def photo_files(folder: Path) -> list[Path]:
    """Regular files (not links) under ``folder`` that are JPEG, PNG or WebP by their first bytes."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file() or any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        with open(path, "rb") as handle:
            head = handle.read(12)
        if head[:2] == b"\xff\xd8" or head.startswith(_PNG_SIGNATURE) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
            found.append(path)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/clean-photos",
        description="写真から位置情報などを取り除きます（画質は変わりません） / remove location and other identifying "
                    "metadata from photos, in place, without re-encoding")
    parser.add_argument("folders", nargs="+", type=Path, metavar="FOLDER", help="例 / e.g. profiles/yamada-taro")
    args = parser.parse_args(argv)
    failed = 0
    for folder in args.folders:
        if not folder.is_dir():
            print(f"{folder}: フォルダがありません / not a folder", file=sys.stderr)
            failed += 1
            continue
        for path in photo_files(folder):
            try:
                removed = clean_photo(path)
            except (OSError, ValueError, SyntaxError) as error:
                print(f"{path}: 処理できませんでした / could not clean it: {error}", file=sys.stderr)
                failed += 1
                continue
            print(f"{path}: {'取り除きました / removed: ' + removed[0] if removed else '問題ありません / already clean'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
