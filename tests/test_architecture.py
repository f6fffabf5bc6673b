"""The house rules of ARCHITECTURE.md, checked on the source: no import cycles, output and
exit codes only in the command line, one atomic writer, one table of check formats."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "partnerkit"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imported_modules(name: str) -> set[str]:
    """The partnerkit modules ``name`` imports, at any depth of its code (a function-level
    import is still an edge: it only hides a cycle)."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            base = node.module
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name and target.startswith("partnerkit"):
                found.add(target)
    return found - {"partnerkit"}


def import_graph() -> dict[str, set[str]]:
    graph = {name: imported_modules(name) for name in MODULES}
    # importing a module runs its packages' __init__ first; those are edges too
    for name, edges in graph.items():
        for target in list(edges):
            package = target.rpartition(".")[0]
            while package and package != "partnerkit":
                if package != name and not name.startswith(package + "."):
                    edges.add(package)
                package = package.rpartition(".")[0]
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_cycle_between_modules():
    assert find_cycle(import_graph()) is None, " -> ".join(find_cycle(import_graph()) or [])


def test_the_cycle_finder_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_a_function_level_import_is_an_edge():
    # config once imported the rules inside a function; such an edge must still be seen
    graph = import_graph()
    assert "partnerkit.files.reader" in graph["partnerkit.load.pipeline"]
    assert "partnerkit.load.pipeline" in graph["partnerkit.cli.common"]


def calls(name: str) -> set[str]:
    """Dotted names called in module ``name`` (``os.replace``, ``sys.exit``, ``print``)."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            found.add(ast.unparse(node.func))
    return found


def test_os_replace_is_in_one_module():
    users = sorted(name for name in MODULES if "os.replace" in calls(name))
    assert users == ["partnerkit.files.writer"]


@pytest.mark.parametrize(
    "name", [n for n in MODULES if not n.startswith("partnerkit.cli") and n != "partnerkit"]
)
def test_nothing_below_the_command_line_prints_or_exits(name):
    forbidden = {"print", "sys.exit", "exit", "typer.Exit", "os._exit", "sys.stdout.write"}
    assert not calls(name) & forbidden


def test_renderers_and_rules_do_not_import_the_command_line():
    graph = import_graph()
    for name, edges in graph.items():
        if not name.startswith(("partnerkit.cli", "partnerkit.__main__")):
            assert not {e for e in edges if e.startswith("partnerkit.cli")}, name
        if name.startswith("partnerkit.rules"):
            outputs = ("partnerkit.render", "partnerkit.report")
            assert not {e for e in edges if e.startswith(outputs)}, name


def test_a_check_format_is_a_module_named_in_the_table():
    from partnerkit.render.check.formats import FORMATS, FORMATS_HELP

    modules = {p.stem for p in (PACKAGE / "render" / "check").glob("*.py")}
    assert set(FORMATS) == modules - {"__init__", "formats"}
    for name in FORMATS:
        assert name in FORMATS_HELP
        assert "render" in {
            node.name
            for node in ast.parse((PACKAGE / "render" / "check" / f"{name}.py").read_text()).body
            if isinstance(node, ast.FunctionDef)
        }


def test_no_module_name_stands_for_a_missing_package():
    names = [p.stem for p in PACKAGE.rglob("*.py")]
    assert not [n for n in names if n.startswith(("edit_", "commands_", "cli_"))]
