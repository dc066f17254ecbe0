"""Contributor text to HTML: a safe Markdown subset, sanitised again after rendering.

Long text fields allow paragraphs, emphasis, lists, quotes, code and links.
Raw HTML, images, headings and attribute syntax are not part of the subset;
links survive only for https and mailto.  The rendered HTML then goes through
nh3 (the ammonia sanitiser) with an allow-list, so a parser quirk cannot let
markup through.
"""

from __future__ import annotations

import re

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


# Plain prose fast path.  Most contributor text is paragraphs separated by blank lines with
# single line breaks inside, and no Markdown at all.  For such text markdown-it + nh3 amount to
# "<p>line<br>\nline</p>\n" per paragraph with every character passed through unchanged, so
# it is built directly.  The checks refuse more than strictly needed; whatever they refuse takes
# the full path (tests/unit/test_markup.py compares the two paths).
_NOT_PLAIN_CHAR = re.compile(
    # C0/C1 controls except \n (NUL and \r are rewritten), U+00A0 (nh3 writes &nbsp;) and lone
    # surrogates (the full path raises on them).
    r"[\x00-\x09\x0b-\x1f\x7f-\xa0\ud800-\udfff"
    # ASCII punctuation that starts Markdown, HTML or an entity (& < > are also escaped), or is
    # close to it; . , : ; ? ' " ( ) / % @ are plain text without linkify and typographer.
    r"!#$&*+<=>\[\\\]^_`{|}~-]"
)
_LIST_MARKER = re.compile(r"[0-9]+[.)]")  # "1." or "1)" starts an ordered list


def _render_plain(text: str) -> Markup | None:
    """What the full path outputs for plain prose, or None if `text` might not be plain."""
    if _NOT_PLAIN_CHAR.search(text):
        return None
    html: list[str] = []
    paragraph: list[str] = []
    for line in text.split("\n") + [""]:  # the extra blank line closes the last paragraph
        if not line:
            if paragraph:
                html.append("<p>" + "<br>\n".join(paragraph) + "</p>\n")
                paragraph = []
        # markdown-it trims whitespace at a line's ends (ASCII spaces anywhere, U+3000 and other
        # Unicode spaces at a paragraph's start and end), and a line of spaces is blank.
        elif line[0].isspace() or line[-1].isspace():
            return None
        elif line[0] in "0123456789" and _LIST_MARKER.match(line):
            return None
        else:
            paragraph.append(line)
    return Markup("".join(html))


def render_markdown(text: str) -> Markup:
    """Render the safe subset of Markdown; the result is safe to insert as HTML."""
    plain = _render_plain(text)
    return plain if plain is not None else _render_markdown_full(text)


def _render_markdown_full(text: str) -> Markup:
    """markdown-it, then nh3: the general path, kept separate so tests can compare the two."""
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
