"""What the search index holds: each searchable page's plain text, and the terms Pagefind indexes for it.

Japanese has no spaces between words, and a word segmenter at index time (Pagefind extended: Lindera/IPADIC)
and another at query time (the browser's ``Intl.Segmenter``: ICU) split the same text differently, so some
pages could never be found (a compound glued to a place name, 古民家 after 〜市).  Instead, every run of
Japanese characters is indexed as its overlapping two-character pieces (bigrams: 古民家再生 → 古民 民家 家再
再生), and ``showcase-pagefind.js`` turns a query into the same pieces before asking Pagefind.  Both sides use
this one rule, so whatever a visitor types that appears in a page's text finds that page.  Latin words and
numbers stay whole.  Keep :func:`search_terms` and ``terms()`` in showcase-pagefind.js identical
(``tests/browser/test_search_terms.py`` compares them).
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

# Hiragana, katakana (with ー), CJK ideographs (incl. extension A, compatibility, 々〆〇, ヶ) and the supplementary
# ideograph planes.  The same class is written out in showcase-pagefind.js.
_CJK = "\u3005-\u3007\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_TOKEN = re.compile(f"([{_CJK}]+)|(?:(?![{_CJK}])[^\\W_])+")  # a Japanese run (group 1), or other letters and digits


def search_terms(text: str) -> str:
    """The space-separated terms Pagefind indexes for ``text`` (or a query must ask for)."""
    normal = unicodedata.normalize("NFKC", text).lower()
    terms: list[str] = []
    for match in _TOKEN.finditer(normal):
        token = match.group()
        if match.group(1) and len(token) > 1:
            terms.extend(token[i:i + 2] for i in range(len(token) - 1))
        else:
            terms.append(token)
    return " ".join(terms)


def markdown_text(text: str) -> str:
    """Plain text of the Markdown subset allowed in long fields: link labels kept, URLs and markers dropped."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", text, flags=re.M)
    return " ".join(text.replace("**", "").replace("__", "").split())


class _TextOf(HTMLParser):
    """Text of an HTML fragment, without scripts, styles and elements marked ``data-pagefind-ignore``."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
    SKIPPED = frozenset({"script", "style", "template", "noscript", "svg"})
    BLOCKS = frozenset({"p", "div", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "tr", "section",
                        "article", "figcaption", "caption", "blockquote", "br", "summary"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[str] = []
        self.skip_depth = 0  # > 0 while inside a skipped element

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:
            self.parts.append(" ")
        if tag in self.VOID:
            return
        self.stack.append(tag)
        if self.skip_depth or tag in self.SKIPPED or any(name == "data-pagefind-ignore" for name, _ in attrs):
            self.skip_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.stack:
            return  # a stray end tag
        while self.stack:
            open_tag = self.stack.pop()
            if self.skip_depth:
                self.skip_depth -= 1
            if open_tag == tag:
                break
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)


def html_text(html: str) -> str:
    """The visible text of a hand-written page's body, in one line."""
    parser = _TextOf()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


__all__ = ["search_terms", "markdown_text", "html_text"]
