"""MkDocs adapter: theme icons from one sprite file (``showcase.outputs.icon_sprite``), for lighter pages.

``overrides/`` calls ``showcase_icon(name)`` wherever Material would include ``.icons/<name>.svg`` inline; after the
pages are written, the sprite holding the icons they used goes to ``assets/images/icons.svg``.  The sprite lives
on this build's config and Jinja environment only.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.utils.templates import url_filter

from showcase.outputs.files import write_site_files
from showcase.outputs.icon_sprite import IconSprite

SPRITE_PATH = "assets/images/icons.svg"
SPRITE_KEY = "showcase_icons"


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    loader = env.loader
    assert loader is not None  # MkDocs always gives the theme environment a loader
    sprite = IconSprite(lambda name: loader.get_source(env, f".icons/{name}.svg")[0])
    config[SPRITE_KEY] = sprite

    @pass_context
    def showcase_icon(context: Context, name: str) -> Markup:
        return Markup(sprite.use(name, url_filter(context, SPRITE_PATH)))

    env.globals["showcase_icon"] = showcase_icon
    return env


def on_post_build(*, config: MkDocsConfig) -> None:
    write_site_files(Path(config.site_dir), {SPRITE_PATH: config[SPRITE_KEY].text()})
