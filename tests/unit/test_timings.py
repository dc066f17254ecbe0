"""Stage timings for scripts/bench (showcase.pipeline.timings)."""

from __future__ import annotations

import json

from showcase.pipeline.timings import StageClock


def test_stages_accumulate_calls_wall_and_cpu(tmp_path):
    clock = StageClock()
    work = clock.wrap("hooks/a.py:page_content", lambda n: sum(range(n)))
    assert work(10) == 45
    assert work(100_000) == sum(range(100_000))
    with clock.span("hooks/b.py:post_build"):
        pass
    clock.mark("start")
    clock.mark("end")
    clock.interval("mkdocs:pages", "start", "end")
    clock.interval("missing", "start", "nowhere")  # an interval whose end was never marked is left out
    path = tmp_path / "timings.json"
    clock.write(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data["stages"]) == {"hooks/a.py:page_content", "hooks/b.py:post_build", "mkdocs:pages"}
    assert data["stages"]["hooks/a.py:page_content"]["calls"] == 2
    assert data["stages"]["hooks/a.py:page_content"]["cpu"] >= 0
    assert data["elapsed"] >= data["stages"]["hooks/a.py:page_content"]["wall"]


def test_wrapped_function_keeps_its_name_and_errors():
    clock = StageClock()

    def on_config(config):
        raise KeyError(config)

    timed = clock.wrap("hooks/x.py:config", on_config)
    assert timed.__name__ == "on_config"
    try:
        timed("boom")
    except KeyError:
        pass
    assert clock.stages["hooks/x.py:config"]["calls"] == 1
