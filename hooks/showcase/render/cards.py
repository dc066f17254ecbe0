"""Record cards rendered once per build, then placed in every listing and "related" section that shows them.

At 10,000 records the listings and record pages show about 200,000 cards; rendering each through Jinja was most
of our page time.  A card's HTML depends on the page only through its link, so the card is rendered once with a
marker before its URL, and each page swaps in its own relative link: the output is byte for byte the same.
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

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._html: dict[tuple[str, str], str] = {}

    def __call__(self, item: Entry, page_url: str) -> Markup:
        key = (item.kind, item.slug)
        html = self._html.get(key)
        if html is None:
            html = self._html[key] = environment().get_template(TEMPLATES[item.kind]).render(
                url=lambda target: MARK + target, item=item, catalog=self.catalog)
        placed = html.replace(MARK + item.url, relative_url(item.url, page_url))
        if MARK in placed:  # a card template linked somewhere else: render it for this page instead
            placed = environment().get_template(TEMPLATES[item.kind]).render(
                url=lambda target: relative_url(target, page_url), item=item, catalog=self.catalog)
        return Markup(placed)
