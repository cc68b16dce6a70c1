"""The package layout holds: webapp uses gazetteer's public API only, and gazetteer's modules
form no import cycle and import no other module's private names."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_imports(path: Path) -> list[tuple[str, str]]:
    """(module, name) of each ``from module import name`` run at import or call time (not TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and ast.unparse(block.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")
        for stmt in block.body
        for node in ast.walk(stmt)
    }
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and id(node) not in skipped:
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found += [(module, alias.name) for alias in node.names]
    return found


def _gazetteer_modules() -> dict[str, Path]:
    return {_module_name(p): p for p in (ROOT / "gazetteer").rglob("*.py")}


def test_webapp_imports_only_the_public_gazetteer_api() -> None:
    for path in (ROOT / "webapp").rglob("*.py"):
        for module, _ in _runtime_imports(path):
            assert not module.startswith("gazetteer."), f"{path.relative_to(ROOT)} imports {module}"


def test_no_gazetteer_module_imports_another_ones_private_name() -> None:
    for name, path in _gazetteer_modules().items():
        for module, imported in _runtime_imports(path):
            if module.startswith("gazetteer") and module != name:
                assert not imported.startswith("_"), f"{name} imports {module}.{imported}"


def test_gazetteer_modules_form_no_import_cycle() -> None:
    modules = _gazetteer_modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for module, imported in _runtime_imports(path):
            target = f"{module}.{imported}" if f"{module}.{imported}" in modules else module
            if target in modules and target != name and not name.startswith(target + "."):
                targets.add(target)
        graph[name] = targets

    state: dict[str, str] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph[node]):
            assert state.get(nxt) != "open", "import cycle: " + " -> ".join([*path, nxt])
            if nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])


def test_test_modules_have_unique_names():
    """pytest imports test files by basename (there is no tests/__init__.py): two files of one
    name, in tests/ and tests/browser/, stop the collection of a clean checkout."""
    names = [p.name for p in (ROOT / "tests").rglob("test_*.py")]
    assert sorted({n for n in names if names.count(n) > 1}) == []


def test_tests_import_no_private_name_of_the_code() -> None:
    """Tests test behaviour through public functions: no test imports a ``_name`` of gazetteer or webapp."""
    for path in (ROOT / "tests").rglob("*.py"):
        for module, imported in _runtime_imports(path):
            if module.split(".")[0] in ("gazetteer", "webapp"):
                assert not imported.startswith("_"), f"{path.relative_to(ROOT)} imports {module}.{imported}"
