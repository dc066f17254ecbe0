"""The accessibility page's results table comes from the recorded JSON, never from hand-typed numbers."""

from __future__ import annotations

import json

from showcase.render.quality_report import MARKER, fill_results, render_results_markdown

RESULTS = {
    "accessibility": {"axe_core": "4.14.1", "tags": ["wcag2a", "wcag2aa"], "pages": [{"view": "(home)", "title": "地域のつくり手ショーケース"},
                                                                {"view": "profiles/*/", "title": "試験 花子"},
                                                                {"view": "statistics/", "title": "統計で見る"},
                                                                {"view": "embed/charts/rmo-growth/", "title": "地域運営組織数の推移"}],
                      "schemes": ["light", "dark"], "widths": [375, 1280], "checks": 12,
                      "rules_checked": ["color-contrast", "image-alt"], "violations": 0},
    "html": {"checker": "Nu Html Checker (vnu-jar)", "pages": 1234, "errors": 3},
    "links": {"pages": 155, "references": 4805, "broken": 0},
    "keyboard": {"steps": 278, "problems": 0},
    "third_party": {"pages": 37, "requests": 0},
    "reproducible": {"files": 393, "differing": 0},
    "headers": {"paths": 155, "problems": 0},
    "recorded": "2026-11-26",
}


def test_every_gate_has_a_row_with_its_numbers():
    text = render_results_markdown(RESULTS)
    assert "最終記録日: 2026-11-26" in text
    assert "axe-core 4.14.1" in text and "12回" in text and "0件の違反" in text and "2件のルール" in text
    assert "1,234ページ" in text and "3件のエラー" in text
    assert "4,805件" in text and "278回" in text and "393ファイル" in text and "155通りのパス" in text
    assert text.count("\n| ") == 8  # header + 7 gates
    assert "- 協力隊プロフィール\n" in text and "- 統計で見る\n" in text and "- ホーム\n" in text
    assert "- 埋め込み表示（地域運営組織数の推移）" in text and "試験 花子" not in text


def test_marker_is_replaced_from_the_file(tmp_path):
    results = tmp_path / "a11y-results.json"
    recorded = {"html": {"checker": "vnu", "pages": 7, "errors": 0}, "recorded": "2027-01-02"}
    results.write_text(json.dumps(recorded), encoding="utf-8")
    page = f"# 方針\n\n{MARKER}\n\n続き\n"
    filled = fill_results(page, results)
    assert MARKER not in filled and "| HTML の妥当性（vnu） | 7ページ | 0件のエラー |" in filled and "続き" in filled
    assert fill_results("# 別のページ\n", results) == "# 別のページ\n"


def test_missing_file_says_so(tmp_path):
    assert "まだ記録されていません" in fill_results(MARKER, tmp_path / "none.json")


def test_page_titles_stay_literal_text():
    from showcase.render.quality_report import page_label

    assert page_label({"view": "x/", "title": "<b>*強調*</b> [リンク](https://example.jp)"}) == \
        "&lt;b&gt;\\*強調\\*&lt;/b&gt; \\[リンク\\](https://example.jp)"
    assert page_label("profiles/*/") == "協力隊プロフィール"
