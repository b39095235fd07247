"""Curation step 5: run each row's code against its own tests in the sandbox.

A row's program is its ``code`` then its ``tests``, executed in ONE namespace (as if concatenated)
by a small harness, with two differences that keep good rows from failing for the wrong reason:
the code runs with ``__name__ == "solution"`` so a demo ``if __name__ == "__main__":`` block (often
calling ``input()``) does not run, and the tests run as ``__main__``; the tests the code carries (a
``__main__`` block that checks something, TestCase classes, ``test*`` functions:
:mod:`hfsynth.curate.code_tests`) run after the row's own. Besides plain asserts, test
functions named ``test*`` and ``unittest.TestCase`` classes that the tests define are run too, by
the harness's own loader (``unittest.main()`` in the tests does nothing, so it cannot end the
program before the classes ran). What the response claims its code outputs (``# Output: 120``, a
``>>>`` session) and the instruction's worked examples (``gcd(12, 18) is 6``) are checks too
(:mod:`hfsynth.curate.claimed_outputs`): a row that shows a wrong answer fails without an assert. So
are the errors the instruction requires ("raise ValueError if the list is empty" calls ``f([])``:
:mod:`hfsynth.curate.required_errors`) and the inputs it names ("a size such as '1.5 MB'" must not
make ``parse_size`` raise: :mod:`hfsynth.curate.accepted_inputs`), an instruction's "case-insensitively"
(the row's own call, re-cased, must give the same answer: :mod:`hfsynth.curate.case_probes`), and a round trip it
promises (``load(save(cells)) == cells`` on made-up cells: :mod:`hfsynth.curate.round_trips`).

A pass is the harness's word, not the exit status: when every test has finished, the harness writes
one record on the sandbox's report channel (:mod:`hfsynth.sandbox.channel`), a descriptor that
printing does not reach; a program that exits early (``sys.exit``, ``os._exit``, an ``atexit``
hook) or prints the harness's words gets no pass. Before any of the row's code runs the harness
compiles both files and keeps its own ``exec``/``compile``/``open`` and unittest classes; in the
tests every ``==``/``!=``/``in`` (and ``assertEqual``) first checks that neither side (nor the items of a list, tuple, set or
dict on either side) claims to equal an object it has never seen, so a solution returning an
object "equal to everything" fails.

``exec_status`` of each row:

- ``passed``: code and tests ran to the end (the harness's record on the report channel, exit
  status 0);
- ``failed``: an exception (failed assert, error, MemoryError...), a non-zero exit, an exit
  before the tests finished (``sys.exit``/``os._exit`` in the code), or a fatal signal;
- ``timeout``: the wall-clock or CPU limit was hit;
- ``error``: the sandbox could not run it (no code; the process could not start);
- ``no_tests``: nothing was checked. The row has no tests (nothing that checks: no assert, test
  function, TestCase or raise) and its code ran cleanly; or its code or tests import a module that is
  not installed where rows run (not the standard library nor a near miss of a standard module's
  name, which is a misspelling: ``flask``, ``pytest``, not ``collectionz``; nor a submodule that an
  installed package does not have, which is made up: ``from yaml.helpers import x``); or it has no tests
  and its code stopped on what the sandbox does not give it (``input()`` with no stdin, a file, the
  network, a display: ``EOFError``, ``OSError``, ``TclError``); or its code or tests stopped on a name
  that its instruction's own code binds (Alpaca's ``sentence = "..."``, the function of "Write pytest
  tests for this function: ...": a ``NameError``). ``exec_detail`` then says which. Any
  other crash makes the row ``failed``: a misspelt standard name (``from hashlib import sha2512``),
  a ``NameError``, a wrong call.

``exec_detail`` is one short line (the last line of stderr, or why it timed out / errored). This is
a quality filter, not a proof: code that deliberately reaches into the harness in its own process
(its globals, the report descriptor under ``/proc/self/fd``, patched unittest methods) can still
forge a pass; SANDBOX.md lists what is and is not caught, and a test measures it.
"""

from __future__ import annotations

import ast
from typing import AbstractSet, Any, Dict, List, Optional, Sequence

