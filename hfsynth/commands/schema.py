"""``hfsynth schema``: the recipe's JSON schema (for editors) or its reference tables (the README's)."""

from __future__ import annotations

import argparse
import json


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("schema", help="print the recipe JSON schema (for editors)")
    p.add_argument("--output", "-o", help="write to this file instead of stdout")
    p.add_argument("--markdown", action="store_true", help="the recipe reference as Markdown tables (as in the README)")


def main(args: argparse.Namespace) -> int:
    from hfsynth.recipe import recipe_json_schema
    from hfsynth.schema_docs import recipe_reference_markdown

    text = recipe_reference_markdown() if args.markdown else json.dumps(recipe_json_schema(), indent=2)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    else:
        print(text)
    return 0
