"""``hfsynth curate RECIPE --input FILE_OR_HUB_ID``: any dataset through the same funnel.

The input has one row per example: an id, an instruction and a response (markdown with fenced
code, optionally a second fenced block of asserts), or columns that map onto them like the seed's
(``messages``/ShareGPT ``conversations``, Alpaca ``instruction``/``input``/``output``,
``prompt``/``completion``; ``curate.input.columns`` for anything else). Rows become rows of the
generation row schema (``status`` ok, the input's id kept, the language the recipe's first), so
every filter treats them as it treats generated rows.

Everything is checked when the rows are read, in the stage's preflight: columns that fit no
shape, a file that is not what its extension says, duplicate ids, no row with code. Nothing has
been written by then.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import AbstractSet, Dict, List, Optional, Set, Tuple

from hfsynth.errors import HfsynthError
from hfsynth.curate import literal_gates
from hfsynth.curate.extract import find_fences, pick_fence
from hfsynth.curate.python_ast import children, nodes_of, parse_python, unparsed, walk
from hfsynth.schema.base import PLAIN_SPLIT

HUB_ID = literal_gates.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")
FIELD = "curate.input"


def is_file_source(source: str, base: Optional[Path] = None) -> bool:
    path = Path(source).expanduser()
    return path.suffix.lower() in (".jsonl", ".json", ".parquet", ".csv") or path.exists() or (base is not None and (base / path).exists())


def read_source(source: str, config) -> Tuple[List[Dict], str]:
    """(rows as dicts, a name for messages) of a local file or a Hub dataset."""
    if is_file_source(source):
        from hfsynth.tables import read_table

        path = Path(source).expanduser()
        try:
            return read_table(path).to_pylist(), f"'{path}'"
        except HfsynthError as exc:
            raise HfsynthError(f"--input: {exc}") from None
    if not HUB_ID.match(source):
        raise HfsynthError(f"--input: '{source}' is neither a file (.jsonl, .json, .parquet, .csv) nor a Hub dataset id (owner/name)")
    from hfsynth.data.loaders import load_hub_split

    data = load_hub_split(source, config.hub_config, config.hub_split, config.revision, "--input", "--input")
    return data.to_list(), f"dataset '{source}'"


def instruction_and_response(row: Dict, plan: Dict[str, str], where: str) -> Tuple[str, str]:
    """The instruction (the last user turn) and the response (the assistant turn after it)."""
    from hfsynth.data.columns import to_messages

    messages = to_messages(row, plan, None, where=where)
    last_user = max((i for i, m in enumerate(messages) if m["role"] == "user"), default=None)
    if last_user is None:
        return "", ""
    reply = next((m["content"] for m in messages[last_user + 1:] if m["role"] == "assistant"), "")
    return messages[last_user]["content"], reply


DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _asserts_outside_definitions(node: ast.AST) -> bool:
    """An assert in this statement, looking into ``with``/``for``/``if``/``try`` blocks (tests that
    work in a temporary directory, or loop over cases) but not into functions or classes."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, ast.Assert):
            return True
        if not isinstance(current, DEFINITIONS + (ast.Lambda,)):
            stack.extend(children(current))
    return False


def _is_test_definition(node: ast.stmt) -> bool:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return node.name.startswith("test")
    return isinstance(node, ast.ClassDef) and (node.name.startswith("Test") or any("TestCase" in unparsed(base) for base in node.bases))


def defined_names(code: str) -> Set[str]:
    """The names a block binds at its top level: functions, classes, assignment targets, imports."""
    tree = parse_python(code)
    if tree is None:
        return set()
    names: Set[str] = set()
    for node in tree.body:
        if isinstance(node, DEFINITIONS):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(n.id for t in targets for n in nodes_of(t, ast.Name))
    return names


def is_tests(code: str, defined_elsewhere: AbstractSet[str] = frozenset()) -> bool:
    """A block of tests: asserts (at its top level or inside ``with``/``for``/``if``/``try``),
    ``test*`` functions or test classes (``unittest.TestCase``, pytest's ``Test*``), or a function of
    asserts that the block calls (``asyncio.run(main())``). Other functions
    or classes are the test's helpers (a fake ``fetch``, a job factory, a stub resource) when the
    block uses a name that only ``defined_elsewhere`` (the other fences) binds: it exercises
    another fence's code. Without such a use they make it a solution that checks itself."""
    tree = parse_python(code)
    if tree is None:
        return False
    checks = False
    helpers = False
    called = {n.func.id for top in tree.body if not isinstance(top, DEFINITIONS) for n in nodes_of(top, ast.Call) if isinstance(n.func, ast.Name)}
    for node in tree.body:
        if _is_test_definition(node) or (
            isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in called and any(isinstance(n, ast.Assert) for n in walk(node))
        ):  # a test_* function, or a main() of asserts the block runs (``asyncio.run(main())``)
            checks = True
        elif isinstance(node, DEFINITIONS):
            helpers = True
        elif _asserts_outside_definitions(node):
            checks = True
    if not checks or not helpers:
        return checks
    used = {node.id for node in nodes_of(tree, ast.Name) if isinstance(node.ctx, ast.Load)}
    return bool((used & set(defined_elsewhere)) - defined_names(code))


