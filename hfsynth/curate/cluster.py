"""``curate.executor: datatrove``: the curate stage's own steps as datatrove PipelineSteps, run by
datatrove's LocalPipelineExecutor, SlurmPipelineExecutor or RayPipelineExecutor.

datatrove's MinHash dedup is not used: it keeps one row per union-find cluster in file order, with no
Jaccard check and no "lowest id" rule, so it would remove other rows than ``executor: local``. What
runs instead is exactly the local executor's work, cut into three steps chained with ``depends=``:

- filter (``tasks`` tasks): each reads its share of the raw shards (shard g goes to task g mod
  tasks) and runs pass one on every batch, spilling survivors, MinHash signatures, dedup keys and
  funnel counts to the work folder;
- dedup (1 task): the dedup decision over every task's keys;
- finish (``tasks`` tasks): decontamination, execution and the secrets scan per spilled batch.

The hfsynth process then merges everything in task order (a task is numbered by where its batch
lies in the input) and renames the outputs into place as the local executor does. The work folder,
datatrove's logging folders included, lives in the run directory: on a cluster it must be on storage
every node sees.
"""

from __future__ import annotations

import dataclasses
import pickle
import shutil
import subprocess
import time
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

from datatrove.pipeline.base import PipelineStep

from hfsynth.errors import HfsynthError
from hfsynth.testing.pause import pause_here

LOGS = "datatrove"  # under the work folder: one logging_dir per step, kept when a run fails


# ----------------------------------------------------------------------------------------------
# Where the steps leave their results (inside RunDir.curate_work)


def keys_path(work: Path, task: int) -> Path:
    return work / f"keys-{task:06d}.pkl"


def counts_path(work: Path, task: int) -> Path:
    return work / f"counts-{task:06d}.pkl"


def decision_path(work: Path) -> Path:
    return work / "dedup-decision.pkl"


def finished_path(work: Path, task: int) -> Path:
    return work / f"finished-{task:06d}.pkl"


def part_path(work: Path, task: int) -> Path:
    return work / f"part-{task:06d}.parquet"


def _dump(obj, path: Path) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as out:
        pickle.dump(obj, out, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)


def _load(path: Path):
    with open(path, "rb") as stored:
        return pickle.load(stored)


def _tasks_found(work: Path) -> List[int]:
    """The tasks pass one finished, in input order."""
    return sorted(int(p.stem.split("-", 1)[1]) for p in work.glob("keys-*.pkl"))


# ----------------------------------------------------------------------------------------------
# The plan: which shard each filter task reads, and the number of each batch


class ShardPlan:
    """The input as parquet shards in order. Batch b of shard g is task ``g * stride + b``: unique
    and in input order without reading the shards first (a shard has fewer batches than rows + 1)."""

    def __init__(self, source, batch_size: int):
        self.shards: List[Tuple[str, Path]] = [(split, Path(path)) for split, paths in source.shards.items() for path in paths]
        self.batch_size = batch_size
        self.rows = source.rows
        self.first_split = (source.splits or ["train"])[0]
        self.schema = source.schema
        from hfsynth.raw_shards import shard_rows

        self.stride = 1 + max((shard_rows(path) for _, path in self.shards), default=0)

    def tasks_of(self, rank: int, world_size: int) -> Iterator[Tuple[int, str, object]]:
        """(task, split, batch) of the shards this rank reads; an empty input is one empty batch on rank 0."""
        import pyarrow as pa

        from hfsynth.raw_shards import shard_batches

        for g, (split, path) in enumerate(self.shards):
            if g % world_size == rank:
                for b, batch in enumerate(shard_batches(path, self.batch_size)):
                    yield g * self.stride + b, split, batch
        if self.rows == 0 and rank == 0:
            yield 0, self.first_split, pa.RecordBatch.from_pylist([], schema=self.schema)


