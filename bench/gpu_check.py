"""One command that proves hfsynth's GPU paths, offline, in a few minutes on one GPU; prints a JSON report.

    python bench/gpu_check.py                 # on a CUDA GPU: ~190M-parameter Llama, QLoRA in bf16
    python bench/gpu_check.py --cpu           # a tiny model on the CPU, so the script cannot rot (tests run it)
    python bench/gpu_check.py --out report.json

Nothing is downloaded: the model is a Llama built from a config with random weights (seeded), its
tokenizer is trained on the standard library's source, and the seed data is mined from the running
Python's standard library. What it reports:

- ``train``: QLoRA (4-bit NF4 on the GPU; plain LoRA in fp32 with ``--cpu``) through hfsynth's real train
  stage, against a plain TRL ``SFTTrainer`` script with the same model, data and settings: tokens/s of
  each, their ratio, and peak GPU memory of each;
- ``fsdp2``: the model sharded by accelerate's own FSDP2 preparation (world size 1; on the GPU the 4-bit
  model with bf16 storage), one training step, then hfsynth's adapter save: the saved tensors must equal
  the gathered LoRA weights;
- ``fsdp_launch``: the real ``accelerate launch --config_file accelerate_configs/fsdp_qlora.yaml -m hfsynth train``
  (one process; with ``--cpu`` a plain ``accelerate launch --cpu``, since hfsynth refuses FSDP on a CPU): the saved
  adapter must hold every LoRA tensor, finite, with trained (non-zero) ``lora_B``, and load for generation;
- ``generate_hf``: ``engine: hf`` (batched) samples/s against one prompt at a time;
- ``generate_vllm``: ``engine: vllm`` samples/s against ``engine: hf`` on the same prompts, when vllm is importable.

Packages the GPU machine lacks are listed, with their sizes, in bench/gpu_wheels.txt.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def sizes(cpu: bool) -> dict:
    """The model and workload of each mode (the GPU one fits the 8-minute budget with room to spare)."""
    if cpu:
        return dict(hidden=64, layers=2, steps=2, batch=2, max_length=128, prompts=4, max_new_tokens=8, gen_batch=4, single_prompts=4)
    return dict(hidden=1024, layers=20, steps=20, batch=8, max_length=512, prompts=64, max_new_tokens=128, gen_batch=16, single_prompts=16)


def build_model(folder: Path, cfg: dict) -> int:
    """A Llama-shaped model from a config, random weights from a fixed seed; returns its parameter count."""
    from hfsynth.testing.tiny_model import build_tiny_llama, build_tiny_tokenizer

    tokenizer = build_tiny_tokenizer()
    model = build_tiny_llama(tokenizer, hidden_size=cfg["hidden"], layers=cfg["layers"], seed=0)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return sum(p.numel() for p in model.parameters())


def make_recipe(model_dir: Path, out: Path, cfg: dict, cpu: bool, engine: str = "hf"):
    from hfsynth.recipe import validate_recipe

    return validate_recipe(recipe_data(model_dir, out, cfg, cpu, engine))


def recipe_data(model_dir: Path, out: Path, cfg: dict, cpu: bool, engine: str = "hf") -> dict:
    """The check's recipe as a recipe file would hold it (the launch check writes it to YAML)."""
    return {
        "name": "gpu-check",
        "output_dir": str(out),
        "seed": {"python_source": "stdlib", "max_samples": 400 if not cpu else 24, "eval_size": 0},
        "model": {"name_or_path": str(model_dir)},
        "quantization": {"load_in_4bit": not cpu},
        "lora": {"r": 16, "lora_alpha": 32, "lora_dropout": 0.0},
        "train": {"max_steps": cfg["steps"], "per_device_train_batch_size": cfg["batch"], "max_length": cfg["max_length"],
                  "logging_steps": 1, "save_steps": 100_000, "warmup_steps": 0},
        "generate": {"engine": engine, "num_samples": cfg["prompts"], "batch_size": cfg["gen_batch"],
                     "max_new_tokens": cfg["max_new_tokens"], "temperature": 0.0},
    }


def run_dir_of(recipe):
    from hfsynth.rundir import RunDir

    return RunDir(Path(recipe.output_dir))


