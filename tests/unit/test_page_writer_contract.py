"""What hooks/mkdocs_page_writer.py relies on in MkDocs: these tests fail when MkDocs changes it.

The writer renders the generated pages outside MkDocs' page loop, so it must give each page the events that loop
gives it, in the same order, and build the template context the way the loop does.  The first tests read MkDocs'
own loop; the last one builds one page both ways with a plugin that records what it sees.
"""

from __future__ import annotations

import importlib.util
import inspect
import re
import sys
from pathlib import Path

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("mkdocs_page_writer", ROOT / "hooks" / "mkdocs_page_writer.py")
page_writer = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("mkdocs_page_writer", page_writer)
_spec.loader.exec_module(page_writer)

STEP = re.compile(r"\b(on_[a-z_]+)\(|\.(read_source|render)\(|\b(get_context)\(")


def _steps(function) -> list[str]:
    return ["".join(groups) for groups in STEP.findall(inspect.getsource(function))]


def test_mkdocs_reads_a_page_in_the_order_the_writer_follows():
    # The writer leaves out read_source (a generated page's source is "") and render (empty Markdown renders to an
    # empty body): its docstring says why.  Everything else is an event it runs, in this order.
    steps = _steps(mkdocs_build._populate_page)
    assert steps == ["on_pre_page", "read_source", "on_page_markdown", "render", "on_page_content"]
    assert [step for step in steps if step.startswith("on_")] == list(page_writer.READ_EVENTS)


def test_mkdocs_writes_a_page_in_the_order_the_writer_follows():
    steps = _steps(mkdocs_build._build_page)
    assert steps == ["get_context", "on_page_context", "render", "on_post_page"]
    assert [step for step in steps if step.startswith("on_")] == list(page_writer.WRITE_EVENTS)


def test_get_context_takes_what_the_writer_passes():
    parameters = list(inspect.signature(mkdocs_build.get_context).parameters)
    assert parameters[:4] == ["nav", "files", "config", "page"]


def test_the_site_uses_no_relative_paths_that_need_mkdocs_current_page():
    # MkDocs sets a private "current page" during its loop only for `!relative` values in mkdocs.yml.
    assert "!relative" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


class _Recorder(BasePlugin):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, bool]] = []

    def on_pre_page(self, page, *, config, files):
        self.seen.append(("on_pre_page", page.active))
        return page

    def on_page_markdown(self, markdown, *, page, config, files):
        self.seen.append(("on_page_markdown", page.active))
        return markdown

    def on_page_content(self, html, *, page, config, files):
        self.seen.append(("on_page_content", page.active))
        return html

    def on_page_context(self, context, *, page, config, nav):
        self.seen.append(("on_page_context", page.active))
        assert context["page"] is page and context["base_url"] == "../.."
        return context

    def on_post_page(self, output, *, page, config):
        self.seen.append(("on_post_page", page.active))
        return output


def _site(tmp_path: Path):
    (tmp_path / "docs" / "profiles" / "a").mkdir(parents=True)
    (tmp_path / "docs" / "profiles" / "a" / "index.md").write_text("", encoding="utf-8")  # as a generated page's source
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nplugins: []\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    recorder = _Recorder()
    config.plugins["recorder"] = recorder
    files = get_files(config)
    nav = get_navigation(files, config)
    return config, recorder, files.documentation_pages()[0], files, nav


def test_one_page_gets_the_same_events_both_ways(tmp_path):
    config, recorder, file, files, nav = _site(tmp_path)
    env = config.theme.get_env()
    page = mkdocs_build.Page(None, file, config)
    mkdocs_build._populate_page(page, config, files)
    mkdocs_build._build_page(page, config, files.documentation_pages(), nav, env)
    by_mkdocs, recorder.seen = recorder.seen, []

    writer = page_writer.PageWriter(config, nav, [file], render_body=lambda spec: "")
    writer.read(files)
    writer.env, writer.doc_files = env, files.documentation_pages()
    writer.render_full(writer.pages[0])
    assert recorder.seen == by_mkdocs
    assert [event for event, _active in by_mkdocs] == list(page_writer.READ_EVENTS + page_writer.WRITE_EVENTS)
