"""What the cards say, as typed values: read once from the run directory, then never changed.

:func:`hfsynth.publish.collect_facts` builds one :class:`RunFacts` per publish; the card
renderers only read it. What depends on the export being written (whether a plot could be drawn)
is not a fact of the run: the renderers take it as an argument.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, List, Optional

from hfsynth.recipe import Recipe

if TYPE_CHECKING:  # datasets is imported only when a card is rendered
    from datasets import Features


@dataclass(frozen=True)
class SplitFacts:
    """One curated split as published."""

    name: str
    path: str  # its file in the dataset repo, posix (the repo mirrors the run directory: data/<name>.parquet)
    rows: int
    num_bytes: int  # Arrow size in memory (datasets' num_bytes)
    file_bytes: int  # parquet file size (datasets' download_size)


@dataclass(frozen=True)
class RunFacts:
    """Everything the cards say about one run (frozen: the renderers never write to it)."""

    # the recipe
    recipe: Recipe
    recipe_yaml: str  # the recipe as published (see hfsynth.publish.published_recipe_yaml)
    recipe_fingerprint: str
    # the run directory's records
    manifest: Dict[str, Any]  # manifest.json (stage records, library versions)
    metrics: Dict[str, Any]  # metrics.json
    funnel: Dict[str, Any]  # funnel.json
    decontamination: List[Dict[str, Any]]  # decontamination.jsonl, one record per removed row
    # train
    trainer_log: List[Dict[str, Any]]
    adapter_config: Dict[str, Any]  # adapter/adapter_config.json as peft wrote it
    base_model_id: Optional[str]  # the base model's Hub id, never a local path
    base_model_note: Optional[str]  # provenance of a builtin base model
    # the curated splits
    splits: List[SplitFacts]  # train first, then validation, test, the others by name
    features: "Features"  # datasets.Features shared by every split
    sample_rows: List[Dict[str, Any]]  # a few rows of the first split, for the card
    strategy_counts: Dict[str, int]  # rows per generation strategy
    strategy_prompts: Dict[str, str]  # one prompt per strategy, for the card
    observed_sampling: Dict[str, List[Any]]  # distinct sampling values found in the rows
    adapter_fingerprints: List[str]  # distinct adapter fingerprints the rows were generated with
    lengths: Dict[str, List[int]]  # per split: the row lengths the length plot draws
    length_unit: str  # "completion tokens", else "response characters"
    # the repos the cards link to (None: not named in the recipe)
    model_repo: Optional[str]
    dataset_repo: Optional[str]
