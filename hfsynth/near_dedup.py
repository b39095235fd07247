"""MinHash-LSH near duplicates, deterministic: of each group of near duplicates the lowest id stays.

Shared by curation's dedup (:mod:`hfsynth.curate.dedup`) and the diversity metrics, so both count
the same near duplicates. MinHash signatures (datasketch) of word or character n-gram shingles,
cut into the bands x rows that datasketch's MinHashLSH picks for the threshold. Rows are visited in
id order; a row is a near duplicate when it shares a band with an already *kept* row whose
estimated Jaccard similarity reaches the threshold, and is then left out of the index. So each kept
row stands for its group, a chain A~B~C with A!~C keeps A and C (C resembles nothing that was
kept), and the cost stays linear in the number of rows.

The state is compact so that millions of rows fit: a row is its signature (computed anywhere, in
any process) and one 64-bit hash per band. Only rows that share a band value with another row can
be near duplicates; they are found with one numpy sort per band, and only they are visited one by
one (:func:`greedy_near_duplicates`), so the signatures of the others are never needed again.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Dict, List, Sequence, Set, Tuple

import numpy as np

_WORD = re.compile(r"[A-Za-z0-9_]+")
_SPACE = re.compile(r"\s+")
_FNV_PRIME = np.uint64(0x100000001B3)
_FNV_OFFSET = np.uint64(0xCBF29CE484222325)


def normalise(text: str) -> str:
    """Whitespace-insensitive form: runs of whitespace become one space, ends stripped (a
    re-indented or re-wrapped copy is still an exact duplicate)."""
    return _SPACE.sub(" ", text).strip()


def id_order(ids: Sequence[str]) -> List[int]:
    """Positions of ``ids`` sorted by id (string order): the visiting order of both dedups."""
    return sorted(range(len(ids)), key=ids.__getitem__)


def id_ranks(ids: Sequence[str]) -> np.ndarray:
    """rank[i] = the place of ``ids[i]`` in id order (ties keep their input order)."""
    ranks = np.empty(len(ids), dtype=np.int64)
    ranks[id_order(ids)] = np.arange(len(ids))
    return ranks


def shingles(text: str, ngram_size: int = 5, kind: str = "word") -> Set[bytes]:
    """The shingle set of a text: n-grams of word tokens (BigCode) or of characters.

    A text shorter than one n-gram is a single shingle of all it has, so short snippets are
    still compared; an empty text has no shingles."""
    if kind == "word":
        tokens = _WORD.findall(text)
        if len(tokens) <= ngram_size:
            return {" ".join(tokens).encode()} if tokens else set()
        # Word tokens are ASCII: slice the n-grams out of the joined bytes rather than joining each one.
        joined = " ".join(tokens).encode()
        starts = [0]
        for token in tokens:
            starts.append(starts[-1] + len(token) + 1)
        return {joined[starts[i] : starts[i + ngram_size] - 1] for i in range(len(tokens) - ngram_size + 1)}
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


@lru_cache(maxsize=None)
def lsh_shape(threshold: float, num_perm: int) -> Tuple[int, int]:
    """(bands, rows per band) datasketch's MinHashLSH uses for ``threshold`` (it integrates the
    false positive and negative rates over every shape: worth computing once per process)."""
    lsh = make_lsh(threshold, num_perm)
    return lsh.b, lsh.r


_FMIX32 = (16, np.uint32(0x85EBCA6B), 13, np.uint32(0xC2B2AE35), 16)  # MurmurHash3's 32-bit finalizer, as datasketch applies it
_CHUNK_SHINGLES = 16384  # shingles permuted at once: a (16384, num_perm) uint32 block, 16 MB at 256 permutations


def _fmix32(hv: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    return hv ^ (hv >> s3)


def signatures(texts: Sequence[str], *, ngram_size: int = 5, num_perm: int = 256, shingle: str = "word", seed: int = 1) -> Tuple[np.ndarray, np.ndarray]:
    """(MinHash signatures, one row per text; which texts have shingles at all). A text with no
    shingle has an all-zero row and takes no part in near dedup (empty texts are exact dedup's business).

    The values are datasketch's (affine32 scheme, xxh32 of each shingle, the prototype's
    permutations: ``min(a * fmix32(h) + b mod 2^32)``), computed for many texts at once with numpy
    instead of one MinHash object per text."""
    prototype = minhash_prototype(num_perm, seed)
    if prototype.hashvalues.dtype != np.uint32:
        raise RuntimeError(f"datasketch's default MinHash scheme changed ({prototype.scheme}); hfsynth computes affine32 signatures")
    a, b = (np.asarray(p, dtype=np.uint32) for p in prototype.permutations)
    hash32 = _xxh32()
    out = np.zeros((len(texts), num_perm), dtype=np.uint32)
    lengths = np.zeros(len(texts), dtype=np.int64)
    hashes: List[int] = []
    for i, text in enumerate(texts):
        grams = shingles(text, ngram_size, shingle)
        lengths[i] = len(grams)
        hashes.extend(map(hash32, grams))
    present = lengths > 0
    mixed = _fmix32(np.array(hashes, dtype=np.uint32))
    rows = np.flatnonzero(present)
    ends = np.cumsum(lengths[rows])
    starts = ends - lengths[rows]
    first = 0
    while first < len(rows):  # rows in chunks of about _CHUNK_SHINGLES shingles
        last = int(np.searchsorted(ends, starts[first] + _CHUNK_SHINGLES, side="right"))
        last = max(last, first + 1)
        block = mixed[starts[first] : ends[last - 1]]
        permuted = a[:, None] * block[None, :] + b[:, None]  # (num_perm, shingles); uint32 arithmetic wraps: mod 2^32
        out[rows[first:last]] = np.minimum.reduceat(permuted, starts[first:last] - starts[first], axis=1).T
        first = last
    return out, present


def band_hashes(signature_rows: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """One 64-bit FNV-style hash of each band of each signature: (n, bands) uint64. Equal bands
    give equal hashes; a rare collision only adds a candidate that the Jaccard check then judges."""
    values = signature_rows.astype(np.uint64, copy=False)
    out = np.empty((len(values), bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for band in range(bands):
            h = np.full(len(values), _FNV_OFFSET, dtype=np.uint64)
            for column in range(band * rows, (band + 1) * rows):
                h = (h ^ values[:, column]) * _FNV_PRIME
            out[:, band] = h
    return out


def sharing_rows(band_keys: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """(positions of the rows that share at least one band value with another row, the only ones
    that can be near duplicates; for each of them, in which bands it shares). One sort per band,
    one column in memory at a time."""
    n, bands = band_keys.shape
    shared = np.zeros((n, bands), dtype=bool)
    for band in range(bands):
        column = band_keys[:, band]
        order = np.argsort(column, kind="stable")
        ordered = column[order]
        equal = ordered[1:] == ordered[:-1]
        mark = np.zeros(n, dtype=bool)
        mark[1:] |= equal
        mark[:-1] |= equal
        shared[order[mark], band] = True
    positions = np.flatnonzero(shared.any(axis=1))
    return positions, shared[positions]


def greedy_near_duplicates(
    ranks: np.ndarray,
    band_keys: np.ndarray,
    signature_of: Callable[[np.ndarray], np.ndarray],
    *,
    threshold: float,
    num_perm: int,
) -> Dict[int, int]:
    """{removed position: kept position}: rows visited in rank (id) order, each one removed when it
    shares a band with a kept row whose share of equal MinHash values reaches ``threshold`` (the
    lowest-ranked such row is named), else kept and indexed. ``signature_of(positions)`` returns the
    signatures of those positions, in that order: they may come from disk. Only the bands a row
    shares with some other row are indexed: the others can never match."""
    if band_keys.ndim != 2 or not len(band_keys):
        return {}
    candidates, shared = sharing_rows(band_keys)
    order = np.argsort(ranks[candidates], kind="stable")
    candidates, shared = candidates[order], shared[order]
    sigs = signature_of(candidates)
    needed = threshold * num_perm
    buckets: List[Dict[int, List[int]]] = [{} for _ in range(band_keys.shape[1])]
    kept_at: Dict[int, int] = {}  # position -> its row in sigs
    removed: Dict[int, int] = {}
    for k, position in enumerate(candidates.tolist()):
        bands = np.flatnonzero(shared[k]).tolist()
        keys = band_keys[position, bands].tolist()
        found: Set[int] = set()
        for band, key in zip(bands, keys):
            members = buckets[band].get(key)
            if members:
                found.update(members)
        if found:
            signature = sigs[k]
            matches = [m for m in found if np.count_nonzero(sigs[kept_at[m]] == signature) >= needed]
            if matches:
                removed[position] = min(matches, key=lambda m: ranks[m])
                continue
        for band, key in zip(bands, keys):
            buckets[band].setdefault(key, []).append(position)
        kept_at[position] = k
    return removed


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

    The bands only propose candidates; a candidate counts when the share of equal MinHash values
    (the Jaccard estimate) reaches ``threshold``; among those the lowest id is named."""
    sigs, present = signatures(texts, ngram_size=ngram_size, num_perm=num_perm, shingle=shingle, seed=seed)
    positions = np.flatnonzero(present)
    bands, rows = lsh_shape(threshold, num_perm)
    keys = band_hashes(sigs[positions], bands, rows)
    ranks = id_ranks([ids[i] for i in positions.tolist()])
    removed = greedy_near_duplicates(ranks, keys, lambda chosen: sigs[positions[chosen]], threshold=threshold, num_perm=num_perm)
    return {ids[positions[r]]: ids[positions[k]] for r, k in removed.items()}
