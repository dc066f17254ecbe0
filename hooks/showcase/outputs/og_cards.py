"""Open Graph cards: a 1200x630 PNG with a record's name, place and kind.

Text is drawn with Noto Sans CJK JP from Debian's ``fonts-noto-cjk`` (the
``.ttc`` face whose name is "Noto Sans CJK JP", found by reading the names, not
by assuming an index).  Pillow's BASIC layout engine is used so the result does
not depend on whether libraqm is installed.  The PNG carries no metadata and
the same input gives the same bytes; with ``cache_dir`` a card is drawn once
per (text, font file, design version).
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from PIL import Image, ImageDraw, ImageFont

from showcase.outputs.files import link_or_copy

SIZE = (1200, 630)
SITE_NAME = "chiiki-showcase"
FONT_PACKAGE = "fonts-noto-cjk"
FONT_FAMILY = "Noto Sans CJK JP"
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
# Palette: every text colour has >= 4.5:1 contrast against what it is drawn on.
BACKGROUND = (250, 248, 243)
INK = (26, 26, 26)  # title
INK_SOFT = (64, 64, 64)  # subtitle
ACCENT = (31, 81, 53)  # band, label pill, site name
ON_ACCENT = (255, 255, 255)  # label text
DESIGN_VERSION = "1"
# zlib level 6: a third of level 9's encoding time for ~4 % more bytes (35,000 cards: minutes of build time).
PNG_OPTIONS = {"compress_level": 6}
_PNG_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"  # signature, then the IHDR chunk: width, height follow

_MARGIN = 80
_TEXT_WIDTH = SIZE[0] - 2 * _MARGIN
_TITLE_SIZES = range(96, 47, -6)
_NO_LINE_START = set("、。，．,.・：；:;？！?!ー）)」』】〕］]｝}〉》ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〜")
_NO_LINE_END = set("（(「『【〔［[｛{〈《")


class FontMissingError(RuntimeError):
    """The Japanese font is not installed."""


def find_font(weight: str = "Bold", font_dirs: Sequence[Path] = FONT_DIRS) -> tuple[Path, int]:
    """The ``NotoSansCJK-<weight>.ttc`` file and the face index of "Noto Sans CJK JP"."""
    file_name = f"NotoSansCJK-{weight}.ttc"
    for directory in font_dirs:
        preferred = directory / "opentype" / "noto" / file_name
        candidates = [preferred] if preferred.is_file() else sorted(directory.rglob(file_name)) if directory.is_dir() else []
        for path in candidates:
            index = _face_index(str(path), weight)
            if index is not None:
                return path, index
    searched = ", ".join(str(d) for d in font_dirs)
    raise FontMissingError(
        f"{FONT_FAMILY} {weight} ({file_name}) was not found in {searched}. "
        f"Install the Debian package {FONT_PACKAGE}: sudo apt-get install {FONT_PACKAGE}"
    )


@lru_cache(maxsize=8)
def _face_index(path: str, weight: str) -> int | None:
    for index in range(32):
        try:
            name = ImageFont.truetype(path, 12, index=index).getname()
        except OSError:
            return None
        if name == (FONT_FAMILY, weight):
            return index
    return None


@lru_cache(maxsize=64)
def _font(path: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, index=index, layout_engine=ImageFont.Layout.BASIC)


def load_font(size: int, weight: str = "Bold", font_dirs: Sequence[Path] = FONT_DIRS) -> ImageFont.FreeTypeFont:
    path, index = find_font(weight, tuple(font_dirs))
    return _font(str(path), index, size)


def missing_glyphs(text: str, weight: str = "Bold", font_dirs: Sequence[Path] = FONT_DIRS) -> list[str]:
    """Characters of ``text`` the font would draw as its "tofu" (.notdef) box."""
    font = load_font(64, weight, font_dirs)
    notdef = _mask_bytes(font, "\uffff")
    return sorted({ch for ch in text if not ch.isspace() and _mask_bytes(font, ch) == notdef})


def _mask_bytes(font: ImageFont.FreeTypeFont, text: str) -> tuple[tuple[int, int], bytes]:
    mask = font.getmask(text)
    return mask.size, bytes(mask)


def _units(text: str) -> list[str]:
    """Break opportunities: each CJK character alone, runs of Latin letters/digits together."""
    units: list[str] = []
    for ch in text:
        if units and ch.isascii() and ch.isalnum() and units[-1][-1].isascii() and units[-1][-1].isalnum():
            units[-1] += ch
        else:
            units.append(ch)
    return units


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy line breaking with simple Japanese rules (kinsoku) for ``width`` px."""
    lines: list[list[str]] = [[]]
    for unit in _units(" ".join(text.split())):
        line = lines[-1]
        if not line or font.getlength("".join(line) + unit) <= width:
            line.append(unit)
            continue
        carry: list[str] = []
        space = max((i for i, u in enumerate(line) if u == " "), default=0)
        if space and font.getlength("".join(line[:space])) >= width * 0.5:  # prefer breaking at a space
            carry, line[:] = line[space + 1:], line[:space]
        elif unit[0] in _NO_LINE_START and len(line) > 1:
            carry.append(line.pop())
        while len(line) > 1 and line[-1][-1] in _NO_LINE_END:
            carry.insert(0, line.pop())
        lines.append(carry + ([] if unit == " " else [unit]))
    return ["".join(line).strip() for line in lines if "".join(line).strip()]


