"""The benchmark report's target lines."""

from __future__ import annotations

from types import SimpleNamespace

from showcase_devtools.bench_report import Row, targets
from showcase_devtools.bench_run import RunResult


def _row(validations: list[float]) -> Row:
    run = lambda seconds: RunResult(0, seconds, seconds, 1, "")  # noqa: E731 - a local shorthand
    query = SimpleNamespace(query_bytes=1, total_bytes=1, seconds=0.5, spread="0.50 s", runs=[])
    recall = SimpleNamespace(found=1, expected=1, share=1.0, missed=[])
    return Row(35000, run(100.0), {"stages": {}}, None, 1, 1, query, recall, 0.0, [run(s) for s in validations], (1.0, 2.0), 1)


def _validation(row: Row) -> tuple[str, bool | None]:
    return next((shown, met) for name, shown, met in targets([row]) if name.startswith("validation only"))


def test_validation_is_judged_on_the_median_run_and_shows_every_run():
    assert _validation(_row([10.8, 8.1, 9.3])) == ("9.3 s (8.1, 9.3, 10.8)", True)
    assert _validation(_row([10.8, 10.2, 9.3])) == ("10.2 s (9.3, 10.2, 10.8)", False)
    assert _validation(_row([])) == ("not measured in this run", None)
