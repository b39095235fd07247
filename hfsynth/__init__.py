"""hfsynth: one recipe YAML -> a tuned code adapter, a curated synthetic dataset, and their Hub repos."""

__version__ = "0.1.0"
