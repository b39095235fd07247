"""The students' training and scoring rows: the curated synthetic split, the seed, and a mix of both.

A synthetic row trains as the dataset is published: its ``instruction`` as the user turn and its
``response`` as the assistant turn. Seed rows keep the chat messages the generator was trained on.
"""

from __future__ import annotations

import random
from typing import Dict, List, Optional, Tuple

from hfsynth.errors import HfsynthError
from hfsynth.rundir import RunDir


def read_split(run_dir: RunDir, split: str, field: str) -> List[Dict]:
    """The rows of curated split ``split``; one line naming the file and the field when it is missing."""
    import pyarrow.parquet as pq

    path = run_dir.split_file(split)
    if not path.is_file():
        raise HfsynthError(f"{field}: no curated '{split}' split ({path} is missing); run `hfsynth curate` first or name another split")
    return pq.read_table(path).to_pylist()


def synthetic_messages(rows: List[Dict]) -> List[List[Dict[str, str]]]:
    """Chat messages of curated rows: instruction as the user turn, response as the assistant turn."""
    out = []
    for row in rows:
        instruction, response = row.get("instruction"), row.get("response")
        if isinstance(instruction, str) and instruction.strip() and isinstance(response, str) and response.strip():
            out.append([{"role": "user", "content": instruction}, {"role": "assistant", "content": response}])
    return out


def scoring_rows(conversations: List[List[Dict[str, str]]]) -> List[Dict]:
    """``{prompt, response}`` rows for perplexity: every turn before the last assistant turn is context."""
    out = []
    for messages in conversations:
        if messages and messages[-1]["role"] == "assistant":
            out.append({"prompt": messages[:-1], "response": messages[-1]["content"]})
    return out


def sample(rows: List, max_rows: Optional[int], seed: int) -> List:
    """A fixed-seed sample of at most ``max_rows`` (order kept), or all rows."""
    if max_rows is None or len(rows) <= max_rows:
        return list(rows)
    return [rows[i] for i in sorted(random.Random(seed).sample(range(len(rows)), max_rows))]


def mix(seed_rows: List, synthetic_rows: List, synthetic_share: float, seed: int = 0) -> Tuple[List, int]:
    """As many rows as both sources allow with ``synthetic_share`` of them synthetic (a fixed-seed draw),
    and how many of them are synthetic."""
    n_syn = len(synthetic_rows)
    n_seed = round(n_syn * (1 - synthetic_share) / synthetic_share)
    if n_seed > len(seed_rows):
        n_seed = len(seed_rows)
        n_syn = min(len(synthetic_rows), round(n_seed * synthetic_share / (1 - synthetic_share)))
    rng = random.Random(seed)
    return rng.sample(list(synthetic_rows), n_syn) + rng.sample(list(seed_rows), n_seed), n_syn


def as_dataset(conversations: List[List[Dict[str, str]]]):
    """A ``datasets.Dataset`` with one ``messages`` column, as the seed loader makes it."""
    from datasets import Dataset, Features, List as ListFeature, Value

    features = Features({"messages": ListFeature({"role": Value("string"), "content": Value("string")})})
    return Dataset.from_list([{"messages": m} for m in conversations], features=features)


def check_budget(rows: int, rows_per_step: int, config, student: str) -> float:
    """Epochs the budget makes of ``rows`` training rows; one line when there are none or it repeats them
    more than ``data_value.max_epochs`` allows."""
    if rows == 0:
        raise HfsynthError(f"data_value: the {student} student has no training rows; it cannot be trained (generate or keep more rows)")
    epochs = config.max_steps * rows_per_step / rows
    if epochs > config.max_epochs:
        raise HfsynthError(
            f"data_value.max_steps: {config.max_steps} steps x {rows_per_step} rows would pass over the {student} student's "
            f"{rows} training rows {epochs:.1f} times, more than data_value.max_epochs ({config.max_epochs}); "
            "lower max_steps, raise max_epochs or curate more rows"
        )
    return epochs
