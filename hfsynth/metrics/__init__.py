"""Evaluation figures: diversity, perplexity, HumanEval, training losses, assembled into metrics.json."""