def attempt(report: dict, name: str, fn, out: str | None = None) -> None:
    """One check into the report; a failure is recorded (type, message) and the next check still runs.

    The report so far is written to ``out`` after each check, so a run stopped at its time limit still says what it measured.
    """
    started = time.perf_counter()
    try:
        report[name] = fn()
    except Exception as exc:  # noqa: BLE001 - the report must say what broke and go on
        import traceback

        report[name] = {"error": f"{type(exc).__name__}: {exc}"[:2000], "where": traceback.format_exc().splitlines()[-3:]}
    print(f"[gpu_check] {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    if out:
        Path(out).write_text(json.dumps(report, indent=2) + "\n")


def gpu_peak_reset():
    import torch

    if torch.cuda.is_available():
        torch.cuda.empty_cache()
        torch.cuda.reset_peak_memory_stats()


def gpu_peak_mb():
    import torch

    return round(torch.cuda.max_memory_allocated() / 2**20, 1) if torch.cuda.is_available() else None


def tokens_per_s(log_history) -> float:
    tokens = max(e["num_tokens"] for e in log_history if "num_tokens" in e)
    runtime = next(e["train_runtime"] for e in log_history if "train_runtime" in e)
    return round(tokens / runtime, 1)


def plain_trl(recipe, work: Path, tag: str) -> dict:
    """A plain TRL ``SFTTrainer`` script with the recipe's model, data and settings (what hfsynth is compared with)."""
    import torch
    from peft import LoraConfig
    from transformers import AutoModelForCausalLM, AutoTokenizer, BitsAndBytesConfig
    from trl import SFTConfig, SFTTrainer

    from hfsynth.data import load_seed
    from hfsynth.models.load import resolve_dtype

    dtype = resolve_dtype(recipe.model.dtype)
    on_gpu = torch.cuda.is_available()
    gpu_peak_reset()
    quant = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True,
                               bnb_4bit_compute_dtype=dtype, bnb_4bit_quant_storage=dtype) if recipe.quantization.load_in_4bit else None
    model = AutoModelForCausalLM.from_pretrained(recipe.model.name_or_path, dtype=dtype, quantization_config=quant,
                                                 device_map={"": 0} if on_gpu else None)
    tokenizer = AutoTokenizer.from_pretrained(recipe.model.name_or_path)
    t = recipe.train
    config = SFTConfig(
        output_dir=str(work / f"plain-trl-{tag}"), max_steps=t.max_steps, per_device_train_batch_size=t.per_device_train_batch_size,
        max_length=t.max_length, learning_rate=t.learning_rate, lr_scheduler_type=t.lr_scheduler_type, warmup_steps=0,
        logging_steps=1, save_strategy="no", report_to="none", bf16=on_gpu and dtype == torch.bfloat16,
        use_cpu=not on_gpu, gradient_checkpointing=True, seed=t.seed,
    )
    lora = LoraConfig(r=recipe.lora.r, lora_alpha=recipe.lora.lora_alpha, lora_dropout=recipe.lora.lora_dropout,
                      target_modules=recipe.lora.target_modules, task_type="CAUSAL_LM")
    trainer = SFTTrainer(model=model, args=config, train_dataset=load_seed(recipe)["train"], processing_class=tokenizer, peft_config=lora)
    trainer.train()
    result = {"tokens_per_s": tokens_per_s(trainer.state.log_history), "peak_gpu_mb": gpu_peak_mb(), "optim": config.optim}
    trainer = model = None
    gpu_peak_reset()
    return result


def check_train(recipe, work: Path) -> dict:
    """hfsynth's train stage vs a plain TRL script with the same settings.

    The plain script runs once before hfsynth (the warm-up: CUDA's libraries pick their kernels for each new
    batch shape on first sight, which slowed whichever training ran first by ~1.5x) and once after; hfsynth is
    compared with the run after it.
    """
    from hfsynth.context import StageContext
    from hfsynth.models.load import resolve_dtype
    from hfsynth.train import train_stage

    warm_up = plain_trl(recipe, work, "first")
    run_dir = run_dir_of(recipe)
    run_dir.path.mkdir(parents=True, exist_ok=True)
    gpu_peak_reset()
    start = time.perf_counter()
    train_stage(StageContext(recipe, run_dir, "gpu-check"))  # the stage function itself (hfsynth.run would import every stage)
    hf_seconds = time.perf_counter() - start
    log = [json.loads(line) for line in run_dir.trainer_log.read_text().splitlines()]
    ours = {"tokens_per_s": tokens_per_s(log), "peak_gpu_mb": gpu_peak_mb(), "seconds": round(hf_seconds, 1), "optim": recipe.train.optim}
    plain = plain_trl(recipe, work, "after")
    same_optim = None
    if plain["optim"] != recipe.train.optim:  # what the optimizer alone accounts for: hfsynth again with TRL's default optimizer
        other = recipe.model_copy(update={"output_dir": str(work / "run-same-optim"),
                                          "train": recipe.train.model_copy(update={"optim": plain["optim"]})})
        other_dir = run_dir_of(other)
        other_dir.path.mkdir(parents=True, exist_ok=True)
        train_stage(StageContext(other, other_dir, "gpu-check-same-optim"))
        log = [json.loads(line) for line in other_dir.trainer_log.read_text().splitlines()]
        same_optim = {"tokens_per_s": tokens_per_s(log), "optim": plain["optim"]}
    return {
        "hfsynth": ours, "plain_trl": plain, "plain_trl_first": warm_up, "ratio_tokens_per_s": round(ours["tokens_per_s"] / plain["tokens_per_s"], 3),
        "hfsynth_same_optim": same_optim,
        "four_bit": recipe.quantization.load_in_4bit, "dtype": str(resolve_dtype(recipe.model.dtype)).replace("torch.", ""),
        "steps": recipe.train.max_steps,
    }


