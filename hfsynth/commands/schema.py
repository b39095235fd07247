"""``hfsynth schema``: the recipe's JSON schema (for editors) or its reference tables (the README's)."""

from __future__ import annotations

import argparse
import json

from hfsynth.errors import HfsynthError


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("schema", help="print the recipe JSON schema (for editors)")
    p.add_argument("--output", "-o", help="write to this file instead of stdout")
    p.add_argument("--markdown", action="store_true", help="the recipe reference as Markdown tables (as in the README)")


def main(args: argparse.Namespace) -> int:
    from hfsynth.recipe import recipe_json_schema
    from hfsynth.schema_docs import recipe_reference_markdown

    text = recipe_reference_markdown() if args.markdown else json.dumps(recipe_json_schema(), indent=2)
    if args.output:
        from pathlib import Path

        from hfsynth.rundir import atomic_write_text

        target = Path(args.output)
        if target.is_dir():
            raise HfsynthError(f"--output {args.output}: is a folder, expected a file to write")
        try:
            atomic_write_text(target, text + "\n")
        except OSError as exc:
            raise HfsynthError(f"--output {args.output}: cannot write it ({exc.strerror or exc})") from None
    else:
        print(text)
    return 0
