"""The GitHub workflows, pre-commit hook, PR template and CODEOWNERS: syntax, triggers, permissions, and the commands they run."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
README = (ROOT / "README.md").read_text(encoding="utf-8")
# Commands a workflow may run besides the repository's own scripts/.
# The plain-mkdocs job runs exactly what an MkDocs host runs: pip install -r requirements.txt, then mkdocs build.
ALLOWED_COMMANDS = {("sudo", "apt-get"), ("test",), ("pip",), ("mkdocs",)}


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as the boolean true
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict) -> list[tuple[str, dict]]:
    return [(job_id, step) for job_id, job in workflow["jobs"].items() for step in job["steps"]]


def commands(run: str) -> list[list[str]]:
    """The simple commands of a `run:` script, split at newlines, `&&`, `||` and `;`."""
    out = []
    for part in re.split(r"\n|&&|\|\||;", run):
        words = shlex.split(part, comments=True)
        if words:
            out.append(words)
    return out


def test_workflow_files_match_the_github_schema():
    """GitHub's workflow schema (SchemaStore, vendored by check-jsonschema): catches misspelt keys and bad shapes."""
    pytest.importorskip("check_jsonschema")
    files = sorted(str(path) for path in WORKFLOWS.glob("*.yml"))
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", *files],
                            capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    dependabot = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.dependabot",
                                 str(ROOT / ".github" / "dependabot.yml")], capture_output=True, text=True, check=False, timeout=120)
    assert dependabot.returncode == 0, dependabot.stdout + dependabot.stderr


def test_pull_requests_run_read_only_without_secrets():
    workflow = load("pr.yml")
    assert workflow["on"] == {"pull_request": None}
    assert workflow["permissions"] == {"contents": "read"}
    for job in workflow["jobs"].values():
        assert "permissions" not in job or job["permissions"] == {"contents": "read"}
    text = (WORKFLOWS / "pr.yml").read_text(encoding="utf-8")
    assert not re.search(r"\$\{\{[^}]*\b(secrets|github\.token)\b|GITHUB_TOKEN", text), "no secrets or tokens in expressions"


def test_pull_requests_validate_then_build_strictly():
    runs = [step["run"] for _job, step in steps(load("pr.yml")) if "run" in step]
    validate = next(i for i, run in enumerate(runs) if run.startswith("scripts/validate --format github"))
    build = next(i for i, run in enumerate(runs) if run.startswith("scripts/build"))
    assert validate < build
    assert "mkdocs build --strict" in (ROOT / "scripts" / "build").read_text(encoding="utf-8")


def test_python_and_checkout_settings():
    for name in ("pr.yml", "deploy.yml"):
        for _job, step in steps(load(name)):
            uses = step.get("uses", "")
            if uses.startswith("actions/setup-python@"):
                assert step["with"]["python-version"] == "3.11"
            if uses.startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False  # no token left in .git/config for later steps


def test_deploy_builds_once_and_only_the_deploy_job_can_write():
    workflow = load("deploy.yml")
    assert workflow["on"] == {"push": {"branches": ["main"]}}
    assert workflow["permissions"] == {}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    build_runs = [step.get("run", "") for step in build["steps"]]
    assert sum(run.startswith("scripts/build") for run in build_runs) == 1
    order = [next(i for i, step in enumerate(build["steps"]) if predicate(step)) for predicate in (
        lambda s: s.get("run", "").startswith("scripts/validate"),
        lambda s: s.get("run", "").startswith("scripts/build"),
        lambda s: s.get("run", "").startswith("test -s"),
        lambda s: s.get("uses", "").startswith("actions/upload-pages-artifact@"),
    )]
    assert order == sorted(order), "validate, build, check, then upload"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


@pytest.mark.parametrize("name", ["pr.yml", "deploy.yml"])
def test_every_command_is_a_repository_script_the_readme_uses(name):
    seen = []
    for _job, step in steps(load(name)):
        for words in commands(step.get("run", "")):
            if words[0].startswith("scripts/"):
                script = ROOT / words[0]
                assert script.is_file() and script.stat().st_mode & 0o111, f"{name} runs {words[0]}, which is missing"
                assert words[0] in README, f"{name} runs {words[0]}, which README.md does not mention"
                seen.append(words[0])
            else:
                assert tuple(words[:2 if words[0] == 'sudo' else 1]) in ALLOWED_COMMANDS, f"{name} runs {words!r}"
    assert {"scripts/validate", "scripts/build"} <= set(seen)