def check_fsdp2_save(recipe, work: Path) -> dict:
    """World size 1: accelerate's FSDP2 preparation, one step, hfsynth's adapter save == the gathered weights."""
    from types import SimpleNamespace

    import torch
    import torch.distributed as torch_dist
    from accelerate.utils import FullyShardedDataParallelPlugin
    from accelerate.utils.fsdp_utils import fsdp2_prepare_model
    from peft import LoraConfig, get_peft_model
    from safetensors.torch import load_file
    from torch.distributed.tensor import DTensor

    from hfsynth.models.load import load_model_and_tokenizer
    from hfsynth.sft import is_fsdp2_sharded, save_sharded_adapter

    on_gpu = torch.cuda.is_available()
    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=os.environ.get("GPU_CHECK_PORT", "29677"), RANK="0", WORLD_SIZE="1", LOCAL_RANK="0")
    try:
        if not torch_dist.is_initialized():
            torch_dist.init_process_group("nccl" if on_gpu else "gloo", rank=0, world_size=1)
        start = time.perf_counter()
        model, _ = load_model_and_tokenizer(recipe, for_training=True)  # 4-bit with bf16 storage on the GPU
        model = get_peft_model(model, LoraConfig(r=8, lora_alpha=16, target_modules=["q_proj", "v_proj"], init_lora_weights=False, task_type="CAUSAL_LM"))
        for param in model.parameters():
            if param.requires_grad:
                param.data = param.data.float()
        plugin = FullyShardedDataParallelPlugin(fsdp_version=2, auto_wrap_policy="transformer_based_wrap",
                                                transformer_cls_names_to_wrap=["LlamaDecoderLayer"], cpu_ram_efficient_loading=False,
                                                state_dict_type="SHARDED_STATE_DICT")
        device = torch.device("cuda", 0) if on_gpu else torch.device("cpu")
        accelerator = SimpleNamespace(state=SimpleNamespace(fsdp_plugin=plugin), torch_device_mesh=None, mixed_precision="no",
                                      is_main_process=True, device=device)
        model = fsdp2_prepare_model(accelerator, model)
        frozen_sharded = sum(1 for p in model.parameters() if isinstance(p, DTensor) and not p.requires_grad)
        frozen_total = sum(1 for p in model.parameters() if not p.requires_grad)
        optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-3)
        ids = torch.randint(0, model.config.vocab_size, (2, 64), generator=torch.Generator().manual_seed(0)).to(device)
        model(input_ids=ids, labels=ids).loss.backward()
        optimizer.step()
        save_sharded_adapter(model, work / "fsdp2-adapter")
        gathered = {n.replace(".default.", "."): p.full_tensor().detach().cpu() for n, p in model.named_parameters() if p.requires_grad}
        saved = load_file(str(work / "fsdp2-adapter" / "adapter_model.safetensors"))
        equal = set(saved) == set(gathered) and all(torch.equal(saved[k].float(), gathered[k].float()) for k in gathered)
        return {"sharded": is_fsdp2_sharded(model), "frozen_params_sharded": f"{frozen_sharded}/{frozen_total}", "adapter_tensors": len(saved),
                "saved_equals_gathered": equal, "seconds": round(time.perf_counter() - start, 1)}
    finally:
        if torch_dist.is_initialized():
            torch_dist.destroy_process_group()
        for key in ("RANK", "WORLD_SIZE", "LOCAL_RANK"):
            os.environ.pop(key, None)
        gpu_peak_reset()