from hfsynth.curate.accepted_inputs import accepted_input_claims
from hfsynth.curate.case_probes import case_claims
from hfsynth.curate.claimed_outputs import (
    CHECKER, claims_check, commented_call_claims, example_block_claims, output_block_claims, prose_claims, session_claims, shown_call_blocks, usage_block_runs,
    with_comment_claims_checked,
)
from hfsynth.curate.code_tests import code_tests, top_level_checks, without_test_runner_calls
from hfsynth.curate.instruction import prose, text_outside_fences, written_in_english
from hfsynth.curate.instruction_examples import answered_call_claims, instruction_examples
from hfsynth.curate.known_tasks import known_task_claims
from hfsynth.curate.python_ast import checks_without_assert, nodes_of, parse_python, top_level_definitions, walk
from hfsynth.curate.quantity_examples import quantity_examples
from hfsynth.curate.required_errors import required_error_claims
from hfsynth.curate.round_trips import round_trip_claims
from hfsynth.curate.static_analysis import names_the_instruction_defines
from hfsynth.curate.typed_probes import PROBE_RUNNER, typed_probes, values_restricted
from hfsynth.curate.worded_examples import shown_input_examples, worded_examples
from hfsynth.sandbox import Limits, Result, run_programs
from hfsynth.sandbox.channel import PRELUDE, records, single
from hfsynth.schema.curate import ExecutionConfig

EXEC_STATUSES = ("passed", "failed", "timeout", "error", "no_tests")
CHECKER_GOES_HERE = 'namespace["assert_hf_examples"]'
# Names of what differs from run to run: a claimed die roll, timestamp or object id is no claim to hold code to.
# The datetime module is not among them (parsing and formatting a date give one answer); its clocks are.
NONDETERMINISTIC = frozenset({"random", "secrets", "uuid", "time", "time_ns", "localtime", "urandom", "shuffle", "id", "hash", "getpid", "now", "today", "utcnow",
                              "perf_counter", "monotonic"})
DETAIL_CHARS = 300

