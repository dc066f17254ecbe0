"""The numbers of the last gate run, kept in quality/a11y-results.json (committed) for the accessibility page.

Each gate updates its own section; ``recorded`` changes only when a number does, so rerunning green gates leaves the
file (and the git tree) untouched.  hooks/mkdocs_hooks.py renders the file into docs/accessibility.md at build time.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS_FILE = ROOT / "quality" / "a11y-results.json"


def read_results(path: Path = RESULTS_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def record_gate(section: str, numbers: dict, path: Path = RESULTS_FILE) -> dict:
    """Store one gate's numbers; return the whole results document."""
    data = read_results(path)
    before = {k: v for k, v in data.items() if k != "recorded"}
    data[section] = numbers
    after = {k: v for k, v in data.items() if k != "recorded"}
    if after != before or "recorded" not in data:
        data["recorded"] = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(dict(sorted(data.items())), ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                        encoding="utf-8")
    return data