def check_fsdp_launch(model_dir: Path, work: Path, cfg: dict, cpu: bool) -> dict:
    """The FSDP-QLoRA path as a user launches it: accelerate's launcher, TRL's trainer, hfsynth's adapter gather and save."""
    import subprocess

    import torch
    import yaml
    from safetensors.torch import load_file

    from hfsynth.models.load import load_tuned_model
    from hfsynth.recipe import validate_recipe
    from hfsynth.rundir import RunDir

    data = recipe_data(model_dir, work / "launch-run", cfg, cpu)
    data["train"]["max_steps"] = 4
    recipe_file = work / "launch.yaml"
    recipe_file.write_text(yaml.safe_dump(data))
    if cpu:
        launcher = ["--cpu", "--num_processes", "1"]
    else:
        launcher = ["--config_file", str(HERE.parent / "accelerate_configs" / "fsdp_qlora.yaml"), "--num_processes", "1",
                    "--main_process_port", os.environ.get("GPU_CHECK_LAUNCH_PORT", "29678")]
    command = [sys.executable, "-m", "accelerate.commands.launch", *launcher, "-m", "hfsynth", "train", str(recipe_file)]
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=HERE.parent, capture_output=True, text=True, timeout=360,
                          env=dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(HERE.parent), os.environ.get("PYTHONPATH")]))))
    seconds = round(time.perf_counter() - start, 1)
    if proc.returncode != 0:
        return {"error": f"exit {proc.returncode}", "stderr_tail": proc.stderr[-3000:], "seconds": seconds}
    run_dir = RunDir(work / "launch-run")
    saved = load_file(str(run_dir.adapter / "adapter_model.safetensors"))
    lora_b = [name for name in saved if "lora_B" in name]
    targets = validate_recipe(data).lora.target_modules
    per_layer = 7 if targets == "all-linear" else len(targets)  # all-linear on a Llama: q, k, v, o, gate, up, down
    expected = 2 * cfg["layers"] * per_layer  # lora_A and lora_B of each
    report = {
        "launcher": "accelerate_configs/fsdp_qlora.yaml" if not cpu else "accelerate launch --cpu",
        "adapter_tensors": len(saved), "expected_tensors": expected,
        "all_finite": all(bool(torch.isfinite(t.float()).all()) for t in saved.values()),
        "lora_B_trained": f"{sum(bool(saved[n].float().abs().sum() > 0) for n in lora_b)}/{len(lora_b)}",
        "seconds": seconds,
    }
    recipe = validate_recipe(data)
    model, tokenizer = load_tuned_model(recipe, run_dir)
    ids = tokenizer("def add(a, b):", return_tensors="pt").to(model.device)
    report["generates_tokens"] = int(model.generate(**ids, max_new_tokens=4, do_sample=False).shape[-1] - ids["input_ids"].shape[-1])
    model = None
    gpu_peak_reset()
    return report


def timed(fn):
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def check_generate(recipe, cfg: dict) -> dict:
    """engine: hf (batched) vs one prompt at a time, same model (base + the trained adapter) and prompts."""
    from generation import code_prompts, naive

    from hfsynth.engines import HFEngine, SamplingParams
    from hfsynth.models.load import load_tuned_model

    model, tokenizer = load_tuned_model(recipe, run_dir_of(recipe))
    engine = HFEngine(model, tokenizer, batch_size=cfg["gen_batch"])
    prompts = code_prompts(cfg["prompts"])
    params = SamplingParams(n=1, temperature=0.0, top_p=1.0, max_new_tokens=cfg["max_new_tokens"], seed=0)
    batched, t_batched = timed(lambda: engine.generate(prompts, params, progress=False))
    single, t_single = timed(lambda: naive(engine, prompts[: cfg["single_prompts"]], params))
    same = sum(a[0].text == b[0].text for a, b in zip(batched, single))
    engine = model = None  # free the GPU for the next check
    gpu_peak_reset()
    return {"greedy_equal_fp32": greedy_equal_in_fp32(recipe, cfg, prompts[: cfg["single_prompts"]]), **{"prompts": len(prompts), "max_new_tokens": cfg["max_new_tokens"],
            "batched_samples_per_s": round(len(prompts) / t_batched, 2), "one_at_a_time_prompts": len(single),
            "one_at_a_time_samples_per_s": round(len(single) / t_single, 2),
            "ratio": round((len(prompts) / t_batched) / (len(single) / t_single), 2), "greedy_outputs_equal": f"{same}/{len(single)}"}}


