"""``hfsynth reproduce REPO``: fetch recipe.yaml from a published repo at one commit and run it."""

from __future__ import annotations

import argparse
import sys
from typing import Iterable, Optional

from hfsynth.errors import HfsynthError
from hfsynth.hub_client import find_token, resolve_revision
from hfsynth.rundir import RECIPE_FILE


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("reproduce", help="fetch recipe.yaml from a published repo and run it")
    p.add_argument("repo_id")
    p.add_argument("overrides", nargs="*", metavar="key=value")
    p.add_argument("--revision", help="pin the repo revision (default: its current commit)")
    p.add_argument("--repo-type", default="dataset", choices=("dataset", "model"))
    p.add_argument("--output-dir")
    p.add_argument("--stages", help="comma-separated subset of stages")
    p.add_argument("--dry-run", action="store_true", help="publish writes hub/ only, never pushes")


def main(args: argparse.Namespace) -> int:
    from hfsynth.run import parse_stages, run_recipe

    recipe = fetch_recipe(args.repo_id, revision=args.revision, repo_type=args.repo_type, overrides=args.overrides)
    return run_recipe(recipe, parse_stages(args.stages), output_dir=args.output_dir, dry_run=args.dry_run)


def fetch_recipe(repo_id: str, revision: Optional[str] = None, repo_type: str = "dataset", overrides: Iterable[str] = ()):
    """recipe.yaml of a published repo at a pinned commit, overrides applied.

    The run goes to a new run directory (the publisher's ``output_dir`` is dropped) unless an
    override or ``--output-dir`` says where.
    """
    from huggingface_hub import hf_hub_download
    from huggingface_hub.errors import EntryNotFoundError

    from hfsynth.recipe import load_recipe

    overrides = list(overrides)
    token = find_token()
    sha = resolve_revision(repo_id, repo_type, revision, token)
    try:
        path = hf_hub_download(repo_id, RECIPE_FILE, repo_type=repo_type, revision=sha, token=token.value)
    except EntryNotFoundError:
        raise HfsynthError(f"{repo_type} repo '{repo_id}': no {RECIPE_FILE} at {sha[:12]} (was it published by hfsynth?)") from None
    recipe = load_recipe(path, overrides)
    if not any(o.split("=", 1)[0].strip() == "output_dir" for o in overrides):
        recipe.output_dir = None
    print(f"reproduce: recipe '{recipe.name}' from {repo_type} repo {repo_id} at commit {sha}", file=sys.stderr)
    return recipe
