"""What every strategy shares: the plan's unit (a Task), seed examples, prompt templates, results.

A strategy turns its recipe entry into Tasks (one prompt each, ``samples`` rows each). A task either
knows its instruction up front (template), asks the model for it first (self_instruct,
evol_instruct: ``ask``), or carries its whole response prompt (oss_instruct: ``prompt``). The stage
runs the model; the strategy only builds prompts and reads answers, so it is testable without one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any, Dict, List, Optional, Sequence, Tuple

import jinja2
import yaml

from hfsynth.errors import HfsynthError
from hfsynth.synth.parsing import ParseError, drop_repeated_fence, extract_code, extract_code_and_tests, split_tests

Messages = List[Dict[str, str]]

# Forcing the format (issue 13): every answer starts with what its parser looks for first (the
# assistant turn is prefilled with it) and stops where the structure it expects ends. The prefill
# is part of the text the parser reads and of the row's response; meta["prefill"] records it.
RESPONSE_PREFILL = "```python\n"  # a response is a Python block...
# ...that ends where the block closes: a line of only the fence (kept in the text). Not "\n```" alone,
# which also matches a fence re-opened as "```python" (small models repeat the prefilled opening
# line) and cut such answers to nothing; an answer ending "\n```" and end-of-sequence stops anyway.
CLOSING_FENCE = "\n```\n"
TESTS_PREFILL = "```python\nassert "  # the separate tests call: a block of asserts from its first word


class Rejected(ValueError):
    """A well-formed model answer that the strategy refuses (e.g. an instruction too close to the pool)."""


@dataclass
class SeedExample:
    """One seed row reduced to what strategies draw from."""

    id: str
    instruction: str
    response: str
    code: Optional[str]

    @classmethod
    def from_row(cls, row: Dict[str, Any]) -> "SeedExample":
        messages = row.get("messages") or []
        user = next((m["content"] for m in messages if m.get("role") == "user"), "")
        assistant = next((m["content"] for m in messages if m.get("role") == "assistant"), "")
        return cls(id=str(row["id"]), instruction=user.strip(), response=assistant, code=extract_code(assistant))


@dataclass
class Task:
    """One prompt of the plan; its rows have ids ``<key>-<sample>``."""

    key: str
    entry: int  # index of the strategy entry in generate.strategies
    strategy: str
    split: str
    samples: int
    with_tests: bool
    seed_id: Optional[str] = None
    instruction: Optional[str] = None  # known up front
    ask: Optional[Messages] = None  # messages asking the model for the instruction first
    prompt: Optional[Messages] = None  # the whole response prompt, fixed up front
    meta: Dict[str, Any] = field(default_factory=dict)


@dataclass
class Parsed:
    """What a response yields for its row."""

    instruction: str
    response: str
    code: Optional[str]
    tests: Optional[str]
    status: str = "ok"
    error: Optional[str] = None


@dataclass
class PlanContext:
    """Everything planning may use: a seeded RNG of its own, the seed examples, the recipe."""

    recipe: Any
    rng: random.Random
    seeds: Sequence[SeedExample]


# ----------------------------------------------------------------------------------------------
# Built-in prompt templates (package data hfsynth/templates/*.j2), rendered strictly.


def template_environment() -> jinja2.Environment:
    """Jinja2 with StrictUndefined: a missing variable is an error, never an empty string."""
    return jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=False, autoescape=False)


def builtin_text(name: str) -> str:
    try:
        return (files("hfsynth") / "templates" / name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise HfsynthError(f"hfsynth/templates/{name}: missing from the installed package (reinstall hfsynth)") from None


def builtin_yaml(name: str) -> Dict[str, Any]:
    return yaml.safe_load(builtin_text(name)) or {}


@lru_cache(maxsize=None)
def _builtin_template(name: str) -> jinja2.Template:
    return template_environment().from_string(builtin_text(name))


def render_builtin(name: str, **variables: Any) -> str:
    return _builtin_template(name).render(**variables).strip()


# ----------------------------------------------------------------------------------------------


class Strategy:
    """Base class: a strategy entry of the recipe, turned into tasks and read back from answers."""

    name = ""
    uses_seed = False
    candidates = 1  # instructions sampled per ``ask``

    def __init__(self, config, index: int, recipe, label: str):
        self.config = config
        self.index = index
        self.recipe = recipe
        self.label = label  # unique among the entries: the prefix of task keys and row ids
        self.where = f"generate.strategies.{index} ({config.name})"
        gen = recipe.generate
        self.with_tests = gen.with_tests if config.with_tests is None else config.with_tests
        self.samples_per_prompt = gen.num_samples_per_prompt if config.num_samples_per_prompt is None else config.num_samples_per_prompt
        self.system_prompt = gen.system_prompt if gen.system_prompt is not None else recipe.seed.system_prompt

    # planning ----------------------------------------------------------------------------------
    def plan(self, counts: List[int], ctx: PlanContext) -> List[Task]:  # pragma: no cover - abstract
        """One task per entry of ``counts`` (its number of rows)."""
        raise NotImplementedError

    def task(self, number: int, samples: int, **fields: Any) -> Task:
        return Task(
            key=f"{self.label}-{number:05d}", entry=self.index, strategy=self.name, split=self.config.split,
            samples=samples, with_tests=self.with_tests, **fields,
        )

    def with_system(self, user: str) -> Messages:
        messages = [{"role": "system", "content": self.system_prompt}] if self.system_prompt else []
        return messages + [{"role": "user", "content": user}]

    # reading answers ---------------------------------------------------------------------------
    def choose_instruction(self, task: Task, texts: List[str], accepted: List[str]) -> str:
        """The instruction from the answers to ``task.ask``; ParseError or Rejected when none fits."""
        raise NotImplementedError(f"{self.name} asks for no instruction")

    def response_prompt(self, task: Task, instruction: str) -> Messages:
        if task.prompt is not None:
            return task.prompt
        return self.with_system(render_builtin("response.j2", instruction=instruction, with_tests=task.with_tests))

    # forcing the format ------------------------------------------------------------------------
    def instruction_prefill(self, task: Task) -> str:
        """The start of the answer to ``task.ask`` (what :meth:`choose_instruction` reads first)."""
        return ""

    def instruction_stop(self, task: Task) -> Tuple[str, ...]:
        """Where the answer to ``task.ask`` has said all it should (cut there)."""
        return ()

    def response_prefill(self, task: Task) -> str:
        return RESPONSE_PREFILL

    def response_stop(self, task: Task) -> Tuple[str, ...]:
        return (CLOSING_FENCE,)

    def parse(self, task: Task, instruction: str, text: str) -> Parsed:
        text = drop_repeated_fence(text)
        code, tests = extract_code_and_tests(text, task.with_tests)
        if code is None:
            return Parsed(instruction, text, None, None, "parse_error", "no Python code in the response")
        return Parsed(instruction, text, code, tests)


def ask_tests_prompt(strategy: Strategy, instruction: str, code: str) -> Messages:
    """The separate call that asks for the asserts a response left out (``generate.ask_for_missing_tests``)."""
    return strategy.with_system(render_builtin("tests.j2", instruction=instruction, code=code.strip()))


def parse_tests(text: str) -> Optional[str]:
    """The tests in an answer to :func:`ask_tests_prompt`: its test statements (asserts, test functions),
    without any solution it repeated; None when it holds no assert."""
    code = extract_code(text)
    if code is None:
        return None
    _, tests = split_tests(code)
    return tests if tests and "assert" in tests else None


def seeds_with_instruction(strategy: Strategy, seeds: Sequence[SeedExample]) -> List[SeedExample]:
    usable = [s for s in seeds if s.instruction]
    if not usable:
        raise HfsynthError(f"{strategy.where}: the seed data has no user instructions to start from (check seed.columns)")
    return usable


def cycle_shuffled(rng: random.Random, items: Sequence[Any], count: int) -> List[Any]:
    """``count`` items, each used once per pass, in a fresh random order every pass (variety first)."""
    out: List[Any] = []
    while len(out) < count:
        order = list(items)
        rng.shuffle(order)
        out.extend(order[: count - len(out)])
    return out


__all__ = [
    "Messages", "ParseError", "Parsed", "PlanContext", "Rejected", "SeedExample", "Strategy", "Task",
    "builtin_text", "builtin_yaml", "cycle_shuffled", "parse_tests", "render_builtin", "seeds_with_instruction", "template_environment",
    "ask_tests_prompt", "CLOSING_FENCE", "RESPONSE_PREFILL", "TESTS_PREFILL",
]
