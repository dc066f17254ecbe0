"""The page writer (hooks/mkdocs_page_writer.py) writes exactly what MkDocs' own page loop wrote, byte for byte.

One generated site is built three ways: with the generated pages left in MkDocs' loop, with our writer in one
process rendering every page in full, and with our writer as it runs by default (Material's template rendered
once per folder and filled, on two processes).  Every file of the three sites must be the same.  The records
include titles and text with characters that need escaping, so a shell that printed a value the wrong way
would show here.
"""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from showcase_devtools.corpus import generate_corpus
from tests.factories import case, profile, write_record
from tests.integration.sitebuild import mkdocs_build

WAYS = {"mkdocs": {"SHOWCASE_PAGE_WRITER": "mkdocs"},
        "full": {"SHOWCASE_PAGE_WRITER": "full", "SHOWCASE_PAGE_PROCESSES": "1"},
        "shell": {"SHOWCASE_PAGE_PROCESSES": "2"}}


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    content = tmp_path_factory.mktemp("content")
    generate_corpus(content, 70, 25, seed=11)
    write_record(content, "profile", "kigo-taro", profile(
        name="記号 <太郎> & \"仮\"", motivation="「A&B」と '<b>太字</b>' の違い。\n\n二段落目 & 終わり。"))
    write_record(content, "case", "kigo-kyogikai", case(name="A&B \"まち\" 協議会 <仮>", area="'東' 地区 & 西地区"))
    built = {}
    for way, env in WAYS.items():
        site = tmp_path_factory.mktemp(f"site-{way}")
        result = mkdocs_build(content, site, extra_env=env)
        assert result.returncode == 0, result.stderr[-3000:]
        built[way] = site
    return built


def _files(site: Path) -> list[str]:
    return sorted(str(path.relative_to(site)) for path in site.rglob("*") if path.is_file())


@pytest.mark.parametrize("way", ["full", "shell"])
def test_the_writer_writes_what_mkdocs_wrote(sites, way):
    expected, actual = sites["mkdocs"], sites[way]
    names = _files(expected)
    assert _files(actual) == names
    pages = [name for name in names if name.endswith("index.html")]
    assert len(pages) > 150  # records, listings, municipalities: the pages the writer takes
    _, mismatch, errors = filecmp.cmpfiles(expected, actual, names, shallow=False)
    assert not mismatch and not errors, mismatch[:10]


def test_escaping_titles_reached_the_pages(sites):
    page = (sites["shell"] / "profiles" / "kigo-taro" / "index.html").read_text(encoding="utf-8")
    assert "<title>記号 &lt;太郎&gt; &amp; &quot;仮&quot; - " in page
    assert "<太郎>" not in page
