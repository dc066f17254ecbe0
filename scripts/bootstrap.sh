# Sourced by the other scripts: create .venv from the pinned requirements when it is missing or stale.
# Usage: . scripts/bootstrap.sh [requirements file]   (defaults to requirements.txt)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${SHOWCASE_VENV:-$ROOT/.venv}"
REQS="${1:-requirements.txt}"
PYTHON_BIN="${PYTHON:-python3}"
# A virtualenv committed to the repository (a pull request can force-add one) is never run: it would run the
# pull request's own interpreter in CI.  Refused before anything in it is executed.
if command -v git >/dev/null 2>&1 && [ -n "$(git -C "$ROOT" ls-files -- "$VENV" 2>/dev/null | head -n 1)" ]; then
  echo "bootstrap: $VENV はリポジトリにコミットされているため使いません（実行もしません） / $VENV is tracked by git; refusing to use or run it" >&2
  echo "（対処: git rm -r --cached .venv でリポジトリから外してください / Fix: untrack it with git rm -r --cached .venv）" >&2
  return 1 2>/dev/null || exit 1
fi
stamp="$VENV/.installed-$(basename "$REQS")"
if [ ! -x "$VENV/bin/python" ]; then
  echo "==> creating virtual environment in $VENV"
  "$PYTHON_BIN" -m venv "$VENV"
fi
if [ ! -f "$stamp" ] || [ "$ROOT/$REQS" -nt "$stamp" ] || [ "$ROOT/requirements.txt" -nt "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
  echo "==> installing pinned dependencies from $REQS"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes -r "$ROOT/$REQS"
  # This project itself: nothing to fetch (its dependencies are above; setuptools, locked by hash, builds it).
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e "$ROOT"
  touch "$stamp"
fi
export PATH="$VENV/bin:$PATH"
