"""Evaluation figures: diversity, training losses, and (through hfsynth.scoring) perplexity and HumanEval, assembled into metrics.json."""
