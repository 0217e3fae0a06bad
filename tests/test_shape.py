"""The shape of the generator: a core free of MkDocs, and adapters that only translate the plan."""

from __future__ import annotations

import ast
from pathlib import Path

from helpers import REPO

GENERATOR = REPO / "generator"


def imports(path: Path) -> dict[str, set[str]]:
    """Each module a file imports from, with the names it takes from it."""
    found: dict[str, set[str]] = {}
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            found.setdefault(module, set()).update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                found.setdefault(alias.name, set())
    return found


# The MkDocs adapter's own helpers: what it keeps of MkDocs' work under serve, not the core's.
ADAPTER_HELPERS = {".warm"}


def test_the_plugin_takes_nothing_from_the_core_but_the_site_plan():
    ours = {module for module in imports(GENERATOR / "plugin.py") if module.startswith(".")}
    assert ours == {".site"} | ADAPTER_HELPERS


def test_no_core_module_uses_the_adapter_s_helpers():
    for path in sorted(GENERATOR.glob("*.py")):
        if path.name != "plugin.py":
            assert not ADAPTER_HELPERS & set(imports(path)), f"{path.name} imports an adapter helper"


def test_no_core_module_imports_mkdocs():
    for path in sorted(GENERATOR.glob("*.py")):
        if path.name == "plugin.py":
            continue
        assert not any(module.split(".")[0] in ("mkdocs", "material")
                       for module in imports(path)), f"{path.name} imports MkDocs"


def test_the_command_line_builds_nothing_itself():
    taken = imports(GENERATOR / "cli.py")
    assert not {".urls", ".daily", ".helplines", ".assets"} & set(taken)
    assert taken.get(".render", set()) <= {"render_starter"}
    assert taken[".site"] == {"Settings", "plan_site"}
