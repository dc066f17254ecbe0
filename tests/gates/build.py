"""Clean builds for the gates: each from its own view of the repository and its own cache folder, so no build reuses
another's cache.

A *tree view* is a temporary folder of symlinks to the repository's top-level entries, less the ignored build state
(``.cache``, ``site``, virtualenvs): building ``<view>/mkdocs.yml`` is what a fresh clone would do.  ``quality/`` is
copied, not linked: the gates rewrite quality/a11y-results.json while they run, and both builds of the
reproducibility gate must see the same numbers.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DATE_EPOCH = "1795651200"  # 2026-11-26 00:00 UTC
BUILD_STATE = {".cache", "site", ".venv", ".git", ".pytest_cache", "node_modules", "build"}
SNAPSHOT = {"quality"}


def site_url() -> str:
    match = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    return match.group(1) if match else ""


def tree_view(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for entry in sorted(ROOT.iterdir()):
        if entry.name in BUILD_STATE or entry.name.endswith(".egg-info"):
            continue
        if entry.name in SNAPSHOT:
            shutil.copytree(entry, dest / entry.name)
        else:
            (dest / entry.name).symlink_to(entry)
    return dest


def build_view(view: Path, site: Path, content: Path, *, epoch: str = SOURCE_DATE_EPOCH) -> Path:
    """Build ``view/mkdocs.yml`` over ``content`` into ``site``; fail loudly on any warning (``--strict``)."""
    env = {**os.environ, "SHOWCASE_CONTENT": str(content), "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1",
           "SHOWCASE_CACHE_DIR": str(view.parent / "showcase-cache")}  # each view's build starts with an empty cache
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(view / "mkdocs.yml"),
                             "-d", str(site)], cwd=view, env=env, capture_output=True, text=True, check=False, timeout=600)
    if result.returncode != 0:
        raise AssertionError(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return site


def clean_build(workdir: Path, content: Path, *, epoch: str = SOURCE_DATE_EPOCH) -> Path:
    """A fresh tree view in ``workdir`` built into ``workdir/site``."""
    return build_view(tree_view(workdir / "tree"), workdir / "site", content, epoch=epoch)
