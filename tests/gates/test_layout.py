"""Phone first: every page kind at 320, 375 and 1280 px in Chromium, on the gate site.

- no page scrolls sideways;
- no chart or map box is cut off or scrolls: it fits its column (the compact layout on a phone);
- a table's wrapper scrolls only when the table is wider than the phone, and its caption text stays in view then;
- every table has rules between its rows (a computed border on its body cells);
- every map tile is at least 24 × 24 CSS px and the 47 tiles are one skip link away;
- a chart embed's plain iframe height (estimated at build time, outputs/embed_charts.py) holds the whole view at
  375 px, and is not far above it.
"""

from __future__ import annotations

import json

import pytest

from tests.gates.views import new_context

pytestmark = pytest.mark.browser

WIDTHS = [320, 375, 1280]

# Everything a page can show sideways: the document, and each chart, map and table box against its column.
_LAYOUT = """() => {
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const out = {page: [document.documentElement.scrollWidth, innerWidth], boxes: [], tables: []};
  for (const svg of document.querySelectorAll('svg.cs-chart')) {
    if (!shown(svg)) continue;
    const box = svg.getBoundingClientRect(), column = svg.parentElement.getBoundingClientRect();
    let clipped = null;
    for (let el = svg.parentElement; el && el !== document.body; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (/(auto|scroll|hidden)/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1) clipped = el.className;
    }
    out.boxes.push({id: svg.id, left: box.left, right: box.right, column: column.right, clipped,
                    font: Math.max(0, ...[...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect().height))});
  }
  for (const table of document.querySelectorAll('.md-typeset table, .ce table')) {
    if (!shown(table)) continue;
    const wrap = table.closest('.cs-table-scroll, .md-typeset__scrollwrap');
    const cell = table.querySelector('tbody td, tbody th');
    const caption = table.querySelector('.cs-table__caption');
    let captionBox = null;
    if (wrap && caption && wrap.scrollWidth > wrap.clientWidth + 1) {
      wrap.scrollLeft = wrap.scrollWidth;
      const c = caption.getBoundingClientRect(), w = wrap.getBoundingClientRect();
      captionBox = {left: c.left - w.left, right: w.right - c.right};
      wrap.scrollLeft = 0;
    }
    out.tables.push({id: table.id || (caption && caption.textContent) || table.className,
                     wrapped: !!wrap, scrolls: wrap ? wrap.scrollWidth > wrap.clientWidth + 1 : false,
                     wrapWidth: wrap ? wrap.clientWidth : 0, tableWidth: table.getBoundingClientRect().width,
                     rule: cell ? getComputedStyle(cell).borderTopStyle + '/' + getComputedStyle(cell).borderBottomStyle : 'none',
                     captionBox});
  }
  return out;
}"""


def _open_all_details(page) -> None:
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")


def _kinds(gate_site) -> list[str]:
    return sorted(gate_site.kinds.values())


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_kind_scrolls_sideways_or_cuts_a_chart_or_table(gate_browser, gate_site, gate_server, width):
    urls = _kinds(gate_site)
    assert any(u.startswith("statistics") for u in urls) and any(u.startswith("embed/charts/") for u in urls)

    def run(browser):
        problems = []
        context = new_context(browser, width=width)
        try:
            page = context.new_page()
            for url in urls:
                page.goto(gate_server + url, wait_until="load")
                _open_all_details(page)
                found = page.evaluate(_LAYOUT)
                scroll, inner = found["page"]
                if scroll > inner:
                    problems.append(f"{url}: the page is {scroll} px wide in a {inner} px window")
                for box in found["boxes"]:
                    if box["clipped"] or box["right"] > box["column"] + 1 or box["left"] < 0:
                        problems.append(f"{url}: chart {box['id']} is cut off or scrolls: {box}")
                    if box["font"] > 24:
                        problems.append(f"{url}: chart {box['id']} draws text {box['font']:.0f} px tall")
                for table in found["tables"]:
                    if not table["rule"].startswith("solid") and "solid" not in table["rule"]:
                        problems.append(f"{url}: table {table['id']!r} has no rules between rows ({table['rule']})")
                    if table["scrolls"]:
                        if table["tableWidth"] <= table["wrapWidth"] + 1:
                            problems.append(f"{url}: table {table['id']!r} scrolls though it fits")
                        caption = table["captionBox"]
                        if caption is not None and (caption["left"] < -1 or caption["right"] < -1):
                            problems.append(f"{url}: table {table['id']!r} scrolled its caption out of view: {caption}")
        finally:
            context.close()
        return problems

    problems = gate_browser.run(run)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [320, 1280])
def test_map_tiles_are_tappable_and_one_skip_link_away(gate_browser, gate_site, gate_server, width):
    def run(browser):
        context = new_context(browser, width=width)
        try:
            page = context.new_page()
            page.goto(gate_server + "prefectures/", wait_until="load")
            sizes = page.evaluate("""[...document.querySelectorAll('a.cs-tile-link')].filter(a => a.getClientRects().length)
                .map(a => { const r = a.getBoundingClientRect(); return [r.width, r.height, r.right <= innerWidth]; })""")
            page.locator("a.cs-skip-map").focus()
            page.keyboard.press("Enter")
            page.keyboard.press("Tab")
            after = page.evaluate("document.activeElement.closest('svg') === null && !!document.activeElement.closest('#prefecture-table')")
            return sizes, after
        finally:
            context.close()

    sizes, after = gate_browser.run(run)
    assert len(sizes) == 47  # one layout shown, every prefecture in it
    assert all(w >= 24 and h >= 24 and inside for w, h, inside in sizes), sizes
    assert after, "the skip link does not lead past the 47 tiles"


def test_a_chart_embeds_plain_iframe_holds_the_whole_view_at_375_px(gate_browser, gate_site, gate_server):
    embeds = sorted(u for u in gate_site.path.joinpath("embed", "charts").iterdir() if u.is_dir())
    oembed = {path.name: json.loads((gate_site.path / "oembed" / "charts" / f"{path.name}.json").read_text(encoding="utf-8"))
              for path in embeds}
    heights = {name: data["height"] for name, data in oembed.items()}
    assert all(f'height="{data["height"]}"' in data["html"] for data in oembed.values())

    def run(browser):
        context = new_context(browser, width=375)
        try:
            page = context.new_page()
            found = {}
            for name in heights:
                page.goto(gate_server + f"embed/charts/{name}/", wait_until="load")
                found[name] = page.evaluate("Math.ceil(document.querySelector('.ce').getBoundingClientRect().height)")
            return found
        finally:
            context.close()

    measured = gate_browser.run(run)
    short = {name: (heights[name], measured[name]) for name in heights if heights[name] < measured[name]}
    assert not short, f"iframe height below the view's height at 375 px (snippet, measured): {short}"
    loose = {name: (heights[name], measured[name]) for name in heights if heights[name] > measured[name] + 160}
    assert not loose, f"iframe height far above the view's height (snippet, measured): {loose}"
