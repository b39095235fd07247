"""``generate``: synthetic data from the tuned adapter (strategies, engine, sampling, splits).

Strategies are mixed by ``weight`` to make ``num_samples`` rows in total; each strategy entry
names the split its rows go to. Options that belong to one strategy are refused on another, so a
misplaced key is an error rather than silently ignored.
"""

from __future__ import annotations

import difflib
from typing import Any, Dict, List, Literal, Optional, Union

from pydantic import Field, field_validator, model_validator

from hfsynth.schema.base import PLAIN_SPLIT, Section

# The strategy modules in hfsynth/synth/strategies/ (the registry there is checked against this).
STRATEGY_NAMES = ("template", "self_instruct", "oss_instruct", "evol_instruct")

# WizardCoder's five code-evolution methods (Evol-Instruct adapted to code).
EVOL_METHODS = ("add_constraints", "rarer_requirement", "more_reasoning", "erroneous_code", "higher_complexity")

# Which per-strategy options belong to which strategy.
STRATEGY_OPTIONS: Dict[str, tuple] = {
    "template": ("template", "template_file", "slots", "slot_sampling"),
    "self_instruct": ("num_shots", "similarity_threshold", "instruction_candidates"),
    "oss_instruct": ("min_snippet_lines", "max_snippet_lines"),
    "evol_instruct": ("methods", "instruction_candidates"),
}

SlotValue = Union[str, int, float, bool]


def did_you_mean(value: str, options) -> str:
    """``"; did you mean 'x'?"`` for the closest option, or the list of options."""
    close = difflib.get_close_matches(value, list(options), n=1, cutoff=0.5)
    if close:
        return f"; did you mean '{close[0]}'?"
    return f"; expected one of: {', '.join(options)}"


class StrategyConfig(Section):
    """One strategy entry: which method, how much of the mix, which split, its own options."""

    name: str = Field(..., description=f"Strategy: one of {', '.join(STRATEGY_NAMES)}.")
    weight: float = Field(1.0, gt=0, description="Share of generate.num_samples (weights are normalised over the entries).")
    split: str = Field("train", description="Split the rows go to (e.g. train, test, or one split per strategy).")
    with_tests: Optional[bool] = Field(None, description="Ask for unit tests (asserts) in responses; None = generate.with_tests.")
    num_samples_per_prompt: Optional[int] = Field(
        None, ge=1, description="Responses sampled per prompt for this entry; None = generate.num_samples_per_prompt."
    )

    # template
    template: Optional[str] = Field(None, description="template: inline Jinja2 prompt template, e.g. 'Write a {{ verb }} ...'.")
    template_file: Optional[str] = Field(
        None, description="template: Jinja2 template file, relative to the recipe; neither template nor template_file = the built-in code task grid."
    )
    slots: Dict[str, List[SlotValue]] = Field(
        default_factory=dict, description="template: value lists per slot; with the built-in grid they replace its lists of the same name."
    )
    slot_sampling: Literal["product", "sample"] = Field(
        "product",
        description="template: 'product' enumerates every slot combination; 'sample' draws combinations at random (for grids too big to enumerate). Duplicates are removed either way.",
    )

    # self_instruct
    num_shots: int = Field(3, ge=1, description="self_instruct: seed instructions shown in each few-shot prompt.")
    similarity_threshold: float = Field(
        0.7, gt=0, le=1, description="self_instruct: a new instruction with ROUGE-L F above this against the pool is dropped."
    )
    instruction_candidates: Optional[int] = Field(
        None, ge=1,
        description="self_instruct, evol_instruct: instructions sampled per prompt; the first usable one is kept (self_instruct: "
        "novel enough; evol_instruct: not empty and not the seed task unchanged). None = 3 for self_instruct, 2 for evol_instruct.",
    )

    # oss_instruct
    min_snippet_lines: int = Field(1, ge=1, description="oss_instruct: shortest seed code snippet, in lines.")
    max_snippet_lines: int = Field(15, ge=1, description="oss_instruct: longest seed code snippet, in lines.")
    split_calls: bool = Field(
        True,
        description="oss_instruct: ask for the problem alone, then answer it in a second call (a small model rarely writes both "
        "sections); False = one call answering [Problem Description] and [Solution], as Magicoder.",
    )

    # evol_instruct
    methods: List[str] = Field(
        default_factory=lambda: list(EVOL_METHODS), description=f"evol_instruct: evolution methods to draw from: {', '.join(EVOL_METHODS)}."
    )

    @model_validator(mode="before")
    @classmethod
    def _name_shorthand(cls, data: Any) -> Any:
        """``- template`` is short for ``- name: template``."""
        if isinstance(data, str):
            return {"name": data}
        return data

    @field_validator("name")
    @classmethod
    def _known_strategy(cls, value: str) -> str:
        if value not in STRATEGY_NAMES:
            raise ValueError(f"unknown strategy '{value}'{did_you_mean(value, STRATEGY_NAMES)}")
        return value

    @field_validator("split")
    @classmethod
    def _plain_split(cls, value: str) -> str:
        if not PLAIN_SPLIT.fullmatch(value):
            raise ValueError(f"split '{value}' must be a plain name of letters, digits and underscores (it names a folder and a Hub split)")
        return value

    @field_validator("methods")
    @classmethod
    def _known_methods(cls, value: List[str]) -> List[str]:
        if not value:
            raise ValueError(f"give at least one evolution method: {', '.join(EVOL_METHODS)}")
        for method in value:
            if method not in EVOL_METHODS:
                raise ValueError(f"unknown evolution method '{method}'{did_you_mean(method, EVOL_METHODS)}")
        if len(set(value)) != len(value):
            raise ValueError("evolution methods are listed more than once")
        return value

    @model_validator(mode="after")
    def _options_fit_strategy(self):
        # An option of another strategy is refused when it says something: a resolved recipe
        # (recipe.yaml, `validate --print`) lists every option at its default and must validate again.
        for key in sorted(self.model_fields_set):
            if getattr(self, key) == type(self).model_fields[key].get_default(call_default_factory=True):
                continue
            owners = [owner for owner, options in STRATEGY_OPTIONS.items() if key in options]
            if owners and self.name not in owners:
                raise ValueError(f"'{key}' is an option of the {' and '.join(repr(o) for o in owners)} strategies, not of '{self.name}'"
                                 if len(owners) > 1 else f"'{key}' is an option of the '{owners[0]}' strategy, not of '{self.name}'")
        if self.template is not None and self.template_file is not None:
            raise ValueError("give either 'template' (inline) or 'template_file', not both")
        if self.min_snippet_lines > self.max_snippet_lines:
            raise ValueError("min_snippet_lines must not exceed max_snippet_lines")
        for slot, values in self.slots.items():
            if not values:
                raise ValueError(f"slot '{slot}' has no values")
        if self.template is not None:
            check_template_slots(self.template, self.slots)
        return self


