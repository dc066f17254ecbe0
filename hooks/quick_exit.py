"""MkDocs adapter: a one-shot ``mkdocs build`` ends without freeing its build state object by object.

At national scale the build holds millions of objects (35,000 records, 40,000 pages, their rendered cards).
When the command returns, the interpreter frees them one by one before the process exits: ~4 s at 10,000 records
and ~9 s at 35,000, after the site is complete.  After a successful build this hook keeps one extra reference to
the build's config (which holds that state), so the interpreter never walks it, and moves every object out of
the garbage collector's reach; the operating system takes the memory back at exit.  The exit status is
untouched (MkDocs' own checks still run after this), and ``mkdocs serve``, which rebuilds in the same process,
is left alone.
"""

from __future__ import annotations

import ctypes
import gc
import platform

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

_command: dict[str, str] = {}


def on_startup(*, command: str, dirty: bool) -> None:
    _command["name"] = command


@event_priority(-100)  # the very last step of a successful build
def on_post_build(*, config: MkDocsConfig) -> None:
    if _command.get("name") != "build" or platform.python_implementation() != "CPython":
        return
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(config))  # never released: the process is about to end
    gc.freeze()
