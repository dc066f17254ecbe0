"""Build the Pagefind search index over a written site (engine-independent)."""

from __future__ import annotations

import subprocess
import sys


def run_pagefind(site_dir: str) -> str:
    """Index ``site_dir`` with the extended Pagefind binary (Japanese segmentation); return its summary line."""
    command = [sys.executable, "-m", "pagefind", "--site", site_dir, "--force-language", "ja",
               "--exclude-selectors", ".headerlink"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind による検索インデックスの作成に失敗しました / Pagefind failed:\n{result.stdout}\n{result.stderr}")
    indexed = [line.strip() for line in result.stdout.splitlines() if line.strip().startswith(("Indexed", "Total"))]
    return "Pagefind: " + "; ".join(indexed)