HARNESS_BODY = '''\
import ast, importlib.util, itertools, sys, types, unittest

_hf_exec, _hf_compile, _hf_open, _hf_type, _hf_len = exec, compile, open, type, len
_hf_TestCase, _hf_Suite, _hf_Runner, _hf_loader = unittest.TestCase, unittest.TestSuite, unittest.TextTestRunner, unittest.TestLoader()
_hf_containers = (list, tuple, set, frozenset)


def _hf_source(name):
    with _hf_open(name, encoding="utf-8") as f:
        return f.read()


class _HfStranger:
    """An object no honest value compares equal to."""
    __slots__ = ()


def _hf_items(value, budget=100):
    """The value, then (up to a budget) the items of builtin containers in it, two levels down."""
    out, todo = [], [(value, 0)]
    while todo and _hf_len(out) < budget:
        item, depth = todo.pop()
        out.append(item)
        kind = _hf_type(item)
        if depth < 2 and (kind in _hf_containers or kind is dict):
            items = list(itertools.islice(item.items() if kind is dict else item, budget))
            for sub in items:
                todo.extend([(sub[0], depth + 1), (sub[1], depth + 1)] if kind is dict else [(sub, depth + 1)])
    return out


def _hf_rigged(value, op):
    stranger = _HfStranger()
    try:
        return bool(value == stranger) if op == "==" else not bool(value != stranger)
    except Exception:
        return False


def _hf_compare(left, right, op):
    """left OP right, after checking that neither side is rigged ("in": the left side, with ==)."""
    for side in (left,) if op in ("in", "not in") else (left, right):
        for item in _hf_items(side):
            if _hf_rigged(item, "!=" if op in ("!=", "not in") else "=="):
                raise AssertionError(f"a {_hf_type(item).__name__} object compares equal to anything: its comparison is rigged")
    if op == "==":
        return left == right
    if op == "!=":
        return left != right
    return (left in right) if op == "in" else (left not in right)


class _HfRewrite(ast.NodeTransformer):
    """a == b -> _hf_compare(a, b, '=='), and so for !=, in, not in (single comparisons)."""

    OPS = {ast.Eq: "==", ast.NotEq: "!=", ast.In: "in", ast.NotIn: "not in"}

    def visit_Compare(self, node):
        self.generic_visit(node)
        if _hf_len(node.ops) == 1 and _hf_type(node.ops[0]) in self.OPS:
            op = self.OPS[_hf_type(node.ops[0])]
            call = ast.Call(ast.Name("_hf_compare", ast.Load()), [node.left, node.comparators[0], ast.Constant(op)], [])
            return ast.copy_location(call, node)
        return node


_hf_assert_equal, _hf_assert_not_equal = unittest.TestCase.assertEqual, unittest.TestCase.assertNotEqual


def _hf_checked_assert_equal(self, first, second, msg=None):
    _hf_compare(first, second, "==")  # raises when either side is rigged
    return _hf_assert_equal(self, first, second, msg)


def _hf_checked_assert_not_equal(self, first, second, msg=None):
    _hf_compare(first, second, "!=")
    return _hf_assert_not_equal(self, first, second, msg)


def _hf_no_main(*args, **kwargs):  # unittest.main() in the tests: the harness runs the classes itself
    return None


solution_code = _hf_compile(_hf_source("solution.py"), "solution.py", "exec")
if HAS_TESTS:
    tree = _HfRewrite().visit(ast.parse(_hf_source("tests.py"), "tests.py"))
    tests_code = _hf_compile(ast.fix_missing_locations(tree), "tests.py", "exec")
module = types.ModuleType("solution")
module.__file__ = "solution.py"
sys.modules["solution"] = module
namespace = module.__dict__
functions = cases = 0
_hf_stdlib = frozenset(sys.stdlib_module_names)


def _hf_misspelt(top):
    """A standard module's name cut short (``dataclass``, ``itertool``) or with one letter wrong
    (``collectionz``): a misspelling. Libraries named after a standard module add to its name
    (``lxml``, ``httpx``, ``ujson``, ``pathlib2``), so those are not, nor short names one letter
    off (``typer``)."""
    for name in _hf_stdlib:
        if name.startswith("_"):
            continue
        if _hf_len(top) >= 4 and name.startswith(top) and 0 < _hf_len(name) - _hf_len(top) <= 2:
            return True
        if _hf_len(name) == _hf_len(top) >= 6 and sum(a != b for a, b in zip(name, top)) == 1:
            return True
    return False


def _hf_installed(top):
    try:
        return importlib.util.find_spec(top) is not None
    except Exception:
        return False


def _hf_stop_if_unavailable(exc, in_code):
    """Report the row unchecked and end the program when ``exc`` is the machine's fault; else re-raise it."""
    reason = _hf_unavailable(exc, in_code)
    if reason is None:
        raise exc
    _hf_report({"unavailable": reason})
    _hf_exit(0)


def _hf_unavailable(exc, in_code):
    """Why the row could not be checked here, when the exception is the machine's, not the code's."""
    if isinstance(exc, ModuleNotFoundError):
        top = (exc.name or "").partition(".")[0]
        if not top or top in _hf_stdlib:
            return None
        if _hf_misspelt(top):
            return None
        if exc.name != top and _hf_installed(top):  # the package is here, the submodule is made up
            return None
        return f"module {top!r} is not installed where rows run"
    if isinstance(exc, NameError) and getattr(exc, "name", None) in GIVEN:
        return f"the {'code' if in_code else 'tests'} use{'s' if in_code else ''} {exc.name!r}, which its instruction gives"
    if in_code and not HAS_TESTS and (isinstance(exc, (EOFError, OSError)) or _hf_type(exc).__name__ == "TclError"):
        return f"the code needs what the sandbox has not: {_hf_type(exc).__name__}: {exc}"[:200]
    return None


namespace["assert_hf_examples"] = assert_hf_examples  # the claims' checker (claimed_outputs.CHECKER, put above)
try:
    try:
        _hf_exec(solution_code, namespace)
    except BaseException as exc:
        _hf_stop_if_unavailable(exc, True)
    if PROBES:
        _hf_typed_probes(PROBES, namespace, ONE_HANG_FAILS)  # calls made from the function's annotations (typed_probes.PROBE_RUNNER, put above)
    if HAS_TESTS:
        namespace["__name__"], namespace["__file__"] = "__main__", "tests.py"  # the tests are the program being run
        namespace["_hf_compare"] = _hf_compare
        unittest.main = _hf_no_main
        _hf_TestCase.assertEqual, _hf_TestCase.assertNotEqual = _hf_checked_assert_equal, _hf_checked_assert_not_equal
        _hf_exec(tests_code, namespace)
        for name, value in list(namespace.items()):
            code = getattr(value, "__code__", None)
            if name.startswith("test") and code is not None and code.co_filename == "tests.py" and code.co_argcount == 0:
                value()
                functions += 1
        classes = [v for v in namespace.values() if isinstance(v, type) and issubclass(v, _hf_TestCase) and v.__module__ == "__main__"]
        if classes:
            suite = _hf_Suite(_hf_loader.loadTestsFromTestCase(c) for c in classes)
            outcome = _hf_Runner(stream=sys.stderr, verbosity=0).run(suite)
            if not outcome.wasSuccessful():
                raise AssertionError(f"unittest: {_hf_len(outcome.failures)} failures, {_hf_len(outcome.errors)} errors")
            if outcome.testsRun != suite.countTestCases():
                raise AssertionError(f"unittest: {outcome.testsRun} of {suite.countTestCases()} tests reported running")
            cases = outcome.testsRun
except (ModuleNotFoundError, NameError) as exc:  # the tests import what is not installed here, or use what the instruction gives
    _hf_stop_if_unavailable(exc, False)
except SystemExit as exc:
    print(f"SystemExit: the program exited ({exc.code!r}) before the tests finished", file=sys.stderr)
    sys.exit(3)
_hf_report({"done": True, "functions": functions, "unittest": cases})
'''


