"""`jixiao export`: a store's results as XLSX, CSV, JSONL or Parquet for finance staff and scripts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.app import command, console, escaped, report_error
from jixiao.store import Store


@command(name="export")
def export_command(
    db: Annotated[Path, typer.Option("--db", help="SQLite store written by `jixiao run`")] = Path("jixiao.db"),
    to: Annotated[Path, typer.Option("--to", help="target file: .xlsx | .csv | .jsonl | .parquet")] = Path(
        "results.xlsx"
    ),
    extractor: Annotated[
        str | None, typer.Option(help="only results of this extractor (e.g. rules); default all")
    ] = None,
) -> None:
    """Export every stored report: one sheet / file per table (reports, funding, spending, indicators, findings)."""
    from jixiao.review import export  # openpyxl loads only for this command, not for every `jixiao run`

    if not db.is_file():
        report_error(f"{db}: no such store (run `jixiao run PATH --db {db}` first)")
        raise typer.Exit(2)
    with Store(db) as store:
        written = export(store, to, extractor=extractor)
    for path in written:
        console.print(f"wrote {escaped(path)}", highlight=False, markup=False)
