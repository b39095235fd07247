"""``seed``: where the seed code data comes from and how its columns map to chat messages."""

from typing import Optional, Union

from pydantic import Field, model_validator

from hfsynth.schema.base import Section


class ColumnMap(Section):
    """Names of the source columns; unset names are auto-detected (messages, instruction/response, prompt/completion)."""

    messages: Optional[str] = Field(None, description="Column holding a list of {role, content} messages.")
    instruction: Optional[str] = Field(None, description="Column holding the user instruction.")
    input: Optional[str] = Field(None, description="Optional column appended to the instruction (Alpaca 'input').")
    response: Optional[str] = Field(None, description="Column holding the assistant response.")
    prompt: Optional[str] = Field(None, description="Column holding the prompt (prompt/completion datasets).")
    completion: Optional[str] = Field(None, description="Column holding the completion (prompt/completion datasets).")


class SeedConfig(Section):
    """Exactly one source: ``dataset`` (Hub), ``path`` (local file) or ``python_source`` (mined functions)."""

    dataset: Optional[str] = Field(None, description="Hub dataset id, e.g. 'sahil2801/CodeAlpaca-20k'.")
    config: Optional[str] = Field(None, description="Hub dataset configuration name.")
    split: str = Field("train", description="Split to read from the Hub dataset.")
    revision: Optional[str] = Field(None, description="Hub dataset revision (branch, tag or commit).")
    path: Optional[str] = Field(None, description="Local .jsonl, .json, .parquet or .csv file (relative to the recipe).")
    python_source: Optional[str] = Field(
        None,
        description="Folder of Python files to mine functions with docstrings from; 'stdlib' = this Python's standard library.",
    )
    min_statements: int = Field(3, ge=1, description="Miner: smallest function body, in statements.")
    max_statements: int = Field(40, ge=1, description="Miner: largest function body, in statements.")
    columns: ColumnMap = Field(default_factory=ColumnMap, description="Column mapping to chat messages.")
    system_prompt: Optional[str] = Field(None, description="System message prepended to every conversation.")
    max_samples: Optional[int] = Field(None, ge=1, description="Keep at most this many rows (after a seeded shuffle).")
    eval_size: Union[float, int] = Field(
        0.1, ge=0, description="Held-out eval split: a fraction in [0, 1) or a number of rows (>= 1)."
    )
    shuffle_seed: int = Field(42, description="Seed of the shuffle before max_samples and the eval split.")

    @model_validator(mode="after")
    def _one_source(self):
        given = [k for k in ("dataset", "path", "python_source") if getattr(self, k)]
        if len(given) != 1:
            raise ValueError(
                "give exactly one of 'dataset', 'path' or 'python_source'"
                + (f" (got {', '.join(given)})" if given else "")
            )
        if self.min_statements > self.max_statements:
            raise ValueError("min_statements must not exceed max_statements")
        if isinstance(self.eval_size, float) and not self.eval_size.is_integer() and self.eval_size >= 1:
            raise ValueError("eval_size must be a fraction below 1 or a whole number of rows")
        if self.max_samples and self.eval_size >= 1 and self.eval_size >= self.max_samples:
            raise ValueError(f"eval_size {self.eval_size} leaves no training rows out of max_samples {self.max_samples}")
        return self
