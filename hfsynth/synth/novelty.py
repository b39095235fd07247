"""ROUGE-L novelty against an instruction pool (Self-Instruct / Code Alpaca drop a new instruction
whose ROUGE-L F against any pool instruction exceeds 0.7).

Scores come from the ``rouge-score`` package. Comparing one candidate with thousands of seed
instructions is the slow part, so a cheap upper bound filters first: the LCS of two token lists is
at most their multiset overlap, hence F <= 2*overlap/(len_a + len_b); only pool entries whose bound
exceeds the threshold are scored exactly.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, List, Tuple


class NoveltyPool:
    """Instructions seen so far; ``closest(text)`` is the highest ROUGE-L F against any of them."""

    def __init__(self, texts: Iterable[str] = ()):
        from rouge_score import rouge_scorer  # imported here: only Self-Instruct needs it (and its nltk)
        from rouge_score.tokenizers import DefaultTokenizer

        self.tokenizer = DefaultTokenizer(use_stemmer=False)
        self.scorer = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=False)
        self.entries: List[Tuple[str, Counter, int]] = []
        for text in texts:
            self.add(text)

    def add(self, text: str) -> None:
        tokens = self.tokenizer.tokenize(text)
        self.entries.append((text, Counter(tokens), len(tokens)))

    def copy(self) -> "NoveltyPool":
        clone = NoveltyPool()
        clone.entries = list(self.entries)
        return clone

    def __len__(self) -> int:
        return len(self.entries)

    def closest(self, text: str, threshold: float = 0.0) -> float:
        """Max ROUGE-L F of ``text`` against the pool; entries that cannot exceed ``threshold`` are skipped
        (so the result is exact whenever it is above the threshold)."""
        tokens = self.tokenizer.tokenize(text)
        if not tokens:
            return 0.0
        counts, size = Counter(tokens), len(tokens)
        best = 0.0
        for entry, entry_counts, entry_size in self.entries:
            if not entry_size:
                continue
            bound = 2 * sum((counts & entry_counts).values()) / (size + entry_size)
            if bound <= max(best, threshold):
                continue
            best = max(best, self.scorer.score(entry, text)["rougeL"].fmeasure)
        return best
