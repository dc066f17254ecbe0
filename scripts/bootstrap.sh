# Sourced by the other scripts: create .venv from the pinned requirements when it is missing or stale.
# Usage: . scripts/bootstrap.sh [requirements file]   (defaults to requirements.txt)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${SHOWCASE_VENV:-$ROOT/.venv}"
REQS="${1:-requirements.txt}"
PYTHON_BIN="${PYTHON:-python3}"
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
