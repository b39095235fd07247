"""What the end-to-end tests share: the small real recipe, running the CLI, reading its status
table, and reading a published dataset back with the real ``datasets`` client."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hub_server import client_env


PLANTED_EMAIL = "jane.doe@corp-mail.io"
PLANTED_TOKEN = "hf_" + "Zq9" * 12


def e2e_recipe(model: str, run_path: Path, hub: dict | None = None) -> dict:
    """A small real run; with SmolLM2 it writes real code (a random tiny model only writes noise)."""
    return {
        "name": "e2e",
        "output_dir": str(run_path),
        "seed": {"python_source": "stdlib", "max_samples": 24, "eval_size": 4, "max_statements": 8},
        "model": {"name_or_path": model},
        "quantization": {"load_in_4bit": True},
        "lora": {"r": 4, "lora_alpha": 8},
        "train": {"max_steps": 2, "per_device_train_batch_size": 2, "max_length": 128, "logging_steps": 1, "save_steps": 1, "gradient_checkpointing": False},
        "generate": {
            "num_samples": 8,
            "strategies": ["template", "oss_instruct", "evol_instruct", {"name": "self_instruct", "split": "test"}],
            # a system prompt carrying personal data and a token: the prompt column must reach the Hub redacted
            "system_prompt": f"You write Python. Questions to {PLANTED_EMAIL}, key {PLANTED_TOKEN}.",
            "batch_size": 8,
            "max_new_tokens": 96,
        },
        "curate": {"enabled": False, "secrets": {"policy": "redact"}},
        "metrics": {"humaneval": {"limit": 1, "max_new_tokens": 64}, "perplexity": {"max_rows": 8}, "diversity": {"sample_size": 8}},
        "hub": hub or {},
    }


def run(args, env, cwd, timeout=900):
    return subprocess.run([sys.executable, "-m", "hfsynth", *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


STAGE_NAMES = ("train", "generate", "curate", "evaluate", "publish")


def statuses(stdout: str) -> dict:
    found = {}
    for line in stdout.splitlines():
        parts = [p.strip() for p in line.strip("│┃ ").split("│")]
        if len(parts) >= 2 and parts[0] in STAGE_NAMES:
            found[parts[0]] = parts[1]
    return found


def load_published(hub_server, home: Path, repo: str) -> dict:
    """{split: rows} of a dataset repo, read back by the real ``datasets`` client in its own process."""
    read = subprocess.run(
        [sys.executable, "-c", f"import datasets, json; d = datasets.load_dataset({repo!r}); "
         "print(json.dumps({s: d[s].to_list() for s in d}))"],
        env=client_env(hub_server, home=home), capture_output=True, text=True, timeout=300,
    )
    assert read.returncode == 0, read.stderr[-3000:]
    return json.loads(read.stdout.strip().splitlines()[-1])
