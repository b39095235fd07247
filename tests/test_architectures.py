"""hfsynth on other architectures than Llama: GPT-2 (Conv1D, absolute positions, no pad, no chat
template), Qwen2/3, Mistral (sliding window), Gemma/Gemma2/Gemma3 (BOS, soft-capping, hybrid
caches), Phi/Phi3, StarCoder 1 and 2, GPT-NeoX, OPT, Falcon, BLOOM (no position_ids), Mamba and
Jamba (recurrent states), tied embeddings.

The batched engine must give each prompt the greedy text ``model.generate`` gives it alone (the
check that dropping finished rows from a KV cache and joining new ones is exact for every cache
class); sequences stop at the context length; a tokenizer that cannot render chat messages is
refused by ``hfsynth validate``; and the whole CLI pipeline runs on two of the odd ones.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from helpers import run_cli_in_process
from hfsynth.testing.tiny_architectures import ARCHITECTURES, PLAIN_CHAT, build_tiny_architecture, save_tiny_architecture

PROMPTS = [
    "def add(a, b):",
    "Write a function that reverses a list.\nimport json\nclass Decoder:\n    pass",
    "x",
    "import argparse\n\ndef main(argv=None):\n    parser = argparse.ArgumentParser()\n",
    "return a + b",
    "def f(): pass",
]
BUDGETS = [12, 5, 9, 20, 3, 14]  # rows end at different steps, so rows leave and join the batch


def alone(model, tokenizer, prompt: str, budget: int, eos_ids, pad_id) -> str:
    """The greedy text ``model.generate`` gives one prompt on its own (no padding, no cache surgery)."""
    import torch

    ids = torch.tensor([tokenizer(prompt)["input_ids"]])
    out = model.generate(ids, attention_mask=torch.ones_like(ids), max_new_tokens=budget, do_sample=False, eos_token_id=eos_ids, pad_token_id=pad_id)
    new = out[0, ids.shape[1]:].tolist()
    if new and new[-1] in eos_ids:
        new = new[:-1]
    return tokenizer.decode(new, skip_special_tokens=True)


@pytest.mark.parametrize("name", list(ARCHITECTURES))
def test_batched_engine_matches_generate_one_prompt_at_a_time(name, one_torch_thread, monkeypatch):
    """Rows leave the batch and waiting prompts join it (every cache here, sliding windows and hybrid
    caches included), and each prompt still gets exactly its own greedy text."""
    import torch

    from hfsynth.engines import hf
    from hfsynth.engines.base import SamplingParams
    from hfsynth.engines.hf import HFEngine

    joins, trims, real_join, real_trimmed = [], [], hf._join, hf._trimmed
    monkeypatch.setattr(hf, "_join", lambda *a: joins.append(1) or real_join(*a))
    monkeypatch.setattr(hf, "_trimmed", lambda seq, *a: (lambda out: trims.append(seq.shape[1] - out[0].shape[1]) or out)(real_trimmed(seq, *a)))
    model, tokenizer = build_tiny_architecture(name)
    if name == "gemma3":  # as real Gemma checkpoints ship it (generation_config.json): generate would build its own cache
        model.generation_config.cache_implementation = "static"
    engine = HFEngine(model, tokenizer, batch_size=3, segment_tokens=4)
    # prompt 1 twice (n=2): its prompt is prefilled once and its cache rows copied
    params = [SamplingParams(temperature=0, max_new_tokens=b, n=2 if i == 1 else 1) for i, b in enumerate(BUDGETS)]
    got = engine.generate(PROMPTS, params, progress=False)
    with torch.inference_mode():
        want = [alone(model, tokenizer, p, b, engine.eos_ids, engine.pad_id) for p, b in zip(PROMPTS, BUDGETS)]
    assert [[c.text for c in completions] for completions in got] == [[w] * (2 if i == 1 else 1) for i, w in enumerate(want)]
    if name in ("mamba", "jamba"):  # a recurrent state cannot be resumed: each batch is one generate call
        assert not engine.resumable and not joins
    else:
        assert engine.resumable and joins and sum(trims) > 0  # the refill and the trim of all-padding columns ran


HEADER = "You are a careful programmer. Read the task below, then answer with Python code only.\n"
SLIDING_OR_RECURRENT = {"mistral", "starcoder2", "gemma2", "gemma3", "mamba", "jamba"}


@pytest.mark.parametrize("name", list(ARCHITECTURES))
def test_prompts_that_open_alike_share_their_prefix_and_keep_their_texts(name, one_torch_thread, monkeypatch):
    """Every refill computes its prompts' common prefix once (one row, its cache copied to every row),
    which puts padding between a row's prefix and the rest of its prompt: each prompt still gets
    exactly its own greedy text. Sliding windows count columns as token distances, and recurrent
    states cannot resume: those models read every prompt whole."""
    import torch

    from hfsynth.engines import hf
    from hfsynth.engines.base import SamplingParams
    from hfsynth.engines.hf import HFEngine

    model, tokenizer = build_tiny_architecture(name)
    engine = HFEngine(model, tokenizer, batch_size=3, segment_tokens=4)
    shared, real = [], hf.common_prefix
    monkeypatch.setattr(hf, "common_prefix", lambda prompts: (lambda k: shared.append(k) or k)(real(prompts)))
    one_row_reads, forward = [], type(model).forward  # the widths of the forward passes over one row

    @functools.wraps(forward)  # generate reads the signature (whether to pass position_ids)
    def reading(self, *args, **kwargs):
        ids = kwargs.get("input_ids")
        if ids is not None and ids.shape[0] == 1:
            one_row_reads.append(ids.shape[1])
        return forward(self, *args, **kwargs)

    monkeypatch.setattr(type(model), "forward", reading)
    prompts = [HEADER + p for p in PROMPTS]
    params = [SamplingParams(temperature=0, max_new_tokens=b, n=2 if i == 1 else 1) for i, b in enumerate(BUDGETS)]
    got = engine.generate(prompts, params, progress=False)
    with torch.inference_mode():
        want = [alone(model, tokenizer, p, b, engine.eos_ids, engine.pad_id) for p, b in zip(prompts, BUDGETS)]
    assert [[c.text for c in completions] for completions in got] == [[w] * (2 if i == 1 else 1) for i, w in enumerate(want)]
    assert engine.shares_prefixes == (name not in SLIDING_OR_RECURRENT)
    if engine.shares_prefixes:
        assert shared and max(shared) >= len(tokenizer(HEADER)["input_ids"]) - 1  # the header is common
        assert max(shared) in one_row_reads  # and was computed once, as one row
    else:
        assert not set(shared) & set(one_row_reads)


def test_sequences_stop_at_the_context_length(one_torch_thread):
    """GPT-2 and OPT index a learned position table: a token past it was an IndexError mid-generation."""
    from hfsynth.engines.base import SamplingParams
    from hfsynth.engines.hf import HFEngine

    model, tokenizer = build_tiny_architecture("opt")
    context = model.config.max_position_embeddings
    near_full = tokenizer.decode(list(range(10, 10 + context - 4)))
    near_full = tokenizer.decode(tokenizer(near_full, add_special_tokens=True)["input_ids"][: context - 4], skip_special_tokens=True)
    room = context - len(tokenizer(near_full, add_special_tokens=True)["input_ids"])
    too_long = near_full + near_full
    engine = HFEngine(model, tokenizer, batch_size=2, segment_tokens=4)
    short, full, over = engine.generate(["def add(a, b):", near_full, too_long], SamplingParams(temperature=0, max_new_tokens=16), progress=False)
    assert short[0].completion_tokens == 16
    assert 0 < room < 16 and full[0].completion_tokens == room and full[0].finish_reason == "length"
    assert over[0].text == "" and over[0].completion_tokens == 0 and over[0].finish_reason == "length"


@pytest.mark.parametrize("name", ["gpt2", "opt"])
def test_perplexity_cuts_rows_at_the_context_length(name, one_torch_thread):
    from hfsynth.scoring.perplexity import response_nll

    model, tokenizer = build_tiny_architecture(name)
    long_code = "def add(a, b):\n    return a + b\n" * 200  # far past the 512 positions
    result = response_nll(model, tokenizer, [{"prompt": "Write add.", "response": long_code}], max_length=4096)
    assert result.max_length == model.config.max_position_embeddings
    assert result.perplexity is not None and result.tokens > 100


def test_end_of_turn_token_ends_generation():
    """A base tokenizer (EOS <|endoftext|>) with a ChatML template: <|im_end|> ends a turn, so it ends a sequence."""
    from hfsynth.engines.chat import end_of_turn_ids
    from hfsynth.engines.hf import eos_token_ids

    model, tokenizer = build_tiny_architecture("qwen3")
    im_end = tokenizer.convert_tokens_to_ids("<|im_end|>")
    assert tokenizer.eos_token == "<|endoftext|>" and model.generation_config.eos_token_id != im_end
    assert end_of_turn_ids(tokenizer) == [im_end]
    assert set(eos_token_ids(model, tokenizer)) == {tokenizer.eos_token_id, im_end}
    tokenizer.chat_template = PLAIN_CHAT  # turns end with EOS itself: nothing more to add
    assert end_of_turn_ids(tokenizer) == [tokenizer.eos_token_id]
    tokenizer.chat_template = None
    assert end_of_turn_ids(tokenizer) == []


def test_a_template_that_cannot_render_a_conversation_is_refused():
    from hfsynth.errors import HfsynthError
    from hfsynth.models.load import require_chat_template

    _, tokenizer = build_tiny_architecture("gpt2")
    tokenizer.chat_template = "{{ raise_exception('System role not supported') }}"
    recipe = SimpleNamespace(model=SimpleNamespace(name_or_path="my/model", chat_template=tokenizer.chat_template))
    with pytest.raises(HfsynthError, match="model.chat_template: the recipe's chat template for .* cannot render a user/assistant conversation: .*System role"):
        require_chat_template(tokenizer, recipe)


def test_a_tokenizer_without_eos_is_refused():
    """TRL pads with EOS when there is no pad token: a tokenizer with neither was a ValueError after the model loaded."""
    from hfsynth.errors import HfsynthError
    from hfsynth.models.load import require_chat_template

    _, tokenizer = build_tiny_architecture("mistral")  # no pad token
    recipe = SimpleNamespace(model=SimpleNamespace(name_or_path="my/model", chat_template=None))
    require_chat_template(tokenizer, recipe)
    tokenizer.eos_token = None
    with pytest.raises(HfsynthError, match="model.name_or_path: the tokenizer of 'my/model' has no EOS token"):
        require_chat_template(tokenizer, recipe)


def test_a_system_prompt_needs_a_template_with_a_system_role():
    """Gemma's templates refuse the system role: fine until the recipe asks for a system prompt."""
    from hfsynth.errors import HfsynthError
    from hfsynth.models.load import require_chat_template

    _, tokenizer = build_tiny_architecture("gemma")
    model = SimpleNamespace(name_or_path="google/gemma-like", chat_template=None)
    require_chat_template(tokenizer, SimpleNamespace(model=model, seed=SimpleNamespace(system_prompt=None), generate=SimpleNamespace(system_prompt=None)))
    with pytest.raises(HfsynthError, match="generate.system_prompt: the chat template of 'google/gemma-like' cannot render a system message .TemplateError: System role not supported"):
        require_chat_template(tokenizer, SimpleNamespace(model=model, seed=SimpleNamespace(system_prompt=None), generate=SimpleNamespace(system_prompt="Be brief.")))


