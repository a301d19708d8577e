"""The package's shape: the flow goes one way (files -> engine -> formats -> cli), there are no
import cycles, only the command line reads the environment, and no function is too long to hold
in the head. Read from the source (every import counts, those inside functions too)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "foiaclock"


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module(p): p for p in sorted(PACKAGE.rglob("*.py"))}
TREES = {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in MODULES.items()}


def _imports(name: str) -> set[str]:
    """The package's modules that module `name` imports (anywhere in it)."""
    package = name if MODULES[name].name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(TREES[name]):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            targets = [base, *(f"{base}.{a.name}" for a in node.names)]
        else:
            continue
        found.update(t for t in targets if t in MODULES and t != name)
    return found


GRAPH = {name: _imports(name) for name in MODULES}


def _parents(name: str) -> set[str]:
    """Importing a module imports its packages first: `a.b.c` needs `a` and `a.b`."""
    parts = name.split(".")
    return {".".join(parts[:k]) for k in range(1, len(parts))}


def test_no_import_cycles() -> None:
    state: dict[str, int] = {}  # 1 = being visited, 2 = done

    def visit(name: str, path: tuple[str, ...]) -> None:
        if state.get(name) == 2:
            return
        assert state.get(name) != 1, "import cycle: " + " -> ".join((*path, name))
        state[name] = 1
        for other in sorted(GRAPH[name]):
            if name not in _parents(other):  # (a package importing its own submodules is fine)
                visit(other, (*path, name))
        state[name] = 2

    for name in MODULES:
        visit(name, ())


@pytest.mark.parametrize(
    ("layer", "never"),
    [
        ("foiaclock.files", ("foiaclock.engine", "foiaclock.formats", "foiaclock.cli")),
        ("foiaclock.formats", ("foiaclock.engine", "foiaclock.files", "foiaclock.cli")),
        ("foiaclock.engine", ("foiaclock.files", "foiaclock.formats", "foiaclock.cli")),
        ("foiaclock.law", ("foiaclock.engine", "foiaclock.files", "foiaclock.formats")),
        ("foiaclock.calendar", ("foiaclock.law", "foiaclock.engine", "foiaclock.models")),
        ("foiaclock.models", ("foiaclock.law", "foiaclock.engine", "foiaclock.calendar")),
        ("foiaclock.letters", ("foiaclock.engine", "foiaclock.files", "foiaclock.cli")),
        ("foiaclock.sheets", ("foiaclock.engine", "foiaclock.formats", "foiaclock.cli")),
    ],
)
def test_the_flow_goes_one_way(layer: str, never: tuple[str, ...]) -> None:
    """The loader and the formatters never count (they read Deadlines and rule data); the engine
    knows no file or output format; the rule model knows no engine; the calendar no law."""
    for name, targets in GRAPH.items():
        if name == layer or name.startswith(layer + "."):
            wrong = sorted(
                t for t in targets if any(t == n or t.startswith(n + ".") for n in never)
            )
            assert not wrong, f"{name} imports {wrong}"


def test_only_the_command_line_reads_the_environment() -> None:
    readers = []
    for name, tree in TREES.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "putenv"):
                readers.append(name)
    assert readers and set(readers) == {"foiaclock.cli.environment"}, readers


def _functions() -> list[tuple[str, str, int]]:
    out = []
    for name, tree in TREES.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                out.append((name, node.name, node.end_lineno - node.lineno + 1))
    return out


def test_no_function_is_too_long() -> None:
    """None over 100 lines anywhere; none over 60 in the engine (a step of the count)."""
    too_long = [
        (name, fn, n)
        for name, fn, n in _functions()
        if n > 100 or (name.startswith("foiaclock.engine") and n > 60)
    ]
    assert not too_long, too_long


def test_the_package_docstring_draws_the_flow() -> None:
    doc = ast.get_docstring(TREES["foiaclock"]) or ""
    for part in ("files", "engine", "formats", "cli", "law", "calendar", "Deadline", "Request"):
        assert part in doc, part
