"""The minimum count below which a share of our own records is not drawn next to national figures.

「本サイトの事例 0/2件 0.0%」 beside a national 69.6 % says nothing about either: with fewer records than
MINIMUM_COUNT a block shows :func:`too_few_note` instead of a comparison chart.  Every chart that compares
counts of this site's records (shares, before/after) asks :func:`enough_to_compare` first.
"""

from __future__ import annotations

MINIMUM_COUNT = 20


def enough_to_compare(count: int) -> bool:
    return count >= MINIMUM_COUNT


def too_few_note(count: int, what: str) -> str:
    """「掲載している地域運営組織の事例は2件です。20件以上になると…」 (plain text; templates escape it)."""
    return (f"掲載している{what}は{count:,}件です。{MINIMUM_COUNT:,}件以上になると、"
            f"全国の値と比べるグラフをここに表示します。件数はデータ表で確認できます。")
