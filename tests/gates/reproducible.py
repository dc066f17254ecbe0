"""Reproducibility gate: two builds of the same tree must be byte-identical, file by file."""

from __future__ import annotations

import hashlib
from pathlib import Path


def tree_digests(root: Path) -> dict[str, str]:
    """Relative path → sha256 of every file under ``root``."""
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}


def differing_files(first: Path, second: Path) -> list[str]:
    """The files that differ, or exist in only one of the two trees, each with what differs."""
    a, b = tree_digests(first), tree_digests(second)
    problems = [f"{name}: only in the first build" for name in sorted(a.keys() - b.keys())]
    problems += [f"{name}: only in the second build" for name in sorted(b.keys() - a.keys())]
    problems += [f"{name}: content differs" for name in sorted(a.keys() & b.keys()) if a[name] != b[name]]
    return problems
