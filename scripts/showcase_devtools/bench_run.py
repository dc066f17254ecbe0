"""Run one build as a child process: wall time, CPU time of the whole process tree, and peak RSS of the tree.

The peak is sampled from /proc every 50 ms over the build's process tree
(MkDocs, its process pools and the Pagefind binary together), so memory held
at the same moment by several processes is added up.

Each measured run starts on a settled disk: what earlier steps wrote is flushed first (``os.sync``), and their
outputs are never deleted just before a measurement but moved aside (:class:`Trash`) and deleted after the last
one.  After a deletion the benchmark waits :data:`SETTLE_SECONDS` before it measures (:func:`settle`): on a
file system without a journal (this machine's ext4) the kernel will not hand out an inode freed in the last
60 seconds (300 while its inode table is not yet written back), and every new file's inode search steps over
them (``recently_deleted`` in ``fs/ext4/ialloc.c``).  A 35,000-record build right after deleting the previous
site spent 90 s in the kernel instead of 54 s, and took 192 s instead of 160 s.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class RunResult:
    returncode: int
    wall: float
    cpu: float
    peak_rss: int  # bytes, sum over the process tree at its largest sample
    output: str


def _children(pid: int) -> list[int]:
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    found = []
    for task in tasks:
        try:
            found += [int(child) for child in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
        except OSError:
            pass
    return found


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss(root: int) -> int:
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _rss(pid)
        todo += _children(pid)
    return total


def median(runs: Sequence[T], seconds: Callable[[T], float]) -> T:
    """The run in the middle by ``seconds`` (of an odd number of runs; the slower middle one of an even number).

    One run alone says more about this shared machine at that moment than about the code.
    """
    return sorted(runs, key=seconds)[len(runs) // 2]


SETTLE_SECONDS = 65.0  # ext4 without a journal skips inodes freed in the last 60 s once written back (os.sync)
DELETED_MARK = ".deleted-at"  # beside the trash folder: when it was last emptied (seconds since the epoch)


def settle(work: Path, *, now: Callable[[], float] = time.time, sleep: Callable[[float], None] = time.sleep) -> float:
    """Wait until the last deletion in ``work`` is :data:`SETTLE_SECONDS` old; the seconds waited."""
    try:
        deleted = float((work / DELETED_MARK).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0.0
    wait = max(0.0, min(SETTLE_SECONDS, deleted + SETTLE_SECONDS - now()))
    if wait:
        print(f"bench: waiting {wait:.0f} s after deleting earlier outputs (the file system skips inodes freed in "
              "the last minute: a build would measure that, not our code)", flush=True)
        sleep(wait)
    return wait


def mark_deleted(work: Path) -> None:
    """Note that files in ``work`` were deleted just now (after ``os.sync``, so that the window is the short one)."""
    os.sync()
    (work / DELETED_MARK).write_text(repr(time.time()), encoding="utf-8")


class Trash:
    """Folders that earlier steps left, moved aside at once and deleted by :meth:`empty` when nothing is measured."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def put(self, path: Path) -> None:
        """Move ``path`` (if it exists) into the trash folder, on the same file system: a rename, not a deletion."""
        if not path.exists():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        path.rename(self.folder / f"{time.time_ns()}-{path.name}")

    def empty(self) -> None:
        """Delete what was put aside (and note when, for :func:`settle`)."""
        if not self.folder.exists():
            return
        shutil.rmtree(self.folder, ignore_errors=True)
        mark_deleted(self.folder.parent)


def run_measured(command: list[str], *, env: dict[str, str], cwd: Path, log: Path) -> RunResult:
    """Run ``command`` once the disk has settled (what earlier steps wrote is flushed); its output goes to ``log``."""
    os.sync()
    with open(log, "w", encoding="utf-8") as handle:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, cwd=cwd, stdout=handle, stderr=subprocess.STDOUT)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], tree_rss(process.pid))
                done.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
    return RunResult(process.returncode, wall, usage.ru_utime + usage.ru_stime, max(peak[0], usage.ru_maxrss * 1024),
                     log.read_text(encoding="utf-8", errors="replace"))
