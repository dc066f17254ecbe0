"""The code's shape: the core is engine-independent (nothing under hooks/showcase imports MkDocs or Material), one
folder per stage of the flow (load → check → catalog → render → outputs → search), no module name twice, no import
cycles, no developer tools; the adapter (hooks/*.py) touches no private name of MkDocs or Material, no ``ctypes``
anywhere, and its events run in written order (no ``event_priority``).  Each rule is a function over source text,
and a test plants a violation to show the rule can fail."""

import ast
from collections import defaultdict
from pathlib import Path

HOOKS = Path(__file__).resolve().parents[2] / "hooks"
CORE = HOOKS / "showcase"
ADAPTER = sorted(HOOKS.glob("*.py"))
STAGES = {"content", "load", "check", "catalog", "render", "outputs", "search", "charts", "stats", "cli", "pipeline"}
# Names that still repeat, each with what removes it.  The test fails once a clash is gone, so the list only shrinks.
KNOWN_CLASHES: dict[str, str] = {}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_core_imports_nothing_from_mkdocs():
    modules = list(CORE.rglob("*.py"))
    assert len(modules) > 10
    for module in modules:
        assert not _imports(module) & {"mkdocs", "material"}, module


def test_templates_never_come_from_data():
    for module in CORE.rglob("*.py"):
        text = module.read_text(encoding="utf-8")
        assert "from_string(" not in text and "Template(" not in text, module


def test_every_core_module_lives_in_a_stage_folder():
    loose = [path.name for path in CORE.glob("*.py") if path.name != "__init__.py"]
    assert not loose, f"move these into a stage folder ({', '.join(sorted(STAGES))}): {loose}"
    folders = {path.relative_to(CORE).parts[0] for path in CORE.rglob("*.py") if len(path.relative_to(CORE).parts) > 1}
    assert folders <= STAGES, f"not a stage folder: {sorted(folders - STAGES)}"


def test_stage_packages_say_what_they_do_and_re_export_nothing():
    for stage in STAGES:
        init = CORE / stage / "__init__.py"
        body = ast.parse(init.read_text(encoding="utf-8")).body
        assert ast.get_docstring(ast.Module(body=body, type_ignores=[])), f"{init}: a docstring says what this stage does"
        assert len(body) == 1, f"{init}: no imports or re-exports; callers name the module"


def test_no_module_name_repeats_across_stage_folders():
    where = defaultdict(list)
    for path in CORE.rglob("*.py"):
        if path.name != "__init__.py":
            where[path.stem].append(str(path.relative_to(CORE)))
    clashes = {name: sorted(paths) for name, paths in where.items() if len(paths) > 1 or name in STAGES}
    assert set(clashes) - set(KNOWN_CLASHES) == set(), clashes
    assert set(KNOWN_CLASHES) <= set(clashes), f"resolved: drop from KNOWN_CLASHES: {set(KNOWN_CLASHES) - set(clashes)}"


def test_core_never_imports_the_developer_tools():
    for module in CORE.rglob("*.py"):
        assert "showcase_devtools" not in _imports(module), f"{module}: scripts/showcase_devtools is not shipped"


# -- import cycles inside the core ------------------------------------------------------------------------------

def _module_name(path: Path) -> str:
    parts = path.relative_to(CORE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _core_imports(source: str, modules: set[str]) -> set[str]:
    """The core modules ``source`` imports (``from showcase.x import y`` counts ``showcase.x.y`` if that is a module)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.update({node.module} | {f"{node.module}.{alias.name}" for alias in node.names})
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found & modules


def import_cycles(sources: dict[str, str]) -> list[list[str]]:
    """Every cycle of imports among ``sources`` (module name → source), as the modules on it."""
    graph = {name: _core_imports(source, set(sources)) - {name} for name, source in sources.items()}
    cycles, done = [], set()

    def visit(name: str, path: list[str]) -> None:
        for target in sorted(graph[name]):
            if target in path:
                cycles.append(path[path.index(target):])
            elif target not in done:
                visit(target, path + [target])
        done.add(name)

    for name in sorted(graph):
        if name not in done:
            visit(name, [name])
    return cycles


def _core_sources() -> dict[str, str]:
    return {_module_name(path): path.read_text(encoding="utf-8") for path in CORE.rglob("*.py")}


def test_no_import_cycles_in_the_core():
    assert import_cycles(_core_sources()) == []


def test_a_planted_import_cycle_is_found():
    sources = _core_sources()
    sources["showcase.catalog.indexes"] += "\nfrom showcase.pipeline.site_build import SiteBuild\n"
    assert any("showcase.catalog.indexes" in cycle for cycle in import_cycles(sources))


# -- the adapter: no engine internals, no ctypes, no priorities ------------------------------------------------------

def private_attributes(source: str) -> list[str]:
    """Attribute names starting with ``_`` (dunders aside): the adapter must not reach into engine objects."""
    return sorted({node.attr for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Attribute)
                   and node.attr.startswith("_") and not (node.attr.startswith("__") and node.attr.endswith("__"))})


def uses_ctypes(source: str) -> bool:
    return "ctypes" in _imports_of(source) or "pythonapi" in source


def uses_event_priority(source: str) -> bool:
    return "event_priority" in source or "CombinedEvent" in source


def _imports_of(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_the_adapter_touches_no_private_name_of_an_engine_object():
    assert ADAPTER, "hooks/*.py: the adapter"
    for path in ADAPTER:
        assert private_attributes(path.read_text(encoding="utf-8")) == [], path


def test_no_ctypes_anywhere():
    for path in sorted(HOOKS.rglob("*.py")):
        assert not uses_ctypes(path.read_text(encoding="utf-8")), path


def test_the_adapter_runs_its_events_in_written_order():
    for path in ADAPTER:
        assert not uses_event_priority(path.read_text(encoding="utf-8")), path


def test_planted_adapter_violations_are_found():
    assert private_attributes("config._current_page = page\nplugins._event_origins.get(m)\nx.__dict__") == [
        "_current_page", "_event_origins"]
    assert uses_ctypes("import ctypes\nctypes.pythonapi.Py_IncRef(ctypes.py_object(config))")
    assert uses_event_priority("from mkdocs.plugins import event_priority\n@event_priority(-100)\ndef on_files(): ...")
    clean = (HOOKS / "mkdocs_hooks.py").read_text(encoding="utf-8")
    assert not private_attributes(clean) and not uses_ctypes(clean) and not uses_event_priority(clean)
