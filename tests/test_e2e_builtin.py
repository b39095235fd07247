"""`hfsynth run` end to end on the real default model, once: SmolLM2 writes real code (a random tiny
model only writes noise), and its own rows reach the Hub with the secrets redacted."""

from __future__ import annotations

import json

import pytest
import yaml
from e2e_helpers import PLANTED_EMAIL, PLANTED_TOKEN, STAGE_NAMES, e2e_recipe, load_published, run, statuses
from hub_server import client_env, hub_server, token_of  # noqa: F401

from hfsynth.user_cache import cache_root

pytestmark = pytest.mark.slow


def test_builtin_model_publishes_real_rows_with_the_secrets_redacted(hub_server, tmp_path):
    """Once on the real default model, which writes real code (a random tiny model only writes
    noise): its own rows reach the Hub, the secrets planted in the system prompt redacted."""
    token = token_of(hub_server, "alice")
    hub = {"model_repo": "alice/e2e-adapter", "dataset_repo": "alice/e2e-data"}
    recipe = e2e_recipe("builtin:smollm2-135m-instruct", tmp_path / "run", hub)
    recipe["generate"].update(num_samples=4, max_new_tokens=64)  # one row per strategy is enough to carry the planted secrets
    recipe["metrics"]["humaneval"] = {"enabled": False}  # the tiny-model e2e test covers the metrics and cards; here the rows matter
    # LoRA on the fp32 base: at this test's batch of 1-4 rows bitsandbytes dequantizes every 4-bit weight at
    # every step on a CPU (the run takes 1.6x as long); test_models loads and generates with the builtin
    # model in 4-bit, test_train trains QLoRA, and the quickstart runs both on it
    recipe["quantization"]["load_in_4bit"] = False
    recipe_path = tmp_path / "e2e.yaml"
    recipe_path.write_text(yaml.safe_dump(recipe, sort_keys=False))
    home = tmp_path / "hf-home"  # the Hub clients' own caches and token, apart from the suite's
    home.mkdir()
    cache_root().mkdir(parents=True, exist_ok=True)
    (home / "hfsynth").symlink_to(cache_root(), target_is_directory=True)  # but the converted builtin model and mined seed are shared
    env = client_env(hub_server, token=token, home=home, HFSYNTH_HUB_BACKOFF="0.05", COLUMNS="200")

    first = run(["run", recipe_path], env, tmp_path)
    assert first.returncode == 0, first.stderr[-4000:]
    assert statuses(first.stdout) == {s: "ran" for s in STAGE_NAMES}, first.stdout
    published = load_published(hub_server, tmp_path / "reader", "alice/e2e-data")
    assert sum(len(rows) for rows in published.values()) > 0
    text = json.dumps(published)
    assert PLANTED_EMAIL not in text and PLANTED_TOKEN not in text
    assert "<REDACTED:email>" in text and "<REDACTED:hf_token>" in text
    assert token not in first.stdout + first.stderr
