"""Issue 20, finding 1: build state committed to the repository (a force-added .cache/ file, a .venv/) is refused.

Each test makes a real git repository in a temporary folder, with the project's .gitignore and the script under
test, and force-adds the file a hostile pull request would carry.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _repo(tmp_path: Path, *scripts: str) -> Path:
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / ".gitignore", repo / ".gitignore")
    for script in scripts:
        shutil.copy(ROOT / "scripts" / script, repo / "scripts" / script)
    shutil.copy(ROOT / "requirements.txt", repo / "requirements.txt")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-C", str(repo)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "start"], check=True)
    return repo


def _force_add(repo: Path, relative: str, content: str, mode: int = 0o644) -> None:
    path = repo / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    path.chmod(mode)
    subprocess.run(["git", "-C", str(repo), "add", "-f", relative], check=True)


def _env() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if key not in {"SHOWCASE_VENV", "VIRTUAL_ENV"}}


def test_a_tracked_ignored_file_fails_the_check_naming_it(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "check-ignored-files")
    clean = subprocess.run([str(repo / "scripts" / "check-ignored-files")], capture_output=True, text=True, check=False)
    assert clean.returncode == 0, clean.stderr
    _force_add(repo, ".cache/images/0123456789abcdef-320.webp", "forged")
    result = subprocess.run([str(repo / "scripts" / "check-ignored-files")], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert ".cache/images/0123456789abcdef-320.webp" in result.stderr
    assert "git rm -r --cached" in result.stderr


def test_the_pull_request_workflow_runs_the_check_before_anything_else() -> None:
    text = (ROOT / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8")
    assert text.index("run: scripts/check-ignored-files") < text.index("run: scripts/validate")
    assert "git ls-files -ci --exclude-standard" in (ROOT / "scripts" / "check-ignored-files").read_text(encoding="utf-8")


def test_a_committed_virtualenv_is_refused_and_never_run(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "bootstrap.sh", "validate", "build")
    marker = tmp_path / "the-pull-request-ran-code"
    fake = f"#!/bin/sh\ntouch '{marker}'\nexit 0\n"
    _force_add(repo, ".venv/bin/python", fake, 0o755)
    _force_add(repo, ".venv/.installed-requirements.txt", "")  # a stamp, so nothing looks stale either
    for script in ("validate", "build"):
        result = subprocess.run([str(repo / "scripts" / script)], capture_output=True, text=True, check=False,
                                env=_env(), cwd=repo, timeout=60)
        assert result.returncode != 0, script
        assert "is tracked by git; refusing to use or run it" in result.stderr, result.stderr
        assert not marker.exists(), f"scripts/{script} ran the committed .venv/bin/python"