def spill_input(source, work: Path, batch_size: int):
    """``hfsynth curate --input`` rows (one table in this process) as parquet shards in the work
    folder, one per batch, so that tasks on other processes or nodes can read their share."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from hfsynth.curate.sources import Source

    folder = work / "input"
    folder.mkdir(parents=True, exist_ok=True)
    shards: Dict[str, List[Path]] = {}
    for k, (split, batch) in enumerate(source.batches(batch_size)):
        path = folder / f"input-{k:06d}.parquet"
        pq.write_table(pa.Table.from_batches([batch]), path)
        shards.setdefault(split, []).append(path)
    return Source(list(source.splits), source.schema, source.rows, shards=shards)


# ----------------------------------------------------------------------------------------------
# The three steps


def make_steps(job, plan: ShardPlan):
    """(filter, dedup, finish), the three PipelineSteps of a run."""
    return FilterStep(job, plan), DedupStep(job), FinishStep(job)


class _Step(PipelineStep):
    """Shared by the three steps: the Job every batch function needs, set up once per task."""

    type = "hfsynth curate"

    def __init__(self, job):
        super().__init__()
        self.job = job

    def setup(self):
        from hfsynth.curate import batch

        batch.setup(self.job)
        return batch


class FilterStep(_Step):
    """Pass one over the batches of this task's shards."""

    name = "filter"

    def __init__(self, job, plan: ShardPlan):
        super().__init__(job)
        self.plan = plan

    def run(self, data=None, rank: int = 0, world_size: int = 1):
        batch = self.setup()
        for task_input in self.plan.tasks_of(rank, world_size):
            result = batch.filter_batch(task_input)
            _dump((result.funnel, result.failures), counts_path(self.job.work, result.task))
            _dump(dataclasses.replace(result, funnel=None, failures=None), keys_path(self.job.work, result.task))
            self.stat_update("batches")
            self.stat_update("rows_kept", value=len(result.ids))


class DedupStep(_Step):
    """The dedup decision over every survivor of the filter step (one task)."""

    name = "dedup"

    def run(self, data=None, rank: int = 0, world_size: int = 1):
        from hfsynth.curate.passes import Pass1, decide_dedup

        work = self.job.work
        passed = Pass1()
        for task in _tasks_found(work):
            passed.add_keys(_load(keys_path(work, task)))
        outcome = decide_dedup(passed, self.job.recipe.curate, work)
        _dump((outcome, list(outcome.finish_tasks(passed))), decision_path(work))
        self.stat_update("rows_removed", value=sum(len(r) for r in outcome.removed_by_task))


class FinishStep(_Step):
    """Pass two over this task's share of the spilled batches."""

    name = "finish"
    finished = 0  # batches this process finished (a test kill point)

    def run(self, data=None, rank: int = 0, world_size: int = 1):
        import pyarrow.parquet as pq

        batch = self.setup()
        work = self.job.work
        _, finish_tasks = _load(decision_path(work))
        for index, task_input in enumerate(finish_tasks):
            if index % world_size != rank:
                continue
            result = batch.finish_batch(task_input)
            pq.write_table(result.table, part_path(work, result.task), compression="lz4")
            _dump(dataclasses.replace(result, table=None), finished_path(work, result.task))
            self.stat_update("batches")
            self.finished += 1
            pause_here("curate_finish_batch", self.finished, f"task {result.task}")


# ----------------------------------------------------------------------------------------------
# The executors


def make_executors(settings, steps, work: Path) -> list:
    """datatrove executors of the three steps, chained with ``depends=`` (``settings`` = curate.datatrove)."""
    filter_step, dedup_step, finish_step = steps
    logs = work / LOGS
    workers = settings.workers or -1
    shapes = [("filter", filter_step, settings.tasks, workers), ("dedup", dedup_step, 1, 1), ("finish", finish_step, settings.tasks, workers)]
    executors = []
    for name, step, tasks, step_workers in shapes:
        common = dict(pipeline=[step], tasks=tasks, workers=step_workers, logging_dir=str(logs / name), depends=executors[-1] if executors else None)
        if settings.executor == "local":
            from datatrove.executor import LocalPipelineExecutor

            executors.append(LocalPipelineExecutor(**common))
        elif settings.executor == "ray":
            from datatrove.executor import RayPipelineExecutor

            ray = settings.ray
            executors.append(RayPipelineExecutor(**common, cpus_per_task=ray.cpus_per_task, mem_per_cpu_gb=ray.mem_per_cpu_gb))
        else:
            from datatrove.executor import SlurmPipelineExecutor

            slurm = settings.slurm
            executors.append(
                SlurmPipelineExecutor(
                    **common, partition=slurm.partition, time=slurm.time, cpus_per_task=slurm.cpus_per_task,
                    mem_per_cpu_gb=slurm.mem_per_cpu_gb, job_name=f"{slurm.job_name}-{name}", qos=slurm.qos or "",
                    venv_path=slurm.venv_path, sbatch_args=dict(slurm.sbatch_args), slurm_logs_folder=str(logs / name / "slurm_logs"),
                )
            )
    return executors


def _incomplete(executor) -> List[int]:
    return executor.get_incomplete_ranks(skip_completed=True)


def _refuse_incomplete(executor, name: str) -> None:
    missing = _incomplete(executor)
    if missing:
        raise HfsynthError(
            f"curate (datatrove): step '{name}' did not complete {len(missing)} of {executor.world_size} tasks "
            f"(first: {missing[0]}); see {executor.logging_dir.path}/logs"
        )


