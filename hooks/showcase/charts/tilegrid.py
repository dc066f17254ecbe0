"""The 47 prefectures: JIS X 0401 codes, short names and tile-grid positions.

``TILE_POSITIONS`` places each prefecture on a 13 × 11 grid (column, row from
the top left) that follows the map: Hokkaido at the top right, Kyushu at the
left, Okinawa at the bottom left.
"""

from __future__ import annotations

from dataclasses import dataclass

# (JIS code, full name, (column, row))
_GRID = (
    ("01", "北海道", (12, 0)),
    ("02", "青森県", (11, 1)),
    ("03", "岩手県", (11, 2)),
    ("04", "宮城県", (11, 3)),
    ("05", "秋田県", (10, 2)),
    ("06", "山形県", (10, 3)),
    ("07", "福島県", (11, 4)),
    ("08", "茨城県", (12, 5)),
    ("09", "栃木県", (11, 5)),
    ("10", "群馬県", (10, 5)),
    ("11", "埼玉県", (10, 6)),
    ("12", "千葉県", (12, 6)),
    ("13", "東京都", (11, 6)),
    ("14", "神奈川県", (10, 7)),
    ("15", "新潟県", (10, 4)),
    ("16", "富山県", (9, 4)),
    ("17", "石川県", (8, 4)),
    ("18", "福井県", (7, 5)),
    ("19", "山梨県", (9, 6)),
    ("20", "長野県", (9, 5)),
    ("21", "岐阜県", (8, 5)),
    ("22", "静岡県", (9, 7)),
    ("23", "愛知県", (8, 6)),
    ("24", "三重県", (7, 7)),
    ("25", "滋賀県", (7, 6)),
    ("26", "京都府", (6, 5)),
    ("27", "大阪府", (5, 6)),
    ("28", "兵庫県", (5, 5)),
    ("29", "奈良県", (6, 6)),
    ("30", "和歌山県", (6, 7)),
    ("31", "鳥取県", (4, 5)),
    ("32", "島根県", (3, 5)),
    ("33", "岡山県", (4, 6)),
    ("34", "広島県", (3, 6)),
    ("35", "山口県", (2, 6)),
    ("36", "徳島県", (4, 8)),
    ("37", "香川県", (4, 7)),
    ("38", "愛媛県", (3, 7)),
    ("39", "高知県", (3, 8)),
    ("40", "福岡県", (2, 7)),
    ("41", "佐賀県", (1, 7)),
    ("42", "長崎県", (0, 7)),
    ("43", "熊本県", (1, 8)),
    ("44", "大分県", (2, 8)),
    ("45", "宮崎県", (2, 9)),
    ("46", "鹿児島県", (1, 9)),
    ("47", "沖縄県", (0, 10)),
)
GRID_COLUMNS = 13
GRID_ROWS = 11


@dataclass(frozen=True)
class Prefecture:
    code: str  # JIS X 0401: "01" … "47"
    name: str  # "北海道", "青森県", "東京都"
    short: str  # "北海道", "青森", "東京"
    column: int
    row: int


def short_name(name: str) -> str:
    """``青森県`` → ``青森``, ``東京都`` → ``東京``, ``北海道`` stays."""
    return name if name == "北海道" else name[:-1]


PREFECTURES: tuple[Prefecture, ...] = tuple(
    Prefecture(code, name, short_name(name), column, row) for code, name, (column, row) in _GRID
)
BY_NAME: dict[str, Prefecture] = {p.name: p for p in PREFECTURES}
BY_CODE: dict[str, Prefecture] = {p.code: p for p in PREFECTURES}
TILE_POSITIONS: dict[str, tuple[int, int]] = {p.name: (p.column, p.row) for p in PREFECTURES}

# The phone layout: 11 columns, so each tile stays at least 24 CSS px wide in a 288 px column (a 320 px screen).
# Kyushu and Okinawa (the two westmost columns) move under Shikoku, a row apart; everything else keeps its place.
_FOLDED = {"40", "41", "42", "43", "44", "45", "46", "47"}
COMPACT_COLUMNS = 11
COMPACT_ROWS = 14


def compact_position(prefecture: Prefecture) -> tuple[int, int]:
    if prefecture.code in _FOLDED:
        return prefecture.column, prefecture.row + 3
    return prefecture.column - 2, prefecture.row
