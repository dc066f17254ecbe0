"""The benchmark's baseline: plain MkDocs + Material rendering the same records as pre-written Markdown pages.

No hooks, no theme overrides, no search plugin (our configuration has none
either; Pagefind is counted as a stage of our build).  Record pages are kept
out of the nav with ``not_in_nav``; the hand-written pages and the nav are the
repository's, so both sites have the same chrome.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _nav_files(nav: object) -> list[tuple[str, str]]:
    """(title, file) of every page in an mkdocs.yml nav."""
    if isinstance(nav, str):
        return [("", nav)]
    if isinstance(nav, list):
        return [item for entry in nav for item in _nav_files(entry)]
    if isinstance(nav, dict):
        return [(title if isinstance(value, str) else t, f) for title, value in nav.items() for t, f in _nav_files(value)]
    return []


def _lines(data: dict, kind: str) -> list[str]:
    place = f"{data['prefecture']} {data['municipality']}"
    out = [f"# {data['name']}", "", f"{'地域おこし協力隊' if kind == 'profile' else '地域運営組織'} · {place}", ""]
    facts = [(label, data.get(key)) for label, key in (("組織形態", "legal_form"), ("活動区域", "area"), ("出身地", "hometown"),
                                                       ("転出元", "moved_from"), ("前職", "previous_job"))]
    if kind == "profile":
        term = data["term"]
        facts.insert(0, ("活動時期", f"{term['start']}〜{term.get('end', '')}"))
        facts.insert(1, ("活動分野", "、".join(data["fields"])))
    out += [f"- **{label}**: {value}" for label, value in facts if value] + [""]
    for heading, key in (("概要", "summary"), ("協力隊に応募したきっかけ", "motivation")):
        if data.get(key):
            out += [f"## {heading}", "", data[key], ""]
    out += ["## 活動内容", ""]
    for activity in data["activities"]:
        out += [f"### {activity['title']}", ""] + ([f"活動分類: {activity['category']}", ""] if "category" in activity else [])
        out += [activity["body"], ""]
    if data.get("goals"):
        out += ["## 今後の抱負・任期後の目標", "", data["goals"], ""]
    if data.get("links"):
        out += ["## リンク", ""] + [f"- [{link['label']}]({link['url']})" for link in data["links"]] + [""]
    out += ["## 出典・掲載について", ""] + [f"- {source['title']}" for source in data.get("sources", [])] + [f"- 掲載: {data['published']}", ""]
    return out


def write_baseline(content: Path, repo: Path, out: Path) -> Path:
    """Write ``out/mkdocs.yml`` and ``out/docs/`` for the records under ``content``; returns the config path."""
    shutil.rmtree(out, ignore_errors=True)
    docs = out / "docs"
    shutil.copytree(repo / "docs", docs)
    with open(repo / "mkdocs.yml", "rb") as config_file:  # as MkDocs reads it: !ENV and !relative included
        real = yaml_load(config_file)
    for title, name in _nav_files(real.get("nav", [])):
        if not (docs / name).exists():  # pages our hooks generate: a stub keeps the same nav
            (docs / name).parent.mkdir(parents=True, exist_ok=True)
            (docs / name).write_text(f"# {title or name}\n\n（ベースラインでは省略）\n", encoding="utf-8")
    for kind, folder in (("profile", "profiles"), ("case", "cases")):
        base = content / folder
        for slug in sorted(os.listdir(base)) if base.is_dir() else []:
            data = yaml.load((base / slug / f"{kind}.yml").read_bytes(), Loader=_LOADER)
            page = docs / folder / slug / "index.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text("\n".join(_lines(data, kind)), encoding="utf-8")
    config = {key: real[key] for key in ("site_name", "site_description", "site_url", "repo_url", "repo_name", "edit_uri",
                                         "copyright", "markdown_extensions", "nav") if key in real}
    theme = {key: value for key, value in real["theme"].items() if key != "custom_dir"}
    config.update(theme=theme, plugins=[], docs_dir="docs", not_in_nav="/profiles/*/\n/cases/*/\n")
    path = out / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
