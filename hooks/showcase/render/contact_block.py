"""The operator's contact block in a hand-written page (``<!-- showcase: contact -->`` on docs/about.md).

Apart from :mod:`showcase.render.corrections` because it renders a template, and the Jinja environment offers
``correction_mailto`` to every template: this way the two do not import each other.
"""

from __future__ import annotations

from urllib.parse import quote

from showcase.render.corrections import CONTACT_MARKER, Contact
from showcase.render.environment import render_template


def expand_contact_marker(html: str, page_url: str, contact: Contact | None) -> str:
    """Replace ``<!-- showcase: contact -->`` in a hand-written page with the operator's contact block."""
    if contact is None or not CONTACT_MARKER.search(html):
        return html
    block = render_template("partials/contact.html", page_url, contact=contact,
                            general_mailto=f"mailto:{contact.email}?subject={quote('サイトへのお問い合わせ', safe='')}"
                            if contact.email else "")
    return CONTACT_MARKER.sub(lambda _match: block, html)
