"""`jixiao extract` and `jixiao schema`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from jixiao.batch import run_batch
from jixiao.cli.app import command, console, escaped, plain
from jixiao.cli.inputs import gather_files
from jixiao.cli.options import Chosen
from jixiao.cli.progress import BatchProgress, status_label, status_line
from jixiao.model import Report
from jixiao.sinks import FolderSink, ReportLine

SUMMARY_ROWS = 60  # a longer batch gets its total line only: a table of thousands of rows helps nobody


def _money(value: float | None) -> str:
    return "" if value is None else f"{value:,.2f}"


def _summary(lines: list[ReportLine], backend: str) -> Table:
    table = Table(title=f"backend: {backend}", title_justify="left")
    for column in ("file", "status", "region", "year", "fund", "budget 万元", "executed 万元", "rate", "indicators"):
        table.add_column(column, justify="right" if column[0] in "bei" or column == "year" else "left")
    for line in lines:
        table.add_row(  # file names and report text are untrusted: shown as plain text, never as markup
            plain(line.name),
            status_label(line.status),
            plain(line.region or ""),
            str(line.year or ""),
            plain(line.fund or ""),
            _money(line.budget),
            _money(line.executed),
            plain(line.rate or ""),
            str(line.indicators),
        )
    return table


@command(backend=True, kept="the JSON of every report finished before it is in the output folder")
def extract(
    paths: Annotated[list[Path], typer.Argument(help="report files or folders")],
    chosen: Chosen,
    out: Annotated[Path, typer.Option("--out", "-o", help="folder for the JSON output")] = Path("out"),
) -> None:
    """Extract every report under PATHS into one JSON file each."""
    inputs = gather_files(paths)
    sink = FolderSink(out)
    with BatchProgress(f"jixiao extract ({chosen.key})") as progress:
        tally = run_batch(
            sink,
            inputs.files,
            chosen.job(),
            concurrency=chosen.settings.max_concurrency,
            extractor=chosen.extractor,
            limits=chosen.limits,
            on_start=progress.on_start,
            on_outcome=progress.on_outcome,
        )
    lines = sink.in_order()
    if len(lines) <= SUMMARY_ROWS:
        console.print(_summary(lines, chosen.title))
    console.print(
        f"{tally.done} extracted to {escaped(out)}/, {tally.failed} failed (backend: {chosen.title})",
        highlight=False,
        markup=False,
    )
    statuses = status_line(tally)
    if statuses is not None:
        console.print(statuses, highlight=False)
    if tally.failed or inputs.problems:
        raise typer.Exit(1)


@command()
def schema() -> None:
    """Print the JSON Schema of the report model (the output contract)."""
    typer.echo(json.dumps(Report.model_json_schema(), ensure_ascii=False, indent=2))
