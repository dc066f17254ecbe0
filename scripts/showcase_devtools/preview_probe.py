"""How long a contributor waits: start ``scripts/preview`` on a corpus, edit the record's YAML, poll until the page shows it.

``python -m showcase_devtools.preview_probe CORPUS [RECORD]`` prints the first build and the edit-to-page time.
The YAML is restored afterwards.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from showcase_devtools.corpus import REPO_ROOT


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until ``url`` answers with ``text`` in its body."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if text in response.read().decode("utf-8", "replace"):
                    return time.perf_counter() - started
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout:.0f} s")


def _served_path() -> str:
    """``mkdocs serve`` serves under the path of ``site_url`` (e.g. ``/chiiki-showcase/``)."""
    for line in (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            path = urllib.parse.urlparse(line.split(":", 1)[1].strip().strip("'\"")).path
            return path if path.endswith("/") else path + "/"
    return "/"


def measure_preview(corpus: Path, record: str | None = None, cache: Path | None = None, log: Path | None = None) -> tuple[float, float]:
    """(seconds to the first page, seconds from saving an edit to the page showing it)."""
    record = record or f"profiles/{sorted(os.listdir(corpus / 'profiles'))[len(os.listdir(corpus / 'profiles')) // 2]}"
    kind = "profile" if record.startswith("profiles/") else "case"
    yaml_path = corpus / record / f"{kind}.yml"
    original = yaml_path.read_bytes()
    port = _free_port()
    env = {**os.environ, "SHOWCASE_CONTENT": str(corpus), "NO_MKDOCS_2_WARNING": "1"}
    if cache is not None:
        env["SHOWCASE_CACHE_DIR"] = str(cache)
    command = [sys.executable, "-m", "showcase.cli.preview_serve", record, "-a", f"127.0.0.1:{port}"]
    handle = open(log, "w", encoding="utf-8") if log else subprocess.DEVNULL
    server = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}{_served_path()}{record}/"
    try:
        started = time.perf_counter()
        _wait_for(url, "</html>", 180)
        first = time.perf_counter() - started
        marker = f"編集確認{int(time.time())}"
        text = original.decode("utf-8")
        edited = text.replace("\nname: ", f"\nname: {marker} ", 1) if not text.startswith("name: ") else f"name: {marker} " + text[6:]
        yaml_path.write_text(edited, encoding="utf-8")
        edit = _wait_for(url, marker, 120)
    finally:
        yaml_path.write_bytes(original)
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        if log:
            handle.close()
    return first, edit


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if not args:
        print("usage: python -m showcase_devtools.preview_probe CORPUS [profiles/<slug>]", file=sys.stderr)
        return 2
    first, edit = measure_preview(Path(args[0]).resolve(), args[1] if len(args) > 1 else None)
    print(f"first page after {first:.1f} s; an edit shows after {edit:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
