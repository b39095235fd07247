"""``train``: TRL ``SFTConfig`` fields, by their TRL names.

The common ones are typed here with defaults suited to QLoRA; any other key must be a real
``SFTConfig`` field (checked against TRL's dataclass, so the schema cannot drift from TRL) and is
passed through unchanged.
"""

import dataclasses
import difflib
from functools import lru_cache
from typing import Any, Dict, List, Optional, Union

from pydantic import ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from hfsynth.schema.base import Section

# Keys hfsynth decides itself; a recipe setting them would fight the run directory or `publish`.
MANAGED_KEYS = {
    "output_dir": "the run directory is set by --output-dir / the recipe's output_dir",
    "push_to_hub": "use the hub section and `hfsynth publish`",
    "hub_model_id": "use hub.model_repo",
    "hub_token": "use the HF_TOKEN environment variable",
    "resume_from_checkpoint": "hfsynth resumes from the newest checkpoint in the run directory by itself",
    # hfsynth sets these itself (hfsynth/sft.py): a value here would be silently replaced
    "bf16": "set model.dtype: bfloat16 (used on a GPU; the CPU computes in float32)",
    "fp16": "set model.dtype: float16 (used on a GPU; the CPU computes in float32)",
    "use_cpu": "hfsynth trains on the GPU when there is one, else on the CPU",
    "save_strategy": "hfsynth checkpoints every train.save_steps steps (resume needs them)",
    "logging_strategy": "hfsynth logs every train.logging_steps steps",
    "ddp_find_unused_parameters": "hfsynth sets it false for LoRA (frozen base weights are not unused parameters)",
}


@lru_cache(maxsize=1)
def sft_config_fields() -> frozenset:
    """Field names of TRL's SFTConfig (imported lazily: TRL pulls in torch)."""
    from trl import SFTConfig

    return frozenset(f.name for f in dataclasses.fields(SFTConfig))


class TrainConfig(Section):
    """SFT hyperparameters. Unknown keys are refused with the closest SFTConfig field name."""

    model_config = ConfigDict(extra="allow", validate_assignment=True)

    max_steps: int = Field(-1, description="Total optimizer steps; -1 = use num_train_epochs.")
    num_train_epochs: float = Field(1.0, gt=0, description="Epochs when max_steps is -1.")
    learning_rate: float = Field(2e-4, gt=0, description="Peak learning rate (2e-4 is the usual QLoRA choice).")
    per_device_train_batch_size: int = Field(4, ge=1, description="Micro-batch per process.")
    per_device_eval_batch_size: int = Field(4, ge=1, description="Eval micro-batch per process.")
    gradient_accumulation_steps: int = Field(1, ge=1, description="Micro-batches per optimizer step.")
    max_length: Optional[int] = Field(1024, ge=8, description="Truncate tokenized examples (or packed blocks) to this length.")
    packing: bool = Field(False, description="Pack several examples into each max_length block.")
    lr_scheduler_type: str = Field("cosine", description="transformers scheduler name.")
    warmup_steps: float = Field(0.03, ge=0, description="Linear warmup: a number of steps (>= 1) or a fraction of all steps (< 1).")
    weight_decay: float = Field(0.0, ge=0, description="AdamW weight decay.")
    optim: str = Field("adamw_torch", description="transformers optimizer name (paged_adamw_8bit on GPU saves memory).")
    gradient_checkpointing: bool = Field(True, description="Recompute activations to save memory (reentrant in one CPU process, else non-reentrant; gradient_checkpointing_kwargs overrides).")
    logging_steps: float = Field(1, gt=0, description="Log the loss every this many steps.")
    save_steps: float = Field(50, gt=0, description="Checkpoint every this many steps (resume starts from the newest).")
    save_total_limit: Optional[int] = Field(2, ge=1, description="Checkpoints kept in the run directory.")
    eval_strategy: str = Field("no", description="'no', 'steps' or 'epoch'.")
    eval_steps: Optional[float] = Field(None, gt=0, description="Evaluate every this many steps (eval_strategy: steps).")
    seed: int = Field(42, description="Seed of the trainer (data order, LoRA init).")
    report_to: Union[str, List[str]] = Field("none", description="Trackers: 'none', 'wandb', 'tensorboard', ...")
    assistant_only_loss: bool = Field(False, description="Compute the loss on assistant tokens only (needs a generation-aware chat template).")
    dataloader_num_workers: int = Field(0, ge=0, description="DataLoader workers.")

    @field_validator("max_steps")
    @classmethod
    def _steps_or_epochs(cls, value: int) -> int:
        if value == 0 or value < -1:
            raise ValueError("must be -1 (train for num_train_epochs) or a number of optimizer steps >= 1")
        return value

    @model_validator(mode="after")
    def _extras_are_sft_fields(self):
        extras: Dict[str, Any] = dict(self.__pydantic_extra__ or {})
        if not extras:
            return self
        known = sft_config_fields()
        for key in extras:
            if key in MANAGED_KEYS:
                raise PydanticCustomError(
                    "managed_key", "'{key}' is managed by hfsynth: {why}", {"key": key, "why": MANAGED_KEYS[key]}
                )
            if key not in known:
                close = difflib.get_close_matches(key, sorted(known | set(type(self).model_fields)), n=1, cutoff=0.6)
                raise PydanticCustomError(
                    "extra_forbidden",
                    "unknown key '{key}': not a TRL SFTConfig field{hint}",
                    {"key": key, "hint": f"; did you mean '{close[0]}'?" if close else ""},
                )
        return self

    def sft_kwargs(self) -> Dict[str, Any]:
        """Everything this section says, as SFTConfig keyword arguments."""
        return self.model_dump(exclude_none=True)
