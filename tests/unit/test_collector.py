"""showcase.pipeline.collector, the one owner of the garbage collector: paused while records load, the build's
objects frozen until the next build, forks that keep them frozen, and a one-shot build's state left for the OS."""

from __future__ import annotations

import gc
import weakref

import pytest

from showcase.pipeline import site_build
from showcase.pipeline.forked import ForkedShares
from showcase.pipeline.collector import collector_paused, frozen_for_fork, keep_for_build, keep_until_exit, release_build
from tests.factories import make_site, profile


def test_the_collector_is_off_inside_and_back_on_after_even_on_an_error():
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        with collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_site_is_loaded_with_the_collector_paused(tmp_path, monkeypatch):
    seen = []
    load_collections = site_build.load_collections

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return load_collections(*args, **kwargs)

    monkeypatch.setattr(site_build, "load_collections", spy)
    root = make_site(tmp_path, profiles={"a": profile()}, cases={})
    site_build.SiteBuild.load(root)
    assert seen == [False]
    assert gc.isenabled()


def test_forking_leaves_what_the_build_froze_frozen():
    # gc.unfreeze() thaws everything: forking once used to undo the build's freeze (~109k objects to 0).
    keep_for_build()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        ForkedShares(lambda share: None, 2).wait()
        assert gc.get_freeze_count() >= frozen
    finally:
        release_build()
    assert gc.get_freeze_count() == 0


def test_outside_a_build_forking_thaws_what_it_froze():
    with frozen_for_fork():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


class _State:
    pass


def test_kept_until_exit_is_never_freed_until_thawed():
    state = _State()
    alive = weakref.ref(state)
    keep_until_exit(state)
    del state
    gc.collect()
    assert alive() is not None  # neither reference counting nor the collector frees it
    release_build()  # (a test process goes on: let the collector have it back)
    gc.collect()
    assert alive() is None
