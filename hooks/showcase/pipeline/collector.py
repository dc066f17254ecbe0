"""Python's garbage collector during a build: the ONE place that pauses, freezes and unfreezes it.

A national-scale build makes millions of objects (35,000 records, 40,000 pages) that hold no reference cycles and
live as long as the build.  Three things follow, and this module does all of them:

- :func:`collector_paused` while records are loaded: each collection of the oldest generation walks every live
  object, so collecting during loading walked the records loaded so far again and again (~10 % of reading them).
  Reading a record makes no cycles (``tests/unit/test_load_events.py`` checks), so garbage is still freed at
  once by reference counting.
- :func:`keep_for_build` once the records are loaded: they are moved out of the collector's reach until
  :func:`release_build` (the next ``mkdocs serve`` rebuild), so later collections do not walk them again.
- :func:`frozen_for_fork` around ``os.fork``: a collection in the child would touch, and so copy, every object
  it inherits.  It leaves what :func:`keep_for_build` froze frozen (``gc.unfreeze`` cannot thaw only part).
- :func:`keep_until_exit` after a one-shot build: the objects are left for the operating system to take back at
  exit instead of being freed one by one (~4 s at 10,000 records, ~9 s at 35,000, after the site is complete).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Any, Iterator


class _Frozen:
    """Whether this build's objects are frozen (kept out of the collector's reach) until :func:`release_build`."""

    for_build = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off for the ``with`` block (as it was before, after it)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def keep_for_build() -> None:
    """Everything alive now lives as long as the build: later collections need not walk it."""
    gc.freeze()
    _Frozen.for_build = True


def release_build() -> None:
    """A new build starts: what an earlier build kept may be collected now."""
    gc.unfreeze()
    _Frozen.for_build = False


@contextmanager
def frozen_for_fork() -> Iterator[None]:
    """Everything frozen while children are forked; thawed afterwards unless the build keeps it frozen anyway."""
    gc.freeze()
    try:
        yield
    finally:
        if not _Frozen.for_build:
            gc.unfreeze()


def keep_until_exit(*objects: Any) -> None:
    """Never free ``objects`` (nor what they reach): the process is about to end, and the OS takes the memory back.

    A list that holds itself is only ever freed by the collector, and frozen objects are never collected, not
    even at interpreter shutdown.  Only for a process that ends after this: ``mkdocs serve`` must not call it.
    """
    holder: list[Any] = [*objects]
    holder.append(holder)
    gc.freeze()
    _Frozen.for_build = True
