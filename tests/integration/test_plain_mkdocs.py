"""Issue 20, finding 9: the plain MkDocs way works from a clean copy, with a cold cache and two photos.

What every MkDocs host does is ``pip install -r requirements.txt && mkdocs build``: no ``pip install -e .``, so
``showcase`` is importable only while MkDocs imports a hook.  The photo workers are spawned processes and died with
BrokenProcessPool.  Here a fresh virtualenv reuses this environment's packages through a .pth line (so nothing is
downloaded), which does not process this environment's own .pth files: the editable install of hooks/ is not seen.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from PIL import Image

from tests.factories import make_site, profile

ROOT = Path(__file__).resolve().parents[2]
IGNORED = (".git", ".venv", "site", ".cache", "node_modules", "__pycache__", "*.egg-info", ".pytest_cache", "build",
           "profiles", "cases")


def _venv_without_showcase(folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True, timeout=120)
    python = folder / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    Path(purelib, "reuse-test-packages.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return python


def _plain_env(cache: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in {"PYTHONPATH", "SHOWCASE_CONTENT", "SHOWCASE_ONLY", "VIRTUAL_ENV", "SHOWCASE_TIMINGS"}}
    return {**env, "SHOWCASE_CACHE_DIR": str(cache), "NO_MKDOCS_2_WARNING": "1"}


def test_pip_install_requirements_then_mkdocs_build(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    shutil.copytree(ROOT, clone, ignore=shutil.ignore_patterns(*IGNORED))
    photos = [{"file": "katsudou.jpg", "alt": "活動の様子"}]
    make_site(clone, profiles={"shiken-ichiro": profile(name="試験 一郎", photos=photos),
                               "shiken-jiro": profile(name="試験 次郎", photos=photos)}, cases={})
    Image.new("RGB", (900, 600), (200, 40, 40)).save(clone / "profiles" / "shiken-ichiro" / "katsudou.jpg", "JPEG")
    Image.new("RGB", (900, 600), (40, 40, 200)).save(clone / "profiles" / "shiken-jiro" / "katsudou.jpg", "JPEG")
    (clone / "data" / "featured.yml").write_text("profiles:\n  - shiken-ichiro\n", encoding="utf-8")  # its own records
    python = _venv_without_showcase(tmp_path / "venv")
    env = _plain_env(tmp_path / "cold-cache")

    probe = subprocess.run([str(python), "-c", "import mkdocs, material, PIL; import showcase"], cwd=clone, env=env,
                           capture_output=True, text=True, check=False, timeout=120)
    assert probe.returncode == 1 and "No module named 'showcase'" in probe.stderr, probe.stderr

    result = subprocess.run([str(python), "-m", "mkdocs", "build"], cwd=clone, env=env,
                            capture_output=True, text=True, check=False, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-6000:]
    assert "BrokenProcessPool" not in result.stderr
    published = sorted(p.name for p in (clone / "site" / "assets" / "photos").iterdir())
    assert len([name for name in published if name.endswith(".webp")]) == 2 * 3  # two photos, 320/640/900 px wide
    assert (clone / "site" / "profiles" / "shiken-jiro" / "index.html").is_file()