def code_and_tests(response: str, languages) -> Tuple[Optional[str], Optional[str]]:
    """A response with two or more fences in a kept language, the last block of tests among them
    (:func:`is_tests`, told from the names the other fences define): (the solution among the other
    fences, as extraction picks it, the tests). Otherwise (None, None): extraction picks the code later."""
    fences = [f for f in find_fences(response) if (f.language or languages[0]) in languages and f.code.strip()]
    if len(fences) < 2:
        return None, None
    names = [defined_names(f.code) for f in fences]

    def elsewhere(index: int) -> Set[str]:
        return set().union(*(n for i, n in enumerate(names) if i != index))

    test_index = next((i for i in range(len(fences) - 1, -1, -1) if is_tests(fences[i].code, elsewhere(i))), None)
    if test_index is None:
        return None, None
    solution = pick_fence([f for i, f in enumerate(fences) if i != test_index], languages, languages[0])
    return solution[0], fences[test_index].code


def to_rows(records: List[Dict], source: str, recipe) -> List[Dict]:
    """The input's records as rows of the generation row schema; HfsynthError for bad input."""
    from hfsynth.curate.extract import extract_code
    from hfsynth.data.columns import plan_mapping

    config = recipe.curate.input
    languages = recipe.curate.languages
    if not records:
        raise HfsynthError(f"--input: {source} has no rows")
    columns = list(records[0].keys())
    if config.id_column not in columns:
        raise HfsynthError(
            f"--input: {source} has no id column '{config.id_column}' (it has: {', '.join(columns)}); "
            f"add one or name it with {FIELD}.id_column"
        )
    plan = plan_mapping(columns, config.columns, source, field=FIELD)
    for key in ("tests_column", "split_column"):  # the default columns are optional; another one the recipe names must exist
        named = getattr(config, key)
        if named is not None and named != type(config).model_fields[key].default and named not in columns:
            raise HfsynthError(f"{FIELD}.{key}: column '{named}' is not in {source} (it has: {', '.join(columns)})")
    tests_column = config.tests_column if config.tests_column in columns else None
    split_column = config.split_column if config.split_column in columns else None
    rows: List[Dict] = []
    seen: Dict[str, int] = {}
    for index, record in enumerate(records):
        row_id = record.get(config.id_column)
        if row_id is None or str(row_id).strip() == "":
            raise HfsynthError(f"--input: {source} row {index} has an empty id")
        row_id = str(row_id)
        if row_id in seen:
            raise HfsynthError(f"--input: {source} has the id '{row_id}' twice (rows {seen[row_id]} and {index}); ids must be unique")
        seen[row_id] = index
        instruction, response = instruction_and_response(record, plan, f"--input: {source} row {index}")
        code, tests = code_and_tests(response, languages)
        if tests_column and record.get(tests_column):
            tests = str(record[tests_column])
        split = str(record.get(split_column) or "train") if split_column else "train"
        if not PLAIN_SPLIT.fullmatch(split):
            raise HfsynthError(
                f"--input: {source} row {index} has the split {split!r} in column '{split_column}'; expected a plain name of "
                "letters, digits and underscores (it names the file data/<split>.parquet)"
            )
        rows.append({
            **{k: v for k, v in record.items() if k not in (config.id_column,)},
            "id": row_id, "split": split, "instruction": instruction, "response": response, "code": code, "tests": tests,
            "language": languages[0], "status": "ok",
        })
    if not any(extract_code(r["response"], languages=languages, row_language=r["language"], existing_code=r["code"], allow_unfenced=False) for r in rows):
        raise HfsynthError(
            f"--input: none of the {len(rows)} rows of {source} has code in a fenced block (```{languages[0]} ...```); "
            "expected responses in markdown with fenced code"
        )
    return rows


def load_input(source: str, recipe) -> List[Dict]:
    """Read and check ``--input``: the rows to curate (each with its split)."""
    records, name = read_source(source, recipe.curate.input)
    return to_rows(records, name, recipe)
