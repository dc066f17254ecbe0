"""The benchmark's measured runs: outputs of earlier steps are moved aside, never deleted just before a measurement."""

from __future__ import annotations

import sys

import pytest

from showcase_devtools.bench_run import DELETED_MARK, SETTLE_SECONDS, Trash, median, run_measured, settle


def test_trash_moves_a_folder_aside_and_deletes_it_only_when_emptied(tmp_path):
    site = tmp_path / "site-1000"
    (site / "profiles" / "a").mkdir(parents=True)
    (site / "profiles" / "a" / "index.html").write_text("<p>a</p>", encoding="utf-8")
    trash = Trash(tmp_path / "trash")
    trash.put(site)
    assert not site.exists()  # the name is free for the next build at once
    moved = list((tmp_path / "trash").iterdir())
    assert len(moved) == 1 and (moved[0] / "profiles" / "a" / "index.html").read_text(encoding="utf-8") == "<p>a</p>"
    site.mkdir()
    trash.put(site)  # the same name twice: both kept until emptied
    assert len(list((tmp_path / "trash").iterdir())) == 2
    trash.put(tmp_path / "never-built")  # nothing there: nothing to do
    trash.empty()
    assert not (tmp_path / "trash").exists()


def test_a_measured_run_reports_its_exit_code_time_and_output(tmp_path):
    log = tmp_path / "run.log"
    result = run_measured([sys.executable, "-c", "print('built'); raise SystemExit(3)"], env={}, cwd=tmp_path, log=log)
    assert result.returncode == 3
    assert result.output.strip() == "built" == log.read_text(encoding="utf-8").strip()
    assert result.wall > 0 and result.peak_rss > 0


def test_median_is_the_middle_run_by_time():
    runs = [("slow", 10.8), ("fast", 9.3), ("middle", 10.5)]
    assert median(runs, lambda run: run[1]) == ("middle", 10.5)
    assert median([("only", 2.0)], lambda run: run[1]) == ("only", 2.0)
    assert median([("a", 1.0), ("b", 3.0)], lambda run: run[1]) == ("b", 3.0)  # of two, the slower


def test_emptying_the_trash_notes_when_and_the_next_measurement_waits_out_the_inode_window(tmp_path, capsys):
    trash = Trash(tmp_path / "trash")
    trash.empty()  # nothing put aside: nothing deleted, nothing to wait for
    assert not (tmp_path / DELETED_MARK).exists()
    assert settle(tmp_path, sleep=lambda seconds: pytest.fail("waited")) == 0.0
    (tmp_path / "site").mkdir()
    trash.put(tmp_path / "site")
    trash.empty()
    deleted = float((tmp_path / DELETED_MARK).read_text(encoding="utf-8"))
    slept: list[float] = []
    assert settle(tmp_path, now=lambda: deleted + 20, sleep=slept.append) == SETTLE_SECONDS - 20 == slept[0]
    assert "waiting" in capsys.readouterr().out
    assert settle(tmp_path, now=lambda: deleted + SETTLE_SECONDS + 1, sleep=slept.append) == 0.0 and len(slept) == 1
    # A clock set back, or a mark from the future, never waits longer than the window.
    assert settle(tmp_path, now=lambda: deleted - 1000, sleep=slept.append) == SETTLE_SECONDS
