"""hooks/quick_exit.py: only a one-shot build keeps its state for the operating system to take back."""

from __future__ import annotations

import ctypes
import gc
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("quick_exit_hook", ROOT / "hooks" / "quick_exit.py")
quick_exit = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(quick_exit)


class _Config(dict):
    pass


def _run(command: str) -> int:
    """How many references the hook added to a build's config."""
    config = _Config()
    before = sys.getrefcount(config)
    quick_exit.on_startup(command=command, dirty=False)
    try:
        quick_exit.on_post_build(config=config)
        return sys.getrefcount(config) - before
    finally:
        gc.unfreeze()


def test_a_build_keeps_its_state_to_the_end():
    added = _run("build")
    assert added == 1


def test_serve_rebuilds_in_the_same_process_and_keeps_nothing():
    assert _run("serve") == 0
    assert _run("gh-deploy") == 0


def test_the_reference_is_the_only_change(monkeypatch):
    kept = []
    monkeypatch.setattr(ctypes.pythonapi, "Py_IncRef", lambda obj: kept.append(obj.value))
    quick_exit.on_startup(command="build", dirty=False)
    config = _Config(marker=True)
    quick_exit.on_post_build(config=config)
    gc.unfreeze()
    assert kept == [config]
