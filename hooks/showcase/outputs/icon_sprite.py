"""Theme icons by reference: one SVG sprite file instead of the same inline ``<svg>`` on every page.

Material's templates paste each icon's full path data into every page (the GitHub mark alone is ~900 bytes, and
the header and the navigation drawer both carry it).  Here a page gets ``<svg viewBox=…><use href=…#id/></svg>``
(~90 bytes) and the browser loads the paths once, from the sprite, which the cache keeps across pages.  The sprite
holds exactly the icons the build's pages asked for, in a stable order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Callable

_SVG = re.compile(r"<svg\b(?P<attrs>[^>]*)>(?P<body>.*)</svg>\s*$", re.S)
_VIEW_BOX = re.compile(r'\bviewBox="(?P<value>[^"]+)"')


@dataclass(frozen=True)
class Symbol:
    id: str  # "material-github" for the icon "material/github"
    view_box: str
    body: str  # the icon's inner SVG markup, as the icon set ships it


def symbol_id(name: str) -> str:
    """The sprite id of an icon name such as ``material/github`` or ``fontawesome/brands/git-alt``."""
    return re.sub(r"[^a-z0-9-]+", "-", name.lower()).strip("-")


def parse_icon(name: str, svg: str) -> Symbol:
    """An icon file's ``viewBox`` and inner markup (ValueError when it is not a single ``<svg>`` element)."""
    match = _SVG.search(svg.strip())
    view_box = _VIEW_BOX.search(match.group("attrs")) if match else None
    if match is None or view_box is None:
        raise ValueError(f"{name}: not an icon (an <svg> with a viewBox)")
    return Symbol(symbol_id(name), view_box.group("value"), match.group("body").strip())


class IconSprite:
    """Collects the icons a build uses; ``read(name)`` returns an icon file's SVG text."""

    def __init__(self, read: Callable[[str], str]) -> None:
        self._read = read
        self._symbols: dict[str, Symbol] = {}

    def use(self, name: str, sprite_url: str) -> str:
        """The inline markup that shows icon ``name`` from the sprite at ``sprite_url`` (page-relative)."""
        symbol = self._symbols.get(name)
        if symbol is None:
            symbol = self._symbols[name] = parse_icon(name, self._read(name))
        return f'<svg viewBox="{escape(symbol.view_box)}"><use href="{escape(sprite_url)}#{symbol.id}"/></svg>'

    def text(self) -> str:
        """The sprite file: one ``<symbol>`` per icon used, sorted by id (the same bytes for the same icons)."""
        symbols = sorted(self._symbols.values(), key=lambda symbol: symbol.id)
        lines = [f'<symbol id="{s.id}" viewBox="{escape(s.view_box)}">{s.body}</symbol>' for s in symbols]
        return '<svg xmlns="http://www.w3.org/2000/svg">\n' + "\n".join(lines) + "\n</svg>\n"
