"""The benchmark's table (one row per corpus size) and the targets of issue 5 beside the measured figures."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from showcase_devtools.bench_run import RunResult, median

STAGES = (  # column, timing keys (prefix match on the adapter's step names, hooks/mkdocs_hooks.py)
    ("load+validate", ("load",)),
    # MkDocs' loop and our page writer's share in this process, then the wait for its forked child's share
    ("pages (ours, 2 processes)", ("mkdocs:pages", "pages:wait")),
    ("search index", ("search:pagefind",)),  # Pagefind's own time; it runs beside images, embeds and exports
    ("images+OG", ("images",)),
    ("charts", ("charts",)),
)
OVERLAPPING = ("search:wait",  # waiting for Pagefind, whose own time is the search index column
               "pages:read", "pages:write")  # inside mkdocs:pages already


@dataclass
class Row:
    size: int
    ours: RunResult
    timings: dict
    base: RunResult | None  # None: baseline not built for this size (--baseline-max)
    output_bytes: int
    largest_page: int
    query: Any  # search_probe.QueryCost
    recall: Any  # search_probe.Recall
    warm_seconds: float
    validations: list[RunResult]  # scripts/validate's runs on the largest corpus (none for the other sizes)
    preview: tuple[float, float] | None = None  # (first page, edit shown) seconds, for the largest size
    around_record: int = 0  # the most a record page carries outside its record's <article>
    index: Any = None  # browse_probe.IndexCost: the profiles index's first load, and what a filter adds

    @property
    def validate(self) -> RunResult | None:
        """The median validation run."""
        return median(self.validations, lambda run: run.wall) if self.validations else None

    def stage(self, prefixes: tuple[str, ...]) -> tuple[float, float]:
        wall = cpu = 0.0
        for name, value in self.timings["stages"].items():
            if name.startswith(prefixes):
                wall, cpu = wall + value["wall"], cpu + value["cpu"]
        return wall, cpu

    def other_hooks(self) -> tuple[float, float]:
        """The adapter's steps not in a column of their own (embeds, open data, headers, ...), outside page rendering."""
        known = tuple(prefix for _label, prefixes in STAGES for prefix in prefixes) + OVERLAPPING
        wall = cpu = 0.0
        for name, value in self.timings["stages"].items():
            if not name.startswith(known):
                wall, cpu = wall + value["wall"], cpu + value["cpu"]
        return wall, cpu

    @property
    def per_thousand(self) -> float:
        return self.ours.wall / (self.size / 1000)

    @property
    def ratio(self) -> float:
        return self.ours.wall / self.base.wall if self.base else float("nan")

    @property
    def cpu_ratio(self) -> float:
        return self.ours.cpu / self.base.cpu if self.base else float("nan")

    def as_dict(self) -> dict:
        return {"records": self.size, "wall": self.ours.wall, "cpu": self.ours.cpu, "peak_rss": self.ours.peak_rss,
                "stages": self.timings["stages"], "baseline_wall": self.base.wall if self.base else None,
                "baseline_cpu": self.base.cpu if self.base else None,
                "output_bytes": self.output_bytes, "largest_record_page": self.largest_page,
                "around_record": self.around_record,
                "first_query_bytes": self.query.query_bytes, "first_query_all_bytes": self.query.total_bytes,
                "first_query_seconds": self.query.seconds, "first_query_runs": self.query.runs, "recall": [self.recall.found, self.recall.expected],
                "missed": self.recall.missed, "warm_caches_seconds": self.warm_seconds,
                "validate_seconds": self.validate.wall if self.validate else None, "validate_runs": sorted(run.wall for run in self.validations), "preview_seconds": self.preview,
                "index_first_load_bytes": self.index.first_load if self.index else None,
                "index_filtered_bytes": self.index.filtered if self.index else None}


def _mb(value: int) -> str:
    return f"{value / 1e6:,.0f} MB" if value >= 1e8 else f"{value / 1e6:,.1f} MB"


def _pair(values: tuple[float, float]) -> str:
    return f"{values[0]:.1f} / {values[1]:.1f}"


