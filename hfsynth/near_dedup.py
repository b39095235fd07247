"""MinHash-LSH near duplicates, deterministic: of each group of near duplicates the lowest id stays.

Shared by curation's dedup (:mod:`hfsynth.curate.dedup`) and the diversity metrics, so both count
the same near duplicates. MinHash signatures (datasketch) of word or character n-gram shingles,
indexed in a MinHash-LSH whose bands/rows datasketch picks for the threshold. Rows are visited in
id order; a row is a near duplicate when the index returns an already *kept* row whose estimated
Jaccard similarity reaches the threshold, and is then left out of the index. So each kept row
stands for its group, a chain A~B~C with A!~C keeps A and C (C resembles nothing that was kept),
and the cost stays linear in the number of rows: a group of k copies costs k queries that each
return about one kept row, never k^2 comparisons.
"""

from __future__ import annotations

import re
from typing import Dict, List, Sequence, Set

import numpy as np

_WORD = re.compile(r"[A-Za-z0-9_]+")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Whitespace-insensitive form: runs of whitespace become one space, ends stripped (a
    re-indented or re-wrapped copy is still an exact duplicate)."""
    return _SPACE.sub(" ", text).strip()


def id_order(ids: Sequence[str]) -> List[int]:
    """Positions of ``ids`` sorted by id (string order): the visiting order of both dedups."""
    return sorted(range(len(ids)), key=ids.__getitem__)


def shingles(text: str, ngram_size: int = 5, kind: str = "word") -> Set[bytes]:
    """The shingle set of a text: n-grams of word tokens (BigCode) or of characters.

    A text shorter than one n-gram is a single shingle of all it has, so short snippets are
    still compared; an empty text has no shingles."""
    if kind == "word":
        tokens = _WORD.findall(text)
        if len(tokens) <= ngram_size:
            return {" ".join(tokens).encode()} if tokens else set()
        return {" ".join(gram).encode() for gram in zip(*(tokens[i:] for i in range(ngram_size)))}
    flat = normalise(text)
    if len(flat) <= ngram_size:
        return {flat.encode("utf-8", "surrogatepass")} if flat else set()
    return {flat[i : i + ngram_size].encode("utf-8", "surrogatepass") for i in range(len(flat) - ngram_size + 1)}


def _xxh32():
    """xxhash's 32-bit digest: several times faster per shingle than datasketch's default SHA-1."""
    import xxhash

    return xxhash.xxh32_intdigest


def minhash_prototype(num_perm: int = 256, seed: int = 1):
    """An empty datasketch MinHash; ``copy()`` it per row so the permutations are drawn once
    (what ``MinHash.bulk``/``generator`` do)."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=seed, hashfunc=_xxh32())


def make_lsh(threshold: float, num_perm: int):
    """datasketch's MinHashLSH, with the bands x rows it finds optimal for ``threshold``."""
    from datasketch import MinHashLSH

    return MinHashLSH(threshold=threshold, num_perm=num_perm)


def near_duplicates(
    ids: Sequence[str],
    texts: Sequence[str],
    *,
    ngram_size: int = 5,
    num_perm: int = 256,
    threshold: float = 0.7,
    shingle: str = "word",
    seed: int = 1,
) -> Dict[str, str]:
    """{removed id: kept id} for rows that are near duplicates of a kept row with a lower id.

    The LSH only proposes candidates; a candidate counts when the share of equal MinHash values
    (the Jaccard estimate) reaches ``threshold``; among those the lowest id is named."""
    prototype = minhash_prototype(num_perm, seed)
    lsh = make_lsh(threshold, num_perm)
    kept: Dict[int, np.ndarray] = {}  # LSH key (id rank) -> signature, for the Jaccard check
    removed: Dict[str, str] = {}
    order = id_order(ids)
    for rank, i in enumerate(order):
        shingle_set = shingles(texts[i], ngram_size, shingle)
        if not shingle_set:
            continue  # nothing to compare; empty texts are exact dedup's business
        minhash = prototype.copy()
        minhash.update_batch(shingle_set)
        signature = minhash.hashvalues
        matches = [key for key in lsh.query(minhash) if np.count_nonzero(kept[key] == signature) >= threshold * num_perm]
        if matches:
            removed[ids[i]] = ids[order[min(matches)]]
            continue
        lsh.insert(rank, minhash, check_duplication=False)
        kept[rank] = signature
    return removed
