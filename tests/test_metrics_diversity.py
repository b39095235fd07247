"""Diversity figures: hand-checked values, and self-BLEU identical to sacrebleu's own sentence_bleu."""

from __future__ import annotations

import inspect
import json
import random
import subprocess
import sys

import pytest
import sacrebleu

from hfsynth.metrics.diversity import ast_figures, ast_shape, distinct_n, diversity_figures, fixed_sample, near_duplicate_ratio, self_bleu


def _snippets():
    """Real, varied code: functions of the standard library (plus exact and near copies)."""
    import json.decoder
    import textwrap

    funcs = [f for mod in (textwrap, json.decoder) for f in vars(mod).values() if inspect.isfunction(f) and f.__module__ == mod.__name__]
    texts = [inspect.getsource(f) for f in funcs]
    return texts + [texts[0], texts[1].replace("text", "txt"), "x = 1", ""]


def test_distinct_n_by_hand():
    texts = ["a = b + c", "a = b + d"]  # tokens: a = b + c | a = b + d
    assert distinct_n(texts, 1) == pytest.approx(6 / 10)  # a = b + c d
    assert distinct_n(texts, 2) == pytest.approx(5 / 8)  # 4 shared bigrams + "+ c" and "+ d" -> 5 unique
    assert distinct_n(texts, 3) == pytest.approx(4 / 6)
    assert distinct_n(["x"], 2) is None


def test_self_bleu_equals_sacrebleu_sentence_bleu():
    texts = [t for t in _snippets() if t.strip()]
    random.Random(3).shuffle(texts)
    texts = texts[:25]
    expected = sum(sacrebleu.sentence_bleu(t, texts[:i] + texts[i + 1:]).score for i, t in enumerate(texts)) / len(texts) / 100
    assert self_bleu(texts) == pytest.approx(expected, abs=1e-12)
    assert self_bleu(["same text here", "same text here"]) == pytest.approx(1.0)
    assert self_bleu(["only one"]) is None


def test_fixed_sample_is_seeded_and_bounded():
    assert fixed_sample(10, 20, 0) == list(range(10))
    a, b = fixed_sample(1000, 50, 7), fixed_sample(1000, 50, 7)
    assert a == b and len(a) == 50 and a == sorted(a) and a != fixed_sample(1000, 50, 8)


def test_near_duplicates_and_ast_shapes():
    base = "def total(values):\n    result = 0\n    for value in values:\n        result += value * 2 + 1\n    return result\n"
    renamed = base.replace("values", "items").replace("value", "item").replace("result", "acc")
    other = "class Stack:\n    def __init__(self):\n        self.items = []\n    def push(self, x):\n        self.items.append(x)\n"
    assert ast_shape(base) == ast_shape(renamed) != ast_shape(other)
    assert ast_shape("def broken(:") is None
    ratio, parse_rate, parsed = ast_figures([base, renamed, other, "def broken(:"])
    assert (ratio, parse_rate, parsed) == (pytest.approx(2 / 3), 0.75, 3)
    copy = base + "\n# a trailing comment\n"
    assert near_duplicate_ratio([base, copy, other], ids=["a", "b", "c"]) == pytest.approx(1 / 3)
    assert near_duplicate_ratio([base, other]) == 0


def test_diversity_figures_shape():
    texts = _snippets()
    figures = diversity_figures(texts, sample_size=10, seed=1)
    assert set(figures) == {"distinct_1", "distinct_2", "distinct_3", "self_bleu", "near_duplicate_ratio", "ast_shape_ratio", "parse_rate"}
    for fig in figures.values():
        assert set(fig) == {"value", "definition", "sample_size", "seed"} and fig["definition"]
    assert figures["self_bleu"]["sample_size"] == 10 and figures["self_bleu"]["seed"] == 1
    assert 0 < figures["near_duplicate_ratio"]["value"] < 0.5  # the exact and the renamed copy
    assert "ast_shape_ratio" not in diversity_figures(texts, language="rust")


def test_metrics_command_on_parquet_and_jsonl(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{"id": f"r{i}", "code": t, "n": i} for i, t in enumerate(_snippets())]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "rows.parquet")
    (tmp_path / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    for name in ("rows.parquet", "rows.jsonl"):
        done = subprocess.run([sys.executable, "-m", "hfsynth", "metrics", str(tmp_path / name), "--column", "code", "--sample-size", "20"], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        for key in ("distinct_2", "self_bleu", "near_duplicate_ratio", "ast_shape_ratio"):
            assert key in done.stdout


def test_metrics_command_names_the_columns_it_has(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist([{"id": "a", "content": "x = 1"}]), tmp_path / "rows.parquet")
    done = subprocess.run([sys.executable, "-m", "hfsynth", "metrics", str(tmp_path / "rows.parquet"), "--column", "code"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "'code'" in done.stderr and "id, content" in done.stderr

    from hfsynth.errors import HfsynthError
    from hfsynth.metrics.standalone import metrics_command

    pq.write_table(pa.Table.from_pylist([{"code": None}, {"code": "  "}]), tmp_path / "empty.parquet")
    with pytest.raises(HfsynthError, match="no non-empty text values"):
        metrics_command(tmp_path / "empty.parquet")
