"""Repairs to Material's markup in places its templates offer no block to override (engine-independent text edits).

Each repair is an exact string replacement in the finished page; the quality gates (tests/gates) fail if Material
changes the markup and a repair stops applying, because the Nu Html Checker then reports the original error again.
Listed with reasons on docs/accessibility.md (既知の例外と対処).  The MkDocs adapter applies it to every page and
to the static templates (the 404 page).
"""

from __future__ import annotations

import re


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
