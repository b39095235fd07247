"""How varied a set of code snippets is: distinct-n, self-BLEU, near duplicates, AST shapes.

Every figure is linear in the number of rows except self-BLEU, which compares each text with all
the others and therefore runs on a fixed-seed sample of ``sample_size`` texts. Within that sample
it is exact sacrebleu sentence BLEU (13a tokenizer, exp smoothing, effective order, each text
against all the others as references) but computed in one pass: sacrebleu's multi-reference
clipping takes, per n-gram, the largest count among the references, and the largest count
*excluding the hypothesis itself* is the top count, or the second one when the hypothesis holds
the top. A test checks the result against ``sacrebleu.sentence_bleu`` text by text.
"""

from __future__ import annotations

import ast
import hashlib
import random
import re
from collections.abc import Mapping
from typing import Dict, Iterator, List, Optional, Sequence, Tuple

_TOKEN = re.compile(r"\w+|[^\w\s]")

DEFINITIONS = {
    "distinct_n": (
        "distinct-{n}: unique {n}-grams / all {n}-grams over the whole column (tokens: runs of word characters "
        "and single punctuation characters); higher = more varied"
    ),
    "self_bleu": (
        "self-BLEU: mean sacrebleu sentence BLEU (13a, exp smoothing, effective order) of each sampled text against "
        "all the other sampled texts, on a 0-1 scale; lower = more varied"
    ),
    "near_duplicate_ratio": (
        "share of rows that are MinHash-LSH near duplicates of a row with a lower id "
        "(word 5-gram shingles, 256 permutations, estimated Jaccard >= 0.7, as BigCode)"
    ),
    "ast_shape_ratio": (
        "distinct Python AST shapes / rows that parse (shape = the tree's node types with every name, "
        "attribute and constant erased); higher = more structurally varied"
    ),
    "parse_rate": "share of rows whose text parses as Python (ast.parse)",
}


def tokens(text: str) -> List[str]:
    return _TOKEN.findall(text)


def distinct_n(texts: Sequence[str], n: int) -> Optional[float]:
    """Unique n-grams / total n-grams across all texts (None when no text has n tokens)."""
    seen = set()
    total = 0
    for text in texts:
        toks = tokens(text)
        grams = list(zip(*(toks[i:] for i in range(n))))
        total += len(grams)
        seen.update(grams)
    return len(seen) / total if total else None


def fixed_sample(count: int, size: int, seed: int) -> List[int]:
    """Indices of a seeded sample of ``size`` out of ``count`` (all of them when fewer), in order."""
    if count <= size:
        return list(range(count))
    return sorted(random.Random(seed).sample(range(count), size))


class _LeaveOneOutCounts(Mapping):
    """Reference n-gram counts of "every text but ``self.excluded``", as sacrebleu reads them."""

    def __init__(self, best: Dict[tuple, Tuple[int, int, int]]):
        self.best = best  # n-gram -> (top count, index holding it, second count)
        self.excluded = -1

    def _count(self, ngram) -> int:
        top, holder, second = self.best.get(ngram, (0, -1, 0))
        return second if holder == self.excluded else top

    def __contains__(self, ngram) -> bool:
        return self._count(ngram) > 0

    def __getitem__(self, ngram) -> int:
        return self._count(ngram)

    def __iter__(self) -> Iterator:
        return iter(self.best)

    def __len__(self) -> int:
        return len(self.best)


