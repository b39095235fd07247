"""The HF engine's sampler: temperature + top-p as one logits processor on generate's greedy path."""

from collections import Counter

import pytest
import torch

from hfsynth.engines import sampling
from hfsynth.engines.sampling import nucleus_sampler


def _nucleus_probabilities(logits, temperature, top_p):
    """What transformers' TemperatureLogitsWarper + TopPLogitsWarper + softmax give: the reference."""
    from transformers import TemperatureLogitsWarper, TopPLogitsWarper

    scores = TopPLogitsWarper(top_p)(None, TemperatureLogitsWarper(temperature)(None, logits.clone()))
    return torch.softmax(scores, dim=-1)


@pytest.mark.parametrize("candidates", [256, 3])  # 3: most rows' nucleus is wider than the candidates (the whole-vocabulary path)
def test_draws_follow_the_temperature_top_p_distribution(monkeypatch, candidates):
    monkeypatch.setattr(sampling, "TOP_CANDIDATES", candidates)
    torch.manual_seed(0)
    logits = torch.randn(3, 40) * 2.5
    expected = _nucleus_probabilities(logits, 0.7, 0.9)
    draws = 6000
    sampler = nucleus_sampler(0.7, 0.9)
    for row in range(3):
        scores = sampler(None, logits[row : row + 1].repeat(draws, 1))
        assert torch.isfinite(scores).sum(dim=-1).eq(1).all()  # one finite score per row: generate's argmax takes it
        counts = Counter(scores.argmax(dim=-1).tolist())
        outside = [t for t in counts if expected[row, t] == 0]
        assert not outside, f"drew tokens outside the nucleus: {outside}"
        for token in range(40):
            assert abs(counts[token] / draws - float(expected[row, token])) < 0.025, (row, token)


def test_a_peaked_row_draws_its_top_token_and_top_p_one_keeps_every_token():
    torch.manual_seed(1)
    peaked = torch.zeros(1, 50)
    peaked[0, 7] = 30.0
    assert nucleus_sampler(1.0, 0.95)(None, peaked.repeat(200, 1)).argmax(-1).eq(7).all()
    flat = torch.zeros(4000, 50)
    drawn = set(nucleus_sampler(1.0, 1.0)(None, flat).argmax(-1).tolist())
    assert len(drawn) == 50  # nothing is cut at top_p 1
