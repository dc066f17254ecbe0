from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))  # showcase_devtools lives outside the shipped package


@pytest.fixture(autouse=True, scope="session")
def _own_build_cache(tmp_path_factory):
    """Builds in tests (and the processes they start) use a cache of their own, never the user's: a full build
    prunes its cache of what it did not use (showcase.outputs.build_cache)."""
    previous = os.environ.get("SHOWCASE_CACHE_DIR")
    os.environ["SHOWCASE_CACHE_DIR"] = str(tmp_path_factory.mktemp("showcase-cache"))
    yield
    if previous is None:
        os.environ.pop("SHOWCASE_CACHE_DIR", None)
    else:
        os.environ["SHOWCASE_CACHE_DIR"] = previous
