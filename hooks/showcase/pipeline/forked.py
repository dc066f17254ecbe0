"""Share a job with forked copies of this process: both cores write pages, with no data sent between processes.

MkDocs renders pages one after another in one process.  A forked child starts with everything the parent has
built (the catalog, the theme's templates, the page objects), so it can take a share of the pages without
anything being pickled or loaded again.  Each child writes its files and reports only whether it succeeded.

Fork before starting threads: a child gets a copy of the memory but only the forking thread.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import traceback
from typing import Callable, Sequence, TypeVar

from showcase.pipeline.collector import frozen_for_fork

T = TypeVar("T")


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def yield_cpu(nice: int) -> None:
    """Lower the calling thread's CPU priority by ``nice``.  On Linux the nice value is per thread: the process's
    other threads, and the programs they start, keep theirs (elsewhere the whole process yields)."""
    try:
        thread = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, thread, os.getpriority(os.PRIO_PROCESS, thread) + nice)
    except (AttributeError, OSError):  # no setpriority here, or not allowed
        pass


def share_of(items: Sequence[T], share: int, shares: int, first_tenths: int) -> list[T]:
    """The items ``share`` of ``shares`` works on: share 0 (the parent, which has other work too) takes
    ``first_tenths`` tenths of them, the others the rest evenly; interleaved, so each gets a like mix."""
    if shares == 1:
        return list(items)
    if share == 0:
        return [item for index, item in enumerate(items) if index % 10 < first_tenths]
    rest = [item for index, item in enumerate(items) if index % 10 >= first_tenths]
    return rest[share - 1::shares - 1]


class ForkedShares:
    """Run ``work(share)`` for shares ``1 … shares-1`` in forked children; the caller does share 0, then :meth:`wait`."""

    def __init__(self, work: Callable[[int], None], shares: int, *, nice: int = 0) -> None:
        """``nice`` lowers the children's CPU priority: work that can wait yields to work that others wait for."""
        self._children: list[tuple[int, int]] = []  # (pid, read end of its error pipe)
        if shares > 1 and not hasattr(os, "fork"):
            shares = 1
        self.shares = shares
        sys.stdout.flush()
        sys.stderr.flush()
        with frozen_for_fork():  # the collector would otherwise touch (and so copy) every object the child inherits
            for share in range(1, shares):
                read, write = os.pipe()
                pid = os.fork()
                if pid == 0:  # pragma: no cover - the child; coverage cannot follow it
                    os.close(read)
                    status = 0
                    try:
                        if nice:
                            os.nice(nice)
                        work(share)
                    except BaseException:  # noqa: BLE001 - everything goes back to the parent
                        os.write(write, traceback.format_exc().encode("utf-8", "replace"))
                        status = 1
                    finally:
                        sys.stdout.flush()
                        sys.stderr.flush()
                        os._exit(status)  # no atexit handlers, no flushing the parent's buffers twice
                os.close(write)
                self._children.append((pid, read))

    def wait(self) -> None:
        """Wait for every child; RuntimeError with the failures' tracebacks if any failed."""
        failures = []
        while self._children:
            pid, read = self._children.pop()
            chunks = []
            while chunk := os.read(read, 65536):
                chunks.append(chunk)
            os.close(read)
            _, status = os.waitpid(pid, 0)
            code = os.waitstatus_to_exitcode(status)
            if code != 0:
                failures.append(b"".join(chunks).decode("utf-8", "replace") or f"process {pid} ended with {code}")
        if failures:
            raise RuntimeError("\n".join(failures))

    def kill(self) -> None:
        """End the children now; a :meth:`wait` in progress (in another thread) then reports them as failed."""
        for pid, _read in list(self._children):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def stop(self) -> None:
        """The build failed elsewhere: end the children and reap them."""
        self.kill()
        for pid, read in self._children:
            os.close(read)
            os.waitpid(pid, 0)
        self._children.clear()


__all__ = ["ForkedShares", "cpu_count", "share_of", "yield_cpu"]
