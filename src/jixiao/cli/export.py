"""`jixiao export`: a store's results as XLSX, CSV, JSONL or Parquet for finance staff and scripts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.app import command, console, escaped
from jixiao.cli.store_option import ExtractorOption, StoreOption, require_store
from jixiao.store import Store


@command(name="export")
def export_command(
    db: StoreOption = "jixiao.db",
    to: Annotated[Path, typer.Option("--to", help="target file: .xlsx | .csv | .jsonl | .parquet")] = Path(
        "results.xlsx"
    ),
    extractor: ExtractorOption = None,
) -> None:
    """Export every stored report: one sheet / file per table (reports, funding, spending, indicators, findings)."""
    from jixiao.review import export  # openpyxl loads only for this command, not for every `jixiao run`

    require_store(db)
    with Store(db) as store:
        written = export(store, to, extractor=extractor)
    for path in written:
        console.print(f"wrote {escaped(path)}", highlight=False, markup=False)
