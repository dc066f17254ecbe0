"""Record cards rendered once per build, then placed in every listing and "related" section that shows them.

At 10,000 records the listings and record pages show about 200,000 cards; rendering each through Jinja was most
of our page time.  A card's HTML depends on the page only through its links (the record and its thumbnail), so the
card is rendered once with a marker before each URL, and each page swaps in its own relative links: the output is
byte for byte the same.
"""

from __future__ import annotations

from markupsafe import Markup

from showcase.catalog.indexes import Catalog
from showcase.check.collection import Entry
from showcase.render.environment import environment, relative_url

MARK = "\x00"  # never in escaped template output or in a record's URL
TEMPLATES = {"profile": "partials/profile-card.html", "case": "partials/case-card.html"}


class Cards:
    """``cards(item, page_url)`` in a template: the card of ``item`` for the page at ``page_url``."""

    def __init__(self, catalog: Catalog, photos_for: dict | None = None) -> None:
        self.catalog = catalog
        self.photos_for = photos_for or {}
        self._html: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {}

    def __call__(self, item: Entry, page_url: str) -> Markup:
        key = (item.kind, item.slug)
        cached = self._html.get(key)
        if cached is None:
            targets: list[str] = []
            html = render_card(item, self.catalog, self.photos_for, lambda target: targets.append(target) or MARK + target)
            cached = self._html[key] = (html, tuple(dict.fromkeys(targets)))
        html, targets = cached
        for target in targets:
            html = html.replace(MARK + target, relative_url(target, page_url))
        return Markup(html)


def render_card(item: Entry, catalog: Catalog, photos_for: dict, url) -> str:
    """One card, its links made by ``url(target)``: the listings' and the home page's card of a record."""
    return environment().get_template(TEMPLATES[item.kind]).render(
        url=url, item=item, catalog=catalog, thumb=(photos_for.get(item.source) or [None])[0])
