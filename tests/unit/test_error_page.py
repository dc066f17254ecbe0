"""The error page `scripts/serve` shows while the content has problems (showcase.render.error_page)."""

from __future__ import annotations

import re

from showcase.check.problems import Problem
from showcase.render.error_page import ERROR_PAGES, error_site, render_error_page

PROBLEMS = [
    Problem("profiles/b/profile.yml", 3, 1, "<script>:", "「<script>」という項目はありません", "unknown field '<script>'",
            "削除してください", "delete it"),
    Problem("profiles/a/profile.yml", 13, 14, "", "値の中に「: 」があります", "': ' in a value", '"a: b" と書いてください', 'write "a: b"'),
    Problem("profiles/a/profile.yml", 2, 5, "prefecture", "「山梨」は選択肢にありません", "not allowed"),
]


def test_every_problem_with_file_line_and_column_in_order():
    page = render_error_page(PROBLEMS)
    assert '<html lang="ja">' in page
    assert "掲載データに 3 件の問題があるため" in page
    assert page.index("profiles/a/profile.yml:2:5") < page.index("profiles/a/profile.yml:13:14") < page.index("profiles/b/profile.yml:3:1")
    assert "13 行目、14 文字目" in page


def test_untrusted_text_is_escaped():
    page = render_error_page(PROBLEMS)
    assert "<script>:" not in page and "「<script>」" not in page
    assert "&lt;script&gt;" in page and "&#34;a: b&#34;" in page


def test_no_request_to_another_origin():
    page = render_error_page(PROBLEMS)
    assert not re.search(r"""(src|href)\s*=|@import|url\(""", page), "the page must stand alone"
    assert re.findall(r"https?://", page) == []


def test_live_reload_only_when_asked():
    assert "/livereload/" in render_error_page(PROBLEMS)
    assert "<script" not in render_error_page(PROBLEMS, live_reload=False)


def test_the_site_is_the_page_at_its_root_and_for_every_other_address():
    site = error_site(PROBLEMS)
    assert sorted(site) == sorted(ERROR_PAGES) == ["404.html", "index.html"]
    assert len(set(site.values())) == 1