def greedy_equal_in_fp32(recipe, cfg: dict, prompts) -> str:
    """Batched greedy == one prompt at a time, on the base model in fp32 (no 4-bit): the engine's own correctness.

    In bf16 a random model's next-token scores are nearly tied, and a padded batch's other reduction order flips them.
    """
    from generation import naive

    from hfsynth.engines import HFEngine, SamplingParams
    from hfsynth.models.load import load_model_and_tokenizer

    fp32 = recipe.model_copy(update={"model": recipe.model.model_copy(update={"dtype": "float32"}),
                                     "quantization": recipe.quantization.model_copy(update={"load_in_4bit": False})})
    model, tokenizer = load_model_and_tokenizer(fp32)
    engine = HFEngine(model, tokenizer, batch_size=cfg["gen_batch"])
    params = SamplingParams(n=1, temperature=0.0, top_p=1.0, max_new_tokens=min(32, cfg["max_new_tokens"]), seed=0)
    batched = engine.generate(list(prompts), params, progress=False)
    single = naive(engine, list(prompts), params)
    engine = model = None
    gpu_peak_reset()
    return f"{sum(a[0].text == b[0].text for a, b in zip(batched, single))}/{len(single)}"


def check_vllm(recipe, cfg: dict, hf_samples_per_s: float) -> dict:
    if importlib.util.find_spec("vllm") is None:
        return {"skipped": "vllm is not importable here"}
    from generation import code_prompts

    from hfsynth.engines import SamplingParams
    from hfsynth.engines.vllm import VLLMEngine

    engine = VLLMEngine.from_recipe(recipe, run_dir_of(recipe))
    prompts = code_prompts(cfg["prompts"])
    params = SamplingParams(n=1, temperature=0.0, top_p=1.0, max_new_tokens=cfg["max_new_tokens"], seed=0)
    _, seconds = timed(lambda: engine.generate(prompts, params, progress=False))
    rate = len(prompts) / seconds
    return {"samples_per_s": round(rate, 2), "vs_engine_hf": round(rate / hf_samples_per_s, 2)}


CHECKS = ("train", "fsdp2", "fsdp_launch", "generate_hf", "generate_vllm")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cpu", action="store_true", help="a tiny model on the CPU (what the tests run)")
    parser.add_argument("--out", help="also write the JSON report here")
    parser.add_argument("--work", help="working folder (default: a temporary one)")
    parser.add_argument("--checks", default=",".join(CHECKS), help=f"comma-separated subset of {','.join(CHECKS)}")
    args = parser.parse_args(argv)

    import torch

    wanted = args.checks.split(",")
    for name in wanted:
        if name not in CHECKS:
            parser.error(f"--checks: unknown check {name!r}; expected some of {','.join(CHECKS)}")
    if {"generate_hf", "generate_vllm"} & set(wanted) and "train" not in wanted:
        parser.error("--checks: generate_hf and generate_vllm need train (they generate with the trained adapter)")
    if not args.cpu and not torch.cuda.is_available():
        parser.error("no CUDA GPU visible: run with --cpu, or on a GPU machine")
    cfg = sizes(args.cpu)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="gpu-check-") as tmp:
        work = Path(args.work or tmp)
        params = build_model(work / "model", cfg)
        recipe = make_recipe(work / "model", work / "run", cfg, args.cpu)
        report = {
            "mode": "cpu" if args.cpu else "gpu",
            "device": torch.cuda.get_device_name(0) if torch.cuda.is_available() and not args.cpu else "cpu",
            "model_parameters": params,
            "versions": {m: __import__(m).__version__ for m in ("torch", "transformers", "trl", "peft", "accelerate")},
        }
        checks = {
            "train": lambda: check_train(recipe, work),
            "fsdp2": lambda: check_fsdp2_save(recipe, work),
            "fsdp_launch": lambda: check_fsdp_launch(work / "model", work, cfg, args.cpu),
            "generate_hf": lambda: check_generate(recipe, cfg),
            "generate_vllm": lambda: check_vllm(make_recipe(work / "model", work / "run", cfg, args.cpu, engine="vllm"), cfg,
                                                report.get("generate_hf", {}).get("batched_samples_per_s", 0) or 1),
        }
        if args.cpu:
            checks["generate_vllm"] = lambda: {"skipped": "--cpu"}
        for name in wanted:
            attempt(report, name, checks[name], args.out)
    report["seconds_total"] = round(time.perf_counter() - started, 1)
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n")
    failed = [k for k, v in report.items() if isinstance(v, dict) and "error" in v]
    fsdp2, launch = report.get("fsdp2"), report.get("fsdp_launch")
    ok = (not failed and (fsdp2 is None or (fsdp2["saved_equals_gathered"] and fsdp2["sharded"]))
          and (launch is None or (launch["adapter_tensors"] == launch["expected_tensors"] and launch["all_finite"] and launch["generates_tokens"] > 0)))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
