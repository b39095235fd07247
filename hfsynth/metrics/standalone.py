"""``hfsynth metrics FILE --column code``: the diversity figures of any parquet/jsonl/json/csv file."""

from __future__ import annotations

from pathlib import Path

from hfsynth.errors import HfsynthError


def metrics_command(path, column: str = "code", language: str = "python", sample_size: int = 1000, seed: int = 0) -> int:
    """Print a table of figures for one text column of a file; 0 on success."""
    from rich.console import Console
    from rich.table import Table

    from hfsynth.tables import read_table, require_columns
    from hfsynth.metrics.diversity import diversity_figures

    if sample_size < 2:
        raise HfsynthError(f"--sample-size: expected at least 2 rows for self-BLEU, got {sample_size}")
    path = Path(path)
    table = read_table(path)
    require_columns(table.column_names, [column], str(path), "pass --column with one of those")
    values = table.column(column).to_pylist()
    texts = [v for v in values if isinstance(v, str) and v.strip()]
    if not texts:
        raise HfsynthError(f"{path}: column '{column}' has no non-empty text values ({len(values)} rows)")
    ids = None
    if "id" in table.column_names:
        all_ids = table.column("id").to_pylist()
        ids = [str(i) for i, v in zip(all_ids, values) if isinstance(v, str) and v.strip()]
    figures = diversity_figures(texts, language=language.lower(), sample_size=sample_size, seed=seed, ids=ids)

    out = Table(title=f"{path.name}: column '{column}' ({len(texts)} non-empty of {len(values)} rows)")
    out.add_column("figure")
    out.add_column("value", justify="right")
    out.add_column("sample", justify="right")
    out.add_column("definition", overflow="fold")
    for key, fig in figures.items():
        value = fig["value"]
        shown = "n/a" if value is None else (f"{value:.4f}" if isinstance(value, float) else str(value))
        out.add_row(key, shown, str(fig["sample_size"]), str(fig["definition"]))
    Console().print(out)
    return 0
