"""hfsynth's folder in the user's Hugging Face cache: ``$HF_HOME/hfsynth``.

HF_HOME defaults to ~/.cache/huggingface (``$XDG_CACHE_HOME/huggingface``), as huggingface_hub's.
What lives there can always be rebuilt (the converted builtin model, the mined stdlib seed):
deleting the folder only costs time.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path:
    hf_home = os.environ.get("HF_HOME") or os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "huggingface")
    return Path(hf_home) / "hfsynth"
