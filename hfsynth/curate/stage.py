"""The curate stage: raw/<split>/*.parquet -> data/<split>.parquet, funnel.json, decontamination.jsonl.

All splits go through the filters together, so a row duplicated across train and test is caught
(the lowest id stays, whatever its split). Steps, in order, each one line of the funnel when on:
generation status, extract, length, validity, static_analysis, trivial, print_only, repetition,
instruction, exact_dedup, near_dedup, decontaminate, execute, secrets (last, so that nothing
published carries a key, a token or personal data). Every removed row is written to rejected.jsonl
with its step and reason. Rows keep every raw column; curation sets ``code`` and ``language`` and,
when execution runs, adds ``exec_status`` and ``exec_detail``.

It streams, so that millions of rows fit on one machine: pass one reads the rows batch by batch
(:mod:`hfsynth.curate.sources`) and runs the per-row steps up to the dedup keys on worker processes
(:mod:`hfsynth.curate.batch`, :mod:`hfsynth.curate.parallel`), spilling the survivors to the work
folder; dedup then decides over the compact keys of every survivor (:mod:`hfsynth.curate.dedup`);
pass two decontaminates, executes and scans each spilled batch and appends it to its split's
ParquetWriter. Every output is renamed into place at the end, so a failed or killed run leaves the
previous ones untouched. ``curate.executor: datatrove`` runs the same per-batch work and the same
dedup decision as datatrove pipeline tasks instead (:mod:`hfsynth.curate.cluster`).
"""

from __future__ import annotations

from hfsynth.context import StageContext
from hfsynth.errors import HfsynthError


def preflight(ctx: StageContext) -> None:
    """What can fail before generation even starts: grammars, benchmark files, the sandbox."""
    recipe = ctx.recipe
    config = recipe.curate
    if config.executor == "datatrove":
        require_datatrove(config.datatrove.executor)
    if ctx.input:
        from hfsynth.curate.inputs import load_input

        load_input(ctx.input, recipe)  # bad input is refused here, before anything is written
    if not config.enabled:
        return
    if config.validity.enabled:
        from hfsynth.curate.validity import require_parsers

        require_parsers(config.languages)
    if config.decontaminate.enabled:
        from hfsynth.curate.decontaminate import benchmark_rows, humaneval_texts

        if config.decontaminate.humaneval:
            humaneval_texts()
        for source in config.decontaminate.benchmarks:
            benchmark_rows(source, recipe)  # a Hub benchmark (a small test set) is fetched now, not after generation
    if config.execution.enabled:
        from hfsynth.sandbox import detect_isolation

        try:
            detect_isolation()
        except RuntimeError as exc:
            raise HfsynthError(f"curate.execution.enabled: {exc}; set curate.execution.enabled: false") from None


def require_datatrove(executor: str) -> None:
    """One line (exit 2) instead of an ImportError deep inside a run."""
    try:
        import datatrove  # noqa: F401
    except ImportError:
        raise HfsynthError(
            "curate.executor is 'datatrove' but datatrove is not installed; pip install 'hfsynth[cluster]' "
            "(on this machine and on every node that runs tasks)"
        ) from None
    if executor == "ray":
        try:
            import ray  # noqa: F401
        except ImportError:
            raise HfsynthError("curate.datatrove.executor is 'ray' but ray is not installed; pip install ray") from None


def curate_stage(ctx: StageContext) -> None:
    """raw/ (or --input) -> data/<split>.parquet + funnel.json + decontamination.jsonl + rejected.jsonl (rank 0).

    Two passes over the rows, batch by batch on ``curate.workers`` processes (or datatrove's tasks);
    only compact per-row dedup keys stay in memory. Outputs are written in the work folder and
    renamed into place when everything has succeeded."""
    import shutil

    from hfsynth.curate.sources import input_source, raw_source

    recipe, run_dir = ctx.recipe, ctx.run_dir
    config = recipe.curate
    if config.executor == "datatrove":
        require_datatrove(config.datatrove.executor)  # before anything is read or removed
    source = input_source(ctx.input, recipe) if ctx.input else raw_source(run_dir)
    work = run_dir.curate_work
    shutil.rmtree(work, ignore_errors=True)  # what a killed run left: this one starts afresh
    work.mkdir(parents=True)
    if config.executor == "datatrove":
        from hfsynth.curate.cluster import curate_with_datatrove

        curate_with_datatrove(recipe, run_dir, source, work)
        return
    try:
        _curate_locally(recipe, run_dir, source, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _curate_locally(recipe, run_dir, source, work) -> None:
    """Both passes on this machine's worker processes (:mod:`hfsynth.curate.parallel`)."""
    from hfsynth.curate.batch import filter_batch, finish_batch, setup
    from hfsynth.curate.funnel import Funnel
    from hfsynth.curate.outputs import Outputs
    from hfsynth.curate.parallel import Workers, worker_count
    from hfsynth.curate.passes import Pass1, decide_dedup, input_tasks, make_job

    config = recipe.curate
    executed = config.enabled and config.execution.enabled
    job = make_job(recipe, source, work)
    workers = worker_count(config.workers) if source.rows > config.batch_size else 1
    passed = Pass1(Funnel(spool=work / "rejected"))
    with Outputs(run_dir, work, job.output_schema, source.splits, passed.funnel) as outputs:
        with Workers(workers, setup, (job,)) as pool:
            for result in pool.map(filter_batch, input_tasks(source, config.batch_size)):
                passed.add(result)
            outcome = decide_dedup(passed, config, work)
            outcome.record(passed.funnel)
            for result in pool.map(finish_batch, outcome.finish_tasks(passed), inline=executed):  # the sandbox runs its own workers
                outputs.add(result)
        outputs.commit(passed.failures, config)
