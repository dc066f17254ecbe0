"""scripts/validate: the build's loader and messages, without a build; exit status, PATH selection, annotations."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from showcase.check.collection import check_collections, load_collections
from showcase.check.problems import format_report
from showcase.cli.validate import main
from tests.factories import case, dump, make_site, profile, write_record
from tests.unit.test_bad_input import BAD_PROFILES

ROOT = Path(__file__).resolve().parents[2]


def run_validate(capsys, root: Path, *args: str) -> tuple[int, str, str]:
    code = main([*args, "--content-root", str(root), "--workers", "1"])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def site(tmp_path):
    return make_site(tmp_path / "content", profiles={
        "yamada-taro": profile(name="山田 太郎", related_cases=["asaichi"]),
        "bad-one": dump(profile()).replace("hometown:", "hometwon:"),
    }, cases={"asaichi": case(related_profiles=["yamada-taro"])})


def test_all_records_same_report_as_the_build(site, capsys):
    code, out, _ = run_validate(capsys, site)
    assert code == 1
    assert out.rstrip("\n") == format_report(load_collections(site, workers=1).problems)
    assert out.startswith("profiles/bad-one/profile.yml:10:1: hometwon: 「hometwon」という項目はありません")


def test_valid_records_exit_zero(site, capsys):
    shutil.rmtree(site / "profiles" / "bad-one")
    code, out, _ = run_validate(capsys, site)
    assert (code, out) == (0, "問題はありません（2 件のレコード） / no problems (2 records)\n")


def test_only_the_given_records(site, capsys, monkeypatch):
    monkeypatch.chdir(site)
    code, out, _ = run_validate(capsys, site, "profiles/yamada-taro")
    assert (code, out) == (0, "問題はありません（1 件のレコード） / no problems (1 record)\n")
    # a file inside the folder selects the record too (pre-commit passes changed files, photos included)
    code, out, _ = run_validate(capsys, site, "profiles/bad-one/profile.yml", str(site / "cases" / "asaichi" / "photo.jpg"))
    assert code == 1
    assert out.count("\n") == 2 and "profiles/bad-one/profile.yml:10:1:" in out


def test_selected_record_linking_to_a_missing_one(site, capsys):
    write_record(site, "profile", "lonely", profile(related_cases=["no-such-case"]))
    code, out, _ = run_validate(capsys, site, str(site / "profiles" / "lonely"))
    assert code == 1
    assert "profiles/lonely/profile.yml" in out and "リンク先の「cases/no-such-case」がありません" in out


def test_removed_record_checks_every_link_to_it(site, capsys):
    shutil.rmtree(site / "profiles" / "yamada-taro")
    code, out, err = run_validate(capsys, site, str(site / "profiles" / "yamada-taro"))
    assert code == 1
    assert "削除されたレコードがあるため" in err
    assert "cases/asaichi/case.yml" in out and "リンク先の「profiles/yamada-taro」がありません" in out


def test_a_path_that_is_not_a_record(site, capsys, tmp_path):
    code, out, _ = run_validate(capsys, site, str(tmp_path / "README.md"))
    assert code == 1
    assert "レコードではありません" in out and "not a record" in out


def test_missing_content_root(tmp_path, capsys):
    assert main(["--content-root", str(tmp_path / "nowhere")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_github_format(site, capsys):
    code, out, _ = run_validate(capsys, site, "--format", "github")
    lines = out.splitlines()
    assert code == 1
    assert lines[0].startswith("::error file=profiles/bad-one/profile.yml,line=10,col=1,title=hometwon::hometwon: ")
    assert lines[-1] == "1 件の問題（1 ファイル） / 1 problem in 1 file"


@pytest.mark.parametrize("name", sorted(BAD_PROFILES))
def test_check_collections_matches_load_collections(tmp_path, name):
    root = make_site(tmp_path, profiles={"bad": BAD_PROFILES[name], "good": profile()}, cases={"c": case()})
    assert check_collections(root, workers=1).problems == load_collections(root, workers=1).problems


def test_parallel_check_matches_serial(tmp_path):
    """Over 500 records the check runs on two processes; the result must not depend on it."""
    profiles = {f"p{i:04d}": profile() for i in range(520)}
    profiles["p0007"] = dump(profile()).replace("hometown:", "hometwon:")
    profiles["p0400"] = profile(related_cases=["gone"])
    root = make_site(tmp_path, profiles=profiles, cases={})
    serial = check_collections(root, workers=1)
    parallel = check_collections(root, workers=2)
    assert serial == parallel
    assert serial.records == 520 and len(serial.problems) == 2


def test_the_bash_wrapper(site):
    """scripts/validate itself: bootstrap, then the module (uses the running interpreter's environment)."""
    env = {**os.environ, "SHOWCASE_VENV": sys.prefix, "SHOWCASE_CONTENT": str(site)}
    result = subprocess.run([str(ROOT / "scripts" / "validate"), "--format", "github"],
                            capture_output=True, text=True, env=env, timeout=300, check=False)
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("::error file=profiles/bad-one/profile.yml,line=10,")


def test_content_env_matches_the_build():
    from showcase.cli import scaffold, validate
    from showcase.pipeline import site_build

    assert validate.CONTENT_ENV == scaffold.CONTENT_ENV == site_build.CONTENT_ENV


def test_record_folder_without_its_yaml(site, capsys):
    (site / "profiles" / "empty-folder").mkdir()
    code, out, _ = run_validate(capsys, site, str(site / "profiles" / "empty-folder"))
    assert code == 1
    assert out.startswith("profiles/empty-folder/profile.yml:1:1: フォルダ「profiles/empty-folder/」に profile.yml がないため、"
                          "このフォルダは掲載されません / the folder 'profiles/empty-folder/' has no profile.yml")


def test_piped_into_head_ends_quietly(tmp_path):
    """`scripts/validate --format github | head -1`: no BrokenPipeError traceback, the status says problems were found."""
    bad = dump(profile()).replace("hometown:", "hometwon:")
    root = make_site(tmp_path / "content", profiles={f"bad-{i:03d}": bad for i in range(300)}, cases={})
    command = [sys.executable, "-m", "showcase.cli.validate", "--format", "github", "--content-root", str(root),
               "--workers", "1"]
    validate = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    head = subprocess.run(["head", "-1"], stdin=validate.stdout, capture_output=True, text=True, check=True)
    validate.stdout.close()  # head has exited: the next write of validate gets EPIPE
    stderr = validate.stderr.read().decode()
    assert validate.wait() == 1
    assert head.stdout.startswith("::error file=profiles/bad-000/profile.yml,line=10,col=1")
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr
