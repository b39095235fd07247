"""Exact and near deduplication, deterministic: of each group of duplicates the lowest id stays.

Exact: rows whose whitespace-normalised text is equal, compared through a 16-byte blake2b digest.
Near: MinHash-LSH near duplicates of a kept row with a lower id (:mod:`hfsynth.near_dedup`, shared
with the diversity metrics). Both work on compact per-row keys (:class:`DedupKeys`), computed batch
by batch in any process, so the stage decides over millions of rows without holding them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np

from hfsynth.near_dedup import band_hashes, greedy_near_duplicates, id_ranks, lsh_shape, normalise, signatures


def exact_key(text: str) -> bytes:
    return hashlib.blake2b(normalise(text).encode("utf-8", "surrogatepass"), digest_size=16).digest()


@dataclass
class DedupKeys:
    """The dedup state of a batch of rows: what survives of a row once it is written out."""

    exact: np.ndarray  # (n, 2) uint64: the 16-byte digest of the normalised text
    bands: Optional[np.ndarray]  # (n, bands) uint64, None when near dedup is off
    has_shingles: Optional[np.ndarray]  # (n,) bool
    signatures: Optional[np.ndarray]  # (n, num_perm): kept by the caller (spilled), not merged

    @staticmethod
    def concat(parts: Sequence["DedupKeys"]) -> "DedupKeys":
        near = bool(parts) and parts[0].bands is not None
        return DedupKeys(
            np.concatenate([p.exact for p in parts]) if parts else np.zeros((0, 2), np.uint64),
            np.concatenate([p.bands for p in parts]) if near else None,
            np.concatenate([p.has_shingles for p in parts]) if near else None,
            None,
        )


def dedup_keys(texts: Sequence[str], config) -> DedupKeys:
    """Keys of a batch of texts for ``config`` (curate.dedup): exact digests always, MinHash
    signatures and band hashes when near dedup is on."""
    digests = b"".join(exact_key(text) for text in texts)
    exact = np.frombuffer(digests, dtype=np.uint64).reshape(-1, 2).copy() if texts else np.zeros((0, 2), np.uint64)
    if not config.near:
        return DedupKeys(exact, None, None, None)
    sigs, present = signatures(texts, ngram_size=config.ngram_size, num_perm=config.num_perm, shingle=config.shingle, seed=config.seed)
    bands, rows = lsh_shape(config.threshold, config.num_perm)
    return DedupKeys(exact, band_hashes(sigs, bands, rows), present, sigs)


def exact_survivors(exact: np.ndarray, ranks: np.ndarray) -> np.ndarray:
    """survivor[i] = the position of the lowest-ranked row with row i's digest (i itself when it stays)."""
    n = len(ranks)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort((ranks, exact[:, 1], exact[:, 0]))
    ordered = exact[order]
    starts = np.ones(n, dtype=bool)
    starts[1:] = (ordered[1:] != ordered[:-1]).any(axis=1)
    first = np.maximum.accumulate(np.where(starts, np.arange(n), 0))
    survivor = np.empty(n, dtype=np.int64)
    survivor[order] = order[first]
    return survivor


def decide(
    ranks: np.ndarray, keys: DedupKeys, config, signature_of: Optional[Callable[[np.ndarray], np.ndarray]] = None
) -> Tuple[Dict[int, int], Dict[int, int]]:
    """({removed position: kept position} of exact dedup, the same of near dedup over what exact
    dedup left). A switched-off step removes nothing. ``signature_of(positions)`` gives the MinHash
    signatures of those positions (from memory or disk); ``ranks`` is each row's place in id order."""
    n = len(ranks)
    exact_removed: Dict[int, int] = {}
    if config.exact:
        survivor = exact_survivors(keys.exact, ranks)
        gone = np.flatnonzero(survivor != np.arange(n))
        exact_removed = dict(zip(gone.tolist(), survivor[gone].tolist()))
    if not config.near:
        return exact_removed, {}
    alive = np.ones(n, dtype=bool)
    if exact_removed:
        alive[list(exact_removed)] = False
    positions = np.flatnonzero(alive & keys.has_shingles)
    removed = greedy_near_duplicates(
        ranks[positions], keys.bands[positions], lambda chosen: signature_of(positions[chosen]), threshold=config.threshold, num_perm=config.num_perm
    )
    return exact_removed, {int(positions[r]): int(positions[k]) for r, k in removed.items()}


def exact_duplicates(ids: Sequence[str], texts: Sequence[str]) -> Dict[str, str]:
    """{removed id: kept id} for rows whose normalised text equals that of a lower id."""
    exact = np.frombuffer(b"".join(exact_key(t) for t in texts), dtype=np.uint64).reshape(-1, 2) if texts else np.zeros((0, 2), np.uint64)
    survivor = exact_survivors(exact, id_ranks(ids))
    return {ids[i]: ids[s] for i, s in enumerate(survivor.tolist()) if s != i}


def dedup_rows(rows: List[Dict], config) -> Tuple[List[Dict], List[Dict], Dict[str, str]]:
    """Rows after exact dedup, rows after near dedup, and {removed id: kept id} for both (rows in memory).

    A switched-off step passes its input through. Rows are compared on ``config.field``."""
    texts = [row.get(config.field) or "" for row in rows]
    ids = [str(row["id"]) for row in rows]
    keys = dedup_keys(texts, config)
    exact_removed, near_removed = decide(id_ranks(ids), keys, config, lambda positions: keys.signatures[positions])
    after_exact = [row for i, row in enumerate(rows) if i not in exact_removed]
    after_near = [row for i, row in enumerate(rows) if i not in exact_removed and i not in near_removed]
    removed = {ids[r]: ids[k] for r, k in {**exact_removed, **near_removed}.items()}
    return after_exact, after_near, removed
