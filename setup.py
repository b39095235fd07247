"""Package discovery only (metadata lives in pyproject.toml).

The top-level ``cards/`` folder of the design card ships as the package ``hfsynth.cards``.
"""
from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["hfsynth", "hfsynth.*"]) + ["hfsynth.cards"],
    package_dir={"hfsynth.cards": "cards"},
)
