"""The house keeps its floors: every import of the package (at the top of a module, inside a function, or
for type checking only) points down the stages of docs/design.md — cli → renderers → review → history →
ressort → amender → parsers → model — or stays in its own folder, and no modules import each other in a
circle. Read from the source with ast, so a lazy import counts like any other.
"""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "lovkons"
# lowest first: a module may import its own stage and the stages below it
STAGES = ("model", "parsers", "amender", "ressort", "history", "review", "renderers", "cli")


def _modules() -> dict[str, Path]:
    out: dict[str, Path] = {}
    files = [Path(d) / f for d, _, names in os.walk(PACKAGE, followlinks=True) for f in names if f.endswith(".py")]
    for f in sorted(files):
        parts = f.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(("lovkons", *parts)).removesuffix(".__init__")
        out[name] = f
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The package's modules `name` imports (`from X import y` of a sub-module y counts as X.y alone)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            subs = {f"{base}.{a.name}" for a in node.names}
            found |= subs & MODULES.keys()
            if subs - MODULES.keys():  # names defined in `base` itself
                found.add(base)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _stage(module: str) -> int | None:
    parts = module.split(".")
    return STAGES.index(parts[1]) if len(parts) > 1 and parts[1] in STAGES else None


def test_the_stages_are_the_folders_of_the_package() -> None:
    folders = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert folders == set(STAGES)


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if _stage(m) is not None))
def test_imports_point_down_the_stages(module: str) -> None:
    here = _stage(module)
    assert here is not None
    upward = sorted(m for m in GRAPH[module] if (s := _stage(m)) is not None and s > here)
    assert upward == [], f"{module} imports a later stage: {upward}"


def test_no_module_imports_itself_through_others() -> None:
    """Depth-first search for a circle of imports (lazy ones included)."""
    state: dict[str, int] = {}  # 1 = on the path, 2 = done
    path: list[str] = []
    circles: list[list[str]] = []

    def visit(m: str) -> None:
        state[m] = 1
        path.append(m)
        for n in sorted(GRAPH[m]):
            if state.get(n) == 1:
                circles.append([*path[path.index(n):], n])
            elif n not in state:
                visit(n)
        path.pop()
        state[m] = 2

    for m in sorted(GRAPH):
        if m not in state:
            visit(m)
    assert circles == []


def test_the_reader_sees_lazy_and_relative_imports() -> None:
    """The check above can fail: the graph holds a lazy import (cli commands import their engines inside
    the command) and the stage of a module is read from its folder."""
    assert "lovkons.amender.manifest" in GRAPH["lovkons.cli.cmd_eval"]
    assert _stage("lovkons.cli.cmd_eval") == STAGES.index("cli")
    assert _stage("lovkons.api") is None


MAX_LINES = 400  # docs/design.md: modules under 400 lines, named for what they hold


def test_every_module_stays_under_the_line_limit() -> None:
    """The house rule that keeps modules readable: a module that outgrows it is split by what it holds
    (parsers/segment.py had grown to 466 lines unnoticed)."""
    long = {name: n for name, path in MODULES.items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
