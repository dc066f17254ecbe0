"""Accessibility gate: axe-core (from npm, node_modules/axe-core) injected into a page in Debian's Chromium."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")

_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return {
    version: axe.version,
    passes: result.passes.map(rule => rule.id),
    incomplete: result.incomplete.map(rule => rule.id),
    violations: result.violations.map(rule => ({
      id: rule.id, impact: rule.impact, help: rule.help,
      nodes: rule.nodes.map(node => ({target: node.target.join(' '), summary: node.failureSummary || ''})),
    })),
  };
}"""


@dataclass(frozen=True)
class AxeReport:
    version: str
    passes: tuple[str, ...]  # rule ids with no violation on this page
    violations: tuple[dict, ...]  # {id, impact, help, nodes: [{target, summary}]}

    def describe(self) -> str:
        lines = []
        for rule in self.violations:
            lines.append(f"{rule['id']} ({rule['impact']}): {rule['help']}")
            lines += [f"    {node['target']}: {node['summary'].splitlines()[-1] if node['summary'] else ''}"
                      for node in rule["nodes"][:5]]
        return "\n".join(lines)


def run_axe(page) -> AxeReport:
    """Run axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now; return what it found."""
    if not AXE_SCRIPT.exists():
        raise FileNotFoundError(f"{AXE_SCRIPT} is missing: run `npm ci --ignore-scripts` (scripts/test does)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    raw = page.evaluate(_RUN, list(WCAG_TAGS))
    return AxeReport(raw["version"], tuple(raw["passes"]), tuple(raw["violations"]))