CHATML_WITH_MARKERS = (
    "{% for message in messages %}{% if message['role'] == 'assistant' %}{{ '<|im_start|>assistant\n' }}"
    "{% generation %}{{ message['content'] + '<|im_end|>' }}{% endgeneration %}{{ '\n' }}"
    "{% else %}{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>\n' }}{% endif %}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)


def test_assistant_only_loss_needs_generation_markers():
    """TRL raised a ValueError after the model had loaded; refused before, naming the fields to change."""
    from hfsynth.errors import HfsynthError
    from hfsynth.models.check import check_generation_markers

    _, tokenizer = build_tiny_architecture("qwen2")  # plain ChatML, no {% generation %}
    with pytest.raises(HfsynthError, match="train.assistant_only_loss: the chat template of 'my/model' has no .*generation"):
        check_generation_markers(tokenizer, "my/model")
    tokenizer.chat_template = CHATML_WITH_MARKERS
    check_generation_markers(tokenizer, "my/model")


def test_a_tied_layer_trained_in_full_stays_tied():
    """modules_to_save: [lm_head] on a model with tied embeddings: the trained head and the embeddings stay one tensor."""
    from peft import get_peft_model

    from hfsynth.models.lora import build_lora_config

    lora = SimpleNamespace(r=4, lora_alpha=8, lora_dropout=0.0, target_modules="all-linear", bias="none", use_dora=False,
                           use_rslora=False, modules_to_save=["lm_head"])
    untied, _ = build_tiny_architecture("qwen3")
    assert not getattr(build_lora_config(SimpleNamespace(lora=lora), untied), "ensure_weight_tying", False)
    model, _ = build_tiny_architecture("qwen2")
    peft_model = get_peft_model(model, build_lora_config(SimpleNamespace(lora=lora), model))
    head = peft_model.get_output_embeddings().modules_to_save["default"].weight
    assert head is peft_model.get_input_embeddings().modules_to_save["default"].weight


def test_all_linear_lora_on_mamba(tmp_path, write_recipe):
    """peft refuses LoRA on Mamba's out_proj, yet its own all-linear picks it: hfsynth leaves it out, and refuses it listed."""
    from peft import get_peft_model

    from hfsynth.errors import HfsynthError
    from hfsynth.models.check import check_recipe_model
    from hfsynth.models.lora import build_lora_config
    from hfsynth.recipe import load_recipe

    model, _ = build_tiny_architecture("mamba")
    lora = SimpleNamespace(r=4, lora_alpha=8, lora_dropout=0.0, target_modules="all-linear", bias="none", use_dora=False,
                           use_rslora=False, modules_to_save=None)
    peft_model = get_peft_model(model, build_lora_config(SimpleNamespace(lora=lora), model))
    assert any("lora_A" in name for name, _ in peft_model.named_parameters())
    recipe = arch_recipe(save_tiny_architecture("mamba", tmp_path / "mamba"), tmp_path / "run")
    recipe["lora"]["target_modules"] = ["in_proj", "out_proj"]
    with pytest.raises(HfsynthError, match="lora.target_modules: peft refuses LoRA on out_proj of .*mamba"):
        check_recipe_model(load_recipe(write_recipe(recipe)))


def arch_recipe(model_dir: Path, run_dir: Path, **model_fields) -> dict:
    return {
        "name": "arch",
        "output_dir": str(run_dir),
        "seed": {"python_source": "stdlib", "max_samples": 12, "eval_size": 2},
        "model": {"name_or_path": str(model_dir), **model_fields},
        "quantization": {"load_in_4bit": False},
        "lora": {"r": 4, "lora_alpha": 8},
        "train": {"max_steps": 1, "per_device_train_batch_size": 2, "max_length": 128, "logging_steps": 1, "save_steps": 1},
        "generate": {"num_samples": 4, "batch_size": 4, "max_new_tokens": 16},
        "metrics": {"humaneval": {"limit": 2, "max_new_tokens": 16}, "perplexity": {"max_rows": 4}, "diversity": {"enabled": False}},
    }


def test_validate_refuses_a_tokenizer_without_chat_template(tmp_path, write_recipe, capsys):
    """GPT-2's tokenizer has no chat template: refused before any model loads, naming the model and the field."""
    from hfsynth.cli import main

    model_dir = save_tiny_architecture("gpt2", tmp_path / "gpt2")
    recipe = write_recipe(arch_recipe(model_dir, tmp_path / "run"))
    capsys.readouterr()  # the fixture's own progress bars
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", str(recipe)])
    lines = capsys.readouterr().err.strip().splitlines()
    assert exit_info.value.code == 2 and len(lines) == 1 and "Traceback" not in lines[0], lines
    for fragment in ("hfsynth: error: ", "model.chat_template", str(model_dir), "'<|endoftext|>'"):
        assert fragment in lines[0], (fragment, lines[0])
    assert not (tmp_path / "run" / "adapter").exists()


def test_train_max_length_past_the_positions_is_refused(tmp_path, write_recipe):
    """GPT-2's learned position table ends at 512 here: rows longer than that would be an IndexError mid-training."""
    from hfsynth.errors import HfsynthError
    from hfsynth.models.context import check_train_length
    from hfsynth.recipe import load_recipe

    model_dir = save_tiny_architecture("gpt2", tmp_path / "gpt2")
    recipe = arch_recipe(model_dir, tmp_path / "run")
    check_train_length(load_recipe(write_recipe(recipe)))  # 128: fine
    recipe["train"]["max_length"] = 1024
    with pytest.raises(HfsynthError, match="train.max_length: 1024 tokens exceed the 512 positions of .*set train.max_length to 512 or less"):
        check_train_length(load_recipe(write_recipe(recipe)))
    # a rotary model has no table to run off: training past its config's figure is the user's call
    recipe["model"]["name_or_path"] = str(save_tiny_architecture("qwen2", tmp_path / "qwen2"))
    check_train_length(load_recipe(write_recipe(recipe)))


def test_lora_module_names_are_checked_against_the_model(tmp_path, write_recipe):
    """Falcon's attention is one fused query_key_value: Llama's names were a peft traceback after the model loaded."""
    from hfsynth.errors import HfsynthError
    from hfsynth.models.check import check_recipe_model
    from hfsynth.recipe import load_recipe

    recipe = arch_recipe(save_tiny_architecture("falcon", tmp_path / "falcon"), tmp_path / "run")
    recipe["lora"]["target_modules"] = ["q_proj", "v_proj"]
    with pytest.raises(HfsynthError, match="lora.target_modules: 'q_proj' names no module of .*falcon.*query_key_value"):
        check_recipe_model(load_recipe(write_recipe(recipe)))
    recipe["lora"]["target_modules"] = ["query_key_value", "dense"]
    check_recipe_model(load_recipe(write_recipe(recipe)))
    recipe["lora"]["modules_to_save"] = ["embed_tokens"]  # Falcon calls it word_embeddings
    with pytest.raises(HfsynthError, match="lora.modules_to_save: 'embed_tokens' names no module"):
        check_recipe_model(load_recipe(write_recipe(recipe)))


@pytest.mark.slow
@pytest.mark.parametrize("name", ["gpt2", "gemma2"])
def test_pipeline_runs_on_other_architectures(name, tmp_path, write_recipe, capsys, one_torch_thread):
    """train -> generate -> curate -> evaluate through the CLI: GPT-2 (Conv1D LoRA, absolute positions, no pad,
    the recipe's chat template) and Gemma2 (BOS, soft-capping, a hybrid sliding/global KV cache)."""
    model_dir = save_tiny_architecture(name, tmp_path / name)
    extra = {"chat_template": PLAIN_CHAT} if name == "gpt2" else {}
    recipe = write_recipe(arch_recipe(model_dir, tmp_path / "run", **extra))
    # in this process (a fresh interpreter spends seconds importing torch, TRL and peft before it starts), on one
    # thread: a tiny model's matmuls are too small to share, and on a busy machine a second thread only waits
    proc = run_cli_in_process(["run", recipe, "--stages", "train,generate,curate,evaluate"], capsys, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    run_dir = tmp_path / "run"
    adapter = json.loads((run_dir / "adapter" / "adapter_config.json").read_text())
    assert adapter["target_modules"]  # all-linear found the model's layers (Conv1D for GPT-2)
    index = json.loads((run_dir / "raw" / "index.json").read_text())
    assert index["splits"]["train"]["rows"] == 4
    figures = json.loads((run_dir / "metrics.json").read_text())["figures"]
    assert figures["humaneval_pass@1_tuned"]["sample_size"] == 2
    assert yaml.safe_load((run_dir / "recipe.yaml").read_text())["model"]["name_or_path"] == str(model_dir)
