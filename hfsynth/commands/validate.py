"""``hfsynth validate RECIPE``: the schema, then every stage's up-front checks (files, model, libraries)."""

from __future__ import annotations

import argparse


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("validate", help="check a recipe against the schema")
    p.add_argument("recipe")
    p.add_argument("overrides", nargs="*", metavar="key=value")
    p.add_argument("--print", dest="print_recipe", action="store_true", help="print the resolved recipe (defaults filled in)")
    p.add_argument("--schema-only", action="store_true", help="check the schema only, not the files, models and libraries it names")


def main(args: argparse.Namespace) -> int:
    from hfsynth.recipe import load_recipe

    recipe = load_recipe(args.recipe, args.overrides)
    if not args.schema_only:
        from hfsynth.run import STAGE_NAMES, check_run_dir_is_safe, preflight, resolve_run_dir

        run_dir = resolve_run_dir(recipe)
        check_run_dir_is_safe(run_dir)
        preflight(recipe, run_dir, STAGE_NAMES, dry_run=True)  # validating never contacts the Hub
    if args.print_recipe:
        print(recipe.to_yaml(), end="")
    else:
        print(f"{args.recipe}: ok ({recipe.name})")
    return 0
