"""bench/gpu_check.py --cpu: the GPU proof script runs end to end on a tiny model, so it cannot rot."""

import json
import os
import subprocess
import sys

import pytest

from helpers import REPO_ROOT


@pytest.mark.slow
def test_gpu_check_cpu_mode_reports_every_check(tmp_path):
    out = tmp_path / "report.json"
    env = dict(os.environ, OMP_NUM_THREADS="1", GPU_CHECK_PORT="29687")
    proc = subprocess.run([sys.executable, str(REPO_ROOT / "bench" / "gpu_check.py"), "--cpu", "--out", str(out)],
                          cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, (proc.stdout[-3000:], proc.stderr[-3000:])
    report = json.loads(out.read_text())
    assert report["mode"] == "cpu" and report["model_parameters"] > 0
    train = report["train"]
    assert train["hfsynth"]["tokens_per_s"] > 0 and train["plain_trl"]["tokens_per_s"] > 0 and train["ratio_tokens_per_s"] > 0
    assert train["plain_trl_first"]["tokens_per_s"] > 0  # the warm-up run before hfsynth's
    if train["plain_trl"]["optim"] != train["hfsynth"]["optim"]:
        assert train["hfsynth_same_optim"]["tokens_per_s"] > 0 and train["hfsynth_same_optim"]["optim"] == train["plain_trl"]["optim"]
    fsdp2 = report["fsdp2"]
    assert fsdp2["sharded"] and fsdp2["saved_equals_gathered"] and fsdp2["adapter_tensors"] == 8
    launch = report["fsdp_launch"]  # on the CPU a plain `accelerate launch --cpu` of `hfsynth train` (FSDP is refused there)
    assert launch["adapter_tensors"] == launch["expected_tensors"] == 2 * 2 * 7 and launch["all_finite"]
    assert launch["lora_B_trained"] == "14/14" and launch["generates_tokens"] > 0
    gen = report["generate_hf"]
    assert gen["prompts"] == 4 and gen["batched_samples_per_s"] > 0 and gen["one_at_a_time_samples_per_s"] > 0
    assert gen["greedy_equal_fp32"] == "4/4" and gen["greedy_outputs_equal"] == "4/4"  # fp32 on the CPU: batched == one at a time
    assert report["generate_vllm"] == {"skipped": "--cpu"}


def test_gpu_check_refuses_an_unknown_check_by_name():
    proc = subprocess.run([sys.executable, str(REPO_ROOT / "bench" / "gpu_check.py"), "--cpu", "--checks", "train,fsdp3"],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and "--checks: unknown check 'fsdp3'" in proc.stderr, proc.stderr[-2000:]


def test_gpu_wheels_fit_the_64_mib_budget_with_the_checkout():
    """bench/gpu_wheels.txt: every wheel the GPU machine lacks, with its size; together with the checkout under 64 MiB."""
    lines = [l.split("#")[0].split() for l in (REPO_ROOT / "bench" / "gpu_wheels.txt").read_text().splitlines()]
    wheels = {l[0]: int(l[1]) for l in lines if l}
    for needed in ("bitsandbytes", "trl", "datasets", "pydantic", "pydantic_core"):
        assert any(name.startswith(needed + "-") for name in wheels), needed
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=REPO_ROOT, capture_output=True, check=True).stdout.split(b"\0")
    checkout = sum((REPO_ROOT / p.decode()).stat().st_size for p in tracked if p and (REPO_ROOT / p.decode()).is_file())
    assert sum(wheels.values()) + checkout < 64 * 2**20
