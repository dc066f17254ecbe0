"""showcase.outputs.icon_sprite: pages reference icons; the sprite holds exactly the icons used, in a stable order."""

import re

import pytest

from showcase.outputs.icon_sprite import IconSprite, parse_icon, symbol_id

ICONS = {
    "material/github": ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 2A10 10 0 0 0 2 12"/>'
                        "</svg>\n"),
    "fontawesome/brands/git-alt": ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 448 512"><!--! licence -->'
                                   '<path d="M439.55 236.05"/></svg>'),
    "material/menu": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18v2H3z"/></svg>',
}


def _sprite(read=None) -> tuple[IconSprite, list[str]]:
    asked: list[str] = []

    def reader(name: str) -> str:
        asked.append(name)
        return ICONS[name]

    return IconSprite(read or reader), asked


def test_a_page_gets_a_reference_with_the_icons_own_view_box():
    sprite, _ = _sprite()
    assert sprite.use("material/github", "../../assets/images/icons.svg") == (
        '<svg viewBox="0 0 24 24"><use href="../../assets/images/icons.svg#material-github"/></svg>')
    assert 'viewBox="0 0 448 512"' in sprite.use("fontawesome/brands/git-alt", "icons.svg")


def test_the_sprite_holds_each_used_icon_once_sorted_and_read_once():
    sprite, asked = _sprite()
    for name in ("material/menu", "material/github", "material/menu", "material/github"):
        sprite.use(name, "icons.svg")
    text = sprite.text()
    assert asked == ["material/menu", "material/github"]
    assert re.findall(r'<symbol id="([^"]+)"', text) == ["material-github", "material-menu"]
    assert '<symbol id="material-github" viewBox="0 0 24 24"><path d="M12 2A10 10 0 0 0 2 12"/></symbol>' in text
    assert text.startswith('<svg xmlns="http://www.w3.org/2000/svg">') and text.endswith("</svg>\n")
    assert "fontawesome" not in text  # never used, never shipped


def test_the_same_icons_give_the_same_bytes_whatever_the_order():
    first, _ = _sprite()
    second, _ = _sprite()
    for name in ICONS:
        first.use(name, "a.svg")
    for name in reversed(list(ICONS)):
        second.use(name, "b.svg")
    assert first.text() == second.text()


def test_ids_are_safe_fragments():
    assert symbol_id("fontawesome/brands/git-alt") == "fontawesome-brands-git-alt"
    assert symbol_id("octicons/mark-github-16") == "octicons-mark-github-16"


def test_a_file_that_is_not_an_icon_is_refused():
    with pytest.raises(ValueError, match="material/broken"):
        parse_icon("material/broken", "<svg><path/></svg>")  # no viewBox
