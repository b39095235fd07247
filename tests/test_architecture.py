"""The shape of the code: no import cycles, no stage importing another stage, one spelling of every
run-directory file name, and an ARCHITECTURE.md whose tables match the code."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Dict, List, Set

import pytest

import hfsynth
from hfsynth import rundir
from hfsynth.rundir import RunDir
from hfsynth.run import STAGES

ROOT = Path(hfsynth.__file__).resolve().parent
REPO = ROOT.parent

# Each stage's code: a module or a package. Shared services (sandbox, engines, run directory, ...) are
# outside all of them; the runner (run.py) and the command modules are the only code above them.
STAGE_CODE = {
    "train": "hfsynth.train",
    "generate": "hfsynth.synth",
    "curate": "hfsynth.curate",
    "students": "hfsynth.students",
    "evaluate": "hfsynth.metrics",
    "publish": "hfsynth.publish",
}
ABOVE_STAGES = ("hfsynth.run", "hfsynth.cli", "hfsynth.commands", "hfsynth.__main__")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in ROOT.rglob("*.py")}


def _type_checking_block(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
    )


def imports_of(name: str) -> Set[str]:
    """hfsynth modules ``name`` imports, at module level or inside functions (a lazy import is still an
    arrow), except under ``if TYPE_CHECKING:``."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    package = name if MODULES[name].name == "__init__.py" else name.rpartition(".")[0]
    found: Set[str] = set()

    def visit(node: ast.AST) -> None:
        if _type_checking_block(node):
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("hfsynth"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            if base.startswith("hfsynth"):
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    found.add(sub if sub in MODULES else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return {m for m in found if m in MODULES and m != name}


GRAPH: Dict[str, Set[str]] = {name: imports_of(name) for name in MODULES}


def stage_of(module: str):
    for stage, code in STAGE_CODE.items():
        if module == code or module.startswith(code + "."):
            return stage
    return None


def test_the_graph_sees_real_imports():
    """A control: the parser finds arrows that are there (else every check below passes vacuously)."""
    assert "hfsynth.rundir" in GRAPH["hfsynth.curate.outputs"]
    assert {"hfsynth.train", "hfsynth.curate.stage", "hfsynth.publish"} <= GRAPH["hfsynth.run"]


def find_cycle(graph: Dict[str, Set[str]]) -> List[str]:
    """One import cycle as a list of modules, or [] (depth-first search with colours)."""
    colour: Dict[str, int] = {}
    stack: List[str] = []

    def dfs(node: str) -> List[str]:
        colour[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if colour.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if not colour.get(nxt):
                cycle = dfs(nxt)
                if cycle:
                    return cycle
        stack.pop()
        colour[node] = 2
        return []

    for start in sorted(graph):
        if not colour.get(start):
            cycle = dfs(start)
            if cycle:
                return cycle
    return []


def test_find_cycle_finds_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles():
    assert find_cycle(GRAPH) == []


def test_no_stage_imports_another_stage():
    crossings = [
        f"{module} -> {target}"
        for module, targets in GRAPH.items()
        for target in targets
        if stage_of(module) and stage_of(target) and stage_of(module) != stage_of(target)
    ]
    assert crossings == []


def test_shared_modules_do_not_import_stages():
    """Services several stages use (sandbox, engines, run directory, schema, ...) sit below every stage."""
    upward = [
        f"{module} -> {target}"
        for module, targets in GRAPH.items()
        for target in targets
        if not stage_of(module) and not module.startswith(ABOVE_STAGES) and stage_of(target)
    ]
    assert upward == []


def test_the_runner_holds_the_stage_functions_in_order():
    assert [s.name for s in STAGES] == list(STAGE_CODE)
    for stage in STAGES:
        assert callable(stage.run) and stage_of(stage.run.__module__) == stage.name
        assert stage.preflight is None or stage_of(stage.preflight.__module__) == stage.name


# ----------------------------------------------------------------------------------------------
# Run-directory file names: spelt once, in rundir.py


FILE_NAMES = {
    value
    for key, value in vars(rundir).items()
    if key.isupper() and isinstance(value, str) and "." in value
}


def test_file_names_are_known():
    assert {"manifest.json", "funnel.json", "index.json", "plan.json", "metrics.json", "decontamination.jsonl"} <= FILE_NAMES


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n != "hfsynth.rundir"))
def test_no_run_directory_file_name_as_a_literal(name):
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    literals = [
        f"line {node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in FILE_NAMES
    ]
    assert literals == [], f"{name} spells run-directory file names itself; use hfsynth.rundir"


# ----------------------------------------------------------------------------------------------
# ARCHITECTURE.md stays true


ARCHITECTURE = (REPO / "ARCHITECTURE.md").read_text(encoding="utf-8")


def table_rows(heading: str) -> List[List[str]]:
    """The body rows of the first markdown table under ``heading``, as stripped cells."""
    section = ARCHITECTURE.split(heading, 1)[1]
    rows = []
    for line in section.splitlines()[1:]:
        if line.startswith("#"):
            break
        if line.startswith("|") and not set(line) <= set("|-: "):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows[1:]  # without the header row


def test_architecture_lists_every_stage_in_order():
    rows = table_rows("## The stages")
    assert [r[0].strip("`") for r in rows] == [s.name for s in STAGES]
    for row, stage in zip(rows, STAGES):
        assert re.findall(r"`(\w+)`", row[1]) == list(stage.sections), stage.name


def test_every_run_directory_path_in_architecture_is_a_rundir_path(tmp_path):
    rows = table_rows("## The run directory")
    assert len(rows) >= 10
    run_dir = RunDir(tmp_path)
    for row in rows:
        path, attribute = row[0].strip("`"), row[1].strip("`")
        assert attribute.startswith("RunDir."), row
        value = getattr(run_dir, attribute.split(".", 1)[1].split("(")[0])
        if callable(value):
            argument = re.search(r"\((\w+)\)", attribute).group(1)
            value = value(argument)
            path = path.replace(f"<{argument}>", argument)
        assert value.relative_to(tmp_path).as_posix() == path.rstrip("/"), row