def _ellipsize(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    if font.getlength(text) <= width:
        return text
    while text and font.getlength(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _fit_title(title: str, font_dirs: Sequence[Path]) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    for size in _TITLE_SIZES:
        font = load_font(size, "Bold", font_dirs)
        lines = wrap(title, font, _TEXT_WIDTH)
        if len(lines) <= 2:
            return font, lines
    lines = wrap(title, font, _TEXT_WIDTH)
    second = lines[1]
    while second and font.getlength(second + "…") > _TEXT_WIDTH:
        second = second[:-1]
    return font, [lines[0], second.rstrip() + "…"]


def _fit_line(text: str, sizes: range, weight: str, width: int, font_dirs: Sequence[Path]) -> tuple[ImageFont.FreeTypeFont, str]:
    for size in sizes:
        font = load_font(size, weight, font_dirs)
        if font.getlength(text) <= width:
            return font, text
    return font, _ellipsize(text, font, width)


def draw_og_card(title: str, subtitle: str, kind_label: str, font_dirs: Sequence[Path] = FONT_DIRS) -> Image.Image:
    """The card as a Pillow image (RGB, 1200x630)."""
    title, subtitle, kind_label = (" ".join(t.split()) for t in (title, subtitle, kind_label))
    card = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(card)
    draw.rectangle((0, 0, 23, SIZE[1]), fill=ACCENT)

    label_font, label = _fit_line(kind_label, range(32, 23, -2), "Bold", 760, font_dirs)
    label_box = draw.textbbox((0, 0), label, font=label_font, anchor="lt") if label else (0, 0, 0, 0)
    pill = (_MARGIN, 64, _MARGIN + label_box[2] + 48, 64 + label_font.size + 28)
    if label:
        draw.rounded_rectangle(pill, radius=10, fill=ACCENT)
        draw.text((_MARGIN + 24, 64 + 14), label, font=label_font, fill=ON_ACCENT, anchor="lt")

    title_font, lines = _fit_title(title, font_dirs)
    step = round(title_font.size * 1.25)
    y = 190 if len(lines) > 1 else 230
    for line in lines:
        draw.text((_MARGIN, y), line, font=title_font, fill=INK, anchor="lt")
        y += step

    sub_font, sub = _fit_line(subtitle, range(44, 27, -4), "Regular", _TEXT_WIDTH, font_dirs)
    draw.text((_MARGIN, y + 16), sub, font=sub_font, fill=INK_SOFT, anchor="lt")

    draw.line((_MARGIN, 520, SIZE[0] - _MARGIN, 520), fill=ACCENT, width=3)
    draw.text((_MARGIN, 548), SITE_NAME, font=load_font(36, "Bold", font_dirs), fill=ACCENT, anchor="lt")
    return card


def _font_identity(font_dirs: Sequence[Path]) -> list[tuple[str, int, int, int]]:
    """The font files a card is drawn with, as the cache key sees them (a font upgrade redraws every card)."""
    identity = []
    for weight in ("Bold", "Regular"):
        path, index = find_font(weight, tuple(font_dirs))
        stat = path.stat()
        identity.append((str(path), index, stat.st_size, stat.st_mtime_ns))
    return identity


def _cache_key(title: str, subtitle: str, kind_label: str, font_dirs: Sequence[Path],
               identity: list[tuple[str, int, int, int]] | None = None) -> str:
    identity = _font_identity(font_dirs) if identity is None else identity
    parts = repr((DESIGN_VERSION, title, subtitle, kind_label, identity, BACKGROUND, INK, INK_SOFT, ACCENT, ON_ACCENT,
                  sorted(PNG_OPTIONS.items())))
    return hashlib.sha256(parts.encode()).hexdigest()


def cached_card(title: str, subtitle: str, kind_label: str, cache_dir: Path, font_dirs: Sequence[Path] = FONT_DIRS,
                identity: list[tuple[str, int, int, int]] | None = None) -> Path:
    """Where the cache keeps this card (it may not be there yet)."""
    return cache_dir / f"og-{_cache_key(title, subtitle, kind_label, font_dirs, identity)[:16]}.png"


def place_og_cards(cards: Iterable[tuple[str, str, str, str]], cache_dir: Path,
                   font_dirs: Sequence[Path] = FONT_DIRS, used: set[str] | None = None) -> list[tuple[str, str, str, str]]:
    """Put each cached card ``(title, subtitle, kind label, out path)`` at its path (a hard link where possible);
    the cards the cache does not hold yet, or holds as something other than a card's PNG (redrawn, not published).
    ``used`` collects the cache file names of every card, placed or not (what pruning keeps).

    The fonts are looked up once for all the cards, and each folder made once: a warm 35,000 build places 35,000
    cards, and per card those were six system calls more than the link itself.
    """
    identity = _font_identity(font_dirs)
    made: set[str] = set()
    missing = []
    for card in cards:
        title, subtitle, kind_label, out = card
        folder = os.path.dirname(out)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        cached = cached_card(title, subtitle, kind_label, cache_dir, font_dirs, identity)
        if used is not None:
            used.add(cached.name)
        if not _is_card_png(cached):  # not in the cache, or not a card: drawn again
            missing.append(card)
            continue
        link_or_copy(cached, Path(out))
    return missing


def _is_card_png(path: Path) -> bool:
    """Whether ``path`` starts like one of our cards: a PNG whose header says SIZE (24 bytes read)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(24)
    except OSError:
        return False
    return head[:16] == _PNG_HEAD and head[16:24] == struct.pack(">II", *SIZE)


def render_og_card(
    title: str, subtitle: str, kind_label: str, out: Path | None = None, *,
    cache_dir: Path | None = None, font_dirs: Sequence[Path] = FONT_DIRS,
) -> bytes:
    """PNG bytes of the card; also written to ``out`` when given.

    With ``cache_dir`` the PNG is kept as ``og-<hash16>.png`` and reused while
    the text, the font files and :data:`DESIGN_VERSION` stay the same.
    """
    cached = cached_card(title, subtitle, kind_label, cache_dir, font_dirs) if cache_dir else None
    data = None
    if cached is not None and _is_card_png(cached):
        data = cached.read_bytes()
    if not data:
        buffer = io.BytesIO()
        draw_og_card(title, subtitle, kind_label, font_dirs).save(buffer, format="PNG", **PNG_OPTIONS)
        data = buffer.getvalue()
        if cached is not None:
            _write_atomic(cached, data)
    if out is not None:
        _write_atomic(out, data)
    return data


def _write_atomic(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


__all__ = ["FontMissingError", "SIZE", "draw_og_card", "find_font", "load_font", "missing_glyphs", "place_og_cards", "render_og_card", "wrap"]
