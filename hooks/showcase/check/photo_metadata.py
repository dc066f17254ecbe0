"""Identifying metadata in a photo file: what a committed original must not carry.

The published variants never carry metadata (:mod:`showcase.outputs.images`), but the original stays in the public
repository and its history for good.  :func:`identifying_metadata` names what a photo still holds that can
locate or identify a person: GPS position, camera body and lens serial numbers, owner / artist / copyright names,
maker notes, XMP creator or location, IPTC byline, PNG text fields and extra embedded images.  Camera make and
model, dates, the orientation and colour profiles are not identifying and are allowed.

``scripts/clean-photos`` (:mod:`showcase.cli.clean_photos`) removes all of it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import PurePosixPath
from typing import NamedTuple

from PIL import Image, IptcImagePlugin

from showcase.check.problems import Problem

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
GPS_VERSION = 0x0000


class Finding(NamedTuple):
    """One kind of identifying metadata, named for contributors."""

    ja: str
    en: str


GPS = Finding("GPS 位置情報", "GPS location")
_IFD0 = {
    0x013B: Finding("撮影者名（Artist）", "artist name"),
    0x8298: Finding("著作権者名（Copyright）", "copyright holder"),
    0x9C9D: Finding("作成者名（XPAuthor）", "author name (XPAuthor)"),
}
_EXIF = {
    0xA430: Finding("カメラの所有者名", "camera owner name"),
    0xA431: Finding("カメラ本体のシリアル番号", "camera body serial number"),
    0xA435: Finding("レンズのシリアル番号", "lens serial number"),
    0x927C: Finding("メーカー独自情報（MakerNote: シリアル番号を含むことがあります）", "maker notes (may hold serial numbers)"),
}
_IPTC = {  # IPTC-IIM record 2 datasets naming or reaching a person
    (2, 80): "By-line", (2, 85): "By-line Title", (2, 110): "Credit",
    (2, 116): "Copyright Notice", (2, 118): "Contact", (2, 122): "Writer/Editor",
}
# XMP properties that name or locate someone (prefix:Name as written in the packet).
_XMP_NAMES = re.compile(
    rb"\b(dc:creator|dc:rights|xmpRights:Owner|photoshop:AuthorsPosition|photoshop:Credit"
    rb"|Iptc4xmpCore:CreatorContactInfo|Iptc4xmpCore:Location|exif:GPS\w+|exifEX:CameraOwnerName"
    rb"|exifEX:BodySerialNumber|exifEX:LensSerialNumber|aux:SerialNumber|aux:OwnerName|tiff:Artist|tiff:Copyright)\b")
# PNG tEXt/zTXt/iTXt keywords that name someone, or hold a whole EXIF/IPTC/XMP block as text (ImageMagick).
_PNG_TEXT = ("Author", "Artist", "Copyright", "Owner", "Creator")
_PNG_RAW = ("Raw profile type exif", "Raw profile type APP1", "Raw profile type iptc", "Raw profile type xmp")


def identifying_metadata(image: Image.Image, data: bytes = b"") -> list[Finding]:
    """What identifying metadata the opened ``image`` carries (Pillow reads it with the header: nothing decoded).

    With the file's ``data``, a JPEG is also checked for bytes after its end marker (a motion photo's video).
    """
    found: list[Finding] = []
    exif = image.getexif()
    if any(tag != GPS_VERSION for tag in exif.get_ifd(GPS_IFD)):
        found.append(GPS)
    found += [finding for tag, finding in _IFD0.items() if exif.get(tag)]
    exif_ifd = exif.get_ifd(EXIF_IFD)
    found += [finding for tag, finding in _EXIF.items() if exif_ifd.get(tag)]
    xmp = _xmp(image)
    names = sorted({match.decode() for match in _XMP_NAMES.findall(xmp)}) if xmp else []
    if names:
        found.append(Finding(f"XMP の作成者・位置などの情報（{', '.join(names)}）", f"XMP creator or location ({', '.join(names)})"))
    if image.format in ("JPEG", "MPO"):
        iptc = IptcImagePlugin.getiptcinfo(image) or {}
        labels = [label for key, label in _IPTC.items() if iptc.get(key)]
        if labels:
            found.append(Finding(f"IPTC の撮影者名など（{', '.join(labels)}）", f"IPTC byline ({', '.join(labels)})"))
        if getattr(image, "n_frames", 1) > 1:
            found.append(Finding("写真に埋め込まれた別の画像（MPF）", "extra images embedded in the file (MPF)"))
        elif data and not _ends_at_picture_end(data):
            found.append(Finding("写真の後ろに付いた別のデータ（動く写真の動画など）", "data after the picture (e.g. a motion photo's video)"))
    if image.format == "PNG":
        keys = [key for key in image.info if isinstance(key, str) and (key in _PNG_TEXT or key in _PNG_RAW)]
        if keys:
            found.append(Finding(f"PNG のテキスト情報（{', '.join(sorted(keys))}）", f"PNG text fields ({', '.join(sorted(keys))})"))
    return found


def _ends_at_picture_end(data: bytes) -> bool:
    """Whether a JPEG's last bytes are its end marker (some writers pad with zeros; nothing is copied)."""
    end = len(data)
    while end > 2 and data[end - 1] == 0 and end > len(data) - 4096:
        end -= 1
    return data[end - 2:end] == b"\xff\xd9"


def _xmp(image: Image.Image) -> bytes:
    value = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    return value.encode("utf-8", "replace") if isinstance(value, str) else bytes(value)


def identifying_problem(at: Problem, name: str, findings: list[Finding]) -> Problem:
    """The problem for photo ``name`` carrying ``findings``, at ``at``'s position (file, line, column, field)."""
    ja, en = describe(findings)
    folder = str(PurePosixPath(at.path).parent)
    return replace(
        at,
        ja=f"写真「{name}」に撮影場所や撮影者を特定できる情報が残っています（{ja}）。元の写真はリポジトリに永久に残ります",
        en=f'photo "{name}" carries metadata that can locate or identify people ({en}); the original stays in the '
           "repository for good",
        hint_ja=f"scripts/clean-photos {folder} で取り除いてからコミットしてください（画質は変わりません）",
        hint_en=f"remove it with scripts/clean-photos {folder} before committing (the picture is not changed)")


def describe(findings: list[Finding]) -> tuple[str, str]:
    """The findings as one Japanese and one English list, for a problem message."""
    return "、".join(f.ja for f in findings), ", ".join(f.en for f in findings)


__all__ = ["Finding", "GPS", "describe", "identifying_metadata", "identifying_problem"]
