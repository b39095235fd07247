"""What both cards use: the templates, the plot file names, the seed description, the metrics table."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from hfsynth import __version__
from hfsynth.cards.facts import RunFacts
from hfsynth.cards.format import cell, hub_link
from hfsynth.recipe import Recipe

# Plots an export may hold, named in the cards (publish draws them next to README.md).
TRAINING_LOSS_PNG = "training_loss.png"
LENGTH_PNG = "length_distribution.png"

TEMPLATES = "templates"  # hfsynth/cards/templates -> ../../cards, the top-level folder (see pyproject.toml)


def load_template(name: str) -> str:
    """A card template of the top-level ``cards/`` folder, shipped as ``hfsynth/cards/templates/``."""
    return resources.files(__package__).joinpath(TEMPLATES).joinpath(name).read_text(encoding="utf-8")


def method(recipe: Recipe) -> str:
    return "QLoRA" if recipe.quantization.load_in_4bit else "LoRA"


def seed_description(recipe: Recipe) -> str:
    seed = recipe.seed
    if seed.dataset:
        extra = "".join(f", {k} `{v}`" for k, v in (("config", seed.config), ("split", seed.split), ("revision", seed.revision)) if v)
        return f"the Hub dataset [{seed.dataset}]({hub_link(seed.dataset, 'dataset')}){extra}"
    if seed.python_source == "stdlib":
        return "functions with docstrings mined from the Python standard library (docstring -> instruction, source -> response)"
    if seed.python_source:
        return f"functions with docstrings mined from the Python sources in `{Path(seed.python_source).name}`"
    return f"the local file `{Path(seed.path).name}`"


def seed_datasets(recipe: Recipe) -> List[str]:
    return [recipe.seed.dataset] if recipe.seed.dataset else []


# ----------------------------------------------------------------------------------------------
# metrics.json -> tables


def figures(facts: RunFacts) -> Dict[str, Dict[str, Any]]:
    found = facts.metrics.get("figures") or {}
    return {k: v for k, v in found.items() if isinstance(v, dict)}


MODEL_GROUPS = ("humaneval", "training", "perplexity")


def is_model_figure(key: str, fig: Dict[str, Any]) -> bool:
    """Figures about the model (HumanEval, losses, perplexity) rather than about the data: decided by
    the figure's group when metrics.json gives one (a key like rows_train is about data)."""
    group = str(fig.get("group") or "").lower()
    if group:
        return group in MODEL_GROUPS
    return any(word in key.lower() for word in ("humaneval", "loss", "perplexity", "pass@"))


def metric_rows(facts: RunFacts, groups: Optional[Sequence[str]] = None) -> List[Dict[str, str]]:
    rows = []
    for key, fig in figures(facts).items():
        if groups is not None and str(fig.get("group", "")) not in groups and not is_model_figure(key, fig):
            continue
        rows.append({
            "name": cell(key), "value": cell(fig.get("value")), "sample_size": cell(fig.get("sample_size")),
            "seed": cell(fig.get("seed")), "definition": cell(fig.get("definition")), "group": cell(fig.get("group")),
        })
    return rows


def hfsynth_version(facts: RunFacts) -> str:
    """The hfsynth version that computed the figures (this one when metrics.json does not say)."""
    return facts.metrics.get("hfsynth_version") or __version__


def recipe_text(facts: RunFacts) -> str:
    """The published recipe for a code block (always ending in a newline)."""
    return facts.recipe_yaml if facts.recipe_yaml.endswith("\n") else facts.recipe_yaml + "\n"
