"""Shared fixtures: a tiny random Llama + tokenizer built offline, isolated HF caches, recipe writer."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent

# Nothing in the tests may reach the network or the user's real caches.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("HF_HUB_DISABLE_XET", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_DATASETS_DISABLE_PROGRESS_BARS", "1")

# Every process of the suite keeps the bytecode it compiles in __pycache__ (the test modules as pytest rewrote
# their asserts; hfsynth as each `python -m hfsynth` the tests start imports it), though PYTHONDONTWRITEBYTECODE
# is set (as in this machine's image): else each worker rewrote all test modules again (collection 20.5 s a
# worker without the cache, 9.8 s with it) and each subprocess compiled hfsynth again. Set here, before
# pytest-xdist starts its workers, which inherit it with the environment.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.dont_write_bytecode = False


def pytest_xdist_auto_num_workers(config) -> int:
    """``-n auto`` (pyproject's addopts): one worker more than the cores. A worker spends 12-15% of its time
    waiting (on the processes a test starts, the Hub server, a sandbox's limits, Ray starting), and a third
    worker computes meanwhile: on 2 cores (2026-12-08, same day, same tree) the full suite took 709 s with two
    workers and 649 s with three, the same CPU time (1,217 s and 1,206 s)."""
    return (os.cpu_count() or 1) + 1


# Each worker and the processes it starts get their share of the cores, so two workers' matmuls do not fight
# over the same ones.
_workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
if _workers > 1:
    os.environ.setdefault("OMP_NUM_THREADS", str(max(1, (os.cpu_count() or 1) // _workers)))


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory) -> Path:
    """A tiny random Llama folder (config, safetensors, BPE tokenizer, ChatML template)."""
    from hfsynth.testing.tiny_model import save_tiny_model

    return save_tiny_model(tmp_path_factory.mktemp("tiny-llama"))


@pytest.fixture
def write_recipe(tmp_path):
    """Write a recipe dict (or YAML text) to tmp_path/<name>.yaml and return its path."""

    def _write(content, name: str = "recipe") -> Path:
        path = tmp_path / f"{name}.yaml"
        path.write_text(content if isinstance(content, str) else yaml.safe_dump(content, sort_keys=False))
        return path

    return _write


@pytest.fixture
def tiny_recipe(tiny_model_dir, tmp_path):
    """A small valid recipe dict on the tiny model and a few mined stdlib functions."""
    return {
        "name": "tiny",
        "output_dir": str(tmp_path / "run"),
        "seed": {"python_source": "stdlib", "max_samples": 24, "eval_size": 4},
        "model": {"name_or_path": str(tiny_model_dir)},
        "quantization": {"load_in_4bit": False},
        "lora": {"r": 4, "lora_alpha": 8},
        "train": {"max_steps": 2, "per_device_train_batch_size": 2, "max_length": 128, "logging_steps": 1, "save_steps": 1},
        "generate": {"num_samples": 8, "batch_size": 4, "max_new_tokens": 16},
    }


@pytest.fixture(scope="module")
def one_torch_thread():
    """The tiny model's matmuls are too small to share: on a busy 2-core machine a 2-thread op can wait
    milliseconds for its second thread, so tiny-model tests run single-threaded (restored afterwards)."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)
