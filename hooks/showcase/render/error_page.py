"""The page a contributor's browser shows while the content has problems (``scripts/serve``, ``scripts/preview``).

``mkdocs serve`` on bad content would stop (first build) or keep showing the old pages (rebuild), with
the problems only in the terminal.  In serve mode the adapter publishes this page instead, as the
site's ``index.html`` and ``404.html``: the dev server answers every other address with its
``404.html``, so the contributor sees it at whatever page they were viewing.  It lists every problem
with file, line and column, Japanese first, escaped by the template, and asks the dev server to reload
once the next build succeeds.  A plain build never uses it: it fails as a whole.
"""

from __future__ import annotations

from itertools import groupby
from typing import Iterable

from showcase.check.problems import Problem
from showcase.render.environment import environment

ERROR_PAGES = ("index.html", "404.html")


def render_error_page(problems: Iterable[Problem], *, live_reload: bool = True) -> str:
    """The whole HTML document listing ``problems`` by file, in file and position order."""
    ordered = sorted(set(problems))
    files = [(path, list(items)) for path, items in groupby(ordered, key=lambda problem: problem.path)]
    template = environment().get_template("dev/content-errors.html")
    return template.render(total=len(ordered), files=files, live_reload=live_reload)


def error_site(problems: Iterable[Problem]) -> dict[str, str]:
    """The files of the error site: the same page as ``index.html`` and ``404.html``."""
    page = render_error_page(problems)
    return {name: page for name in ERROR_PAGES}
