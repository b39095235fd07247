"""How a model is scored: response perplexity given prompts, and HumanEval pass@k in the sandbox.

A shared service: the evaluate stage scores the base and tuned models with it, the students stage
scores the data-value students with the same code, so their figures compare.
"""
