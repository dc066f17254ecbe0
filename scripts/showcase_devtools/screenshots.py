"""Screenshots of a built site as visitors see it: each page at 375 and 1280 px wide, light and dark, in Debian's
Chromium (never a downloaded browser).  For looking at what we built before calling a page done.

    scripts/screenshots SITE_DIR [--out DIR] [--page NAME=PATH ...] [--form]

``--page home=`` ``--page filtered='profiles/?都道府県=長野県&並び順=五十音'`` … names each shot; ``--form`` adds the
profile form empty, with errors (「確認して YAML を作る」 pressed on an empty form) and filled from a published record
(``contribute/profile/?from=<first profile>``).  PNGs go to ``--out`` (default ``/tmp/showcase-screenshots``),
never into the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from showcase_devtools.search_probe import SiteServer, launch

WIDTHS = (375, 1280)
SCHEMES = ("light", "dark")


def _form_shots(site: Path) -> list[tuple[str, str, str]]:
    """(name, path, action) for the contribute form: empty, with errors, and filled from a published record."""
    profiles = json.loads((site / "data" / "profiles.json").read_text(encoding="utf-8"))["profiles"]
    shots = [("form-empty", "contribute/profile/", ""), ("form-errors", "contribute/profile/", "make")]
    if profiles:
        shots.append(("form-filled", f"contribute/profile/?from={profiles[0]['slug']}", "filled"))
    return shots


def take(site: Path, out: Path, pages: list[tuple[str, str]], form: bool) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    shots = [(name, path, "") for name, path in pages] + (_form_shots(site) if form else [])
    written = []
    with SiteServer(site) as server, sync_playwright() as playwright:
        browser = launch(playwright)
        for scheme in SCHEMES:
            for width in WIDTHS:
                context = browser.new_context(locale="ja-JP", color_scheme=scheme, viewport={"width": width, "height": 900})
                page = context.new_page()
                for name, path, action in shots:
                    page.goto(server.url + path, wait_until="networkidle")
                    if action == "make":
                        page.click('button[data-contribute="make"]')
                    elif action == "filled":
                        page.locator('[data-contribute="from-status"]').get_by_text("読み込みました").wait_for()
                    target = out / f"{name}-{width}-{scheme}.png"
                    page.screenshot(path=str(target), full_page=True)
                    written.append(target)
                context.close()
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site (scripts/build --site-dir DIR)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/showcase-screenshots"))
    parser.add_argument("--page", action="append", default=[], metavar="NAME=PATH",
                        help="a page to shoot, site-relative (default: home=)")
    parser.add_argument("--form", action="store_true", help="also the profile form: empty, with errors, filled")
    args = parser.parse_args(argv)
    pages = [tuple(item.split("=", 1)) for item in args.page] or [("home", "")]
    for path in take(args.site.resolve(), args.out, pages, args.form):  # type: ignore[arg-type]
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
