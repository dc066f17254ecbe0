"""Contributor text to HTML: a safe Markdown subset, sanitised again after rendering.

Long text fields allow paragraphs, emphasis, lists, quotes, code and links.
Raw HTML, images, headings and attribute syntax are not part of the subset;
links survive only for https and mailto.  The rendered HTML then goes through
nh3 (the ammonia sanitiser) with an allow-list, so a parser quirk cannot let
markup through.
"""

from __future__ import annotations

import re
import unicodedata

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
# single line breaks inside, now and then a short list of "- " items or a **bold** word, and no
# other Markdown.  For such text markdown-it + nh3 amount to "<p>line<br>\nline</p>\n" per
# paragraph, "<ul>\n<li>item</li>\n</ul>\n" per list and <strong> for each pair of "**", with
# every other character passed through unchanged, so it is built directly.  The checks refuse
# more than strictly needed; whatever they refuse takes the full path (tests/unit/test_markup.py
# compares the two paths).
_NOT_PLAIN_CHAR = re.compile(
    # C0/C1 controls except \n (NUL and \r are rewritten), U+00A0 (nh3 writes &nbsp;) and lone
    # surrogates (the full path raises on them).
    r"[\x00-\x09\x0b-\x1f\x7f-\xa0\ud800-\udfff"
    # ASCII punctuation that starts Markdown, HTML or an entity (& < > are also escaped), or is
    # close to it; . , : ; ? ' " ( ) / % @ are plain text without linkify and typographer.
    r"!#$&*+<=>\[\\\]^_`{|}~-]"
)
_LIST_MARKER = re.compile(r"[0-9]+[.)]")  # "1." or "1)" starts an ordered list
_ITEM = "- "  # the one list marker the fast path takes: a dash and one space
_STRONG = "**"  # the one emphasis it takes, in pairs on one line


def _strong_edge(char: str) -> bool:
    """Whether "**" beside ``char`` inside the pair opens or closes it whatever stands outside: not whitespace
    (Z, or a control such as a tab), punctuation or a symbol (CommonMark's flanking rules; its recent versions count
    symbols as punctuation, markdown-it-py 4.3 does not yet: refused either way)."""
    return unicodedata.category(char)[0] not in "PSZC"


def _inline(line: str) -> str | None:
    """The line with each pair of "**" as <strong>; None if markdown-it might pair them otherwise."""
    if _STRONG not in line:
        return line
    parts = line.split(_STRONG)
    # An unpaired "**", or "****" between two pairs (one run of four, not two of two); a lone "*" never gets here.
    if len(parts) % 2 == 0 or not all(parts[2:-1:2]):
        return None
    for inner in parts[1::2]:
        if not inner or not (_strong_edge(inner[0]) and _strong_edge(inner[-1])):
            return None
    return "".join(part if index % 2 == 0 else f"<strong>{part}</strong>" for index, part in enumerate(parts))


def _plain_line(line: str) -> bool:
    """A line markdown-it passes through as it is: no whitespace at its ends (it trims ASCII
    spaces anywhere, U+3000 and other Unicode spaces at a paragraph's start and end), and no
    ordered-list marker at its start."""
    return not (line[0].isspace() or line[-1].isspace() or (line[0] in "0123456789" and _LIST_MARKER.match(line)))


def _render_plain(text: str) -> Markup | None:
    """What the full path outputs for plain prose, tight "- " lists and "**" pairs, or None if `text` might be more."""
    # The dash of each "- " at a line's start is the list marker, and "**" may pair (_inline checks how); any other
    # dash or star refuses.
    probe = ("\n" + text).replace("\n" + _ITEM, "\n") if text.startswith(_ITEM) or "\n" + _ITEM in text else text
    if _NOT_PLAIN_CHAR.search(probe.replace(_STRONG, "")):
        return None
    html: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []
    list_ended = False  # a list, then only blank lines: another list here would make both one loose list
    for line in text.split("\n") + [""]:  # the extra blank line closes the last paragraph or list
        if not line:
            if paragraph:
                html.append("<p>" + "<br>\n".join(paragraph) + "</p>\n")
                paragraph = []
            elif items:
                html.append("<ul>\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>\n")
                items = []
                list_ended = True
        elif line.startswith(_ITEM):
            # Only a list after a blank line, of one-line items: markdown-it would let it interrupt
            # a paragraph, nest a list in an item, or continue an item on the next line.
            item = _inline(line[len(_ITEM):])
            if paragraph or list_ended or not item or not _plain_line(item):
                return None
            items.append(item)
        elif items or not _plain_line(line):  # a line right after an item continues it
            return None
        else:
            inline = _inline(line)
            if inline is None:
                return None
            paragraph.append(inline)
            list_ended = False
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
