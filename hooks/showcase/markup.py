"""Contributor text to HTML: a safe Markdown subset, sanitised again after rendering.

Long text fields allow paragraphs, emphasis, lists, quotes, code and links.
Raw HTML, images, headings and attribute syntax are not part of the subset;
links survive only for https and mailto.  The rendered HTML then goes through
nh3 (the ammonia sanitiser) with an allow-list, so a parser quirk cannot let
markup through.
"""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

ALLOWED_SCHEMES = ("https:", "mailto:")
_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "code", "a"}


def _validate_link(url: str) -> bool:
    return url.strip().lower().startswith(ALLOWED_SCHEMES)


_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False, "breaks": True})
_md.disable(["image", "heading", "lheading", "html_block", "html_inline", "code", "fence", "hr", "reference"])
_md.validateLink = _validate_link


def render_markdown(text: str) -> Markup:
    """Render the safe subset of Markdown; the result is safe to insert as HTML."""
    html = _md.render(text)
    clean = nh3.clean(
        html,
        tags=_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"https", "mailto"},
        link_rel="nofollow noopener noreferrer ugc",
        strip_comments=True,
    )
    return Markup(clean)


def obfuscate_email(address: str) -> Markup:
    """Each character as a numeric entity: a person's browser and screen reader read it as usual,
    while scrapers that grep the HTML for addresses find nothing."""
    return Markup("".join(f"&#{ord(char)};" for char in address))


def plain_text(text: str, limit: int = 120) -> str:
    """A one-line summary of Markdown text (for meta descriptions), escaped by the caller."""
    flat = " ".join(text.replace("**", "").replace("__", "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


__all__ = ["render_markdown", "obfuscate_email", "plain_text", "escape"]
