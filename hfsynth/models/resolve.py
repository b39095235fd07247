"""Turn ``model.name_or_path`` into a loadable local folder, refusing what does not exist.

Accepted: ``builtin:<name>``, a ``.gguf`` file (converted once into the cache), a local folder with
a ``config.json``, or a Hub id (with ``model.revision``), looked up in the cache first and on the
Hub (``HF_ENDPOINT``) unless ``HF_HUB_OFFLINE=1``. A missing model is an error naming it, not a hang.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from hfsynth.errors import HfsynthError
from hfsynth.models.builtin import BUILTIN_PREFIX, builtin_spec, convert_gguf, ensure_builtin, gguf_cache_dir

HUB_ID = re.compile(r"^[A-Za-z0-9][\w.\-]*(/[A-Za-z0-9][\w.\-]*)?$")


@dataclass(frozen=True)
class ResolvedModel:
    path: str  # local folder that from_pretrained can read
    hub_id: Optional[str]  # what the model card records as base_model
    revision: Optional[str]
    note: Optional[str] = None  # provenance worth telling the reader (e.g. "loaded from a GGUF")


def _offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "0").lower() in ("1", "true", "yes", "on")


def _from_hub(repo_id: str, revision: Optional[str]) -> str:
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import (
        GatedRepoError,
        LocalEntryNotFoundError,
        RepositoryNotFoundError,
        RevisionNotFoundError,
    )

    patterns = ["*.json", "*.safetensors", "*.model", "*.txt", "*.jinja", "*.py", "tokenizer*"]
    try:
        return snapshot_download(repo_id, revision=revision, allow_patterns=patterns, local_files_only=True)
    except (LocalEntryNotFoundError, FileNotFoundError):
        if _offline():
            raise HfsynthError(
                f"model.name_or_path: '{repo_id}' is not a local folder, .gguf file or builtin, and it is not in the "
                "Hub cache (HF_HUB_OFFLINE=1, so it was not downloaded)"
            ) from None
    except Exception:
        pass
    from hfsynth.hub_client import check_endpoint

    check_endpoint()
    try:
        return snapshot_download(repo_id, revision=revision, allow_patterns=patterns, etag_timeout=10)
    except RevisionNotFoundError:
        raise HfsynthError(f"model.revision: revision '{revision}' does not exist in the Hub repo '{repo_id}'") from None
    except GatedRepoError:
        raise HfsynthError(f"model.name_or_path: '{repo_id}' is gated: accept its terms on the Hub and set HF_TOKEN") from None
    except RepositoryNotFoundError:
        raise HfsynthError(
            f"model.name_or_path: '{repo_id}' is not a local folder, .gguf file or builtin, and no such Hub repo exists "
            "(or it is private and HF_TOKEN is not set)"
        ) from None
    except Exception as exc:  # network down, DNS, timeouts: say so instead of hanging or tracing back
        raise HfsynthError(
            f"model.name_or_path: cannot download '{repo_id}' from {os.environ.get('HF_ENDPOINT', 'the Hub')} "
            f"({type(exc).__name__}); set HF_HUB_OFFLINE=1 to use the cache only, or give a local folder"
        ) from None


def resolve_model(name_or_path: str, revision: Optional[str] = None, hub_id: Optional[str] = None) -> ResolvedModel:
    if name_or_path.startswith(BUILTIN_PREFIX):
        spec = builtin_spec(name_or_path)
        return ResolvedModel(str(ensure_builtin(name_or_path)), hub_id or spec["hub_id"], None, spec["note"])
    path = Path(name_or_path).expanduser()
    if path.suffix == ".gguf":
        if not path.is_file():
            raise HfsynthError(f"model.name_or_path: GGUF file '{name_or_path}' does not exist")
        folder = convert_gguf(path, gguf_cache_dir(path))
        return ResolvedModel(str(folder), hub_id, None, f"loaded from the GGUF file {path.name} (dequantized)")
    if path.exists():
        if not path.is_dir() or not (path / "config.json").is_file():
            raise HfsynthError(f"model.name_or_path: '{name_or_path}' exists but is not a model folder (no config.json)")
        return ResolvedModel(str(path.resolve()), hub_id, None)
    if name_or_path.startswith((".", "/", "~")) or not HUB_ID.match(name_or_path):
        raise HfsynthError(f"model.name_or_path: '{name_or_path}' does not exist (expected a folder, a .gguf file, a Hub id or builtin:...)")
    return ResolvedModel(_from_hub(name_or_path, revision), hub_id or name_or_path, revision)


def resolve_recipe_model(recipe) -> ResolvedModel:
    """Resolve the recipe's model; a relative local path is looked up next to the recipe first."""
    m = recipe.model
    name = m.name_or_path
    if not name.startswith(BUILTIN_PREFIX) and recipe.resolve_path(name).exists():
        name = str(recipe.resolve_path(name))
    return resolve_model(name, m.revision, m.hub_id)


def base_model_id(recipe) -> Optional[str]:
    """The Hub id a card records as ``base_model`` (never a local path); None when unknown."""
    m = recipe.model
    if m.hub_id:
        return m.hub_id
    if m.name_or_path.startswith(BUILTIN_PREFIX):
        return builtin_spec(m.name_or_path)["hub_id"]
    if Path(m.name_or_path).expanduser().exists() or m.name_or_path.endswith(".gguf"):
        return None
    return m.name_or_path if HUB_ID.match(m.name_or_path) else None
