"""Pages written for the public link the first use of every glossary term to its entry (docs/glossary.md).

The links are plain Markdown, written by hand; this test keeps them complete.  A term counts where a reader meets
it in running text: headings, the front matter, citations (a title is quoted as printed) and the text of other
links (which cannot hold a second link) do not count.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
GLOSSARY = DOCS / "glossary.md"
PUBLIC_PAGES = sorted([DOCS / "index.md", DOCS / "about.md", DOCS / "privacy.md", *(DOCS / "programmes").glob("*.md")])
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def glossary_terms() -> dict[str, str]:
    """Term → anchor, from headings like ``### 自治会・町内会 {#jichikai}`` (「・」 separates terms, 「（」 starts a gloss)."""
    terms = {}
    for heading, anchor in re.findall(r"^###\s+(.+?)\s+\{#([a-z0-9-]+)\}\s*$", GLOSSARY.read_text(encoding="utf-8"), re.M):
        for term in heading.split("（")[0].split("・"):
            terms[term.strip()] = anchor
    return terms


def running_text(markdown: str) -> str:
    """The page's body with glossary links as ``⟦anchor:text⟧`` and every other link's text removed."""
    body = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    body = "\n".join(line for line in body.splitlines()
                     if not line.lstrip().startswith("#") and not line.lstrip("- ").startswith("出典："))

    def link(match: re.Match) -> str:
        text, target = match.groups()
        if "glossary.md#" in target:
            return f"⟦{target.split('#', 1)[1]}:{text}⟧"
        return ""

    return LINK.sub(link, body)


def first_use_problems(markdown: str, terms: dict[str, str]) -> list[str]:
    text = running_text(markdown)
    problems = []
    for term, anchor in terms.items():
        plain = [m.start() for m in re.finditer(re.escape(term), re.sub(r"⟦[^⟧]*⟧", lambda m: "□" * len(m.group()), text))]
        linked = [m.start() for m in re.finditer(r"⟦" + re.escape(anchor) + r":[^⟧]*" + re.escape(term) + r"[^⟧]*⟧", text)]
        if plain and (not linked or plain[0] < linked[0]):
            problems.append(f"「{term}」の最初の使用が用語集（#{anchor}）へのリンクになっていません")
    return problems


def test_the_glossary_defines_the_terms_the_issue_names():
    terms = glossary_terms()
    for term in ("特別交付税", "措置率", "普通交付税", "認可地縁団体", "随意契約", "地域運営組織", "地域おこし協力隊"):
        assert term in terms, term


@pytest.mark.parametrize("page", PUBLIC_PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_first_use_of_each_term_links_to_the_glossary(page):
    assert first_use_problems(page.read_text(encoding="utf-8"), glossary_terms()) == []


def test_glossary_links_point_at_entries_that_exist():
    anchors = set(glossary_terms().values())
    for page in PUBLIC_PAGES:
        for _text, target in LINK.findall(page.read_text(encoding="utf-8")):
            if "glossary.md#" in target:
                assert target.split("#", 1)[1] in anchors, (page.name, target)


def test_the_check_fails_on_an_unlinked_first_use():
    terms = {"特別交付税": "tokubetsu-kofuzei"}
    assert first_use_problems("特別交付税の話。[特別交付税](glossary.md#tokubetsu-kofuzei)", terms)
    assert not first_use_problems("[特別交付税](glossary.md#tokubetsu-kofuzei)の話。特別交付税。", terms)
    assert not first_use_problems("## 特別交付税\n[特別交付税](glossary.md#tokubetsu-kofuzei)", terms)


def test_record_pages_link_into_entries_that_exist():
    from showcase.content.vocab import GLOSSARY_ANCHORS

    anchors = set(glossary_terms().values())
    for term, anchor in GLOSSARY_ANCHORS.items():
        assert anchor in anchors and glossary_terms()[term] == anchor, term
