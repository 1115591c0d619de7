"""The one direction of imports (DESIGN.md), read from the source of every module.

cli -> commands -> {coach, catalogue, session, history, views, sheet, figures, remind}
-> {plan, fit, settings, text, model, output, files, wallclock} -> errors. The timer core
never imports a UI or parsing library, only catalogue/parse.py imports yaml, only cli/
imports typer, only the drawing packages and output.py import rich, a command module
imports no other but those of commands/common/, and what `stretch --help` loads never reaches
yaml or sqlite3.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "stretch"
CORE = ("stretch.session.engine", "stretch.session.clock", "stretch.plan", "stretch.model",
        "stretch.steps")
UI_AND_PARSING = {"rich", "typer", "yaml", "click", "pydantic"}
BASE = {"stretch", "stretch.errors", "stretch.vocab", "stretch.model", "stretch.steps",
        "stretch.text", "stretch.text_doses", "stretch.text_moves", "stretch.text_safety",
        "stretch.settings", "stretch.plan", "stretch.fit", "stretch.fit.fitted",
        "stretch.fit.cuts", "stretch.fit.search", "stretch.output", "stretch.files", "stretch.toml_lines",
        "stretch.wallclock", "stretch.toml_table", "stretch.days",
        "stretch.poses"}  # a move's figure as pure data: part of the model
# Where rich may be imported: the packages that draw, and the module that owns the consoles.
DRAWING = ("stretch.views", "stretch.session", "stretch.sheet", "stretch.report")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path, *, top_level_only: bool = False) -> set[str]:
    """Every module a file imports (at the top, or anywhere), as absolute names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.startswith("stretch"):  # `from stretch.x import y` may name a module
                found |= {f"{node.module}.{alias.name}" for alias in node.names}
            found.add(node.module)
    return found


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def layer(name: str) -> int:
    """0 the base, 1 the subsystems, 2 commands, 3 the command line (and `python -m`)."""
    if name in BASE:
        return 0
    if name.startswith("stretch.cli") or name == "stretch.__main__":
        return 3
    if name.startswith("stretch.commands"):
        return 2
    return 1


def ours(names: set[str]) -> set[str]:
    return {n for n in names if n in MODULES}


def test_the_layout_has_the_subpackages_of_the_design() -> None:
    for package in ("catalogue", "session", "history", "sheet", "cli", "commands", "coach",
                    "views", "fit"):
        assert (PACKAGE / package / "__init__.py").is_file(), package
    for module in ("session/engine.py", "session/clock.py", "settings.py", "text.py"):
        assert (PACKAGE / module).is_file(), module


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_only_go_down_the_layers(name: str) -> None:
    higher = {n for n in ours(imports(MODULES[name])) if layer(n) > layer(name)}
    assert not higher, f"{name} imports {sorted(higher)} from a higher layer"


def closure(start: str, *, top_level_only: bool) -> set[str]:
    """Every module reachable from `start` through imports (ours and third-party roots)."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        if name in MODULES:
            todo += imports(MODULES[name], top_level_only=top_level_only)
    return seen


@pytest.mark.parametrize("name", CORE)
def test_the_timer_core_imports_no_ui_or_parsing_library(name: str) -> None:
    reached = {n.split(".")[0] for n in closure(name, top_level_only=False)}
    assert not reached & UI_AND_PARSING


def test_only_catalogue_parse_imports_yaml_and_only_cli_imports_typer() -> None:
    for name, path in MODULES.items():
        roots = {n.split(".")[0] for n in imports(path)}
        if "yaml" in roots:
            assert name == "stretch.catalogue.parse"
        if "typer" in roots or "click" in roots:
            assert name.startswith("stretch.cli")


def test_only_the_drawing_packages_and_output_import_rich() -> None:
    for name, path in MODULES.items():
        if "rich" in {n.split(".")[0] for n in imports(path)}:
            assert name == "stretch.output" or name.startswith(DRAWING), name


def test_a_command_module_imports_no_other_but_common() -> None:
    for name, path in MODULES.items():
        if name.startswith("stretch.commands.") and not name.startswith("stretch.commands.common"):
            others = {n for n in ours(imports(path)) if n.startswith("stretch.commands.")
                      and n != name and not n.startswith("stretch.commands.common")}
            assert not others, f"{name} imports {sorted(others)}"


def test_nothing_imports_the_command_line() -> None:
    for name, path in MODULES.items():
        if not name.startswith("stretch.cli") and name != "stretch.__main__":
            assert not {n for n in imports(path) if n.startswith("stretch.cli")}, name


def test_package_inits_import_nothing_heavy() -> None:
    for name, path in MODULES.items():
        if path.name == "__init__.py" and name != "stretch.cli":
            assert not imports(path), f"{name}/__init__.py imports {imports(path)}"


def test_what_help_loads_never_reaches_yaml_sqlite_or_the_catalogue() -> None:
    reached = closure("stretch.cli", top_level_only=True)
    assert not {n.split(".")[0] for n in reached} & {"yaml", "sqlite3"}
    assert not {n for n in reached if n.startswith(("stretch.catalogue", "stretch.history"))}
