"""Cached files go into the site as hard links, and never carry a change back into the cache."""

from __future__ import annotations

import os

import pytest

from showcase.outputs import files
from showcase.outputs.files import link_or_copy


def test_a_cached_file_is_linked_not_copied(tmp_path):
    cache, site = tmp_path / "cache.png", tmp_path / "site" / "card.png"
    cache.write_bytes(b"png")
    site.parent.mkdir()
    link_or_copy(cache, site)
    assert site.read_bytes() == b"png" and os.path.samefile(cache, site)


def test_placing_another_file_leaves_the_first_cache_file_alone(tmp_path):
    old, new, site = tmp_path / "old.png", tmp_path / "new.png", tmp_path / "card.png"
    old.write_bytes(b"old card")
    new.write_bytes(b"new card")
    link_or_copy(old, site)
    link_or_copy(new, site)  # a record renamed: the site's card changes, the old cache entry must not
    assert site.read_bytes() == b"new card" and old.read_bytes() == b"old card"


def test_without_hard_links_it_copies(tmp_path, monkeypatch):
    def no_links(source, target):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(files.os, "link", no_links)
    cache, site = tmp_path / "cache.png", tmp_path / "card.png"
    cache.write_bytes(b"png")
    link_or_copy(cache, site)
    assert site.read_bytes() == b"png" and not os.path.samefile(cache, site)


def test_without_hard_links_a_copy_over_an_earlier_link_leaves_its_cache_file_alone(tmp_path, monkeypatch):
    old, new, site = tmp_path / "old.png", tmp_path / "new.png", tmp_path / "card.png"
    old.write_bytes(b"old card")
    new.write_bytes(b"new card")
    link_or_copy(old, site)  # linked while the cache and the site shared a filesystem

    def no_links(source, target):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(files.os, "link", no_links)
    link_or_copy(new, site)
    assert site.read_bytes() == b"new card" and old.read_bytes() == b"old card"


def test_a_missing_cache_file_is_an_error_not_an_empty_file(tmp_path):
    site = tmp_path / "card.png"
    with pytest.raises(FileNotFoundError):
        link_or_copy(tmp_path / "not-cached.png", site)
    assert not site.exists()
