"""MkDocs adapter: wall and CPU time of every hook event and of MkDocs' own page rendering.

Inert unless ``$SHOWCASE_TIMINGS`` names a JSON file to write (``scripts/bench``
sets it to a file under /tmp).  Every event of the other hooks is timed as
``<hook file>:<event>``; ``mkdocs:pages`` is the time from the end of
``on_nav`` to the start of ``on_post_build``: MkDocs reading and rendering every
page's Markdown (our ``on_page_*`` events included), then Material's templates
and writing the files.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority

from showcase.pipeline.timings import TIMINGS_ENV, StageClock

KEY = "showcase_timings"


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not os.environ.get(TIMINGS_ENV):
        return config
    clock = StageClock()
    plugins = config.plugins
    for event, methods in plugins.events.items():
        for index, method in enumerate(methods):
            origin = plugins._event_origins.get(method, "")
            if origin and origin != __name__ and getattr(method, "__module__", "") != __name__:
                timed = methods[index] = clock.wrap(f"{origin}:{event}", method)
                plugins._event_origins[timed] = origin
    config[KEY] = clock
    return config


@event_priority(-100)
def on_nav(nav, *, config: MkDocsConfig, files):
    if config.get(KEY):  # MkDocs reads and renders every page's Markdown right after on_nav, then its templates
        config[KEY].mark("pages_start")
    return nav


@event_priority(100)
def _post_build_first(*, config: MkDocsConfig) -> None:
    if config.get(KEY):
        config[KEY].mark("pages_end")


@event_priority(-100)
def _post_build_last(*, config: MkDocsConfig) -> None:
    clock = config.get(KEY)
    if clock:
        clock.interval("mkdocs:pages", "pages_start", "pages_end")
        clock.write(Path(os.environ[TIMINGS_ENV]))


on_post_build = CombinedEvent(_post_build_first, _post_build_last)
