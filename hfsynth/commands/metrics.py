"""``hfsynth metrics FILE``: the diversity and validity figures of any parquet or jsonl file."""

from __future__ import annotations

import argparse


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("metrics", help="diversity/validity figures for any parquet or jsonl file")
    p.add_argument("path")
    p.add_argument("--column", default="code", help="text column to measure (default: code)")
    p.add_argument("--language", default="python")
    p.add_argument("--sample-size", type=int, default=1000, help="rows sampled for self-BLEU")
    p.add_argument("--seed", type=int, default=0)


def main(args: argparse.Namespace) -> int:
    from hfsynth.metrics.standalone import metrics_command

    return metrics_command(args.path, column=args.column, language=args.language, sample_size=args.sample_size, seed=args.seed)
