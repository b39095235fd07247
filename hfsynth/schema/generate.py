"""``generate``: synthetic data from the tuned adapter (strategies, engine, sampling, splits)."""

from typing import Literal, Optional

from pydantic import Field

from hfsynth.schema.base import Section


class GenerateConfig(Section):
    """How many rows, by which strategies, with which engine and sampling parameters."""

    num_samples: int = Field(64, ge=1, description="Rows to produce in total, across strategies and ranks.")
    engine: Literal["hf", "vllm"] = Field("hf", description="'hf' (batched transformers generate) or 'vllm' (GPU only).")
    use_adapter: bool = Field(True, description="Generate with the run's trained adapter (False = the base model).")
    batch_size: int = Field(16, ge=1, description="Prompts per generate call (hf engine).")
    max_new_tokens: int = Field(256, ge=1, description="Tokens generated at most per response.")
    temperature: float = Field(0.7, ge=0, description="Sampling temperature; 0 = greedy.")
    top_p: float = Field(0.95, gt=0, le=1, description="Nucleus sampling mass.")
    seed: int = Field(1234, description="Seed of prompt sampling and generation.")
    shard_every: int = Field(32, ge=1, description="Write a shard (atomically) every this many prompts: the resume granularity.")
    output_split: Optional[str] = Field(None, description="Reserved.")
