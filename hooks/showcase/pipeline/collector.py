"""Python's cycle collector, paused while a build makes millions of objects that hold no reference cycles.

The collector runs whenever enough objects have been made, and its oldest generation walks every live
object.  Loading 35,000 records makes ~10 million objects, and none of them are garbage: each
collection during loading walked all the records loaded so far, again and again (~10 % of reading
them, and ~6 s of receiving them in MkDocs' process).  Reading a record makes no cycles
(``tests/unit/test_load_events.py`` checks), so pausing the collector loses nothing: garbage without
cycles is freed at once by reference counting, and the collector runs again after the pause.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


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
