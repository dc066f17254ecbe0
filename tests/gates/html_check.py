"""Valid-HTML gate: the Nu Html Checker (vnu-jar from npm) on Debian's Java, one JVM for all the files."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class HtmlError:
    path: str
    line: int
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}  ⟨{self.extract.strip()[:120]}⟩"


def run_vnu(paths: list[Path]) -> list[HtmlError]:
    """Check every file in one ``java -jar vnu.jar --errors-only`` call; return the errors, in file order."""
    java = shutil.which("java")
    if java is None:
        raise FileNotFoundError("java is not installed: apt-get install default-jre-headless (scripts/install-system-deps)")
    if not VNU_JAR.exists():
        raise FileNotFoundError(f"{VNU_JAR} is missing: run `npm ci --ignore-scripts` (scripts/test does)")
    if not paths:
        return []
    command = [java, "-Xss4m", "-jar", str(VNU_JAR), "--errors-only", "--no-langdetect", "--format", "json", "--stdout",
               *(str(p) for p in paths)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    try:
        messages = json.loads(result.stdout or "{}").get("messages", [])
    except json.JSONDecodeError:
        raise RuntimeError(f"vnu did not answer in JSON (exit {result.returncode}): "
                           f"{result.stdout[:500]} {result.stderr[:500]}") from None
    if result.returncode not in (0, 1) or (result.returncode == 1 and not messages):
        raise RuntimeError(f"vnu failed (exit {result.returncode}): {result.stderr[:1000]}")
    errors = []
    for message in messages:
        if message.get("type") not in {"error", "non-document-error"}:
            continue
        url = message.get("url", "")
        path = unquote(urlparse(url).path) if url.startswith("file:") else url
        errors.append(HtmlError(path, int(message.get("lastLine", 0)), message.get("message", ""),
                                message.get("extract", "")))
    return errors
