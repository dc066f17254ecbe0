"""Spread browser work over the machine's cores: one Chromium per worker thread (Playwright's sync API wants one
instance per thread).  The axe gate is the slowest gate; two workers halve it on the 2-core CI machine."""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Iterable, TypeVar

from tests.browser.conftest import CHROMIUM_FLAGS

Job = TypeVar("Job")
Result = TypeVar("Result")


def worker_count() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def run_in_browsers(groups: Iterable[list[Job]], work: Callable[[object, Job], Result]) -> list[Result]:
    """Run ``work(browser, job)`` for every job; each group of jobs runs in order in its own thread and Chromium.
    Results come back in the order of the groups, then of the jobs."""
    def run_group(jobs: list[Job]) -> list[Result]:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS)
            try:
                return [work(browser, job) for job in jobs]
            finally:
                browser.close()

    groups = list(groups)
    with ThreadPoolExecutor(max_workers=worker_count()) as pool:
        return [result for results in pool.map(run_group, groups) for result in results]


class BrowserThread:
    """One Chromium for the whole session, owned by one worker thread: ``run(fn, ...)`` calls ``fn(browser, ...)``
    there and returns its result (or raises its exception).  The gates never drive Playwright from pytest's main
    thread, so they can run in the same session as tests/browser, whose Chromium lives in the main thread."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1)
        self._playwright = None
        self._browser = self._pool.submit(self._start).result()

    def _start(self):
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        return self._playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS)

    def _stop(self) -> None:
        self._browser.close()
        self._playwright.stop()

    def run(self, fn: Callable[..., Result], *args) -> Result:
        return self._pool.submit(fn, self._browser, *args).result()

    def close(self) -> None:
        try:
            self._pool.submit(self._stop).result()
        finally:
            self._pool.shutdown()
