"""Build the Pagefind search index over a written site (engine-independent)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .pagefind_order import canonicalize_pagefind


# Folders that hold no page with data-pagefind-body: listings, embed views, files.  Pagefind would still read and
# parse every HTML file in them (at 35,000 records: tens of thousands), so the glob leaves them out.
UNSEARCHED_DIRS = frozenset({"assets", "embed", "fields", "municipalities", "pagefind", "prefectures", "search"})
RECORD_DIRS = ("profiles", "cases")  # only <dir>/<slug>/index.html: page/, status/ and category/ are listings


def searchable_glob(site_dir: str) -> str:
    """Pagefind's ``--glob`` for the pages that can have searchable content (records and hand-written pages)."""
    parts = []
    for entry in sorted(os.scandir(site_dir), key=lambda e: e.name):
        if entry.name in RECORD_DIRS:
            parts.append(f"{entry.name}/*/index.html")
        elif entry.is_dir() and entry.name not in UNSEARCHED_DIRS:
            parts.append(f"{entry.name}/**/*.html")
        elif entry.is_file() and entry.name.endswith(".html"):
            parts.append(entry.name)
    return "{" + ",".join(parts) + "}" if parts else "**/*.html"


def run_pagefind(site_dir: str) -> str:
    """Index ``site_dir`` with the extended Pagefind binary (Japanese segmentation); return its summary line."""
    command = [sys.executable, "-m", "pagefind", "--site", site_dir, "--force-language", "ja",
               "--exclude-selectors", ".headerlink", "--glob", searchable_glob(site_dir)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind による検索インデックスの作成に失敗しました / Pagefind failed:\n{result.stdout}\n{result.stderr}")
    canonicalize_pagefind(Path(site_dir) / "pagefind")  # Pagefind's filter index comes out in HashMap order
    indexed = [line.strip() for line in result.stdout.splitlines() if line.strip().startswith(("Indexed", "Total"))]
    return "Pagefind: " + "; ".join(indexed)
