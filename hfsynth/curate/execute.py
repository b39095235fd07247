"""Curation step 5: run each row's code against its own tests in the sandbox.

A row's program is its ``code`` then its ``tests``, executed in ONE namespace (as if concatenated)
by a small harness, with two differences that keep good rows from failing for the wrong reason:
the code runs with ``__name__ == "solution"`` so a demo ``if __name__ == "__main__":`` block (often
calling ``input()``) does not run, and the tests run as ``__main__``. Besides plain asserts, test
functions named ``test*`` and ``unittest.TestCase`` classes that the tests define are run too.

``exec_status`` of each row:

- ``passed``: code and tests ran to the end (the harness's last line was printed, exit status 0);
- ``failed``: an exception (failed assert, error, MemoryError...), a non-zero exit, an exit
  before the tests finished (``sys.exit``/``os._exit`` in the code), or a fatal signal;
- ``timeout``: the wall-clock or CPU limit was hit;
- ``error``: the sandbox could not run it (no code; the process could not start). Retried once;
- ``no_tests``: the row has no tests (nothing that checks: no assert, test function, TestCase or
  raise); its code still ran cleanly (a crash makes it ``failed``).

``exec_detail`` is one short line (the last line of stderr, or why it timed out / errored). This is
a quality filter, not a proof: code written to fool it (printing the harness's line, patching
``assert`` helpers) can pass; the sandbox only guarantees that such code cannot harm the machine.
"""

from __future__ import annotations

import ast
from typing import Any, Dict, List, Optional

from hfsynth.sandbox import Limits, Result, run_programs
from hfsynth.schema.curate import ExecutionConfig

EXEC_STATUSES = ("passed", "failed", "timeout", "error", "no_tests")
DONE_MARKER = "hfsynth-sandbox: tests finished"
DETAIL_CHARS = 300

HARNESS = '''\
import sys, types, unittest

def _run(filename, namespace):
    with open(filename, encoding="utf-8") as f:
        source = f.read()
    exec(compile(source, filename, "exec"), namespace)

module = types.ModuleType("solution")
module.__file__ = "solution.py"
sys.modules["solution"] = module
namespace = module.__dict__
try:
    _run("solution.py", namespace)
    if {has_tests}:
        namespace["__name__"] = "__main__"
        _run("tests.py", namespace)
        for name, value in list(namespace.items()):
            code = getattr(value, "__code__", None)
            if name.startswith("test") and code is not None and code.co_filename == "tests.py" and code.co_argcount == 0:
                value()
        cases = [v for v in namespace.values() if isinstance(v, type) and issubclass(v, unittest.TestCase) and v.__module__ == "__main__"]
        if cases:
            suite = unittest.TestSuite(unittest.defaultTestLoader.loadTestsFromTestCase(c) for c in cases)
            outcome = unittest.TextTestRunner(stream=sys.stderr, verbosity=0).run(suite)
            if not outcome.wasSuccessful():
                raise AssertionError(f"unittest: {{len(outcome.failures)}} failures, {{len(outcome.errors)}} errors")
except SystemExit as exc:
    print(f"SystemExit: the program exited ({{exc.code!r}}) before the tests finished", file=sys.stderr)
    sys.exit(3)
sys.stdout.flush()
print({marker!r})
'''


def _config(config: Optional[ExecutionConfig]) -> ExecutionConfig:
    """``recipe.curate.execution``; None means the schema's defaults (they live there only)."""
    return ExecutionConfig() if config is None else config


def limits_from_config(config: Optional[ExecutionConfig]) -> Limits:
    config = _config(config)
    return Limits(
        timeout_s=float(config.timeout_s),
        cpu_seconds=int(config.cpu_seconds),
        memory_mb=int(config.memory_mb),
        file_size_mb=int(config.file_size_mb),
        max_processes=int(config.max_processes),
    )


