"""Build the real mkdocs.yml, hooks and templates over a generated content root into a temp folder."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def mkdocs_build(content: Path, site: Path, *, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "SHOWCASE_CONTENT": str(content), "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=600,
    )


def read_all_text(site: Path) -> str:
    chunks = []
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".csv", ".txt", ".js"}:
            chunks.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(chunks)


def pagefind_fragments(site: Path) -> list[dict]:
    """Every page Pagefind indexed: its fragment (url, content, meta, filters), decoded."""
    fragments = []
    for path in sorted((site / "pagefind" / "fragment").iterdir()):
        data = gzip.decompress(path.read_bytes())
        fragments.append(json.loads(data[data.index(b"{"):]))
    return fragments
