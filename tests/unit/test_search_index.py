"""The search index's bundles and its background run: where the scratch site goes, which bundle a page is in,
and pages handed over later."""

from __future__ import annotations

import json

import pytest

from showcase.search.index import EXCERPT_FILE
from showcase.search.pagefind import scratch_root


def test_memory_with_room_is_used(tmp_path):
    assert scratch_root(str(tmp_path), need=1) == str(tmp_path)


def test_memory_without_room_is_not(tmp_path):
    assert scratch_root(str(tmp_path), need=1 << 60) is None


def test_no_memory_folder_means_the_temporary_folder(tmp_path):
    assert scratch_root(str(tmp_path / "missing")) is None


def test_a_page_stays_in_its_bundle_whatever_else_is_added():
    from showcase.search.index import SearchDoc, bundle_count, shard

    records = [SearchDoc(f"profiles/p{n}/", f"p{n}", "text") for n in range(50)]
    later = [SearchDoc("programmes/", "制度", "text"), SearchDoc("search/", "検索", "text")]
    count = bundle_count(len(records) + 5, 20)  # five more pages may come later: three bundles, not two
    assert count == 3
    first = shard(records, 20, count)
    both = shard(records + later, 20, count)
    for bundle_records, bundle_both in zip(first, both):
        assert [doc for doc in bundle_both if doc in records] == bundle_records
    assert sum(map(len, both)) == 52


def test_later_docs_reach_pagefind_while_another_forked_process_runs(tmp_path):
    """The engine forks its page writer between starting the index and handing over the hand-written pages;
    that process must not hold the index back (it inherits the engine's end of the hand-over pipe)."""
    from showcase.pipeline.forked import ForkedShares
    from showcase.search.index import SearchDoc
    from showcase.search.pagefind import PagefindRun

    records = [SearchDoc(f"profiles/p{n}/", f"山田 {n}", "見守り活動をしています") for n in range(3)]
    run = PagefindRun(records, tmp_path / "site", more=1)
    import time

    done = tmp_path / "writer-done"

    def page_writer(share: int) -> None:  # stands for the page writer's child, which runs for a while
        time.sleep(60)
        done.write_text("done", encoding="utf-8")

    sleeper = ForkedShares(page_writer, 2)
    try:
        run.add([SearchDoc("programmes/", "制度の解説", "地域おこし協力隊の制度")])
        summary = run.wait()
        assert not done.exists()  # the index was ready before the other process ended
    finally:
        sleeper.stop()
    assert "Indexed 4 pages" in summary and run.pages == 4
    assert (tmp_path / "site" / "programmes" / EXCERPT_FILE).exists()  # the hand-written pages' excerpts too


def test_excerpts_are_written_beside_the_pages_and_a_failure_to_write_them_fails_the_run(tmp_path):
    from showcase.search.index import SearchDoc
    from showcase.search.pagefind import PagefindRun

    records = [SearchDoc(f"profiles/p{n}/", f"山田 {n}", "見守り活動をしています") for n in range(3)]
    run = PagefindRun(records, tmp_path / "site")
    run.wait()
    assert json.loads((tmp_path / "site" / "profiles" / "p2" / EXCERPT_FILE).read_text(encoding="utf-8")) == {
        "text": "見守り活動をしています"}

    blocked = tmp_path / "blocked"
    (blocked / "profiles").mkdir(parents=True)
    (blocked / "profiles" / "p1").write_text("a file where the page's folder should be", encoding="utf-8")
    run = PagefindRun(records, blocked)
    with pytest.raises(RuntimeError, match="excerpt"):
        run.wait()
