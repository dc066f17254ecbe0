"""Wall and CPU time per build stage, for ``scripts/bench`` (engine-independent).

CPU time counts this process and the child processes that finished during the
stage (process pools, the Pagefind binary), so parallel work is not hidden.
"""

from __future__ import annotations

import functools
import json
import resource
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

TIMINGS_ENV = "SHOWCASE_TIMINGS"


def cpu_seconds() -> float:
    """CPU seconds used so far by this process and by its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class StageClock:
    """Accumulates ``{stage: {"wall": s, "cpu": s, "calls": n}}``; stages may repeat (per-page events)."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.stages: dict[str, dict[str, float]] = {}
        self.marks: dict[str, float] = {}

    def add(self, name: str, wall: float, cpu: float) -> None:
        stage = self.stages.setdefault(name, {"wall": 0.0, "cpu": 0.0, "calls": 0})
        stage["wall"] += wall
        stage["cpu"] += cpu
        stage["calls"] += 1

    @contextmanager
    def span(self, name: str) -> Iterator[None]:
        wall, cpu = time.perf_counter(), cpu_seconds()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - wall, cpu_seconds() - cpu)

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        """``function`` timed under ``name`` on every call."""
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.span(name):
                return function(*args, **kwargs)
        return timed

    def mark(self, name: str) -> None:
        """Remember a moment (wall and CPU) to measure intervals between events."""
        self.marks[name] = time.perf_counter()
        self.marks[name + ":cpu"] = cpu_seconds()

    def interval(self, name: str, start: str, end: str) -> None:
        if start in self.marks and end in self.marks:
            self.add(name, self.marks[end] - self.marks[start], self.marks[end + ":cpu"] - self.marks[start + ":cpu"])

    def write(self, path: Path) -> None:
        data = {"stages": {name: {k: round(v, 4) for k, v in stage.items()} for name, stage in sorted(self.stages.items())},
                "elapsed": round(time.perf_counter() - self.started, 4)}
        path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
