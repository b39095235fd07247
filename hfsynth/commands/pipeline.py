"""``hfsynth run RECIPE`` (every stage, skipping what is current) and one command per stage."""

from __future__ import annotations

import argparse

STAGE_COMMANDS = {
    "train": "QLoRA/LoRA SFT of the base model on the seed data -> adapter/",
    "generate": "synthetic rows from the tuned adapter -> raw/",
    "curate": "extract, validate, dedup, decontaminate, execute -> data/<split>.parquet",
    "students": "data value: LoRA students on the synthetic split, the seed alone (and a mix), scored -> students/data_value.json",
    "evaluate": "perplexity, diversity, validity, pass rates, HumanEval -> metrics.json",
    "publish": "write hub/model and hub/dataset, then push them when a token and repos are set",
}


def add_recipe_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("recipe", help="recipe YAML file")
    parser.add_argument("overrides", nargs="*", metavar="key=value", help="dotted overrides, YAML-typed (train.max_steps=5)")
    parser.add_argument("--output-dir", help="run directory (default: the recipe's output_dir, else outputs/<name>)")
    parser.add_argument("--force", action="store_true", help="run even when the fingerprint says the outputs are current")


def add_parser(subparsers) -> None:
    """``run``, then one subcommand per stage."""
    p = subparsers.add_parser("run", help="train -> generate -> curate -> students -> evaluate -> publish, skipping what is current")
    add_recipe_args(p)
    p.add_argument("--stages", help="comma-separated subset, e.g. generate,curate")
    p.add_argument("--dry-run", action="store_true", help="publish writes hub/ only, never pushes")
    for name, help_text in STAGE_COMMANDS.items():
        p = subparsers.add_parser(name, help=help_text)
        add_recipe_args(p)
        if name == "publish":
            p.add_argument("--dry-run", action="store_true", help="write hub/model and hub/dataset only, never push")
        if name == "curate":
            p.add_argument(
                "--input", metavar="FILE_OR_HUB_ID",
                help="curate this dataset (.jsonl/.json/.parquet/.csv or a Hub id; columns id, instruction, response) instead of raw/",
            )


def main(args: argparse.Namespace) -> int:
    """``run`` with its --stages, or the single stage the command names."""
    from hfsynth.recipe import load_recipe
    from hfsynth.run import parse_stages, run_recipe

    recipe = load_recipe(args.recipe, args.overrides)
    stages = parse_stages(args.stages) if args.command == "run" else [args.command]
    return run_recipe(
        recipe, stages, args.output_dir, force=args.force, dry_run=getattr(args, "dry_run", False), input=getattr(args, "input", None)
    )