def run_in_order(executors, names=("filter", "dedup", "finish")) -> None:
    """Local and Ray: each step after the one before, refused when a task did not complete (a Ray
    task that failed is only logged, and ``depends=`` would then wait for it forever)."""
    for name, executor in zip(names, executors):
        executor.run()
        _refuse_incomplete(executor, name)


def run_on_slurm(executors, poll_s: float, names=("filter", "dedup", "finish")) -> None:
    """Submit the three job arrays (the last one submits the others through ``depends=``), then wait
    until every task completed, refusing as soon as a job left the queue with tasks incomplete (the
    jobs still waiting on it are cancelled: their dependency can no longer be met)."""
    if shutil.which("sbatch") is None:
        raise HfsynthError("curate.datatrove.executor is 'slurm' but sbatch is not on PATH; run hfsynth on a Slurm login node")
    executors[-1].run()
    job_ids = [executor.job_id for executor in executors]
    while True:
        pending = [(name, executor, job_id) for name, executor, job_id in zip(names, executors, job_ids) if _incomplete(executor)]
        if not pending:
            return
        name, executor, job_id = pending[0]
        if job_id in (None, -1) or not _in_queue(str(job_id)):
            waiting = [str(later) for _, _, later in pending[1:] if later not in (None, -1)]
            try:
                _refuse_incomplete(executor, name)
            finally:
                if waiting and shutil.which("scancel"):
                    subprocess.run(["scancel", *waiting], capture_output=True, check=False)
        time.sleep(poll_s)


def _in_queue(job_id: str) -> bool:
    """Whether Slurm still has the job (pending or running); an unknown id is not in the queue."""
    try:
        out = subprocess.run(["squeue", "-h", "-o", "%i", "-j", job_id], capture_output=True, text=True, check=False).stdout
    except FileNotFoundError:
        raise HfsynthError("curate.datatrove.executor is 'slurm' but squeue is not on PATH; run hfsynth on a Slurm login node") from None
    return bool(out.strip())


def _start_ray(settings):
    """Connect to ``ray.address``, or start a local instance; returns a function that undoes it."""
    import ray

    if ray.is_initialized():
        return lambda: None
    if settings.ray.address:
        ray.init(address=settings.ray.address)
    else:
        ray.init(include_dashboard=False)
    return ray.shutdown


# ----------------------------------------------------------------------------------------------
# The stage on datatrove


def curate_with_datatrove(recipe, run_dir, source, work: Path) -> None:
    """Run the three steps on datatrove, then merge their results in task order and rename the
    outputs into place. A failed run keeps only datatrove's logs in the work folder."""
    from hfsynth.curate.funnel import Funnel
    from hfsynth.curate.outputs import Outputs
    from hfsynth.curate.passes import Pass1, make_job

    config = recipe.curate
    settings = config.datatrove
    succeeded = False
    try:
        if source.table is not None:
            source = spill_input(source, work, config.batch_size)
        job = make_job(recipe, source, work)
        executors = make_executors(settings, make_steps(job, ShardPlan(source, config.batch_size)), work)
        if settings.executor == "slurm":
            run_on_slurm(executors, settings.slurm.poll_s)
        elif settings.executor == "ray":
            stop = _start_ray(settings)
            try:
                run_in_order(executors)
            finally:
                stop()
        else:
            run_in_order(executors)
        passed = Pass1(Funnel(spool=work / "rejected"))
        for task in _tasks_found(work):
            passed.add_counts(*_load(counts_path(work, task)))
        outcome, finish_tasks = _load(decision_path(work))
        outcome.record(passed.funnel)
        with Outputs(run_dir, work, job.output_schema, source.splits, passed.funnel) as outputs:
            for task, _, _ in finish_tasks:
                outputs.add(_finished(work, task, job.output_schema))
            outputs.commit(passed.failures, config)
        succeeded = True
    finally:
        _clean(work, keep_logs=not succeeded)


def _finished(work: Path, task: int, schema):
    """A finish task's result with its rows read back in the output schema."""
    import pyarrow.parquet as pq

    result = _load(finished_path(work, task))
    table = pq.read_table(part_path(work, task))
    result.table = table if table.schema.equals(schema) else table.cast(schema)
    return result


def _clean(work: Path, keep_logs: bool) -> None:
    if not keep_logs:
        shutil.rmtree(work, ignore_errors=True)
        return
    for path in work.iterdir() if work.is_dir() else []:
        if path.name != LOGS:
            shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
