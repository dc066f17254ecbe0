"""One page of every kind, discovered from the built site so that new page kinds (statistics, embeds) join the gates
by themselves.

A Markdown page from ``docs/`` is a kind of its own (each programme page is checked).  A generated page's URL is
generalised: a segment that is a record slug, a municipality code, a vocabulary slug or a page number becomes ``*``,
so ``profiles/gate-taro/`` and ``profiles/gate-hanako/`` are one kind, ``profiles/*/``, and so are all 47 prefectures.
"""

from __future__ import annotations

from pathlib import Path

from showcase.content.vocab import ACTIVITY_FIELDS, PREFECTURES, RMO_CATEGORIES, STATUS_LABELS

VOCABULARY_SLUGS = frozenset(
    [p.slug for p in PREFECTURES] + list(ACTIVITY_FIELDS.values()) + list(STATUS_LABELS) + list(RMO_CATEGORIES.values()))
NOT_PAGES = ("pagefind/", "assets/")


def page_url(site: Path, html_file: Path) -> str:
    """``profiles/a/index.html`` → ``profiles/a/``; ``404.html`` stays ``404.html``."""
    rel = html_file.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel


def markdown_urls(docs: Path) -> set[str]:
    """The URLs MkDocs gives the hand-written pages (``use_directory_urls``)."""
    urls = set()
    for path in docs.rglob("*.md"):
        rel = path.relative_to(docs).with_suffix("").as_posix()
        if rel == "index" or rel.endswith("/index"):
            urls.add(rel[: -len("index")])
        else:
            urls.add(rel + "/")
    return urls


def kind_of(url: str, variable: frozenset[str] | set[str]) -> str:
    parts = url.split("/")
    return "/".join("*" if part and (part in variable or part.isdigit()) else part for part in parts)


def page_kinds(site: Path, docs: Path, record_slugs: set[str]) -> dict[str, str]:
    """Kind → the URL of its largest page (the one exercising most of its template; ties by name), for every HTML
    page in ``site``."""
    variable = VOCABULARY_SLUGS | set(record_slugs)
    hand_written = markdown_urls(docs)
    best: dict[str, tuple[int, str]] = {}
    for html_file in sorted(site.rglob("*.html")):
        url = page_url(site, html_file)
        if url.startswith(NOT_PAGES):
            continue
        kind = url if url in hand_written else kind_of(url, variable)
        size = html_file.stat().st_size
        if kind not in best or size > best[kind][0]:
            best[kind] = (size, url)
    return {kind: url for kind, (size, url) in sorted(best.items())}
