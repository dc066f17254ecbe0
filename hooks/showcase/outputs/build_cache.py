"""Where a build keeps what it can make again (resized photos, Open Graph cards), and pruning it.

The cache lives outside the repository, so nothing a pull request commits can stand in for a cache entry:
``$SHOWCASE_CACHE_DIR``, else ``$XDG_CACHE_HOME/chiiki-showcase``, else ``~/.cache/chiiki-showcase``.
It is always safe to delete.  Entries are named by content hash and checked when they are read
(:func:`showcase.outputs.images.process_photos`, :func:`showcase.outputs.og_cards.place_og_cards`); a full build removes the
entries it did not use (:func:`prune`), so a deleted record's photos and card leave the cache too.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

CACHE_ENV = "SHOWCASE_CACHE_DIR"
APP_NAME = "chiiki-showcase"


def cache_root() -> Path:
    """The cache folder for this user (created by whoever writes into it)."""
    value = os.environ.get(CACHE_ENV)
    if value:
        return Path(value).expanduser().resolve()
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"  # the XDG spec ignores a relative value
    return base / APP_NAME


def prune(folder: Path, keep: Iterable[str]) -> list[str]:
    """Delete the files directly in ``folder`` whose names are not in ``keep``; the names deleted, sorted.

    Names starting with "." are another build's files being written (atomic renames): they are left alone.
    """
    wanted = set(keep)
    removed: list[str] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except FileNotFoundError:
        return removed
    for entry in entries:
        if entry.name.startswith(".") or entry.name in wanted or entry.is_dir(follow_symlinks=False):
            continue
        try:
            os.unlink(entry.path)
        except FileNotFoundError:
            continue
        removed.append(entry.name)
    return removed


__all__ = ["APP_NAME", "CACHE_ENV", "cache_root", "prune"]
