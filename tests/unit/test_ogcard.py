"""Open Graph cards (showcase.outputs.og_cards): size, Japanese glyphs, contrast, determinism, cache."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from PIL import Image, ImageFont

from showcase.outputs import og_cards
from showcase.outputs.og_cards import FontMissingError, find_font, load_font, missing_glyphs, render_og_card, wrap

TITLE_BOX = (80, 200, 1120, 340)  # where a one-line title stands


def png_chunks(data: bytes) -> list[bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, offset = [], 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        chunks.append(kind)
        offset += 12 + length
    return chunks


def dark_pixels(image: Image.Image, box: tuple[int, int, int, int]) -> int:
    """Pixels as dark as the title ink (the subtitle's softer grey does not count)."""
    return sum(image.crop(box).convert("L").histogram()[:50])


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    def luminance(rgb):
        channels = [c / 255 for c in rgb]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_card_is_a_1200x630_png_without_metadata() -> None:
    data = render_og_card("山田 太郎", "山梨県 都留市", "地域おこし協力隊")
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.size, image.mode) == ("PNG", (1200, 630), "RGB")
    assert png_chunks(data)[0] == b"IHDR" and set(png_chunks(data)) <= {b"IHDR", b"IDAT", b"IEND"}


def test_same_text_gives_same_bytes() -> None:
    assert render_og_card("山田 太郎", "山梨県 都留市", "地域おこし協力隊") == render_og_card("山田 太郎", "山梨県 都留市", "地域おこし協力隊")
    assert render_og_card("山田 太郎", "山梨県 都留市", "地域おこし協力隊") != render_og_card("山田 花子", "山梨県 都留市", "地域おこし協力隊")


def test_title_is_drawn_in_ink() -> None:
    card = Image.open(io.BytesIO(render_og_card("都留市地域運営組織", "山梨県 都留市", "地域運営組織")))
    empty = Image.open(io.BytesIO(render_og_card("", "山梨県 都留市", "地域運営組織")))
    area = (TITLE_BOX[2] - TITLE_BOX[0]) * (TITLE_BOX[3] - TITLE_BOX[1])
    assert dark_pixels(card, TITLE_BOX) > area * 0.05
    assert dark_pixels(empty, TITLE_BOX) < area * 0.005


def test_jp_face_is_chosen_by_name() -> None:
    for weight in ("Bold", "Regular"):
        path, index = find_font(weight)
        assert path.name == f"NotoSansCJK-{weight}.ttc"
        assert ImageFont.truetype(str(path), 20, index=index).getname() == ("Noto Sans CJK JP", weight)


def test_kanji_is_a_real_glyph_not_tofu() -> None:
    font = load_font(64)
    kanji, notdef = font.getmask("都"), font.getmask("\ue000")  # private use: the font has no glyph
    assert (kanji.size, bytes(kanji)) != (notdef.size, bytes(notdef))
    assert missing_glyphs("山田 太郎 山梨県 都留市 地域おこし協力隊 地域運営組織 chiiki-showcase") == []
    assert missing_glyphs("a\ue000b\uffff") == ["\ue000", "\uffff"]


def test_japanese_glyphs_differ_from_a_latin_only_font() -> None:
    """The check above would catch a font without CJK glyphs: DejaVu (if present) draws 都 as tofu."""
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not dejavu.is_file():
        pytest.skip("DejaVu Sans not installed")
    latin = ImageFont.truetype(str(dejavu), 64)
    assert bytes(latin.getmask("都")) == bytes(latin.getmask("\ue000"))


def test_palette_has_accessible_contrast() -> None:
    pairs = [
        (og_cards.INK, og_cards.BACKGROUND), (og_cards.INK_SOFT, og_cards.BACKGROUND),
        (og_cards.ACCENT, og_cards.BACKGROUND), (og_cards.ON_ACCENT, og_cards.ACCENT),
    ]
    for text, ground in pairs:
        assert contrast(text, ground) >= 4.5, (text, ground)
    card = Image.open(io.BytesIO(render_og_card("山田 太郎", "山梨県 都留市", "地域おこし協力隊")))
    assert card.getpixel((1150, 40)) == og_cards.BACKGROUND and card.getpixel((5, 300)) == og_cards.ACCENT


