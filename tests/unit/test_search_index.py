"""Which files Pagefind reads (showcase.search_index.searchable_glob)."""

from __future__ import annotations

from showcase.search_index import searchable_glob


def _touch(root, *paths):
    for path in paths:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("<html></html>", encoding="utf-8")


def test_glob_reads_records_and_hand_written_pages_not_listings_or_embeds(tmp_path):
    _touch(tmp_path, "index.html", "404.html", "programmes/rmo/index.html", "profiles/index.html",
           "profiles/yamada/index.html", "profiles/page/2/index.html", "cases/rmo/index.html",
           "municipalities/192040/index.html", "prefectures/nara/index.html", "embed/profiles/yamada/index.html",
           "fields/tourism/index.html", "assets/x.html")
    (tmp_path / "sitemap.xml").write_text("", encoding="utf-8")
    glob = searchable_glob(str(tmp_path))
    assert glob == "{404.html,cases/*/index.html,index.html,profiles/*/index.html,programmes/**/*.html}"


def test_empty_site_falls_back_to_every_html_file(tmp_path):
    assert searchable_glob(str(tmp_path)) == "**/*.html"