def check_template_slots(text: str, slots: dict) -> None:
    """ValueError unless the template parses and uses exactly its slots. The schema says so for an
    inline template, before any model loads; the template strategy, for a template file and the
    built-in grid when it plans."""
    import jinja2
    from jinja2 import meta

    try:
        used = meta.find_undeclared_variables(jinja2.Environment().parse(text))
    except jinja2.TemplateSyntaxError as exc:
        raise ValueError(f"template syntax error (line {exc.lineno}): {exc.message}") from None
    missing = sorted(used - set(slots))
    if missing:
        raise ValueError(f"slot '{missing[0]}' is undefined: add it to slots (defined: {', '.join(sorted(slots)) or 'none'})")
    unused = [name for name in slots if name not in used]
    if unused:
        raise ValueError(f"slot '{unused[0]}' is not used by the template (typo in the template or in slots?)")


def _default_strategies() -> List[StrategyConfig]:
    return [StrategyConfig(name=name) for name in STRATEGY_NAMES]


class GenerateConfig(Section):
    """How many rows, by which strategies, with which engine and sampling parameters."""

    num_samples: int = Field(64, ge=1, description="Rows to produce in total, across strategies, splits and ranks.")
    strategies: List[StrategyConfig] = Field(
        default_factory=_default_strategies, description="Strategies mixed by weight (default: all four, equal weights, split train)."
    )
    num_samples_per_prompt: int = Field(1, ge=1, description="Responses sampled per instruction (rows per prompt).")
    with_tests: bool = Field(False, description="Ask every response for unit tests (asserts), stored in the 'tests' column.")
    ask_for_missing_tests: bool = Field(
        False,
        description="When a response that was asked for tests has none, ask the model for asserts in a separate call (a third pass); "
        "otherwise curate.execution.keep_untested decides: keep the row marked 'no_tests' or drop it.",
    )
    tests_max_new_tokens: int = Field(128, ge=1, description="Tokens generated at most for the asserts of the separate tests call.")
    answer_retries: int = Field(
        1, ge=0,
        description="An answer holding no Python code (ended at once, or its code block closed empty) is sampled again, in the same "
        "engine call, up to this many times; the row's meta.answer_retries says how often. 0 = keep the first answer.",
    )
    system_prompt: Optional[str] = Field(None, description="System message of the response prompts; None = seed.system_prompt (what the adapter was trained with).")
    engine: Literal["hf", "vllm"] = Field("hf", description="'hf' (batched transformers generate) or 'vllm' (GPU only).")
    tensor_parallel_size: int = Field(
        1, ge=1,
        description="vllm engine: GPUs per engine (tensor parallel inside one node, for models too big for one GPU); "
        "under a launcher, that many consecutive ranks form one engine and share its prompts.",
    )
    use_adapter: bool = Field(True, description="Generate with the run's trained adapter (False = the base model).")
    batch_size: int = Field(
        16, ge=1, description="Sequences generated at once (hf engine; a finished one's place goes to a waiting one), and the fewest "
        "rows of a pool divided by 4: consecutive shards generated together, instructions and answers of all their strategies in one engine call.",
    )
    max_new_tokens: int = Field(256, ge=1, description="Tokens generated at most per response.")
    instruction_max_new_tokens: int = Field(
        128, ge=1, description="Tokens generated at most for a new instruction (self_instruct, evol_instruct)."
    )
    repeat_guard: int = Field(
        3, ge=0, description="Stop a sequence whose last lines repeat a block of 1-4 lines this many times in a row, keeping one copy "
        "(finish_reason 'repetition'); 0 = off.",
    )
    temperature: float = Field(0.7, ge=0, description="Sampling temperature; 0 = greedy.")
    top_p: float = Field(0.95, gt=0, le=1, description="Nucleus sampling mass.")
    seed: int = Field(1234, description="Seed of prompt sampling and generation.")
    shard_every: int = Field(32, ge=1, description="Write a shard (atomically) every this many prompts: the resume granularity.")

    @field_validator("strategies")
    @classmethod
    def _some_strategy(cls, value: List[StrategyConfig]) -> List[StrategyConfig]:
        if not value:
            raise ValueError(f"give at least one strategy: {', '.join(STRATEGY_NAMES)}")
        return value
