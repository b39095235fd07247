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
    fsdp2 = report["fsdp2"]
    assert fsdp2["sharded"] and fsdp2["saved_equals_gathered"] and fsdp2["adapter_tensors"] == 8
    gen = report["generate_hf"]
    assert gen["prompts"] == 4 and gen["batched_samples_per_s"] > 0 and gen["one_at_a_time_samples_per_s"] > 0
    assert report["generate_vllm"] == {"skipped": "--cpu"}


def test_gpu_wheels_fit_the_64_mib_budget_with_the_checkout():
    """bench/gpu_wheels.txt: every wheel the GPU machine lacks, with its size; together with the checkout under 64 MiB."""
    lines = [l.split("#")[0].split() for l in (REPO_ROOT / "bench" / "gpu_wheels.txt").read_text().splitlines()]
    wheels = {l[0]: int(l[1]) for l in lines if l}
    for needed in ("bitsandbytes", "trl", "datasets", "pydantic", "pydantic_core"):
        assert any(name.startswith(needed + "-") for name in wheels), needed
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=REPO_ROOT, capture_output=True, check=True).stdout.split(b"\0")
    checkout = sum((REPO_ROOT / p.decode()).stat().st_size for p in tracked if p and (REPO_ROOT / p.decode()).is_file())
    assert sum(wheels.values()) + checkout < 64 * 2**20
