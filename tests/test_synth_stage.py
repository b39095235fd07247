"""The generate stage in-process on the tiny model with a real LoRA adapter: rows, provenance, splits,
resume after a lost shard, settings changes, and the sharded writer."""

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from hfsynth.context import StageContext
from hfsynth.errors import HfsynthError
from hfsynth.recipe import load_recipe
from hfsynth.rundir import RunDir
from hfsynth.synth.stage import adapter_fingerprint, generate_stage
from hfsynth.raw_shards import ROW_SCHEMA, ShardWriter, read_rows, read_split

SEED_ROWS = [
    {
        "instruction": f"Write a function that returns the {w} of a list of numbers.",
        "output": f"```python\ndef f{i}(xs):\n    result = {w}(xs)\n    return result\n```",
    }
    for i, w in enumerate(["sum", "max", "min", "sorted", "len", "list", "set", "tuple"])
]


def write_seed(folder):
    (folder / "seed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in SEED_ROWS))


def stage_recipe(tiny_recipe, write_recipe, tmp_path, **generate):
    write_seed(tmp_path)
    data = dict(tiny_recipe)
    data["seed"] = {"path": "seed.jsonl", "eval_size": 2}
    data["generate"] = {
        "num_samples": 12,
        "num_samples_per_prompt": 2,
        "batch_size": 4,
        "max_new_tokens": 8,
        "instruction_max_new_tokens": 8,
        "shard_every": 2,
        "with_tests": True,
        "strategies": ["template", {"name": "self_instruct", "split": "test"}, "oss_instruct", "evol_instruct"],
        **generate,
    }
    return load_recipe(write_recipe(data))


def save_adapter(model_dir, adapter_dir):
    """A real (untrained) LoRA adapter of the tiny model, saved as the train stage would."""
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    model = get_peft_model(AutoModelForCausalLM.from_pretrained(model_dir), LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"]))
    model.save_pretrained(adapter_dir)



pytestmark = pytest.mark.usefixtures("one_torch_thread")

@pytest.fixture
def generated(tiny_recipe, write_recipe, tmp_path, tiny_model_dir):
    recipe = stage_recipe(tiny_recipe, write_recipe, tmp_path)
    run_dir = RunDir(tmp_path / "run")
    save_adapter(tiny_model_dir, run_dir.adapter)
    generate_stage(StageContext(recipe, run_dir))
    return recipe, run_dir


def test_rows_follow_the_contract(generated):
    recipe, run_dir = generated
    rows = read_rows(run_dir.raw)
    assert sorted(rows) == ["test", "train"]
    everything = rows["train"] + rows["test"]
    assert len(everything) == 12 and len({r["id"] for r in everything}) == 12
    assert {r["strategy"] for r in rows["test"]} == {"self_instruct"}
    assert {r["strategy"] for r in rows["train"]} == {"template", "oss_instruct", "evol_instruct"}
    fp = adapter_fingerprint(run_dir.adapter)
    for r in everything:
        assert set(r) == set(ROW_SCHEMA.names)
        assert r["split"] in ("train", "test") and r["language"] == "python"
        assert r["adapter_fingerprint"] == fp and r["base_model"] == Path(recipe.model.name_or_path).name and "/" not in r["base_model"]
        assert (r["temperature"], r["top_p"], r["max_new_tokens"]) == (0.7, 0.95, 8)
        assert r["status"] in ("ok", "parse_error", "error") and r["finish_reason"] in ("stop", "length", "repetition", "error")
        assert (r["status"] == "ok") == (r["error"] is None)
        if r["finish_reason"] != "error":  # answered: the prompt is the response prompt, tokens counted
            assert r["prompt"][-1]["role"] == "user" and r["prompt_tokens"] > 0 and 1 <= r["completion_tokens"] <= 8
        assert r["id"].startswith(r["strategy"]) and r["id"].endswith(("-0", "-1"))
        meta = json.loads(r["meta"])
        if r["strategy"] == "template":
            assert r["seed_id"] is None and r["instruction"] in r["prompt"][-1]["content"] and "slots" in meta
        else:
            assert r["seed_id"]
        if r["strategy"] in ("self_instruct", "evol_instruct"):
            assert len(meta["instruction_candidates"]) == (3 if r["strategy"] == "self_instruct" else 2)
    # 3 rows per strategy at num_samples_per_prompt=2: one prompt with 2 rows, one with 1; rows of a prompt share it.
    by_prompt = {}
    for r in everything:
        by_prompt.setdefault(r["id"].rsplit("-", 1)[0], []).append(r)
    for strategy in ("template", "self_instruct", "oss_instruct", "evol_instruct"):
        assert sorted(len(g) for k, g in by_prompt.items() if k.startswith(strategy)) == [1, 2]
    assert all(len({str(r["prompt"]) for r in group}) == 1 for group in by_prompt.values())
    index = json.loads((run_dir.raw / "index.json").read_text())
    assert index["splits"]["train"]["rows"] == len(rows["train"]) and sum(index["status"].values()) == 12
    plan = json.loads((run_dir.raw / "plan.json").read_text())
    assert plan["fingerprint"] == index["fingerprint"] and plan["world_size"] == 1


def test_resume_redoes_only_the_missing_shard_identically(generated):
    recipe, run_dir = generated
    writer = ShardWriter(run_dir.raw)
    shards = writer.shards("train")
    before = {p: p.stat().st_mtime_ns for p in shards}
    lost = shards[1]
    original = pq.read_table(lost).to_pylist()
    lost.unlink()
    (lost.parent / ".shard-rank0-00007.parquet.tmp999").write_bytes(b"half a shard")  # left by a killed run
    generate_stage(StageContext(recipe, run_dir))
    assert pq.read_table(lost).to_pylist() == original
    assert all(p.stat().st_mtime_ns == before[p] for p in shards if p != lost)
    assert not list(run_dir.raw.glob("*/.shard-*"))


def test_other_settings_move_the_old_rows_aside(generated, tmp_path):
    recipe, run_dir = generated
    old_ids = {r["id"] for rows in read_rows(run_dir.raw).values() for r in rows}
    old_fp = json.loads((run_dir.raw / "plan.json").read_text())["fingerprint"]
    changed = load_recipe(recipe.source_dir + "/recipe.yaml", ["generate.num_samples=4", "generate.use_adapter=false"])
    generate_stage(StageContext(changed, RunDir(run_dir.path)))
    kept = read_rows(tmp_path / "run" / f"raw.{old_fp}")
    assert {r["id"] for rows in kept.values() for r in rows} == old_ids
    new = read_rows(run_dir.raw)
    assert sum(len(v) for v in new.values()) == 4
    assert all(r["adapter_fingerprint"] is None for v in new.values() for r in v)


def test_missing_adapter_names_the_train_stage(tiny_recipe, write_recipe, tmp_path):
    recipe = stage_recipe(tiny_recipe, write_recipe, tmp_path, strategies=["template"])
    with pytest.raises(HfsynthError, match=r"no trained adapter .*run `hfsynth train` first"):
        generate_stage(StageContext(recipe, RunDir(tmp_path / "run")))


def test_writer_is_atomic_and_ordered(tmp_path):
    writer = ShardWriter(tmp_path / "raw")
    row = {name: None for name in ROW_SCHEMA.names}
    for k, rank in [(2, 0), (0, 0), (1, 1)]:
        writer.write("train", k, rank, [dict(row, id=f"r{k}", prompt=[{"role": "user", "content": "x"}], temperature=0.5)])
    assert [p.name for p in writer.shards("train")] == ["shard-rank0-00000.parquet", "shard-rank1-00001.parquet", "shard-rank0-00002.parquet"]
    assert writer.existing("train", 1).name == "shard-rank1-00001.parquet" and writer.existing("train", 3) is None
    table = read_split(tmp_path / "raw", "train")
    assert table.schema == ROW_SCHEMA and table.column("id").to_pylist() == ["r0", "r1", "r2"]
    assert not list((tmp_path / "raw" / "train").glob(".*"))
    assert read_split(tmp_path / "raw", "test").num_rows == 0
