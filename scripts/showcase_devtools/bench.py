"""``scripts/bench``: build generated corpora with the real mkdocs.yml, hooks and templates, and a plain baseline.

For each size it generates (or reuses) a corpus under the work folder, warms the
image and Open Graph caches once (timed separately: a contributor's machine
keeps its cache between builds), builds our site with ``SHOWCASE_TIMINGS`` set, builds the
baseline, measures search in headless Chromium, and prints one table with the
targets of issue 5 beside the figures.  Nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from showcase_devtools.baseline import write_baseline
from showcase_devtools.bench_report import Row, machine_summary, render_report
from showcase_devtools.bench_run import RunResult, Trash, mark_deleted, run_measured, settle
from showcase_devtools.browse_probe import index_cost
from showcase_devtools.corpus import GENERATOR_VERSION, MANIFEST, REPO_ROOT, generate_corpus
from showcase_devtools.preview_probe import measure_preview

PROFILE_SHARE = 25500 / (25500 + 7710)  # members vs RMOs at national scale, roughly
FIRST_QUERY = "見守り"


def split(size: int) -> tuple[int, int]:
    profiles = round(size * PROFILE_SHARE)
    return profiles, size - profiles


def ensure_corpus(work: Path, size: int, seed: int) -> Path:
    corpus = work / f"corpus-{size}"
    profiles, cases = split(size)
    manifest = corpus / MANIFEST
    if manifest.is_file():
        data = json.loads(manifest.read_text(encoding="utf-8"))
        if (data.get("generator"), data["seed"], data["profiles"], data["cases"]) == (GENERATOR_VERSION, seed, profiles, cases):
            return corpus
    started = time.perf_counter()
    replaced = manifest.is_file()
    generate_corpus(corpus, profiles, cases, seed)
    if replaced:
        mark_deleted(work)  # the earlier corpus's records were deleted: settle() before measuring
    print(f"  generated {size:,} records in {time.perf_counter() - started:.0f} s", flush=True)
    return corpus


def _trash(work: Path) -> Trash:
    """Where outputs go once measured: deleted after the last measurement (see :mod:`.bench_run`)."""
    return Trash(work / "trash")


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


def warm_caches(corpus: Path, cache: Path, work: Path) -> float:
    """Render photo variants and OG cards into ``cache`` (what a first build would do); wall seconds."""
    scratch = work / "warm-site"
    code = ("import sys; from pathlib import Path; from showcase.pipeline.site_build import SiteBuild; "
            "b = SiteBuild.load(Path(sys.argv[1]), cache_dir=Path(sys.argv[2])); b.write_assets(Path(sys.argv[3]))")
    started = time.perf_counter()
    result = run_measured([sys.executable, "-c", code, str(corpus), str(cache), str(scratch)],
                          env=_env(), cwd=REPO_ROOT, log=work / "warm.log")
    _trash(work).put(scratch)
    if result.returncode:
        raise SystemExit(f"bench: warming the caches failed:\n{result.output[-3000:]}")
    return time.perf_counter() - started


def build_ours(corpus: Path, cache: Path, work: Path, size: int) -> tuple[RunResult, dict, Path]:
    site, timings = work / f"site-{size}", work / f"timings-{size}.json"
    _trash(work).put(site)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(REPO_ROOT / "mkdocs.yml"), "-d", str(site)]
    env = _env(SHOWCASE_CONTENT=str(corpus), SHOWCASE_CACHE_DIR=str(cache), SHOWCASE_TIMINGS=str(timings))
    result = run_measured(command, env=env, cwd=REPO_ROOT, log=work / f"build-{size}.log")
    if result.returncode:
        raise SystemExit(f"bench: our build of {size} records failed:\n{result.output[-3000:]}")
    return result, json.loads(timings.read_text(encoding="utf-8")), site


def build_baseline(corpus: Path, work: Path, size: int) -> RunResult:
    config = write_baseline(corpus, REPO_ROOT, work / f"baseline-{size}")
    site = work / f"baseline-site-{size}"
    _trash(work).put(site)
    result = run_measured([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                          env=_env(), cwd=config.parent, log=work / f"baseline-{size}.log")
    if result.returncode:
        raise SystemExit(f"bench: the baseline build of {size} records failed:\n{result.output[-3000:]}")
    _trash(work).put(site)
    _trash(work).put(config.parent)
    return result


def validate_only(corpus: Path, work: Path, runs: int = 3) -> list[RunResult]:
    """``scripts/validate`` on the corpus ``runs`` times (one run alone on this shared machine ranged from 8 to
    14 s; the report takes the median)."""
    if not (REPO_ROOT / "hooks" / "showcase" / "cli" / "validate.py").is_file():
        return []
    command = [sys.executable, "-m", "showcase.cli.validate", "--content-root", str(corpus)]
    return [run_measured(command, env=_env(), cwd=REPO_ROOT, log=work / "validate.log") for _ in range(runs)]


def site_sizes(site: Path) -> tuple[int, int, int]:
    """Total bytes of the output, the largest record page's HTML, and the most any record page carries around its
    record (the page minus the record's <article>: what must not grow with the corpus)."""
    total = sum(entry.stat().st_size for entry in site.rglob("*") if entry.is_file())
    largest = around = 0
    for folder in ("profiles", "cases"):
        for page in (site / folder).glob("*/index.html"):
            if page.parent.name not in {"page", "status", "category"}:
                data = page.read_bytes()
                start, end = data.find(b'<article class="cs-record'), data.find(b"</article>")
                largest = max(largest, len(data))
                if 0 <= start < end:
                    around = max(around, len(data) - (end + len(b"</article>") - start))
    return total, largest, around


def probe_search(site: Path, corpus: Path):
    from playwright.sync_api import sync_playwright

    from showcase_devtools.search_probe import SiteServer, launch, median_query, recall

    known = json.loads((corpus / MANIFEST).read_text(encoding="utf-8"))["known_words"]
    with SiteServer(site) as server, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            cost = median_query(browser, server.url, FIRST_QUERY)
            found = recall(browser, server.url, known)
        finally:
            browser.close()
    return cost, found


def bench_size(size: int, args: argparse.Namespace) -> Row:
    work: Path = args.work
    print(f"== {size:,} records", flush=True)
    corpus = ensure_corpus(work, size, args.seed)
    settle(work)
    # One cache a size: a full build prunes the entries its corpus does not use, so a shared cache would hold only
    # the last size's, and --no-warm would then measure a cold build of every other size.
    cache = work / f"cache-{size}"
    warm = 0.0 if args.no_warm else warm_caches(corpus, cache, work)
    print(f"  caches warm ({warm:.0f} s)", flush=True)
    ours, timings, site = build_ours(corpus, cache, work, size)
    print(f"  our build: {ours.wall:.0f} s wall, {ours.cpu:.0f} s CPU, peak RSS {ours.peak_rss / 1e9:.2f} GB", flush=True)
    base = build_baseline(corpus, work, size) if size <= args.baseline_max else None
    if base:
        print(f"  baseline: {base.wall:.0f} s wall, {base.cpu:.0f} s CPU", flush=True)
    total, largest, around = site_sizes(site)
    cost, found = probe_search(site, corpus)
    index = index_cost(site)
    print(f"  profiles index: first load {index.first_load / 1000:.0f} KB (HTML {index.html / 1000:.0f} KB); "
          f"a filter by the largest prefecture adds {index.filtered / 1000:.0f} KB", flush=True)
    largest_size = size == max(args.sizes)
    checks = validate_only(corpus, work) if largest_size else []
    if not args.keep:
        _trash(work).put(site)
    preview = measure_preview(corpus, cache=cache, log=work / "preview.log") if largest_size else None
    if preview:
        print(f"  preview: first page {preview[0]:.1f} s, an edit shows after {preview[1]:.1f} s", flush=True)
    return Row(size, ours, timings, base, total, largest, cost, found, warm, checks, preview, around, index)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="1,000 and 5,000 records instead of 1,000, 10,000 and 35,000")
    parser.add_argument("--sizes", type=lambda text: [int(x) for x in text.split(",")], default=None, help="e.g. 1000,10000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/showcase-bench"), help="corpora, caches and sites (outside the repo)")
    parser.add_argument("--keep", action="store_true", help="keep the built sites")
    parser.add_argument("--no-warm", action="store_true", help="skip warming the caches (warm from an earlier run of the same sizes: each size has its own)")
    parser.add_argument("--baseline-max", type=int, default=10**9, metavar="N",
                        help="build the baseline only for sizes up to N (the overhead target is at 10,000)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    args.sizes = args.sizes or ([1000, 5000] if args.quick else [1000, 10000, 35000])
    if REPO_ROOT in [args.work.resolve(), *args.work.resolve().parents]:
        parser.error("--work must be outside the repository")
    args.work.mkdir(parents=True, exist_ok=True)
    _trash(args.work).empty()  # what an interrupted run left, deleted before anything is measured
    started = time.perf_counter()
    try:
        rows = [bench_size(size, args) for size in args.sizes]
    finally:
        _trash(args.work).empty()
    report = render_report(rows, machine_summary(), time.perf_counter() - started)
    print(report)
    if args.json:
        args.json.write_text(json.dumps([row.as_dict() for row in rows], ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
