"""MkDocs adapter: repairs to Material's markup in places its templates offer no block to override.

Each repair is an exact string replacement in the finished page; the quality gates (tests/gates) fail if Material
changes the markup and a repair stops applying, because the Nu Html Checker then reports the original error again.
Listed with reasons on docs/accessibility.md (既知の例外と対処).
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

# base.html: ``autocomplete`` is not allowed on checkboxes (HTML: only on text-like inputs).  Material sets it on the
# hidden drawer/search toggles so that Firefox does not restore their state on reload; without it, the worst case is
# a drawer that reopens after a reload in Firefox.
_TOGGLES = tuple(f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}"'
                 for name in ("drawer", "search"))
# partials/nav-item.html: section labels get ``tabindex=""`` (an empty integer); no attribute means the same.
_EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*"[^>]*?) tabindex=""')
# partials/toc.html: the table of contents' title is ``<label for="__toc">``, but the ``__toc`` checkbox is rendered
# only for pages in the nav; on a page outside it (docs/accessibility.md) the label points at nothing.
_TOC_LABEL = '<label class="md-nav__title" for="__toc">'


# Python-Markdown's toc permalinks (mkdocs.yml: permalink_title): named in Japanese for screen readers, and out of
# the tab order, so a keyboard user does not pass a ¶ before each heading's content.
_HEADERLINK = re.compile(r'<a class="headerlink" (href="#[^"]*") title="([^"]*)">')


def repair_material_markup(html: str) -> str:
    """The page with Material's invalid attributes removed (cheap substring tests first: this runs on every page)."""
    for toggle in _TOGGLES:
        html = html.replace(toggle + ' autocomplete="off">', toggle + ">")
    if 'tabindex=""' in html:
        html = _EMPTY_TABINDEX.sub(r"\1", html)
    if 'class="headerlink"' in html:
        html = _HEADERLINK.sub(r'<a class="headerlink" \1 title="\2" aria-label="\2" tabindex="-1">', html)
    if _TOC_LABEL in html and 'id="__toc"' not in html:
        html = html.replace(_TOC_LABEL, '<label class="md-nav__title">')
    return html


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return repair_material_markup(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Static templates (the 404 page) are not pages: repair them here."""
    return repair_material_markup(output_content) if template_name.endswith(".html") else output_content
