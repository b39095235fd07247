"""Exact and near deduplication, deterministic: of each group of duplicates the lowest id stays.

Exact: rows whose whitespace-normalised text is equal. Near: MinHash-LSH near duplicates of a
kept row with a lower id (:mod:`hfsynth.near_dedup`, shared with the diversity metrics).
"""

from __future__ import annotations

import hashlib
from typing import Dict, List, Sequence, Tuple

from hfsynth.near_dedup import id_order, near_duplicates, normalise


def exact_duplicates(ids: Sequence[str], texts: Sequence[str]) -> Dict[str, str]:
    """{removed id: kept id} for rows whose normalised text equals that of a lower id."""
    first: Dict[bytes, str] = {}
    removed: Dict[str, str] = {}
    for i in id_order(ids):
        key = hashlib.blake2b(normalise(texts[i]).encode("utf-8", "surrogatepass"), digest_size=16).digest()
        kept = first.setdefault(key, ids[i])
        if kept != ids[i]:
            removed[ids[i]] = kept
    return removed


def dedup_rows(rows: List[Dict], config) -> Tuple[List[Dict], List[Dict], Dict[str, str]]:
    """Rows after exact dedup, rows after near dedup, and {removed id: kept id} for both.

    A switched-off step passes its input through. Rows are compared on ``config.field``."""
    texts = [row.get(config.field) or "" for row in rows]
    ids = [str(row["id"]) for row in rows]
    removed: Dict[str, str] = exact_duplicates(ids, texts) if config.exact else {}
    after_exact = [row for row, row_id in zip(rows, ids) if row_id not in removed]
    if not config.near:
        return after_exact, after_exact, removed
    keep = [i for i, row_id in enumerate(ids) if row_id not in removed]
    near = near_duplicates(
        [ids[i] for i in keep],
        [texts[i] for i in keep],
        ngram_size=config.ngram_size,
        num_perm=config.num_perm,
        threshold=config.threshold,
        shingle=config.shingle,
        seed=config.seed,
    )
    removed.update(near)
    return after_exact, [row for row in after_exact if str(row["id"]) not in near], removed
