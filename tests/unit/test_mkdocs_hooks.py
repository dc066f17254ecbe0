"""hooks/mkdocs_hooks.py and mkdocs_build_state.py: the build state lives for one build, and only a one-shot build
leaves it to the OS."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

HOOKS = Path(__file__).resolve().parents[2] / "hooks"


@pytest.fixture
def adapter(monkeypatch):
    monkeypatch.syspath_prepend(str(HOOKS))  # as MkDocs loads a hook file: its folder on sys.path
    spec = importlib.util.spec_from_file_location("mkdocs_hooks_under_test", HOOKS / "mkdocs_hooks.py")
    module = sys.modules["mkdocs_hooks_under_test"] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop("mkdocs_hooks_under_test", None)
    sys.modules.pop("mkdocs_build_state", None)


def _end(adapter, monkeypatch, command: str) -> list[tuple]:
    kept = []
    monkeypatch.setattr(adapter.state, "keep_until_exit", lambda *objects: kept.append(objects))
    adapter.on_startup(command=command, dirty=False)
    build, config = object(), object()
    adapter.state.Run.build = build
    adapter.state.end(build, config)
    assert adapter.state.Run.build is None, "nothing survives into the next build"
    return kept


def test_a_one_shot_build_leaves_its_state_to_the_operating_system(adapter, monkeypatch):
    kept = _end(adapter, monkeypatch, "build")
    assert len(kept) == 1 and len(kept[0]) == 2


def test_serve_keeps_nothing(adapter, monkeypatch):
    assert _end(adapter, monkeypatch, "serve") == []
    assert _end(adapter, monkeypatch, "gh-deploy") == []


def test_a_failed_build_drops_its_state_and_stops_its_workers(adapter):
    stopped = []

    class Worker:
        def stop(self):
            stopped.append(self)

    build = adapter.state.ShowcaseBuild(site=None, repo=Path("."))
    build.writer, build.search = Worker(), Worker()
    adapter.state.Run.build = build
    adapter.on_build_error(error=RuntimeError("boom"))
    assert adapter.state.Run.build is None and len(stopped) == 2
    adapter.on_build_error(error=RuntimeError("again"))  # no build in progress: nothing to do


def test_steps_are_timed_only_with_a_clock(adapter):
    build = adapter.state.ShowcaseBuild(site=None, repo=Path("."))
    with build.timed("load"):
        pass
    build.clock = adapter.StageClock()
    with build.timed("load"):
        pass
    assert build.clock.stages["load"]["calls"] == 1
