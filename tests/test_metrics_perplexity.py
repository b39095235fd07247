"""Perplexity: batched, right-padded NLL of response tokens equals transformers' own loss row by row."""

from __future__ import annotations

import math

import pytest


@pytest.fixture(scope="module")
def tiny(tiny_model_dir):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    return AutoModelForCausalLM.from_pretrained(tiny_model_dir), AutoTokenizer.from_pretrained(tiny_model_dir)


def _rows():
    return [
        {
            "prompt": [{"role": "system", "content": "You write Python."}, {"role": "user", "content": f"Write a function that multiplies by {i}."}],
            "response": f"```python\ndef times_{i}(x):\n    return x * {i}\n```" + "\n# check" * i,
        }
        for i in range(1, 6)
    ]


def test_batched_nll_equals_transformers_loss_row_by_row(tiny):
    import torch

    from hfsynth.scoring.perplexity import encode_row, response_nll

    model, tokenizer = tiny
    rows = _rows()
    batched = response_nll(model, tokenizer, rows, batch_size=3)
    total, count = 0.0, 0
    with torch.no_grad():
        for row in rows:
            ids, start = encode_row(tokenizer, row["prompt"], row["response"], 1024)
            text = tokenizer.decode(ids[start:])
            assert text.startswith("```python") and text.rstrip().endswith("<|im_end|>")  # only the answer (and its end of turn)
            labels = [-100] * start + ids[start:]
            loss = model(input_ids=torch.tensor([ids]), labels=torch.tensor([labels])).loss.item()
            total += loss * (len(ids) - start)
            count += len(ids) - start
    assert batched.tokens == count and batched.rows == len(rows)
    assert batched.nll == pytest.approx(total, rel=1e-4)
    assert batched.perplexity == pytest.approx(math.exp(total / count), rel=1e-4)
    one_by_one = response_nll(model, tokenizer, rows, batch_size=1)
    assert one_by_one.nll == pytest.approx(batched.nll, rel=1e-4)


def test_truncation_and_rows_without_a_response(tiny):
    from hfsynth.scoring.perplexity import encode_row, response_nll

    model, tokenizer = tiny
    row = _rows()[4]
    ids, start = encode_row(tokenizer, row["prompt"], row["response"], 1024)
    cut_ids, cut_start = encode_row(tokenizer, row["prompt"], row["response"], start + 3)
    assert cut_start == start and cut_ids == ids[: start + 3]
    assert encode_row(tokenizer, row["prompt"], row["response"], start) is None  # nothing left to score
    empty = response_nll(model, tokenizer, [{"prompt": row["prompt"], "response": ""}, {"prompt": row["prompt"], "response": None}])
    assert empty.perplexity is None and empty.tokens == 0
