"""``engine: vllm`` under a launcher, up to the engine's construction (vLLM itself needs a GPU: bench/gpu_check.py).

One engine per ``tensor_parallel_size`` ranks (``external_launcher``), each engine its own shards, the same
row ids as one process, the resume per engine, the arguments ``vllm.LLM`` gets, and the refusals.
"""

import pytest

from hfsynth.engines.vllm import EngineLayout, vllm_engine_kwargs, vllm_layout
from hfsynth.errors import HfsynthError
from hfsynth.raw_shards import ShardWriter
from hfsynth.synth.plan import build_plan
from hfsynth.synth.stage import load_seed_examples, pools_to_run

from helpers import assert_user_error, run_cli_in_process
from test_synth_stage import stage_recipe


@pytest.mark.parametrize("world, tp", [(8, 1), (8, 2), (8, 8), (16, 4), (1, 1)])
def test_every_rank_of_one_engine_gets_the_same_layout_and_one_writes(world, tp):
    layouts = [vllm_layout(tp, world, rank, local_world_size=min(world, 8), visible_gpus=8) for rank in range(world)]
    assert {l.groups for l in layouts} == {world // tp}
    for rank, layout in enumerate(layouts):
        assert layout.group == rank // tp
        assert layout.writes == (rank % tp == 0)
    assert sum(l.writes for l in layouts) == world // tp


@pytest.mark.parametrize("args, fragment", [
    (dict(tensor_parallel_size=3, world_size=8, rank=0, local_world_size=8, visible_gpus=8), "3 does not divide the launcher's 8 processes"),
    (dict(tensor_parallel_size=16, world_size=16, rank=0, local_world_size=8, visible_gpus=8), "16 is more than the 8 processes (GPUs) of one node"),
    (dict(tensor_parallel_size=2, world_size=1, rank=0, local_world_size=1, visible_gpus=1), "2 GPUs per vLLM engine but this process sees 1"),
    (dict(tensor_parallel_size=1, world_size=8, rank=0, local_world_size=8, visible_gpus=4), "8 processes on this node but 4 GPU(s) visible"),
])
def test_impossible_layouts_are_refused_in_one_line(args, fragment):
    with pytest.raises(HfsynthError) as info:
        vllm_layout(**args)
    assert fragment in str(info.value) and "\n" not in str(info.value)


def test_engines_split_the_pools_of_one_process_exactly_and_resume_their_own(tiny_recipe, write_recipe, tmp_path):
    recipe = stage_recipe(tiny_recipe, write_recipe, tmp_path, num_samples=40)
    plan = build_plan(recipe, load_seed_examples(recipe))
    writer = ShardWriter(tmp_path / "raw")
    rows = recipe.generate.batch_size
    flat = lambda pools: [shard for pool in pools for shard in pool]
    alone, _ = pools_to_run(plan, writer, EngineLayout(groups=1, group=0, writes=True), rows)
    assert sorted(flat(alone)) == sorted(plan.shards()) and len(alone) >= 8
    world, tp = 8, 2
    per_rank = [pools_to_run(plan, writer, vllm_layout(tp, world, r, 8, 8), rows)[0] for r in range(world)]
    for rank in range(0, world, tp):
        assert per_rank[rank] == per_rank[rank + 1]  # both ranks of a tensor-parallel engine run the same prompts
    engines = per_rank[::tp]
    assert sorted(flat(p for pools in engines for p in pools)) == sorted(flat(alone))  # every shard once, none twice
    # the same pools (so the same engine calls and row ids) as one process
    assert sorted(p for pools in engines for p in pools) == sorted(alone)

    # resume: engine 1's first shard is on disk; only engine 1 counts it, and still regenerates its pool
    split, k = engines[1][0][0]
    path = writer.path(split, k, 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"stands for a finished shard")
    todo, resumed = pools_to_run(plan, writer, vllm_layout(tp, world, 2, 8, 8), rows)
    assert resumed == 1 and todo == (engines[1] if len(engines[1][0]) > 1 else engines[1][1:])
    assert pools_to_run(plan, writer, vllm_layout(tp, world, 0, 8, 8), rows) == (engines[0], 0)


def test_vllm_gets_external_launcher_under_a_launcher_and_the_same_seed_on_every_rank(tiny_recipe, write_recipe, tmp_path):
    recipe = stage_recipe(tiny_recipe, write_recipe, tmp_path, engine="hf", tensor_parallel_size=1)
    launched = vllm_engine_kwargs(recipe, "/models/m", use_adapter=True, world_size=8)
    assert launched["distributed_executor_backend"] == "external_launcher"
    assert launched["seed"] == recipe.generate.seed and launched["tensor_parallel_size"] == 1
    assert launched["enable_lora"] and launched["max_lora_rank"] == 8 and launched["max_loras"] == 1
    alone = vllm_engine_kwargs(recipe, "/models/m", use_adapter=False, world_size=1)
    assert "distributed_executor_backend" not in alone and "enable_lora" not in alone
    assert alone["model"] == "/models/m"


def test_tensor_parallel_with_the_hf_engine_is_refused(tiny_recipe, write_recipe, capsys):
    data = dict(tiny_recipe, generate={**tiny_recipe["generate"], "tensor_parallel_size": 2})
    proc = run_cli_in_process(["generate", write_recipe(data)], capsys)
    assert_user_error(proc, "generate.tensor_parallel_size: 2 applies to engine vllm only")
