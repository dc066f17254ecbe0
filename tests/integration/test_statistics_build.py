"""The statistics reach the built site: charts on programme pages and home, the statistics page, downloads."""

from __future__ import annotations

import pytest
import yaml

from tests.factories import make_site
from tests.integration.sitebuild import ROOT, mkdocs_build

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    content = make_site(tmp_path_factory.mktemp("content"))
    site = tmp_path_factory.mktemp("out") / "site"
    result = mkdocs_build(content, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_programme_pages_show_their_charts(built):
    rmo = (built / "programmes" / "rmo" / "index.html").read_text(encoding="utf-8")
    for chart_id in ("rmo-growth", "rmo-survey-activities", "rmo-survey-issues"):
        assert f'<figure class="cs-figure" id="{chart_id}">' in rmo
    assert "<!-- chart:" not in rmo
    assert 'id="kyoryokutai-growth"' in (built / "programmes" / "kyoryokutai" / "index.html").read_text(encoding="utf-8")


def test_home_has_the_tile_map_and_latest_figures(built):
    home = (built / "index.html").read_text(encoding="utf-8")
    assert home.count('href="prefectures/') >= 47
    assert "7,710団体" in home and 'id="kyoryokutai-growth"' in home


def test_statistics_page_and_downloads_match_the_data_files(built):
    page = (built / "statistics" / "index.html").read_text(encoding="utf-8")
    data = yaml.safe_load((ROOT / "data" / "rmo-growth.yml").read_text(encoding="utf-8"))
    for row in data["rows"]:
        assert f"{row['organisations']:,}" in page
    csv = (built / "data" / "statistics" / "rmo-growth.csv").read_bytes()
    assert csv.startswith("\ufeff".encode())
    assert "7710" in csv.decode("utf-8-sig") or "7,710" in csv.decode("utf-8-sig")


def test_bad_statistics_file_fails_the_build(tmp_path):
    import shutil
    repo_copy = tmp_path / "repo"
    shutil.copytree(ROOT, repo_copy, ignore=shutil.ignore_patterns(".git", ".venv", "site", ".cache", "node_modules", "__pycache__"))
    growth = repo_copy / "data" / "rmo-growth.yml"
    growth.write_text(growth.read_text(encoding="utf-8").replace("7710", "7.7.10"), encoding="utf-8")
    content = make_site(tmp_path / "content")
    import os
    import subprocess
    import sys
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(repo_copy / "mkdocs.yml"),
                             "-d", str(tmp_path / "site")], cwd=repo_copy, capture_output=True, text=True,
                            env={**os.environ, "SHOWCASE_CONTENT": str(content), "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode != 0
    assert "data/rmo-growth.yml:" in result.stdout + result.stderr
