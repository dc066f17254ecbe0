"""Embed views: a minimal twin of each embeddable page under ``embed/``, its iframe snippets and its oEmbed JSON.

An embed view is a standalone HTML document for a sandboxed iframe on a municipal
website: no site chrome, no cookies or storage, no request outside our origin,
its full content without JavaScript.  ``assets/embed/embed-frame.js`` (in the
view) posts the content height to the parent; ``embed.js`` (on the host page)
resizes the iframe.  Links in a view are relative (they resolve against our
origin) and open in a new tab; the snippets and oEmbed files carry absolute URLs
made from the site's ``site_url``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any, Callable, Iterable

from showcase.catalog import urls
from showcase.catalog.indexes import Catalog
from showcase.check.collection import Entry
from showcase.content.vocab import PREFECTURES
from showcase.outputs.files import absolute, json_text
from showcase.outputs.headers import EMBED_META_POLICY
from showcase.render.environment import render_template
from showcase.render.markup import plain_text

SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox"
REFERRER_POLICY = "strict-origin-when-cross-origin"
# The fixed height of the plain <iframe> snippet (no loader): enough for a typical view at phone width.
HEIGHTS = {"profile": 560, "case": 560, "municipality": 640, "prefecture": 640, "chart": 640}
OEMBED_WIDTH = 640
LIST_LIMIT = 20  # records per group in a list view; the full page has them all
LOADER_PATH = urls.EMBED_LOADER
OG_CARD_SIZE = (1200, 630)


@dataclass(frozen=True)
class EmbedView:
    kind: str  # profile, case, municipality, prefecture, chart
    key: str  # slug, municipality code, prefecture slug or chart id
    title: str  # plain text; templates escape it
    page_url: str  # the full page, site-relative
    subject: Any = field(default=None, compare=False, repr=False)

    @property
    def url(self) -> str:
        return urls.embed(self.kind, self.key)

    @property
    def oembed_path(self) -> str:
        return urls.oembed(self.kind, self.key)

    @property
    def height(self) -> int:
        return HEIGHTS[self.kind]

    @property
    def frame_title(self) -> str:
        return f"{self.title}｜chiiki-showcase"

    @property
    def id_prefix(self) -> str:
        return f"cs-embed-{self.kind}-{self.key}"


def record_view(entry: Entry) -> EmbedView:
    kind = "地域おこし協力隊" if entry.kind == "profile" else "地域運営組織"
    return EmbedView(entry.kind, entry.slug, f"{entry.record.name}（{kind}）", entry.url, entry)


def place_title(label: str) -> str:
    return f"{label}の地域おこし協力隊と地域運営組織"


def embed_views(catalog: Catalog, charts: Iterable[Any] = ()) -> list[EmbedView]:
    """Every embed view of the site, in a stable order."""
    views = [record_view(entry) for entry in catalog.profiles + catalog.cases]
    for code in sorted(catalog.municipalities):
        town = catalog.municipalities[code]
        views.append(EmbedView("municipality", code, place_title(town.label), town.url, town))
    views += [EmbedView("prefecture", p.slug, place_title(p.name), urls.prefecture(p.slug), p) for p in PREFECTURES]
    views += [EmbedView("chart", chart.id, chart.title, chart.page_url, chart) for chart in charts]
    return views


def view_for_page(spec: Any) -> EmbedView | None:
    """The embed view of a full page (a core ``PageSpec``), or None when the page has none."""
    if spec.kind in {"profile", "case"}:
        return record_view(spec.key)
    if spec.kind in {"municipality", "prefecture"}:
        listing, place = spec.key
        if listing.number != 1:
            return None
        if spec.kind == "municipality":
            return EmbedView("municipality", place.code, place_title(place.label), place.url, place)
        return EmbedView("prefecture", place.slug, place_title(place.name), urls.prefecture(place.slug), place)
    return None


# --- snippets and oEmbed -------------------------------------------------------------------------------------

def iframe_snippet(view: EmbedView, site_url: str) -> str:
    """The copy-ready ``<iframe>`` with a fixed height: works without our loader script."""
    return (f'<iframe src="{escape(absolute(site_url, view.url))}" title="{escape(view.frame_title)}" '
            f'width="100%" height="{view.height}" loading="lazy" referrerpolicy="{REFERRER_POLICY}" '
            f'sandbox="{SANDBOX}" style="border:0"></iframe>')


def loader_snippet(view: EmbedView, site_url: str) -> str:
    """A placeholder that ``embed.js`` turns into an auto-height iframe; without the script it stays a link.

    A page's 「このページを埋め込む」 block does not carry this text: ``showcase-embed-block.js`` writes the same
    text from the block's iframe snippet and :class:`EmbedCode`'s URLs (tests/browser/test_embeds.py compares them).
    """
    return (f'<div data-chiiki-embed="{escape(absolute(site_url, view.url))}" data-title="{escape(view.frame_title)}" '
            f'data-height="{view.height}"><a href="{escape(absolute(site_url, view.page_url))}">'
            f'{escape(view.title)}</a></div>\n'
            f'<script src="{escape(absolute(site_url, LOADER_PATH))}" async></script>')


def oembed_document(view: EmbedView, site_url: str, provider_name: str) -> str:
    """A static oEmbed 1.0 response (type "rich") for one embeddable page."""
    data: dict[str, Any] = {
        "version": "1.0", "type": "rich", "title": view.title,
        "provider_name": provider_name, "provider_url": absolute(site_url, ""),
        "html": iframe_snippet(view, site_url), "width": OEMBED_WIDTH, "height": view.height,
    }
    if view.kind in {"profile", "case"}:
        data.update(thumbnail_url=absolute(site_url, urls.og_card(view.kind, view.key)),
                    thumbnail_width=OG_CARD_SIZE[0], thumbnail_height=OG_CARD_SIZE[1])
    return json_text(data)


@dataclass(frozen=True)
class EmbedCode:
    """What a full page's 「このページを埋め込む」 block shows: the iframe snippet, and what its script needs to
    write the loader snippet (:func:`loader_snippet`) beside it."""

    view: EmbedView
    iframe: str
    page_url: str  # absolute: the loader snippet's fallback link
    loader_url: str  # absolute: embed.js
    embed_url: str  # absolute
    oembed_url: str  # absolute


def embed_code(view: EmbedView, site_url: str) -> EmbedCode:
    return EmbedCode(view, iframe_snippet(view, site_url), absolute(site_url, view.page_url),
                     absolute(site_url, LOADER_PATH), absolute(site_url, view.url),
                     absolute(site_url, view.oembed_path))


def embed_context(site_url: str, charts: Iterable[Any] = ()) -> dict[str, Callable[..., EmbedCode | None]]:
    """Template globals for the full pages: ``embed_for(spec)`` and ``chart_embed(chart_id)``."""
    by_id = {chart.id: EmbedView("chart", chart.id, chart.title, chart.page_url, chart) for chart in charts}

    def embed_for(spec: Any) -> EmbedCode | None:
        view = view_for_page(spec)
        return embed_code(view, site_url) if view else None

    def chart_embed(chart_id: str) -> EmbedCode | None:
        return embed_code(by_id[chart_id], site_url) if chart_id in by_id else None

    return {"embed_for": embed_for, "chart_embed": chart_embed}


# --- the views themselves ------------------------------------------------------------------------------------

def _newest_first(entries: list[Entry]) -> list[Entry]:
    return sorted(sorted(entries, key=lambda e: e.slug), key=lambda e: e.record.published, reverse=True)


def _render_view(view: EmbedView, catalog: Catalog, context: dict[str, Any], site_url: str) -> str:
    common = dict(view=view, catalog=catalog, canonical=absolute(site_url, view.page_url.split("#")[0]),
                  content_security_policy=EMBED_META_POLICY, **context)
    if view.kind in {"profile", "case"}:
        entry: Entry = view.subject
        photos = context.get("photos_for", {}).get(entry.source, [])
        summary = plain_text(entry.record.summary, 160) if entry.kind == "case" else ""
        return render_template(f"embed/{entry.kind}.html", view.url, entry=entry, record=entry.record,
                               photo=photos[0] if photos else None, summary=summary, **common)
    if view.kind in {"municipality", "prefecture"}:
        if view.kind == "municipality":
            profiles, cases = view.subject.profiles, view.subject.cases
        else:
            profiles = catalog.profiles_by_prefecture.get(view.subject.name, [])
            cases = catalog.cases_by_prefecture.get(view.subject.name, [])
        return render_template("embed/list.html", view.url, profiles=_newest_first(profiles),
                               cases=_newest_first(cases), limit=LIST_LIMIT, **common)
    return render_template("embed/chart.html", view.url, chart=view.subject, **common)


def render_embeds(catalog: Catalog, context: dict[str, Any] | None = None, *, site_url: str = "",
                  site_name: str = "chiiki-showcase", charts: Iterable[Any] = ()) -> dict[str, str]:
    """``{site-relative path: text}``: every embed view's ``index.html`` and its oEmbed JSON."""
    context = {key: value for key, value in (context or {}).items() if key not in {"site_url", "site_name"}}
    files: dict[str, str] = {}
    for view in embed_views(catalog, charts):
        files[f"{view.url}index.html"] = _render_view(view, catalog, dict(context, site_name=site_name), site_url)
        files[view.oembed_path] = oembed_document(view, site_url, site_name)
    return files
