"""Keyboard gate helpers: where the focus is, and whether a sighted keyboard user can see it."""

from __future__ import annotations

from dataclasses import dataclass

_STATE = """() => {
  // Finish running CSS transitions (the skip link fades in, the drawer slides): judge the settled state.
  document.getAnimations().forEach(animation => { try { animation.finish(); } catch (e) {} });
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const judge = (node) => {
    const style = getComputedStyle(node);
    const box = node.getBoundingClientRect();
    let hidden = false;
    for (let up = node; up && up.nodeType === 1; up = up.parentElement) {
      const s = getComputedStyle(up);
      if (s.visibility === 'hidden' || s.display === 'none' || parseFloat(s.opacity) === 0) { hidden = true; break; }
    }
    return {
      outline: style.outlineStyle !== 'none' && (style.outlineStyle === 'auto' || parseFloat(style.outlineWidth) >= 1),
      shadow: style.boxShadow !== 'none',
      hidden: hidden,
      onscreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
                && box.left < innerWidth && box.top < innerHeight,
    };
  };
  let result = judge(el);
  // A visually hidden radio or checkbox may show its focus on its label (Material's colour-scheme toggle does).
  if (result.hidden && el.tagName === 'INPUT') {
    const labels = [...(el.labels || [])];
    if (el.nextElementSibling && el.nextElementSibling.tagName === 'LABEL') labels.push(el.nextElementSibling);
    for (const label of labels) {
      const shown = judge(label);
      if (!shown.hidden && shown.onscreen && (shown.outline || shown.shadow)) { result = shown; break; }
    }
  }
  const name = (el.getAttribute('aria-label') || el.innerText || el.value || el.getAttribute('title') || '').trim();
  return Object.assign({
    tag: el.tagName.toLowerCase(), name: name.replace(/\\s+/g, ' ').slice(0, 40),
    path: el.id ? '#' + el.id
        : (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : el.tagName),
  }, result);
}"""


@dataclass(frozen=True)
class Focus:
    tag: str
    name: str
    path: str
    outline: bool
    shadow: bool
    hidden: bool
    onscreen: bool

    @property
    def visible(self) -> bool:
        """A focus indicator (outline or box shadow) on an element that is shown and on screen."""
        return (self.outline or self.shadow) and not self.hidden and self.onscreen

    def __str__(self) -> str:
        flags = [f for f, on in (("no indicator", not (self.outline or self.shadow)), ("hidden", self.hidden),
                                 ("off screen", not self.onscreen)) if on]
        return f"<{self.tag} {self.path}> “{self.name}”" + (f" [{', '.join(flags)}]" if flags else "")


def focus_state(page) -> Focus | None:
    """The focused element now, or None when focus is on the page itself."""
    raw = page.evaluate(_STATE)
    return Focus(**raw) if raw else None


def tab(page, key: str = "Tab") -> Focus | None:
    page.keyboard.press(key)
    return focus_state(page)


def walk_focus(page, max_steps: int = 150) -> list[Focus]:
    """Press Tab from the top of the page until focus leaves the page or comes round again (or ``max_steps``);
    every element focused on the way."""
    stops: list[Focus] = []
    for _ in range(max_steps):
        state = tab(page)
        if state is None or (stops and state == stops[0]):
            break
        stops.append(state)
    return stops
