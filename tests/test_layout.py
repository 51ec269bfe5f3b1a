"""The house rules of armsref/: one-way data flow, small modules, light packages.

The imports are read with :mod:`ast`, every one of them (inside functions and
under ``TYPE_CHECKING`` too), so that a lazy import cannot hide a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "armsref"

#: The subpackages, lowest first: each may import only from those before it.
LAYERS = (
    "errors",
    "lengths",
    "dataset",
    "scanning",
    "corpora",
    "extraction",
    "curation",
    "views",
    "exports",
    "cli",
)
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts).removesuffix(".__init__")] = path
    return found


def _imports(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the armsref modules it imports (``from a import b`` counts ``a.b`` if a module)."""
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        named: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                named.add(node.module)
                named.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                named.update(alias.name for alias in node.names)
        graph[name] = {m for m in named if m in modules and m not in {name, "armsref"}}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


def test_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_no_module_imports_one_that_imports_it_back() -> None:
    assert _cycles(_imports(_modules())) == []


def test_data_flows_one_way_between_packages() -> None:
    upward = []
    for module, imported in _imports(_modules()).items():
        here = _layer(module)
        for other in imported:
            there = _layer(other)
            if here is not None and there is not None and there > here:
                upward.append(f"{module} imports {other}")
    assert upward == []


def test_every_subpackage_is_a_layer_with_a_docstring_naming_its_modules() -> None:
    for folder in sorted(p for p in PACKAGE.iterdir() if (p / "__init__.py").exists()):
        assert folder.name in LAYERS, f"{folder.name}/ is not in LAYERS"
        doc = ast.get_docstring(ast.parse((folder / "__init__.py").read_text(encoding="utf-8")))
        assert doc, f"{folder.name}/__init__.py has no docstring"
        if folder.name == "cli":
            continue
        for module in sorted(folder.glob("*.py")):
            if module.name != "__init__.py":
                assert module.stem in doc, f"{folder.name}/__init__.py does not name {module.stem}"


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.name)
def test_no_module_is_over_400_lines(path: Path) -> None:
    with path.open(encoding="utf-8") as lines:
        assert sum(1 for _ in lines) <= MAX_LINES