def test_long_names_wrap_and_shrink_to_fit() -> None:
    title = "とても長い名前の地域運営組織でありまして、さらに長く続く名称（仮称）を持つ協議会とその連絡会議の全体"
    font, lines = og_cards._fit_title(title, og_cards.FONT_DIRS)
    assert len(lines) == 2 and lines[1].endswith("…") and font.size < 96
    assert all(font.getlength(line) <= 1040 for line in lines)
    card = Image.open(io.BytesIO(render_og_card(title, "北海道 上川郡 東神楽町" * 5, "地域運営組織")))
    right_margin = card.crop((1121, 0, 1200, 500)).convert("L")
    assert right_margin.getextrema()[0] > 200  # nothing drawn into the right margin


def test_wrap_prefers_spaces_and_keeps_punctuation_attached() -> None:
    assert wrap("特定非営利活動法人 えがおつなげて", load_font(96), 1040) == ["特定非営利活動法人", "えがおつなげて"]
    lines = wrap("あいうえおかきくけこさしすせそ。たちつてと", load_font(64), 64 * 15)
    assert not lines[1].startswith("。")


def test_missing_font_names_the_debian_package(tmp_path: Path) -> None:
    with pytest.raises(FontMissingError, match="apt-get install fonts-noto-cjk"):
        render_og_card("山田 太郎", "山梨県 都留市", "地域おこし協力隊", font_dirs=[tmp_path])


def test_out_file_and_cache(tmp_path: Path, monkeypatch) -> None:
    cache = tmp_path / "cache"
    first = render_og_card("山田 太郎", "山梨県 都留市", "地域おこし協力隊", tmp_path / "site" / "og.png", cache_dir=cache)
    assert (tmp_path / "site" / "og.png").read_bytes() == first
    assert [p.name for p in cache.iterdir()] == [p.name for p in cache.glob("og-*.png")] and len(list(cache.iterdir())) == 1
    monkeypatch.setattr(og_cards, "draw_og_card", lambda *a: pytest.fail("drawn again"))
    assert render_og_card("山田 太郎", "山梨県 都留市", "地域おこし協力隊", cache_dir=cache) == first
    with pytest.raises(pytest.fail.Exception):
        render_og_card("山田 花子", "山梨県 都留市", "地域おこし協力隊", cache_dir=cache)


def test_placing_cards_links_the_cached_ones_and_returns_the_others(tmp_path: Path, monkeypatch) -> None:
    cache, site = tmp_path / "cache", tmp_path / "site"
    render_og_card("山田 太郎", "山梨県 都留市", "地域おこし協力隊", cache_dir=cache)
    cards = [("山田 太郎", "山梨県 都留市", "地域おこし協力隊", str(site / "og" / "profile-a.png")),
             ("山田 花子", "山梨県 都留市", "地域おこし協力隊", str(site / "og" / "profile-b.png"))]
    stats: list[str] = []
    real_stat = Path.stat
    monkeypatch.setattr(Path, "stat", lambda self, **kw: stats.append(str(self)) or real_stat(self, **kw))
    assert og_cards.place_og_cards(cards, cache) == cards[1:]  # not drawn yet: the pool draws it
    font_stats = [name for name in stats if name.endswith(".ttc")]
    placed = site / "og" / "profile-a.png"
    assert placed.read_bytes() == next(cache.glob("og-*.png")).read_bytes() and placed.stat().st_nlink == 2
    assert not (site / "og" / "profile-b.png").exists()
    stats.clear()
    og_cards._font_identity(og_cards.FONT_DIRS)
    assert stats and font_stats == stats  # the fonts are looked up once for all the cards, not once a card
