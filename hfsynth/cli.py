"""The ``hfsynth`` command line: a dispatch table over the command modules in :mod:`hfsynth.commands`.

Works as the console script, as ``python -m hfsynth`` and under ``accelerate launch -m hfsynth`` /
``torchrun -m hfsynth``. User errors (:class:`HfsynthError`) print one line and exit 2.
"""

from __future__ import annotations

import argparse
import sys
from typing import Optional, Sequence

from hfsynth import __version__, dist
from hfsynth.commands import metrics, pipeline, pull, reproduce, schema, validate
from hfsynth.errors import HfsynthError

# subcommand -> the module that declares it (add_parser) and runs it (main); pipeline runs `run` and each stage
COMMANDS = {
    "validate": validate,
    "run": pipeline,
    **{name: pipeline for name in pipeline.STAGE_COMMANDS},
    "schema": schema,
    "metrics": metrics,
    "pull": pull,
    "reproduce": reproduce,
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hfsynth", description="Recipe YAML -> tuned adapter + curated synthetic code dataset + Hub repos.")
    parser.add_argument("--version", action="version", version=f"hfsynth {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="command")
    for module in dict.fromkeys(COMMANDS.values()):  # each module once, in table order
        module.add_parser(sub)
    return parser


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
    return COMMANDS[args.command].main(args)


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
    if code == 0:
        dist.shutdown()  # on failure another rank may still wait in a collective: leave it to torchrun
    sys.exit(code)
