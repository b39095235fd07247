"""The ``hfsynth`` command line: thin argument parsing that hands off to the stage modules.

Works as the console script, as ``python -m hfsynth`` and under ``accelerate launch -m hfsynth`` /
``torchrun -m hfsynth``. User errors (:class:`HfsynthError`) print one line and exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import List, Optional, Sequence

from hfsynth import __version__
from hfsynth.errors import HfsynthError

STAGE_COMMANDS = {
    "train": "QLoRA/LoRA SFT of the base model on the seed data -> adapter/",
    "generate": "synthetic rows from the tuned adapter -> raw/",
    "curate": "extract, validate, dedup, decontaminate, execute -> data/<split>.parquet",
    "evaluate": "perplexity, diversity, validity, pass rates, HumanEval -> metrics.json",
    "publish": "write hub/model and hub/dataset, then push them when a token and repos are set",
}


def _add_recipe_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("recipe", help="recipe YAML file")
    parser.add_argument("overrides", nargs="*", metavar="key=value", help="dotted overrides, YAML-typed (train.max_steps=5)")
    parser.add_argument("--output-dir", help="run directory (default: the recipe's output_dir, else outputs/<name>)")
    parser.add_argument("--force", action="store_true", help="run even when the fingerprint says the outputs are current")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hfsynth", description="Recipe YAML -> tuned adapter + curated synthetic code dataset + Hub repos.")
    parser.add_argument("--version", action="version", version=f"hfsynth {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="command")

    p = sub.add_parser("validate", help="check a recipe against the schema")
    p.add_argument("recipe")
    p.add_argument("overrides", nargs="*", metavar="key=value")
    p.add_argument("--print", dest="print_recipe", action="store_true", help="print the resolved recipe (defaults filled in)")
    p.add_argument("--schema-only", action="store_true", help="check the schema only, not the files, models and libraries it names")

    p = sub.add_parser("run", help="train -> generate -> curate -> evaluate -> publish, skipping what is current")
    _add_recipe_args(p)
    p.add_argument("--stages", help="comma-separated subset, e.g. generate,curate")
    p.add_argument("--dry-run", action="store_true", help="publish writes hub/ only, never pushes")

    for name, help_text in STAGE_COMMANDS.items():
        p = sub.add_parser(name, help=help_text)
        _add_recipe_args(p)
        if name == "publish":
            p.add_argument("--dry-run", action="store_true", help="write hub/model and hub/dataset only, never push")

    p = sub.add_parser("schema", help="print the recipe JSON schema (for editors)")
    p.add_argument("--output", "-o", help="write to this file instead of stdout")
    p.add_argument("--markdown", action="store_true", help="the recipe reference as Markdown tables (as in the README)")

    p = sub.add_parser("metrics", help="diversity/validity figures for any parquet or jsonl file")
    p.add_argument("path")
    p.add_argument("--column", default="code", help="text column to measure (default: code)")
    p.add_argument("--language", default="python")
    p.add_argument("--sample-size", type=int, default=1000, help="rows sampled for self-BLEU")
    p.add_argument("--seed", type=int, default=0)

    p = sub.add_parser("pull", help="download a published dataset split through datasets.load_dataset")
    p.add_argument("repo_id")
    p.add_argument("--split", default="train")
    p.add_argument("--revision")
    p.add_argument("--to", dest="to_path", help="write the rows to this .parquet or .jsonl file")

    p = sub.add_parser("reproduce", help="fetch recipe.yaml from a published repo and run it")
    p.add_argument("repo_id")
    p.add_argument("overrides", nargs="*", metavar="key=value")
    p.add_argument("--revision", help="pin the repo revision (default: its current commit)")
    p.add_argument("--repo-type", default="dataset", choices=("dataset", "model"))
    p.add_argument("--output-dir")
    p.add_argument("--stages", help="comma-separated subset of stages")
    p.add_argument("--dry-run", action="store_true", help="publish writes hub/ only, never pushes")
    return parser


def _parse_stages(text: Optional[str]) -> List[str]:
    from hfsynth.run import STAGE_NAMES, get_stage

    if not text:
        return list(STAGE_NAMES)
    names = [n.strip() for n in text.split(",") if n.strip()]
    for n in names:
        get_stage(n)
    return [n for n in STAGE_NAMES if n in names]


def run_recipe(recipe, stages: Sequence[str], output_dir: Optional[str] = None, force: bool = False, dry_run: bool = False) -> int:
    """Run stages of a loaded recipe and print the summary (shared by run, reproduce, stage commands)."""
    from hfsynth import dist
    from hfsynth.preflight import preflight
    from hfsynth.run import RunDir, check_run_dir_is_safe, resolve_run_dir, run_stages
    from hfsynth.summary import print_summary

    run_dir = RunDir(resolve_run_dir(recipe, output_dir), recipe)
    check_run_dir_is_safe(run_dir.path)
    run_dir.options["dry_run"] = dry_run
    preflight(recipe, run_dir, stages)
    results = run_stages(stages, recipe, run_dir, force=force)
    if dist.is_main():
        print_summary(run_dir, results)
    return 0


def _quiet_libraries() -> None:
    """Hide library chatter that a user cannot act on (deprecation notices, optional-kernel hints)."""
    import logging
    import warnings

    warnings.filterwarnings("ignore", category=FutureWarning, message=".*deprecated and will be removed in v6.*")
    logging.getLogger("bitsandbytes").setLevel(logging.ERROR)


def _main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    # Overrides may come after options (`validate r.yaml --print train.max_steps=9`): collect them here.
    args, extra = parser.parse_known_args(argv)
    stray = [e for e in extra if e.startswith("-") or "=" not in e or not hasattr(args, "overrides")]
    if stray:
        parser.error(f"unrecognized arguments: {' '.join(stray)}")
    if extra:
        args.overrides = list(args.overrides) + extra
    _quiet_libraries()
    command = args.command

    if command == "schema":
        from hfsynth.recipe import recipe_json_schema
        from hfsynth.schema_docs import recipe_reference_markdown

        text = recipe_reference_markdown() if args.markdown else json.dumps(recipe_json_schema(), indent=2)
        if args.output:
            with open(args.output, "w", encoding="utf-8") as f:
                f.write(text + "\n")
        else:
            print(text)
        return 0

    if command == "validate":
        from hfsynth.recipe import load_recipe

        recipe = load_recipe(args.recipe, args.overrides)
        if not args.schema_only:
            from hfsynth.preflight import preflight
            from hfsynth.run import STAGE_NAMES, RunDir, check_run_dir_is_safe, resolve_run_dir

            run_dir = RunDir(resolve_run_dir(recipe), recipe)
            check_run_dir_is_safe(run_dir.path)
            run_dir.options["dry_run"] = True  # validating never contacts the Hub
            preflight(recipe, run_dir, STAGE_NAMES)
        if args.print_recipe:
            print(recipe.to_yaml(), end="")
        else:
            print(f"{args.recipe}: ok ({recipe.name})")
        return 0

    if command == "metrics":
        from hfsynth.metrics.standalone import metrics_command

        return metrics_command(args.path, column=args.column, language=args.language, sample_size=args.sample_size, seed=args.seed)

    if command == "pull":
        from hfsynth.hub import pull_command

        return pull_command(args.repo_id, split=args.split, revision=args.revision, to_path=args.to_path)

    if command == "reproduce":
        from hfsynth.hub import fetch_recipe

        recipe = fetch_recipe(args.repo_id, revision=args.revision, repo_type=args.repo_type, overrides=args.overrides)
        return run_recipe(recipe, _parse_stages(args.stages), output_dir=args.output_dir, dry_run=args.dry_run)

    from hfsynth.recipe import load_recipe

    recipe = load_recipe(args.recipe, args.overrides)
    if command == "run":
        return run_recipe(recipe, _parse_stages(args.stages), args.output_dir, force=args.force, dry_run=args.dry_run)
    return run_recipe(recipe, [command], args.output_dir, force=args.force, dry_run=getattr(args, "dry_run", False))


def main(argv: Optional[Sequence[str]] = None) -> None:
    try:
        code = _main(argv)
    except HfsynthError as exc:
        message = " ".join(str(exc).split("\n"))
        print(f"hfsynth: error: {message}", file=sys.stderr)
        code = exc.exit_code
    except KeyboardInterrupt:
        print("hfsynth: interrupted", file=sys.stderr)
        code = 130
    sys.exit(code)
