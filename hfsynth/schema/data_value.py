"""``data_value``: what the curated synthetic split does for a student model, against the seed alone.

The students stage trains fresh LoRA students through the same code as the generator's adapter, for
one budget of optimizer steps shared by all of them, once per seed, and scores each on the held-out
seed rows, the curated synthetic test split and (optionally) HumanEval with ``metrics.humaneval``.
"""

from typing import List, Optional

from pydantic import Field, field_validator

from hfsynth.schema.base import PLAIN_SPLIT, Section


class DataValueConfig(Section):
    """Student models trained on the synthetic split, on the seed alone, and optionally on a mix."""

    enabled: bool = Field(False, description="Train and score the students (off by default: it trains len(seeds) x 2 or 3 adapters).")
    model: Optional[str] = Field(
        None, description="Student base model (Hub id, local folder, .gguf file or builtin:...); None = model.name_or_path. "
        "Loaded with the recipe's dtype, quantization and lora sections.",
    )
    max_steps: int = Field(
        20, ge=1, description="Optimizer steps of every student: one budget for all (rows seen = max_steps x "
        "train.per_device_train_batch_size x train.gradient_accumulation_steps x processes). The other train fields apply as they are.",
    )
    seeds: List[int] = Field(
        default_factory=lambda: [0, 1], min_length=1,
        description="Training seeds (LoRA init and data order); every student trains once per seed and the table reports mean and spread.",
    )
    max_epochs: float = Field(
        4.0, gt=0, description="Refuse a budget that would pass over a student's training rows more than this many times.",
    )
    mix_synthetic_share: Optional[float] = Field(
        None, gt=0, lt=1, description="Also train a student on seed + synthetic rows, this share of them synthetic; None = no mixed student.",
    )
    humaneval: bool = Field(True, description="Score every student on HumanEval with metrics.humaneval (subset, sampling, sandbox); false saves the slowest part.")
    humaneval_greedy: bool = Field(
        False, description="Score the students' HumanEval greedily (one completion per problem, pass@1) instead of with "
        "metrics.humaneval's sampling: n_samples x the students would cost hours with the transformers engine.",
    )
    train_split: str = Field("train", description="Curated split the synthetic student trains on.")
    test_split: Optional[str] = Field("test", description="Curated split every student is scored on (loss); None = skip that figure.")

    @field_validator("train_split", "test_split")
    @classmethod
    def _plain_split(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and not PLAIN_SPLIT.fullmatch(value):
            raise ValueError(f"split '{value}' must be a plain name of letters, digits and underscores (it names data/<split>.parquet)")
        return value

    @field_validator("seeds")
    @classmethod
    def _distinct(cls, value: List[int]) -> List[int]:
        if len(set(value)) != len(value):
            raise ValueError("seeds must be distinct (a repeated seed trains the same student twice)")
        return value
