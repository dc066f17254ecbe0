"""Forked shares: children do their share of the work and report failures back; nothing is left running."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from showcase.pipeline.forked import ForkedShares, share_of


def _write(folder: Path, share: int) -> None:
    (folder / f"share-{share}").write_text(str(os.getpid()), encoding="utf-8")


def test_each_share_runs_in_its_own_process(tmp_path):
    shares = ForkedShares(lambda share: _write(tmp_path, share), 3)
    _write(tmp_path, 0)
    shares.wait()
    pids = {path.name: path.read_text(encoding="utf-8") for path in tmp_path.iterdir()}
    assert sorted(pids) == ["share-0", "share-1", "share-2"]
    assert len(set(pids.values())) == 3 and pids["share-0"] == str(os.getpid())


def test_one_share_forks_nothing(tmp_path):
    shares = ForkedShares(lambda share: _write(tmp_path, share), 1)
    shares.wait()
    assert list(tmp_path.iterdir()) == []


def test_a_failing_child_fails_the_wait_with_its_traceback():
    def work(share: int) -> None:
        raise ValueError(f"share {share} could not write profiles/yamada/index.html")

    shares = ForkedShares(work, 2)
    with pytest.raises(RuntimeError, match=r"ValueError: share 1 could not write profiles/yamada/index.html"):
        shares.wait()


def test_stop_ends_the_children():
    import time

    shares = ForkedShares(lambda share: time.sleep(600), 2)
    pids = [pid for pid, _ in shares._children]
    assert len(pids) == 1
    shares.stop()
    for pid in pids:  # killed and reaped: no such process any more
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    shares.wait()  # nothing left to wait for


def test_children_can_yield_the_cpu(tmp_path):
    shares = ForkedShares(lambda share: (tmp_path / "nice").write_text(str(os.nice(0)), encoding="utf-8"), 2, nice=5)
    shares.wait()
    assert int((tmp_path / "nice").read_text(encoding="utf-8")) == os.nice(0) + 5


def test_yielding_lowers_only_this_thread_on_linux():
    import threading

    from showcase.pipeline.forked import yield_cpu

    seen = {}

    def worker() -> None:
        before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        yield_cpu(3)
        seen["after"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) - before

    main_before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert seen["after"] == 3
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == main_before


@pytest.mark.parametrize("shares", [1, 2, 3])
def test_shares_hold_every_item_once_and_the_parent_takes_its_tenths(shares):
    items = list(range(1000))
    parts = [share_of(items, share, shares, 3) for share in range(shares)]
    assert sorted(item for part in parts for item in part) == items
    if shares > 1:
        assert len(parts[0]) == 300
        assert all(abs(len(part) - 700 / (shares - 1)) <= 1 for part in parts[1:])
        assert parts[0][:4] == [0, 1, 2, 10]  # interleaved: each share gets a like mix of pages