def has_checks(tests: Optional[str]) -> bool:
    """Whether the tests can fail at all: an assert, a raise, a test function or a TestCase, or an assert* call.

    Tests that do not parse count as checks: running them fails the row, as it should.
    """
    if not tests or not tests.strip():
        return False
    try:
        tree = ast.parse(tests)
    except (SyntaxError, ValueError):
        return True
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assert, ast.Raise)):
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
            return True
        if isinstance(node, ast.ClassDef) and any("TestCase" in ast.unparse(base) for base in node.bases):
            return True
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name.startswith("assert") or name == "check":
                return True
    return False


def program_files(code: str, tests: Optional[str]) -> Dict[str, str]:
    """The sandbox files of one row: the harness, the code and (when they can fail) the tests."""
    checked = has_checks(tests)
    files = {"main.py": HARNESS.format(has_tests=checked, marker=DONE_MARKER), "solution.py": code}
    if checked:
        files["tests.py"] = tests or ""
    return files


def _short(text: str) -> str:
    return " ".join(text.split())[:DETAIL_CHARS]


def exec_outcome(result: Result, checked: bool) -> Dict[str, str]:
    """Sandbox result -> ``exec_status`` and ``exec_detail``."""
    if result.status == "ok":
        lines = result.output.rstrip().splitlines()
        if lines and lines[-1] == DONE_MARKER:
            return {"exec_status": "passed" if checked else "no_tests", "exec_detail": ""}
        return {"exec_status": "failed", "exec_detail": "the program exited before the tests finished (os._exit?)"}
    if result.status == "failed":
        return {"exec_status": "failed", "exec_detail": _short(result.detail)}
    return {"exec_status": result.status, "exec_detail": _short(result.detail)}


def execute_rows(rows: List[Dict[str, Any]], config: Optional[ExecutionConfig] = None, progress: bool = False) -> List[Dict[str, Any]]:
    """Copies of ``rows`` (same order, every row) with ``exec_status`` and ``exec_detail`` added.

    ``config`` is ``recipe.curate.execution`` (limits and workers are read from it). Filtering by
    ``mode`` is left to the caller, through :func:`keep_row`, so the funnel can count it.
    """
    config = _config(config)
    limits = limits_from_config(config)
    workers = config.workers
    out: List[Dict[str, Any]] = [dict(row) for row in rows]
    todo: List[int] = []
    programs: List[Dict[str, str]] = []
    for i, row in enumerate(out):
        code = row.get("code")
        if not isinstance(code, str) or not code.strip():
            row.update(exec_status="error", exec_detail="no code to run")
            continue
        todo.append(i)
        programs.append(program_files(code, row.get("tests")))
    results = run_programs(programs, limits, workers=workers, progress=progress, description="execute")
    # A sandbox that could not start (e.g. the process limit exhausted by a fork bomb running
    # next to it) gets one more try, alone.
    retry = [k for k, r in enumerate(results) if r.status == "error"]
    if retry:
        again = run_programs([programs[k] for k in retry], limits, workers=1)
        for k, result in zip(retry, again):
            results[k] = result
    for i, files, result in zip(todo, programs, results):
        out[i].update(exec_outcome(result, "tests.py" in files))
    return out


def keep_row(row: Dict[str, Any], config: Optional[ExecutionConfig] = None) -> bool:
    """Whether the execution step keeps an executed row: all in 'mark' mode; in 'filter' mode the
    passing ones, plus the untested ones when ``keep_untested``."""
    config = _config(config)
    if config.mode == "mark":
        return True
    status = row.get("exec_status")
    return status == "passed" or (status == "no_tests" and bool(config.keep_untested))


def exec_status_counts(rows: List[Dict[str, Any]]) -> Dict[str, int]:
    """{exec_status: rows} of executed rows, every status listed (for funnel.json's "execution",
    which the evaluate stage turns into the execution pass rate even in 'filter' mode)."""
    counts = {status: 0 for status in EXEC_STATUSES}
    for row in rows:
        status = row.get("exec_status")
        if status in counts:
            counts[status] += 1
    return counts
