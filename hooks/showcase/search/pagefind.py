"""Running Pagefind on the search docs in the background (engine-independent): :class:`PagefindRun`.

A forked child works out the docs and writes them as a scratch site (:func:`showcase.search.index.write_search_pages`,
in memory when ``/dev/shm`` has room); a thread then runs Pagefind on each bundle, one after another, into the
site, while the engine writes everything else.  The engine waits for it last.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable, Iterable

from showcase.pipeline.forked import ForkedShares
from showcase.search.index import BUNDLES_FILE, SHARD_SIZE, SearchDoc, bundle_count, bundle_dir, shard, write_excerpts, write_search_pages
from showcase.search.order import canonicalize_pagefind


def scratch_root(shm: str = "/dev/shm", need: int = 1 << 30) -> str | None:
    """Where the scratch site goes: memory (``/dev/shm``) when it has room, else the usual temporary folder.

    Tens of thousands of tiny files are written, read once and deleted; on a disk mounted with ``discard``
    deleting them alone took longer than indexing them (5,000 files: 19 s on disk, 0.2 s in memory).
    """
    try:
        stats = os.statvfs(shm)
    except OSError:
        return None
    return shm if os.access(shm, os.W_OK) and stats.f_bavail * stats.f_frsize >= need else None


class PagefindRun:
    """Pagefind indexing ``docs`` in the background into ``site_dir``'s bundles; :meth:`wait` for its summary.

    Started as soon as the records are known, so that it runs on one core while the engine renders pages and
    writes images, embeds and open data on the other.  Above :data:`SHARD_SIZE` pages the index is split into
    bundles indexed one after the other (peak memory: one bundle's); the search page merges them.
    """

    def __init__(self, docs: Iterable[SearchDoc] | Callable[[], Iterable[SearchDoc]], site_dir: Path,
                 shard_size: int = SHARD_SIZE, *, more: int | None = None):
        """``more``: at most how many docs :meth:`add` will bring later (the hand-written pages, known once the
        engine has converted them); the records' scratch pages are written meanwhile, and Pagefind starts after
        ``add``.  Without it, Pagefind starts as soon as ``docs`` are written."""
        self.site_dir = site_dir
        self._scratch = Path(tempfile.mkdtemp(prefix="showcase-search-", dir=scratch_root()))
        self.pages = self.bundles = 0  # known once the scratch site is written
        self.wall = self.cpu = 0.0  # Pagefind's own seconds, known after wait()
        self.waited = 0.0  # seconds from the start until the scratch site was complete (Pagefind's start)
        self.bundle_walls: list[float] = []  # each bundle's Pagefind run
        self._stdout: list[str] = []
        self._failure: str | None = None
        self._process: subprocess.Popen | None = None
        self._stopped = False
        self._thread: threading.Thread | None = None
        self.started = time.perf_counter()
        # A forked child works out the docs (callable: the records' text) and writes the scratch site on the other
        # core; the thread waits for it, then runs Pagefind.  Fork before the thread: a child must not inherit it.
        self._ready = os.pipe() if more is not None else None  # add() writes a byte: the later docs are on disk
        # The child writes a byte once the scratch site is complete: Pagefind starts, and the child goes on to write
        # the excerpt files into the site (35,000 small files: half a minute on a slow disk) beside it.
        self._scratch_ready = os.pipe()
        self._prepare = lambda forked: self._write_scratch(docs() if callable(docs) else docs, shard_size, more or 0, forked)
        self._child = ForkedShares(lambda _share: self._prepare(True), 2)
        os.close(self._scratch_ready[1])  # only the child holds it: its end (or its byte) is what the thread waits for
        if self._ready is None:
            self._start()
        elif self._child.shares > 1:
            os.close(self._ready[0])  # the child reads it

    def add(self, docs: Iterable[SearchDoc]) -> None:
        """The docs known later (at most ``more``): handed to the child, and Pagefind may start."""
        assert self._ready is not None and self._thread is None
        later = self._scratch / "later.pickle"
        later.with_suffix(".tmp").write_bytes(pickle.dumps(list(docs)))
        later.with_suffix(".tmp").replace(later)
        os.write(self._ready[1], b"1")
        os.close(self._ready[1])
        if self._child.shares == 1:  # no child: the thread writes everything once started
            os.close(self._ready[0])
        self._start()

    def _start(self) -> None:
        self._thread = threading.Thread(target=self._run_all, name="pagefind", daemon=True)
        self._thread.start()

    def _write_scratch(self, docs: Iterable[SearchDoc], shard_size: int, more: int, forked: bool) -> None:
        docs = list(docs)
        later: list[SearchDoc] = []
        # The bundle count counts the docs still to come, so that the records can be written before they arrive.
        count = bundle_count(len(docs) + more, shard_size)
        counts = [0] * count
        for index, bundle in enumerate(shard(docs, shard_size, count)):
            counts[index] += write_search_pages(bundle, self._scratch / f"site-{index}")
        if self._ready is not None:
            if forked:  # wait for add()'s byte (not for EOF: processes forked since hold copies of the pipe)
                os.close(self._ready[1])
                if os.read(self._ready[0], 1) != b"1":
                    raise RuntimeError("the build ended before the hand-written pages were converted")
            later = pickle.loads((self._scratch / "later.pickle").read_bytes())
            for index, bundle in enumerate(shard(later, shard_size, count)):
                counts[index] += write_search_pages(bundle, self._scratch / f"site-{index}")
        (self._scratch / "bundles.json").write_text(json.dumps(counts), encoding="utf-8")
        if forked:
            os.write(self._scratch_ready[1], b"1")
            os.nice(5)  # the excerpts can wait; Pagefind cannot
        write_excerpts(docs + later, self.site_dir)

    def _run_all(self) -> None:
        try:
            if self._child.shares == 1:  # no fork here: write the scratch site in this thread
                self._prepare(False)
            elif os.read(self._scratch_ready[0], 1) != b"1":  # the child ended before the scratch site was complete
                self._child.wait()  # raises RuntimeError with what went wrong
                raise RuntimeError("the scratch pages were not written")
        except RuntimeError as error:
            self._failure = "" if self._stopped else f"検索用のページを書けませんでした / writing the scratch pages failed:\n{error}"
            return
        finally:
            os.close(self._scratch_ready[0])
        self.waited = time.perf_counter() - self.started
        counts = json.loads((self._scratch / "bundles.json").read_text(encoding="utf-8"))
        self.pages, self.bundles = sum(counts), len(counts)
        self._index_all()
        try:
            self._child.wait()  # the excerpt files
        except RuntimeError as error:
            if self._failure is None:
                self._failure = "" if self._stopped else f"抜粋のファイルを書けませんでした / writing the excerpt files failed:\n{error}"

    def _index_all(self) -> None:
        for index in range(self.bundles):
            if self._stopped:
                return
            output = self.site_dir / bundle_dir(index)
            command = [sys.executable, "-m", "pagefind", "--site", str(self._scratch / f"site-{index}"),
                       "--output-path", str(output)]
            began = time.perf_counter()
            with open(self._scratch / "out", "w+b") as out, open(self._scratch / "err", "w+b") as err:
                self._process = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
                _pid, status, usage = os.wait4(self._process.pid, 0)
                self._process.returncode = os.waitstatus_to_exitcode(status)
                self.cpu += usage.ru_utime + usage.ru_stime
                out.seek(0)
                err.seek(0)
                stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
            if self._process.returncode != 0:
                self._failure = f"Pagefind による検索インデックスの作成に失敗しました / Pagefind failed:\n{stdout}\n{stderr}"
                return
            self._stdout.append(stdout)
            self.bundle_walls.append(time.perf_counter() - began)
            canonicalize_pagefind(output)  # Pagefind's filter index comes out in HashMap order

    def stop(self) -> None:
        """The build failed: end Pagefind rather than leave it writing into the site."""
        self._stopped = True
        self._child.kill()
        if self._process is not None and self._process.returncode is None:
            self._process.kill()
        if self._thread is None:
            self._child.stop()
            os.close(self._scratch_ready[0])
        else:
            self._thread.join()
        shutil.rmtree(self._scratch, ignore_errors=True)

    def wait(self) -> str:
        """Wait for every bundle; Pagefind's summary, or RuntimeError with its output."""
        assert self._thread is not None, "add() the later docs first"
        self._thread.join()
        self.wall = time.perf_counter() - self.started
        shutil.rmtree(self._scratch, ignore_errors=True)
        if self._failure is not None:
            raise RuntimeError(self._failure)
        others = [bundle_dir(index) for index in range(1, self.bundles)]
        (self.site_dir / bundle_dir(0) / BUNDLES_FILE).write_text(json.dumps({"bundles": others}) + "\n", encoding="utf-8")
        indexed = [line.strip() for stdout in self._stdout for line in stdout.splitlines()
                   if line.strip().startswith("Indexed") and "pages" in line]
        return f"Pagefind: {self.bundles} bundle(s); " + "; ".join(indexed)


__all__ = ["PagefindRun", "scratch_root"]
