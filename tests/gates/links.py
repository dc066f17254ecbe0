"""Link gate: crawl the built site (stdlib html.parser) for broken internal links, anchors, images and assets.

Every ``href``/``src``/``srcset``/``action`` (plus ``og:image``, ``<use href>`` and the sitemap's ``<loc>``) that
points into the site must name an existing file, and its ``#fragment`` an existing ``id`` in the target page.
Absolute URLs under ``site_url`` count as internal, so canonical links and Open Graph images are checked too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlparse

URL_ATTRIBUTES = {"href", "src", "action", "poster", "data", "xlink:href"}
SKIPPED_SCHEMES = {"mailto", "tel", "data", "javascript", "blob"}
_ROOT_MARK = "site-root"


@dataclass(frozen=True)
class Broken:
    page: str  # the referring file, relative to the site
    reference: str  # as written
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.reference} — {self.reason}"


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.references: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        for name, value in values.items():
            if name in URL_ATTRIBUTES and value.strip():
                if tag == "form" and name == "action" and values.get("method", "get").lower() != "get":
                    continue
                self.references.append(value.strip())
            elif name in {"srcset", "imagesrcset"}:
                self.references += [c.strip().split()[0] for c in re.split(r",\s+", value.strip()) if c.strip()]
        if tag == "meta" and values.get("property") in {"og:image", "og:url"} and values.get("content"):
            self.references.append(values["content"])

    handle_startendtag = handle_starttag


def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser


class _Site:
    def __init__(self, root: Path, site_url: str):
        self.root = root
        self.base = urlparse(site_url) if site_url else None
        self._pages: dict[Path, _PageParser] = {}

    def page(self, path: Path) -> _PageParser:
        if path not in self._pages:
            self._pages[path] = _parse(path)
        return self._pages[path]

    def local_path(self, page: str, reference: str) -> tuple[str | None, str]:
        """(site-relative path, fragment) of an internal reference; (None, "") when it leaves the site.

        A path that climbs above the site root, or a root-absolute path outside the deployed prefix (e.g.
        ``/chiiki-showcase/``), comes back starting with a NUL character: it cannot work once deployed.
        """
        parsed = urlparse(reference)
        fragment = unquote(parsed.fragment)
        if parsed.scheme in SKIPPED_SCHEMES:
            return None, ""
        if parsed.scheme or parsed.netloc:
            if not self.base or parsed.netloc != self.base.netloc or not parsed.path.startswith(self.base.path):
                return None, ""
            return unquote(parsed.path[len(self.base.path):]), fragment
        if reference.startswith("/"):
            prefix = self.base.path if self.base else "/"
            inside = parsed.path.startswith(prefix)
            return (unquote(parsed.path[len(prefix):]) if inside else "\0" + parsed.path), fragment
        joined = urlparse(urljoin(f"https://site.invalid/{_ROOT_MARK}/{page}", reference)).path
        if not joined.startswith(f"/{_ROOT_MARK}/"):
            return "\0" + reference, fragment
        return unquote(joined[len(_ROOT_MARK) + 2:]), fragment

    def resolve(self, path: str) -> Path | None:
        if path.startswith("\0"):
            return None
        target = self.root / PurePosixPath(path)
        if path == "" or path.endswith("/") or target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None


@dataclass(frozen=True)
class CrawlReport:
    pages: int  # HTML pages read
    references: int  # internal references checked
    broken: list[Broken]


def crawl(site: Path, site_url: str = "") -> CrawlReport:
    """Check every internal reference in every HTML page (and the sitemap) of ``site``."""
    state = _Site(site, site_url)
    broken: list[Broken] = []
    checked = 0
    sources: list[tuple[Path, list[str]]] = [(p, state.page(p).references) for p in sorted(site.rglob("*.html"))]
    sitemap = site / "sitemap.xml"
    if sitemap.exists():
        sources.append((sitemap, re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", sitemap.read_text(encoding="utf-8"))))
    for path, references in sources:
        rel = path.relative_to(site).as_posix()
        for reference in references:
            target_path, fragment = state.local_path(rel, reference)
            if target_path is None:
                continue
            checked += 1
            target = state.resolve(target_path)
            if target is None:
                outside = target_path.startswith("\0")
                reason = "leaves the site root or its prefix" if outside else f"no file {target_path or 'index.html'}"
                broken.append(Broken(rel, reference, reason))
            elif fragment and target.suffix == ".html" and fragment not in state.page(target).ids:
                broken.append(Broken(rel, reference, f"no id=\"{fragment}\" in {target.relative_to(site).as_posix()}"))
    return CrawlReport(len(sources) - sitemap.exists(), checked, broken)
