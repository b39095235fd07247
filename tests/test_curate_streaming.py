"""The streaming curate stage: batch size and worker count never change what is kept, a crashed
run leaves data/ as it was and a rerun gives the same files, a row too large is counted and skipped."""

import json

import pyarrow.parquet as pq
import pytest

from hfsynth.context import StageContext
from hfsynth.curate import batch as curate_batch
from hfsynth.curate.stage import curate_stage
from hfsynth.rundir import RunDir
from helpers import run_cli
from test_curate_stage import FUNC_A, FUNC_B, FUNC_C, contaminated_code, fenced, make_recipe, row, write_shard


def _variants(i: int) -> str:
    """Distinct functions, with exact and near copies of earlier ones at fixed positions."""
    base = [FUNC_A, FUNC_B, FUNC_C][i % 3]
    if i % 5 == 0:
        return base  # exact copy of another row of the same family
    if i % 5 == 1:
        return base.replace("    ", "\t")  # layout copy
    if i % 5 == 2:
        return base.replace('"""', '"""  # near', 1)  # near copy
    return base.replace("(", f"_{i}(", 1) + f"\n\ndef helper_{i}(values):\n    return [v * {i} for v in values]\n"


def _write_raw(run_path, shards: int = 6, rows_per_shard: int = 5):
    """Several shards per split, ids shuffled against shard order so "lowest id" crosses shards and splits."""
    n = 0
    for split in ("train", "test"):
        for k in range(shards):
            rows = []
            for _ in range(rows_per_shard):
                row_id = f"r{(n * 37) % 101:03d}"
                status = "error" if n % 11 == 4 else "ok"
                response = fenced(contaminated_code()) if n == 17 else fenced(_variants(n))
                rows.append(row(row_id, split, response, status=status))
                n += 1
            write_shard(run_path, split, rows, name=f"shard-rank0-{k:05d}.parquet")


def _outputs(run_dir):
    data = {p.stem: pq.read_table(p).to_pylist() for p in sorted(run_dir.data.glob("*.parquet"))}
    funnel = json.loads(run_dir.funnel.read_text())
    return data, funnel, run_dir.rejected.read_text(), run_dir.decontamination.read_text()


def _curate(tmp_path, name, **curate):
    recipe, run_dir = make_recipe(tmp_path / name, **curate)
    _write_raw(run_dir.path)
    curate_stage(StageContext(recipe, run_dir))
    return _outputs(run_dir)


@pytest.fixture(scope="module")
def one_big_batch(tmp_path_factory):
    return _curate(tmp_path_factory.mktemp("one"), "one", batch_size=10_000, workers=1)


def test_tiny_batches_give_what_one_big_batch_gives(tmp_path, one_big_batch):
    tiny = _curate(tmp_path, "tiny", batch_size=3, workers=1)  # 24 batches: 2 per shard, 12 shards, 2 splits
    assert tiny == one_big_batch
    data, funnel, rejected, contamination = one_big_batch
    steps = {s["name"]: s["removed"] for s in funnel["steps"]}
    assert steps["exact_dedup"] > 0 and steps["near_dedup"] > 0 and steps["decontaminate"] == 1
    assert funnel["splits"] == {split: len(rows) for split, rows in data.items()}
    assert json.loads(contamination)["benchmark"] == "humaneval"
    # all splits deduped together: no row exact dedup removed is in data/, whatever its split
    kept = {r["id"] for rows in data.values() for r in rows}
    removed = [json.loads(line) for line in rejected.splitlines()]
    assert {r["split"] for r in removed if r["step"] == "exact_dedup"} == {"train", "test"}
    assert not kept & {r["id"] for r in removed}
    assert [r["step"] for r in removed] == sorted((r["step"] for r in removed), key=[s["name"] for s in funnel["steps"]].index)


@pytest.mark.slow
def test_two_spawned_workers_through_the_command_give_the_same(tmp_path, write_recipe, one_big_batch):
    run = tmp_path / "run"
    path = write_recipe({
        "name": "t", "output_dir": str(run), "seed": {"python_source": "stdlib"}, "model": {"name_or_path": "tiny"},
        "curate": {"execution": {"enabled": False}, "secrets": {"enabled": False}},
    })
    _write_raw(run)
    proc = run_cli(["curate", str(path), "curate.batch_size=3", "curate.workers=2"])  # 24 batches on 2 worker processes
    assert proc.returncode == 0, proc.stderr
    assert _outputs(RunDir(run)) == one_big_batch


def failing_on(call: int, fn, exc):
    """``fn``, except that its ``call``-th call raises ``exc``: a crash mid-run, where the test chooses."""
    calls = []

    def wrapped(task):
        calls.append(task)
        if len(calls) == call:
            raise exc
        return fn(task)

    return wrapped


def test_a_crash_leaves_data_as_it_was_and_a_rerun_gives_the_same(tmp_path, monkeypatch):
    recipe, run_dir = make_recipe(tmp_path, batch_size=25, workers=1)  # 3 batches
    _write_raw(run_dir.path)
    curate_stage(StageContext(recipe, run_dir))
    before = _outputs(run_dir)
    train_bytes = run_dir.split_file("train").read_bytes()

    finish = curate_batch.finish_batch
    monkeypatch.setattr(curate_batch, "finish_batch", failing_on(3, finish, KeyboardInterrupt))  # as good as a kill for what it leaves on disk
    (run_dir.data / "train.parquet").write_bytes(train_bytes)
    with pytest.raises(KeyboardInterrupt):
        curate_stage(StageContext(recipe, run_dir))
    assert _outputs(run_dir) == before and not run_dir.curate_work.exists()
    run_dir.curate_work.mkdir()
    (run_dir.curate_work / "kept-000000.parquet").write_bytes(b"half a file from a killed run")
    monkeypatch.setattr(curate_batch, "finish_batch", finish)
    curate_stage(StageContext(recipe, run_dir))
    assert _outputs(run_dir) == before and run_dir.split_file("train").read_bytes() == train_bytes


def test_a_row_too_large_is_counted_and_skipped(tmp_path):
    recipe, run_dir = make_recipe(tmp_path, max_row_bytes=4096)
    write_shard(run_dir.path, "train", [
        row("a", "train", fenced(FUNC_A)),
        row("b", "train", fenced(FUNC_B + "# " + "x" * 5000 + "\n")),
        row("c", "train", fenced(FUNC_C)),
    ])
    curate_stage(StageContext(recipe, run_dir))
    data, funnel, rejected, _ = _outputs(run_dir)
    assert [r["id"] for r in data["train"]] == ["a", "c"]
    assert funnel["failures"] == {"too_large": 1}
    assert funnel["steps"][0] == {"name": "generation", "rows_in": 3, "rows_out": 2, "removed": 1}
    assert json.loads(rejected.splitlines()[0])["reason"].startswith("too_large: over curate.max_row_bytes")
