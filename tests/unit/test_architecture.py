"""The core stays engine-independent: nothing under hooks/showcase imports MkDocs or Material."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "hooks" / "showcase"


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