def table(rows: list[Row]) -> str:
    head = (["records", "build wall / CPU s"] + [f"{label} s" for label, _ in STAGES]
            + ["other hooks s", "peak RSS", "output", "largest record page (around the record)", "index first load (a filter adds)",
               "1st query (all)", "results in",
               "recall", "wall per 1k", "baseline wall / CPU s", "ours ÷ baseline (wall, CPU)"])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        cells = [f"{row.size:,}", _pair((row.ours.wall, row.ours.cpu))]
        cells += [_pair(row.stage(prefixes)) for _label, prefixes in STAGES]
        cells += [_pair(row.other_hooks()), f"{row.ours.peak_rss / 1e9:.2f} GB", _mb(row.output_bytes),
                  f"{row.largest_page / 1000:.1f} KB ({row.around_record / 1000:.1f} KB)",
                  f"{row.index.first_load / 1000:.0f} KB (+{row.index.filtered / 1000:.0f} KB)" if row.index else "—",
                  f"{row.query.query_bytes / 1000:.0f} KB ({row.query.total_bytes / 1000:.0f} KB)",
                  row.query.spread, f"{row.recall.found}/{row.recall.expected}", f"{row.per_thousand:.1f} s",
                  _pair((row.base.wall, row.base.cpu)) if row.base else "—",
                  f"{row.ratio:.2f}×, {row.cpu_ratio:.2f}×" if row.base else "—"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _find(rows: list[Row], size: int) -> Row | None:
    return next((row for row in rows if row.size == size), None)


def targets(rows: list[Row]) -> list[tuple[str, str, bool | None]]:
    """(target, measured, passed); passed is None when this run did not measure it."""
    big, mid, small = _find(rows, 35000), _find(rows, 10000), _find(rows, 1000)
    out: list[tuple[str, str, bool | None]] = []

    def add(name: str, row: Row | None, text: Any, ok: Any) -> None:
        out.append((name, text() if row else "not measured in this run", ok() if row else None))

    add("35,000 records build < 3 min (warm caches, search included)", big,
        lambda: f"{big.ours.wall:.0f} s wall, {big.ours.cpu:.0f} s CPU", lambda: big.ours.wall < 180)
    mid = mid if mid and mid.base else None
    add("overhead ≤ 1.25× baseline at 10,000", mid, lambda: f"{mid.ratio:.2f}× wall, {mid.cpu_ratio:.2f}× CPU",
        lambda: mid.ratio <= 1.25)
    add("linearity: per-1k time at 35,000 ≤ 1.15× at 1,000", big and small,
        lambda: f"{big.per_thousand:.1f} s vs {small.per_thousand:.1f} s ({big.per_thousand / small.per_thousand:.2f}×)",
        lambda: big.per_thousand <= 1.15 * small.per_thousand)
    add("peak RSS < 6 GB at 35,000", big, lambda: f"{big.ours.peak_rss / 1e9:.2f} GB", lambda: big.ours.peak_rss < 6e9)
    add("first Japanese query ≤ 400 KB at 35,000", big, lambda: f"{big.query.query_bytes / 1000:.0f} KB",
        lambda: big.query.query_bytes <= 400_000)
    last = rows[-1] if rows else None
    add("results in < 1 s in headless Chromium", last, lambda: ", ".join(r.query.spread for r in rows),
        lambda: all(r.query.seconds < 1 for r in rows))
    add("record page HTML ≤ 30 KB, not growing", last,
        lambda: ", ".join(f"{r.largest_page / 1000:.1f} KB (around the record {r.around_record / 1000:.1f} KB)" for r in rows),
        lambda: all(r.largest_page <= 30_000 for r in rows) and rows[-1].around_record <= rows[0].around_record * 1.05)
    add("search recall on known words = 100 %", last, lambda: ", ".join(f"{r.recall.share:.0%}" for r in rows),
        lambda: all(r.recall.found == r.recall.expected for r in rows))
    checked = next((r for r in reversed(rows) if r.validations), None)
    runs = sorted(run.wall for run in checked.validations) if checked else []
    add("validation only, 35,000 records < 10 s (median of runs)", big and checked,
        lambda: f"{checked.validate.wall:.1f} s" + (f" ({', '.join(f'{wall:.1f}' for wall in runs)})" if len(runs) > 1 else ""),
        lambda: checked.validate.wall < 10)
    shown = next((r for r in reversed(rows) if r.preview), None)
    add(f"preview: an edit shows within 5 s ({shown.size:,} records)" if shown else "preview: an edit shows within 5 s", shown,
        lambda: f"{shown.preview[1]:.1f} s (first page {shown.preview[0]:.1f} s)", lambda: shown.preview[1] < 5)
    return out


def machine_summary() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        memory = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    except (OSError, StopIteration):
        memory = 0
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    return f"{os.cpu_count()} CPUs ({model or 'unknown model'}), {memory / 1e6:.0f} GB RAM, load average {load:.1f} at the end"


def render_report(rows: list[Row], machine: str, seconds: float) -> str:
    lines = [f"Machine: {machine}; benchmark took {seconds / 60:.1f} min.", "",
             "Stage cells are wall / CPU seconds (CPU includes child processes: process pools, Pagefind).", "",
             table(rows), "", "| target | measured | result |", "|---|---|---|"]
    for name, measured, passed in targets(rows):
        lines.append(f"| {name} | {measured} | {'—' if passed is None else 'pass' if passed else 'MISS'} |")
    lines += ["", "Warm-up of the image/OG caches before each size (not in the build times): "
              + ", ".join(f"{r.size:,}: {r.warm_seconds:.0f} s" for r in rows)]
    return "\n".join(lines)
