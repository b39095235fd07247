"""Read seed rows from the Hub, a local file, or mined Python source, as a ``datasets.Dataset``."""

from __future__ import annotations

from pathlib import Path

from hfsynth.errors import HfsynthError
from hfsynth.hub_client import offline

FILE_BUILDERS = {".jsonl": "json", ".json": "json", ".parquet": "parquet", ".csv": "csv"}


def check_local_file(path: Path) -> str:
    """The datasets builder for a seed file; a clear error when it is missing or of an unknown kind."""
    if path.is_dir():
        raise HfsynthError(f"seed.path: '{path}' is a folder, expected a file ({', '.join(FILE_BUILDERS)})")
    if not path.is_file():
        raise HfsynthError(f"seed.path: file '{path}' does not exist")
    builder = FILE_BUILDERS.get(path.suffix.lower())
    if builder is None:
        raise HfsynthError(f"seed.path: '{path.name}' has an unsupported extension; expected one of {', '.join(FILE_BUILDERS)}")
    return builder


def python_source_root(seed, recipe) -> Path:
    """The folder the miner reads ('stdlib' = this Python's standard library); it must exist."""
    from hfsynth.data.python_source import stdlib_dir

    root = stdlib_dir() if seed.python_source == "stdlib" else recipe.resolve_path(seed.python_source)
    if not root.is_dir():
        raise HfsynthError(f"seed.python_source: '{seed.python_source}' is not a folder (or 'stdlib')")
    return root


def load_local_file(path: Path):
    from datasets import load_dataset

    builder = check_local_file(path)
    try:
        return load_dataset(builder, data_files=str(path), split="train")
    except Exception as exc:
        raise HfsynthError(f"seed.path: cannot read '{path}' as {builder}: {str(exc).splitlines()[0][:200]}") from None


def seed_is_local(recipe) -> bool:
    """A seed that loads without a download: a file, mined source, or (offline) the Hub cache; preflight
    checks that need the seed rows run on it (a Hub download is left to the stage)."""
    return not recipe.seed.dataset or offline()


def load_hub_split(dataset: str, config, split: str, revision, field: str, section: str):
    """One split of a Hub dataset through ``datasets.load_dataset``; any failure is one line naming
    ``field`` (unknown split or config, offline and not cached, unreachable)."""
    from datasets import load_dataset

    try:
        return load_dataset(dataset, config, split=split, revision=revision)
    except ValueError as exc:  # unknown split or config
        raise HfsynthError(f"{section}: dataset '{dataset}': {str(exc).splitlines()[0][:200]}") from None
    except Exception as exc:
        why = "it is not in the datasets cache and HF_HUB_OFFLINE=1" if offline() else f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}"
        raise HfsynthError(f"{field}: cannot load Hub dataset '{dataset}' ({why})") from None


def load_hub_dataset(seed):
    return load_hub_split(seed.dataset, seed.config, seed.split, seed.revision, "seed.dataset", "seed")


def load_python_source(seed, recipe):
    from datasets import Dataset

    from hfsynth.data.python_source import mine_functions

    root = python_source_root(seed, recipe)
    rows = mine_functions(root, seed.min_statements, seed.max_statements)
    if not rows:
        raise HfsynthError(f"seed.python_source: no public functions with a docstring and a return found under '{root}'")
    return Dataset.from_list(rows)


def load_raw_seed(recipe):
    """The seed rows as they are in the source (before column mapping)."""
    seed = recipe.seed
    if seed.python_source:
        return load_python_source(seed, recipe), f"python_source '{seed.python_source}'"
    if seed.path:
        path = recipe.resolve_path(seed.path)
        return load_local_file(path), f"'{path}'"
    return load_hub_dataset(seed), f"dataset '{seed.dataset}'"
