"""Seed data: load from any source, map to chat messages, shuffle, cap, hold out an eval split.

``load_seed(recipe)`` returns a ``DatasetDict`` with ``train`` (and ``eval`` when
``seed.eval_size`` > 0); every row has ``id`` (str) and ``messages`` (list of {role, content}).
"""

from __future__ import annotations

import hashlib
import platform
from pathlib import Path

from hfsynth.data.columns import has_reply, plan_mapping, to_messages
from hfsynth.data.loaders import load_raw_seed
from hfsynth.errors import HfsynthError


def _eval_count(eval_size, total: int) -> int:
    if isinstance(eval_size, float) and eval_size < 1:
        return int(round(total * eval_size))
    return int(eval_size)


def load_seed(recipe):
    from datasets import DatasetDict, Features, List, Value

    seed = recipe.seed
    raw, source = load_raw_seed(recipe)
    plan = plan_mapping(list(raw.column_names), seed.columns, source)
    if len(raw) == 0:
        raise HfsynthError(f"seed: {source} has no rows")
    has_id = "id" in raw.column_names

    def convert(row, index):
        return {"id": str(row["id"]) if has_id else f"seed-{index}", "messages": to_messages(row, plan, seed.system_prompt)}

    features = Features({"id": Value("string"), "messages": List({"role": Value("string"), "content": Value("string")})})
    data = raw.map(convert, with_indices=True, remove_columns=raw.column_names, features=features, desc="seed -> messages")
    data = data.filter(lambda row: has_reply(row["messages"]), desc="seed: rows with a reply")
    if len(data) == 0:
        raise HfsynthError(f"seed: every row of {source} has an empty assistant turn (response/output/completion); nothing to train on")
    if len(data) < len(raw):
        print(f"hfsynth: seed: left out {len(raw) - len(data)} of {len(raw)} rows of {source} whose assistant turn is empty")
    data = data.shuffle(seed=seed.shuffle_seed)
    if seed.max_samples:
        data = data.select(range(min(seed.max_samples, len(data))))
    n_eval = _eval_count(seed.eval_size, len(data))
    if n_eval >= len(data):
        raise HfsynthError(f"seed.eval_size: {seed.eval_size} leaves no training rows out of {len(data)}")
    if n_eval == 0:
        return DatasetDict(train=data)
    split = data.train_test_split(test_size=n_eval, shuffle=False)
    return DatasetDict(train=split["train"], eval=split["test"])


def load_seed_quietly(recipe):
    """:func:`load_seed` for a preflight check: the same rows, without progress bars on the terminal."""
    import datasets

    was_enabled = not datasets.are_progress_bars_disabled()
    datasets.disable_progress_bars()
    try:
        return load_seed(recipe)
    finally:
        if was_enabled:
            datasets.enable_progress_bars()


def check_seed_shape(recipe, sample: int = 50) -> None:
    """Preflight of a local seed file: its columns fit a known shape (messages / ShareGPT
    conversations, instruction + output, prompt + completion, or ``seed.columns``) and its first
    rows map to a user turn and an assistant turn. HfsynthError naming the columns found otherwise.
    Hub datasets are checked when they load."""
    seed = recipe.seed
    if not seed.path:
        return
    from hfsynth.data.loaders import check_local_file
    from hfsynth.tables import read_table

    path = recipe.resolve_path(seed.path)
    check_local_file(path)
    source = f"'{path}'"
    try:
        table = read_table(path)
    except HfsynthError as exc:
        raise HfsynthError(f"seed.path: {exc}") from None
    plan = plan_mapping(list(table.column_names), seed.columns, source)
    if table.num_rows == 0:
        raise HfsynthError(f"seed: {source} has no rows")
    rows = min(table.num_rows, seed.max_samples or table.num_rows)
    if _eval_count(seed.eval_size, rows) >= rows:
        raise HfsynthError(f"seed.eval_size: {seed.eval_size} leaves no training rows out of {rows} ({source} has {table.num_rows})")
    replies = 0
    for index, row in enumerate(table.slice(0, sample).to_pylist()):
        messages = to_messages(row, plan, None, where=f"seed: {source} row {index}")
        roles = {m["role"] for m in messages}
        if not {"user", "assistant"} <= roles:
            raise HfsynthError(
                f"seed: {source} row {index} has turns [{', '.join(m['role'] for m in messages)}]; expected a user turn and an assistant turn"
            )
        replies += has_reply(messages)
    if not replies:
        raise HfsynthError(
            f"seed: the first {min(sample, table.num_rows)} rows of {source} all have an empty assistant turn "
            f"(column '{plan.get('response') or plan.get('completion') or plan.get('messages')}'); expected the code answers there"
        )


def seed_fingerprint(recipe) -> str:
    """What identifies the seed data beyond the recipe: file contents, or the Python whose stdlib was mined."""
    seed = recipe.seed
    if seed.path:
        path = recipe.resolve_path(seed.path)
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path.is_file() else "missing"
    if seed.python_source == "stdlib":
        return f"python-{platform.python_version()}"
    if seed.python_source:
        root = recipe.resolve_path(seed.python_source)
        digest = hashlib.sha256()
        for p in sorted(Path(root).rglob("*.py")):
            digest.update(str(p.relative_to(root)).encode())
            digest.update(p.read_bytes())
        return digest.hexdigest()[:16]
    return f"{seed.dataset}@{seed.revision or 'default'}"
