"""The accessibility page's test results, rendered from the last gate run's numbers (quality/a11y-results.json).

The gates in tests/gates write the JSON; this module only reads it, so the published numbers are never typed by
hand.  Engine-independent: returns Markdown for any page that carries :data:`MARKER`.
"""

from __future__ import annotations

import json
from pathlib import Path

MARKER = "<!-- showcase:quality-results -->"
SCHEME_LABELS = {"light": "ライト", "dark": "ダーク"}
# Kinds of generated page (URL patterns from tests/gates/kinds.py) → what a reader calls them.  Other pages (the
# hand-written ones, charts) are named by their own title.
PAGE_LABELS = {
    "(home)": "ホーム", "404.html": "ページが見つからないとき（404）", "search/": "検索",
    "search/ [search-results]": "検索（結果を表示した状態）", "profiles/": "協力隊プロフィールの一覧",
    "profiles/ [filtered]": "協力隊プロフィールの一覧（絞り込んだ状態）", "profiles/*/": "協力隊プロフィール",
    "profiles/status/*/": "現役・OB・OG 別の一覧", "cases/": "地域運営組織の事例の一覧", "cases/*/": "地域運営組織の事例",
    "cases/category/*/": "活動分類別の一覧", "prefectures/": "都道府県から探す", "prefectures/*/": "都道府県",
    "municipalities/*/": "市区町村", "fields/*/": "活動分野別の一覧",
    "embed/profiles/*/": "埋め込み表示（協力隊プロフィール）", "embed/cases/*/": "埋め込み表示（地域運営組織の事例）",
    "embed/prefectures/*/": "埋め込み表示（都道府県）", "embed/municipalities/*/": "埋め込み表示（市区町村）",
}


def load_results(path: Path) -> dict:
    """The results document, or ``{}`` when no gate run has been recorded."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _n(value: int) -> str:
    return f"{value:,}"


def _count(value: int, unit: str) -> str:
    return f"{_n(value)}{unit}"


def _plain(text: str) -> str:
    """``text`` as literal Markdown inline text (titles come from the built pages, not from us)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join("\\" + c if c in "\\`*_[]|#!" else c for c in text)


def page_label(page: dict | str) -> str:
    """What the policy page calls a checked view: its kind's name, else its own title."""
    page = {"view": page} if isinstance(page, str) else page  # files written before titles were recorded
    view, title = page["view"], page.get("title") or page["view"]
    if view in PAGE_LABELS:
        return PAGE_LABELS[view]
    return f"埋め込み表示（{_plain(title)}）" if view.startswith("embed/") else _plain(title)


def render_results_markdown(results: dict) -> str:
    """A Markdown summary table plus the list of pages checked; a short note when nothing is recorded."""
    if not results:
        return "自動試験の結果はまだ記録されていません。"
    rows = []
    a11y = results.get("accessibility")
    if a11y:
        views = "・".join(SCHEME_LABELS.get(s, s) for s in a11y["schemes"]) + " × " + "・".join(f"{w}px" for w in a11y["widths"])
        rows.append(("アクセシビリティ（axe-core " + a11y["axe_core"] + "、" + " / ".join(a11y["tags"]) + "）",
                     f"{_count(len(a11y['pages']), '画面')}を {views} の4通りで表示（{_count(a11y['checks'], '回')}）、"
                     f"{_count(len(a11y['rules_checked']), '件')}のルールで判定", _count(a11y["violations"], "件の違反")))
    keyboard = results.get("keyboard")
    if keyboard:
        rows.append(("キーボード操作（フォーカスの可視性、スキップリンク、絞り込み・検索の操作）",
                     f"{_count(keyboard['steps'], '回')}のフォーカス移動", _count(keyboard["problems"], "件の問題")))
    html = results.get("html")
    if html:
        rows.append((f"HTML の妥当性（{html['checker']}）", _count(html["pages"], "ページ"), _count(html["errors"], "件のエラー")))
    links = results.get("links")
    if links:
        rows.append(("リンク切れ（内部リンク・ページ内リンク・画像・CSS/JavaScript）",
                     f"{_count(links['pages'], 'ページ')}の {_count(links['references'], '件')}",
                     _count(links["broken"], "件のリンク切れ")))
    third = results.get("third_party")
    if third:
        loads = _count(third.get("loads", third["pages"]), "回")
        rows.append(("外部サイトへの通信（フォント・CDN・解析ツールなど）",
                     f"{_count(third['pages'], '画面')}（{loads}の表示）", _count(third["requests"], "件の通信")))
    repro = results.get("reproducible")
    if repro:
        rows.append(("再現可能なビルド（同じ入力から同じ出力）", _count(repro["files"], "ファイル"), _count(repro["differing"], "件の差異")))
    headers = results.get("headers")
    if headers:
        rows.append(("配信ヘッダー（CSP frame-ancestors、nosniff、Referrer-Policy）", _count(headers["paths"], "通りのパス"),
                     _count(headers["problems"], "件の不足")))
    lines = [f"最終記録日: {results.get('recorded', '不明')}（品質ゲートの結果が変わった日）", "",
             "| 試験 | 対象 | 結果 |", "|---|---|---|"]
    lines += [f"| {test} | {scope} | {result} |" for test, scope, result in rows]
    if a11y:
        lines += ["", "アクセシビリティの自動試験で表示した画面（種類ごとに1ページ）:", ""]
        lines += [f"- {page_label(page)}" for page in a11y["pages"]]
    return "\n".join(lines) + "\n"


def fill_results(markdown: str, results_file: Path) -> str:
    """``markdown`` with :data:`MARKER` replaced by the rendered results (unchanged when the marker is absent)."""
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, render_results_markdown(load_results(results_file)))
