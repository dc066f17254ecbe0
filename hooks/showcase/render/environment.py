"""The Jinja environment for the core's templates: autoescaping always on, Japanese formatting filters."""

from __future__ import annotations

import posixpath
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from showcase.catalog import urls
from showcase.content.vocab import ACTIVITY_FIELDS, GLOSSARY_ANCHORS, RMO_CATEGORIES, STATUS_LABELS, own_name
from showcase.render import dates
from showcase.render.corrections import correction_mailto
from showcase.render.markup import obfuscate_email, render_markdown

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"


def relative_url(target: str, page_url: str) -> str:
    """Link from the page at ``page_url`` (a directory URL like ``profiles/a/``) to ``target``."""
    if "://" in target or target.startswith(("mailto:", "#")):
        return target
    path, _, fragment = target.partition("#")
    rel = _relpath(path.rstrip("/") or ".", page_url.rstrip("/") or ".")
    if path.endswith("/") or not path:
        rel = rel.rstrip("/") + "/"
    if rel == "./":
        rel = "./"
    return rel + (f"#{fragment}" if fragment else "")


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for site-relative URLs, without its ``abspath``/``getcwd`` calls (hot: every link of every page)."""
    if ".." in path or ".." in start:
        return posixpath.relpath(path, start)
    to = [part for part in path.split("/") if part and part != "."]
    base = [part for part in start.split("/") if part and part != "."]
    common = 0
    while common < len(to) and common < len(base) and to[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


def number(value: int | float) -> str:
    return f"{value:,}"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=select_autoescape(["html", "svg", "xml"], default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,  # no stat() per include; SiteBuild.load starts each build with a fresh environment
        cache_size=-1,  # a dict, not an LRU (whose lookups scan a deque): every include of every page looks here
    )
    env.filters.update(
        markdown=render_markdown,
        obfuscate=obfuscate_email,
        era_month=dates.era_month,
        year_or_month=dates.year_or_month,
        month=dates.month_short,
        number=number,
        field_slug=ACTIVITY_FIELDS.__getitem__,
        category_slug=RMO_CATEGORIES.__getitem__,
        own_name=own_name,
    )
    env.globals.update(STATUS_LABELS=STATUS_LABELS, GLOSSARY=GLOSSARY_ANCHORS, correction_mailto=correction_mailto,
                       urls=urls)  # urls: the one URL scheme (showcase.catalog.urls)
    return env


def render_template(name: str, page_url: str, **context: object) -> str:
    env = environment()
    return env.get_template(name).render(url=lambda target: relative_url(target, page_url), page_url=page_url, **context)