def harness(has_tests: bool, given: AbstractSet[str] = frozenset(), probes: Sequence[str] = (), one_hang_fails: bool = True) -> str:
    """The sandbox's ``main.py`` for one row: the report channel's prelude, the claims' checker and the
    typed probes' runner, then the harness. ``given``: names the row's instruction binds in its own code
    (Alpaca's ``sentence = "..."``); ``probes``: calls made from the function's annotations
    (:mod:`hfsynth.curate.typed_probes`), run after the code and before the tests; ``one_hang_fails``: whether
    one probe that does not return fails the row while another returns (not where the instruction restricts values)."""
    header = (f"HAS_TESTS = {bool(has_tests)}\nGIVEN = frozenset({sorted(given)!r})\nPROBES = {list(probes)!r}\n"
              f"ONE_HANG_FAILS = {bool(one_hang_fails)}\n")
    return PRELUDE + header + HARNESS_BODY.replace(CHECKER_GOES_HERE, CHECKER + PROBE_RUNNER + CHECKER_GOES_HERE, 1)


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
    for node in walk(tree):
        if isinstance(node, ast.Assert) or checks_without_assert(node):
            return True
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "check":
            return True  # HumanEval's check(candidate)
    return False


def _drawn(tree: Optional[ast.Module]) -> set:
    """The names the code may draw a value from: those it calls (``id(x)``, ``random()``), attributes
    (``date.today``) and modules; not a parameter or variable it only reads (``today``, ``id``), nor the
    words of its strings ("O(n) time")."""
    names: set = set()
    # ``from datetime import time``: a class of dates and times (``time(9)`` is nine o'clock), not the clock's module
    classes = {alias.asname or alias.name for node in nodes_of(tree, ast.ImportFrom) if node.module == "datetime"
               for alias in node.names} if tree is not None else set()
    for node in walk(tree) if tree is not None else ():
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id not in classes:
                names.add(node.func.id)
        elif isinstance(node, ast.Attribute) and not (node.attr == "time" and ast.unparse(node.value) != "time"):
            names.add(node.attr)  # ``moment.time()``, a datetime's clock time, reads no clock; ``time.time()`` does
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            if not (isinstance(node, ast.ImportFrom) and node.module == "datetime"):
                names.update(alias.name.split(".")[0] for alias in node.names)
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module.split(".")[0])
    return names


