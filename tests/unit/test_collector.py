"""The cycle collector is paused while records are loaded, and restored afterwards."""

from __future__ import annotations

import gc

import pytest

from showcase.pipeline import site_build
from showcase.pipeline.collector import collector_paused
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
