"""The 47-prefecture tile map and its grid."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from showcase.charts.tilegrid import (BY_CODE, COMPACT_COLUMNS, GRID_COLUMNS, GRID_ROWS, PREFECTURES, TILE_POSITIONS,
                                      compact_position, short_name)
from showcase.charts.tilemap import (COMPACT, SHADES, class_of, classes, contrast_ratio, render_tile_map, render_tile_map_pair,
                                     text_colour_for)

NS = "{http://www.w3.org/2000/svg}"
COUNTS = {p.name: index % 9 for index, p in enumerate(PREFECTURES)}
LINKS = {p.name: f"/prefectures/{p.code}/" for p in PREFECTURES}


def render(counts=COUNTS, links=LINKS, prefix="map") -> ET.Element:
    return ET.fromstring(render_tile_map(counts, links, prefix, "都道府県別の件数", "各都道府県の件数"))


def test_grid_has_47_prefectures_with_jis_codes_and_distinct_tiles():
    assert [p.code for p in PREFECTURES] == [f"{n:02d}" for n in range(1, 48)]
    assert len(TILE_POSITIONS) == 47 and len(set(TILE_POSITIONS.values())) == 47
    assert all(0 <= c < GRID_COLUMNS and 0 <= r < GRID_ROWS for c, r in TILE_POSITIONS.values())
    assert BY_CODE["13"].name == "東京都" and BY_CODE["47"].short == "沖縄"


def test_grid_follows_the_map():
    columns = {name: c for name, (c, _) in TILE_POSITIONS.items()}
    rows = {name: r for name, (_, r) in TILE_POSITIONS.items()}
    assert columns["北海道"] == max(columns.values()) and rows["北海道"] == 0  # top right
    assert columns["沖縄県"] == 0 and rows["沖縄県"] == max(rows.values())  # bottom left
    assert rows["青森県"] < rows["宮城県"] < rows["福島県"] < rows["栃木県"] < rows["東京都"]
    assert columns["福岡県"] < columns["広島県"] < columns["大阪府"] < columns["愛知県"] < columns["東京都"]
    assert columns["長崎県"] < columns["佐賀県"] < columns["福岡県"] and rows["鹿児島県"] > rows["熊本県"]


@pytest.mark.parametrize("name, short", [("北海道", "北海道"), ("青森県", "青森"), ("東京都", "東京"), ("京都府", "京都"),
                                         ("大阪府", "大阪"), ("神奈川県", "神奈川"), ("鹿児島県", "鹿児島")])
def test_short_names(name, short):
    assert short_name(name) == short


def test_map_has_47_links_with_accessible_names():
    root = render()
    assert root.get("role") == "group"
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"{NS}title").get("id") == title_id and root.find(f"{NS}desc").get("id") == desc_id
    links = list(root.iter(f"{NS}a"))
    assert len(links) == 47
    assert len({a.get("href") for a in links}) == 47
    by_code = {a.get("data-code"): a for a in links}
    hokkaido = by_code["01"]
    assert hokkaido.get("href") == "/prefectures/01/"
    assert hokkaido.get("aria-label") == f"北海道 {COUNTS['北海道']}件"  # starts with the visible text (WCAG 2.5.3)
    assert hokkaido.find(f"{NS}title").text == f"北海道: {COUNTS['北海道']}件"
    assert by_code["02"].get("aria-label") == f"青森 {COUNTS['青森県']}件（青森県）"
    assert ["".join(t.itertext()) for t in by_code["02"].iter(f"{NS}text")] == ["青森", f"{COUNTS['青森県']}件"]


def test_tile_text_shows_counts_with_separators():
    counts = dict.fromkeys(TILE_POSITIONS, 0) | {"東京都": 12345}
    root = render(counts)
    tokyo = next(a for a in root.iter(f"{NS}a") if a.get("data-code") == "13")
    assert ["".join(t.itertext()) for t in tokyo.iter(f"{NS}text")] == ["東京", "12,345件"]
    assert tokyo.get("aria-label") == "東京 12,345件（東京都）"


def test_five_shades_and_legend():
    step, ranges = classes({"a": 0, "b": 20})
    assert step == 5 and ranges == [(1, 5), (6, 10), (11, 15), (16, 20)]
    assert [class_of(n, step) for n in (0, 1, 5, 6, 20)] == [0, 1, 1, 2, 4]
    counts = dict.fromkeys(TILE_POSITIONS, 0) | {"北海道": 20, "沖縄県": 1, "東京都": 11}
    root = render(counts)
    shade = {a.get("data-code"): a.find(f"{NS}rect").get("fill") for a in root.iter(f"{NS}a")}
    assert shade["01"] == f"var(--cs-map-4, {SHADES[4]})" and shade["47"] == f"var(--cs-map-1, {SHADES[1]})"
    assert shade["13"] == f"var(--cs-map-3, {SHADES[3]})" and shade["02"] == f"var(--cs-map-0, {SHADES[0]})"
    legend = ["".join(t.itertext()) for t in root.iter(f"{NS}text") if t.get("class") == "cs-map-legend-label"]
    assert legend == ["0件", "1〜5件", "6〜10件", "11〜15件", "16〜20件"]


def test_small_counts_keep_a_sensible_legend():
    root = render(dict.fromkeys(TILE_POSITIONS, 0) | {"北海道": 1})
    legend = ["".join(t.itertext()) for t in root.iter(f"{NS}text") if t.get("class") == "cs-map-legend-label"]
    assert legend == ["0件", "1件"]
    assert classes({})[1] == [(1, 1)]


def test_every_shade_reaches_4_5_to_1_with_its_text():
    for shade in SHADES:
        assert contrast_ratio(shade, text_colour_for(shade)) >= 4.5, shade
    root = render()
    for a in root.iter(f"{NS}a"):
        fill = a.find(f"{NS}rect").get("fill")
        k = int(fill.split("--cs-map-")[1][0])
        for node in a.iter(f"{NS}text"):
            assert node.get("fill") == f"var(--cs-map-text-{k}, {text_colour_for(SHADES[k])})"


def test_missing_links_leave_plain_tiles_and_unknown_names_are_refused():
    links = {name: href for name, href in LINKS.items() if name != "沖縄県"}
    root = render(links=links)
    assert len(list(root.iter(f"{NS}a"))) == 46
    okinawa = next(g for g in root.iter(f"{NS}g") if g.get("data-code") == "47")
    assert okinawa.get("aria-label") == f"沖縄 {COUNTS['沖縄県']}件（沖縄県）"
    with pytest.raises(ValueError, match="青森"):
        render_tile_map({"青森": 1}, {}, "m", "t", "d")


def test_hrefs_are_escaped():
    root = render(links={"北海道": '/a?x=1&y="2"'})
    assert next(root.iter(f"{NS}a")).get("href") == '/a?x=1&y="2"'


def test_script_links_are_refused():
    for href in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "http://example.com/"):
        with pytest.raises(ValueError):
            render_tile_map({}, {"北海道": href}, "m", "t", "d")
    render_tile_map({}, {"北海道": "https://example.com/"}, "m", "t", "d")


def test_phone_layout_fits_11_columns_of_24_px_tiles_named_by_their_visible_text():
    root = ET.fromstring(render_tile_map(COUNTS, LINKS, "m", "t", "d", COMPACT))
    width = float(root.get("viewBox").split()[2])
    assert COMPACT.pitch * 288 / width >= 24  # a 320 px phone leaves a 288 px column: every tile at least 24 × 24
    positions = {compact_position(p) for p in PREFECTURES}
    assert len(positions) == 47 and {c for c, _ in positions} == set(range(COMPACT_COLUMNS))
    links = list(root.iter(f"{NS}a"))
    assert len(links) == 47
    for a in links:
        shown = "".join(a.find(f"{NS}text").itertext())
        assert a.get("aria-label").startswith(shown + " ")  # WCAG 2.5.3: the name starts with what is seen
        hit = next(r for r in a.iter(f"{NS}rect") if r.get("class") == "cs-tile-hit")
        assert float(hit.get("width")) == COMPACT.pitch and hit.get("pointer-events") == "all"


def test_the_pair_holds_both_layouts():
    html = render_tile_map_pair(COUNTS, LINKS, "m", "t", "d")
    assert html.count("<svg") == 2 and 'id="m-compact"' in html and 'id="m"' in html
    assert html.startswith('<div class="cs-responsive"><div class="cs-responsive__compact">')