def program_files(code: str, tests: Optional[str], instruction: str = "", response: str = "", known_tasks: bool = True,
                  typed: bool = True) -> Dict[str, str]:
    """The sandbox files of one row: the harness, the code and (when they can fail) the tests. The
    tests the code carries (:func:`~hfsynth.curate.code_tests.code_tests`: its main guard's asserts,
    TestCase classes, test functions) run after the row's own: the code itself runs as a module, so
    they would not run otherwise. The outputs the response claims (``# Output: 120``, a ``>>>``
    session, the instruction's worked examples and its stub's doctests: :mod:`hfsynth.curate.claimed_outputs`)
    are checked too."""
    claims: list = []
    tree = parse_python(code)
    if not NONDETERMINISTIC & _drawn(tree):
        code, rewritten = with_comment_claims_checked(code)
        if rewritten:
            tree = parse_python(code)
        usage = [c for c in output_block_claims(response or "", code) if not NONDETERMINISTIC & _drawn(parse_python(c[0]))]  # a usage block's chance too
        runs = [c for c in usage_block_runs(response or "", code, tree, usage) if not NONDETERMINISTIC & _drawn(parse_python(c[0]))]
        claims = session_claims(response or code) + usage + runs
        claims += prose_claims(response or "", tree) + example_block_claims(response or "", code, tree)
        claims += [c for c in commented_call_claims(response or "", tree) if c not in claims]
        told = [(e.call, e.want, False) for e in worded_examples(text_outside_fences(response or ""), tree)]  # "For `[(0, 1), (1, 2)]` and `start = 0` it returns ..."
        claims += [c for c in told if c not in claims]
    if instruction:
        words = prose(instruction)
        examples = list(dict.fromkeys(instruction_examples(words, tree) + worded_examples(words, tree) + shown_input_examples(instruction, words, tree)
                                      + quantity_examples(words, tree)))
        claims += [(e.call, e.want, False, "unit") if e.bare else (e.call, e.want, False) for e in examples]
        read = {e.call for e in examples}
        claims += answered_call_claims(words, tree, read)
        if tree is not None and not NONDETERMINISTIC & _drawn(tree):  # a stub's doctests: ``>>> to_postfix("3 + 4 * 2")`` and its answer
            claims += [c for c in session_claims(instruction) if c not in claims and _drawn(parse_python(c[0])) & top_level_definitions(tree)]
            claims += [c for c in shown_call_blocks(instruction, tree) if c not in claims]  # a fenced example call must return
        tests_tree = parse_python(tests) if tests else None
        claims += required_error_claims(words, tree, tests_tree) + accepted_input_claims(words, tree, instruction)
        claims += [c for c in round_trip_claims(instruction, tree) if c not in claims]  # load(save(cells)) == cells, run
        if not NONDETERMINISTIC & _drawn(tree):
            claims += case_claims(words, tree, tests_tree)
        if known_tasks and written_in_english(instruction):
            claims += known_task_claims(words, tree)
    carried = code_tests(tree)
    if carried:
        tests = f"{tests}\n{carried}" if tests and tests.strip() else carried
    if claims:
        tests = f"{tests}\n{claims_check(claims)}" if tests and tests.strip() else claims_check(claims)
    if tests:
        tests = without_test_runner_calls(tests)
    checked = bool(carried) or has_checks(tests) or bool(tree is not None and top_level_checks(tree))
    given = names_the_instruction_defines(instruction) if instruction else frozenset()
    words = prose(instruction) if instruction else ""
    probes = typed_probes(words, tree, instruction) if typed and instruction and not NONDETERMINISTIC & _drawn(tree) else []
    files = {"main.py": harness(checked, given, probes, not (probes and values_restricted(words))), "solution.py": code}
    if checked:
        files["tests.py"] = tests or ""
    return files


def _short(text: str) -> str:
    return " ".join(text.split())[:DETAIL_CHARS]


def exec_outcome(result: Result, checked: bool) -> Dict[str, str]:
    """Sandbox result -> ``exec_status`` and ``exec_detail``."""
    if result.status == "ok":
        if single(result.reports, "done") is not None:
            return {"exec_status": "passed" if checked else "no_tests", "exec_detail": ""}
        unavailable = single(result.reports, "unavailable")
        if unavailable is not None:
            return {"exec_status": "no_tests", "exec_detail": "not checked: " + _short(str(unavailable["unavailable"]))}
        if len([r for r in records(result.reports) if "done" in r]) > 1:
            return {"exec_status": "failed", "exec_detail": "the program wrote on the harness's report channel"}
        return {"exec_status": "failed", "exec_detail": "the program ended before the tests finished (exit status 0 without the harness's report)"}
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
        programs.append(program_files(code, row.get("tests"), row.get("instruction") or "", row.get("response") or "", config.probe_known_tasks, config.probe_annotated_types))
    # A row that could not start, or ran out of processes, threads or memory while other rows ran
    # (a fork bomb next door), is run once more alone by run_programs before it is judged.
    results = run_programs(programs, limits, workers=workers, progress=progress, description="execute")
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
