"""``scripts/preview profiles/<slug> [cases/<slug> ...]``: serve just these records, rebuilt on every save.

Runs ``mkdocs serve`` with ``SHOWCASE_ONLY`` set, so each rebuild loads the
given records and their neighbours instead of the whole corpus
(:mod:`showcase.cli.preview`), and watches only their folders.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from showcase.cli.preview import ONLY_ENV, parse_only
from showcase.cli.validate import REPO_ROOT
from showcase.pipeline.site_build import CONTENT_ENV, content_root


def preview_env(records: list[str], root: Path) -> dict[str, str]:
    """The environment for ``mkdocs serve``; raises ValueError for a record outside ``root`` or not a record folder."""
    given = []
    for record in records:
        path = Path(record)
        given.append(str(path.resolve()) if not path.is_absolute() and path.exists() else record)
    wanted = parse_only(",".join(given), root)
    missing = [f"{kind}s/{slug}" for kind, slug in sorted(wanted) if not (root / f"{kind}s" / slug).is_dir()]
    if missing:
        raise ValueError(f"見つかりません / not found in {root}: {', '.join(missing)}")
    return {**os.environ, CONTENT_ENV: str(root), ONLY_ENV: ",".join(f"{kind}s/{slug}" for kind, slug in sorted(wanted)),
            "NO_MKDOCS_2_WARNING": "1"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/preview", description=__doc__.split("\n\n")[0])
    parser.add_argument("records", nargs="+", metavar="RECORD", help="profiles/<slug> or cases/<slug> (folder or YAML file)")
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="address to serve on (default 127.0.0.1:8000)")
    args = parser.parse_args(argv)
    root = content_root(REPO_ROOT)
    try:
        env = preview_env(args.records, root)
    except ValueError as error:
        parser.error(str(error))
    print(f"preview: {env[ONLY_ENV]} from {root} at http://{args.dev_addr}/ (Ctrl+C to stop)", flush=True)
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(REPO_ROOT / "mkdocs.yml"), "-a", args.dev_addr]
    os.chdir(REPO_ROOT)
    os.execvpe(command[0], command, env)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