def self_bleu(texts: Sequence[str]) -> Optional[float]:
    """Mean sentence BLEU (0-1) of each text against all the others (None for fewer than 2 texts)."""
    from sacrebleu.metrics import BLEU
    from sacrebleu.metrics.helpers import extract_all_word_ngrams

    texts = [t for t in texts if t and t.strip()]
    if len(texts) < 2:
        return None
    bleu = BLEU(effective_order=True)  # what sacrebleu.sentence_bleu uses
    counts, lengths = [], []
    for text in texts:
        grams, length = extract_all_word_ngrams(bleu._preprocess_segment(text), 1, bleu.max_ngram_order)
        counts.append(grams)
        lengths.append(length)
    best: Dict[tuple, Tuple[int, int, int]] = {}
    for index, grams in enumerate(counts):
        for gram, c in grams.items():
            top, holder, second = best.get(gram, (0, -1, 0))
            if c > top:
                best[gram] = (c, index, top)
            elif c > second:
                best[gram] = (top, holder, c)
    references = _LeaveOneOutCounts(best)
    scores = []
    for index, text in enumerate(texts):
        references.excluded = index
        others = lengths[:index] + lengths[index + 1:]
        stats = bleu._compute_segment_statistics(bleu._preprocess_segment(text), {"ref_ngrams": references, "ref_lens": others})
        scores.append(bleu._compute_score_from_stats(stats).score / 100.0)
    return sum(scores) / len(scores)


def near_duplicate_ratio(texts: Sequence[str], ids: Optional[Sequence[str]] = None) -> Optional[float]:
    """Share of texts that curation's MinHash-LSH near dedup would remove (BigCode defaults)."""
    from hfsynth.near_dedup import near_duplicates

    if not texts:
        return None
    ids = [str(i) for i in ids] if ids is not None else [f"{i:012d}" for i in range(len(texts))]
    return len(near_duplicates(ids, list(texts))) / len(texts)


def _shape(node: ast.AST) -> str:
    """The node types of a tree, nested, with every identifier and constant dropped."""
    parts = [type(node).__name__]
    for _, value in ast.iter_fields(node):
        if isinstance(value, ast.AST):
            parts.append(_shape(value))
        elif isinstance(value, list):
            parts.append("[" + ",".join(_shape(v) for v in value if isinstance(v, ast.AST)) + "]")
    return "(" + " ".join(parts) + ")"


def ast_shape(code: str) -> Optional[str]:
    """A short digest of the code's AST shape, or None when it does not parse."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return hashlib.blake2b(_shape(tree).encode(), digest_size=12).hexdigest()


def ast_figures(texts: Sequence[str]) -> Tuple[Optional[float], Optional[float], int]:
    """(distinct shapes / parsed, parsed / all, parsed count)."""
    shapes = [s for s in (ast_shape(t) for t in texts) if s is not None]
    if not texts:
        return None, None, 0
    ratio = len(set(shapes)) / len(shapes) if shapes else None
    return ratio, len(shapes) / len(texts), len(shapes)


def diversity_figures(
    texts: Sequence[str],
    *,
    language: str = "python",
    sample_size: int = 1000,
    seed: int = 0,
    ids: Optional[Sequence[str]] = None,
) -> Dict[str, Dict[str, object]]:
    """Every diversity figure as ``{key: {value, definition, sample_size, seed}}``."""
    texts = [t if isinstance(t, str) else "" for t in texts]
    n = len(texts)
    figures: Dict[str, Dict[str, object]] = {}
    for k in (1, 2, 3):
        figures[f"distinct_{k}"] = {"value": distinct_n(texts, k), "definition": DEFINITIONS["distinct_n"].format(n=k), "sample_size": n, "seed": None}
    picked = fixed_sample(n, sample_size, seed)
    figures["self_bleu"] = {
        "value": self_bleu([texts[i] for i in picked]),
        "definition": DEFINITIONS["self_bleu"] + f" (seeded sample of up to {sample_size} rows)",
        "sample_size": len(picked),
        "seed": seed,
    }
    figures["near_duplicate_ratio"] = {"value": near_duplicate_ratio(texts, ids), "definition": DEFINITIONS["near_duplicate_ratio"], "sample_size": n, "seed": None}
    if language == "python":
        ratio, parse_rate, parsed = ast_figures(texts)
        figures["ast_shape_ratio"] = {"value": ratio, "definition": DEFINITIONS["ast_shape_ratio"], "sample_size": parsed, "seed": None}
        figures["parse_rate"] = {"value": parse_rate, "definition": DEFINITIONS["parse_rate"], "sample_size": n, "seed": None}
    return figures
