"""Dedup: exact on normalised text, near with MinHash-LSH, always keeping the lowest id."""

import random

from hfsynth.curate.dedup import dedup_rows, exact_duplicates, normalise
from hfsynth.near_dedup import make_lsh, near_duplicates, shingles
from hfsynth.schema.curate import DedupConfig

MOVING_AVERAGE = '''def moving_average(values, window=3):
    """Return the moving averages of values over a sliding window of the given size."""
    if window <= 0:
        raise ValueError("window must be positive")
    averages = []
    total = 0.0
    for index, value in enumerate(values):
        total += value
        if index >= window:
            total -= values[index - window]
        if index >= window - 1:
            averages.append(total / window)
    return averages
'''

# Small edits, as between two samples of one prompt: a changed default and an added comment.
MOVING_AVERAGE_EDITED = MOVING_AVERAGE.replace("window=3", "window=5").replace("    return averages\n", "    return averages  # floats\n")

WORD_COUNT = '''def word_count(path):
    """Count how often each word occurs in a text file, case-insensitively."""
    counts = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            for word in line.lower().split():
                word = word.strip(".,;:!?\\"'()")
                if word:
                    counts[word] = counts.get(word, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
'''

FLATTEN = '''def flatten(nested):
    """Yield the leaves of arbitrarily nested lists and tuples, depth first."""
    stack = [iter(nested)]
    while stack:
        try:
            item = next(stack[-1])
        except StopIteration:
            stack.pop()
            continue
        if isinstance(item, (list, tuple)):
            stack.append(iter(item))
        else:
            yield item
'''


def jaccard(a: str, b: str) -> float:
    x, y = shingles(a), shingles(b)
    return len(x & y) / len(x | y)


def test_normalise_ignores_layout_only():
    assert normalise("def f():\n\treturn 1  \n\n") == normalise("def f():\n    return 1")
    assert normalise("return 1") != normalise("return 2")


def test_exact_duplicates_keep_the_lowest_id_whatever_the_order():
    ids = ["r-9", "r-2", "r-5", "r-7"]
    texts = [MOVING_AVERAGE, MOVING_AVERAGE.replace("\n", "   \n"), WORD_COUNT, MOVING_AVERAGE + "\n\n"]
    assert exact_duplicates(ids, texts) == {"r-9": "r-2", "r-7": "r-2"}
    order = [3, 0, 2, 1]
    assert exact_duplicates([ids[i] for i in order], [texts[i] for i in order]) == {"r-9": "r-2", "r-7": "r-2"}


def test_near_duplicate_with_small_edits_is_found_and_distinct_code_kept():
    # The edit is small (BigCode-style 5-gram shingles still mostly shared) but not layout only.
    assert 0.75 < jaccard(MOVING_AVERAGE, MOVING_AVERAGE_EDITED) < 1
    assert normalise(MOVING_AVERAGE) != normalise(MOVING_AVERAGE_EDITED)
    assert jaccard(MOVING_AVERAGE, WORD_COUNT) < 0.1
    ids = ["b-original", "a-edited", "c-words", "d-flatten"]
    texts = [MOVING_AVERAGE, MOVING_AVERAGE_EDITED, WORD_COUNT, FLATTEN]
    # The lowest id of the cluster stays, even though the original came first in the input.
    assert near_duplicates(ids, texts) == {"b-original": "a-edited"}
    shuffled = list(zip(ids, texts))
    random.Random(0).shuffle(shuffled)
    assert near_duplicates([i for i, _ in shuffled], [t for _, t in shuffled]) == {"b-original": "a-edited"}


def test_near_dedup_threshold_is_honoured():
    ids, texts = ["a", "b"], [MOVING_AVERAGE, MOVING_AVERAGE_EDITED]
    assert near_duplicates(ids, texts, threshold=0.95) == {}  # the estimate cannot reach 0.95
    assert near_duplicates(ids, texts, num_perm=128, threshold=0.6) == {"b": "a"}


def test_lsh_parameters_suit_the_threshold():
    bands, rows = make_lsh(0.7, 256).b, make_lsh(0.7, 256).r
    assert bands * rows <= 256
    # The S-curve's midpoint (1/b)^(1/r) sits near the threshold.
    assert abs((1 / bands) ** (1 / rows) - 0.7) < 0.06


def test_dedup_rows_steps_and_switches():
    rows = [
        {"id": "3", "code": MOVING_AVERAGE},
        {"id": "1", "code": MOVING_AVERAGE_EDITED},
        {"id": "2", "code": WORD_COUNT},
        {"id": "4", "code": WORD_COUNT.replace("    ", "\t")},
        {"id": "5", "code": FLATTEN},
    ]
    after_exact, after_near, removed = dedup_rows(rows, DedupConfig())
    assert [r["id"] for r in after_exact] == ["3", "1", "2", "5"]
    assert [r["id"] for r in after_near] == ["1", "2", "5"]
    assert removed == {"4": "2", "3": "1"}
    _, only_exact, _ = dedup_rows(rows, DedupConfig(near=False))
    assert [r["id"] for r in only_exact] == ["3", "1", "2", "5"]
    after_exact, after_near, _ = dedup_rows(rows, DedupConfig(exact=False))
    assert len(after_exact) == 5 and [r["id"] for r in after_near] == ["1", "2", "5"]  # near also catches layout copies


def test_char_shingles_and_short_texts():
    assert shingles("ab", 5, "char") == {b"ab"}
    assert shingles("", 5) == set()
    assert shingles("x = 1", 5) == {b"x 1"}
    ids = ["a", "b", "c"]
    texts = [MOVING_AVERAGE, MOVING_AVERAGE_EDITED, FLATTEN]
    assert near_duplicates(ids, texts, shingle="char", ngram_size=8) == {"b": "a"}