@pytest.mark.parametrize("name", sorted(path.name for path in WORKFLOWS.glob("*.yml")))
def test_actions_are_pinned_by_commit_sha_with_the_release_named(name):
    """A tag can be moved to other code; a full commit SHA cannot. The comment says which release it is
    (Dependabot updates both)."""
    used = [step["uses"] for _job, step in steps(load(name)) if "uses" in step]
    assert used
    for uses in used:
        assert re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", uses), uses
    lines = [line.strip() for line in (WORKFLOWS / name).read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert len(lines) == len(used)
    for line in lines:
        assert re.fullmatch(r"(- )?uses: actions/[a-z-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", line), line


def test_pre_commit_runs_the_validator_on_changed_records():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    (hook,) = repo["hooks"]
    assert repo["repo"] == "local" and hook["language"] in {"system", "python", "script"}
    assert hook["entry"] == "scripts/validate" and (ROOT / hook["entry"]).stat().st_mode & 0o111
    pattern = re.compile(hook["files"])
    assert pattern.search("profiles/yamada-taro/profile.yml") and pattern.search("cases/a/photo.jpg")
    assert not pattern.search("README.md") and not pattern.search("docs/profiles/x.md")
    assert hook["pass_filenames"] is True


def test_pull_request_template_has_the_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"(?m)^- \[ \] (.+)$", text)
    assert len(boxes) >= 6
    for words in ("掲載の同意", "写っている人全員の同意", "写真の権利", "代替テキスト", "他の人の個人情報", "同意の証拠"):
        assert any(words in box for box in boxes), words


def test_codeowners_lines_have_owners():
    lines = [line.split() for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert lines and lines[0][0] == "*"
    for pattern, *owners in lines:
        assert owners and all(owner.startswith("@") for owner in owners), pattern


@pytest.mark.parametrize("script", sorted(path.name for path in (ROOT / "scripts").iterdir()
                                          if path.is_file() and "bootstrap.sh" in path.read_text(encoding="utf-8")
                                          and path.name != "bootstrap.sh"))
def test_scripts_source_bootstrap_with_an_explicit_requirements_file(script):
    """`. bootstrap.sh` without an argument hands it the script's own arguments (`scripts/build --site-dir X` broke)."""
    text = (ROOT / "scripts" / script).read_text(encoding="utf-8")
    assert re.search(r'(?m)^\. "\$\(dirname "\$0"\)/bootstrap\.sh" requirements(-test)?\.txt\b', text), script


def test_dependabot_covers_actions_python_and_npm():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert sorted(update["package-ecosystem"] for update in config["updates"]) == ["github-actions", "npm", "pip"]


def _locked(name: str) -> dict[str, tuple[str, list[str]]]:
    """{package: (version, hashes)} of a pip-compile lock file; every requirement line must be `name==version`."""
    text = (ROOT / name).read_text(encoding="utf-8").replace("\\\n", " ")
    locked = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        assert not line.startswith("-"), f"{name}: {line} (a lock file includes nothing and points at no index)"
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([^\s;]+)((?:\s+--hash=sha256:[0-9a-f]{64})*)", line)
        assert match, f"{name}: {line}"
        locked[match.group(1).lower()] = (match.group(2), re.findall(r"[0-9a-f]{64}", match.group(3)))
    return locked


def test_lock_files_pin_every_package_by_hash_and_agree():
    runtime, test = _locked("requirements.txt"), _locked("requirements-test.txt")
    for name, locked in (("requirements.txt", runtime), ("requirements-test.txt", test)):
        assert locked and all(hashes for _version, hashes in locked.values()), name
    assert {package: version for package, (version, _h) in runtime.items()} == \
        {package: test[package][0] for package in runtime}  # the tests run the versions the site is built with
    assert {"mkdocs", "pillow", "setuptools"} <= set(runtime) and {"pytest", "playwright"} <= set(test)


def test_bootstrap_installs_by_hash_and_the_project_without_fetching():
    text = (ROOT / "scripts" / "bootstrap.sh").read_text(encoding="utf-8")
    installs = [line for line in text.splitlines() if "pip install" in line]
    assert len(installs) == 2, installs
    assert "--require-hashes -r" in installs[0]
    assert "--no-deps" in installs[1] and "--no-build-isolation" in installs[1] and "-e" in installs[1].split()
    lock = (ROOT / "scripts" / "lock").read_text(encoding="utf-8")
    assert "--generate-hashes" in lock and "--allow-unsafe" in lock and "--no-emit-find-links" in lock
