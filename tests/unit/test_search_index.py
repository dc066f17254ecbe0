"""Where the search index's scratch site goes: memory when it has room, else the temporary folder."""

from __future__ import annotations

from showcase.search_index import scratch_root


def test_memory_with_room_is_used(tmp_path):
    assert scratch_root(str(tmp_path), need=1) == str(tmp_path)


def test_memory_without_room_is_not(tmp_path):
    assert scratch_root(str(tmp_path), need=1 << 60) is None


def test_no_memory_folder_means_the_temporary_folder(tmp_path):
    assert scratch_root(str(tmp_path / "missing")) is None
