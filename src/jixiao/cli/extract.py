"""`jixiao extract` and `jixiao schema`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from jixiao.batch import Failed, run_batch
from jixiao.cli.app import command, console
from jixiao.cli.inputs import gather_files
from jixiao.cli.options import Chosen
from jixiao.cli.progress import BatchProgress
from jixiao.model import Report
from jixiao.sinks import FolderSink


def _money(report: Report, line: str) -> str:
    total = getattr(report.funding, line).total
    return "" if total is None or total.value is None else f"{total.value:,.2f}"


def _summary(rows: list[tuple[str, Report]], backend: str) -> Table:
    table = Table(title=f"backend: {backend}", title_justify="left")
    for column in ("file", "region", "year", "fund", "budget 万元", "executed 万元", "rate", "indicators"):
        table.add_column(column, justify="right" if column[0] in "bei" or column == "year" else "left")
    for name, report in rows:
        rate = report.funding.execution_rate
        table.add_row(
            name,
            report.region or "",
            str(report.year or ""),
            report.fund or "",
            _money(report, "budget"),
            _money(report, "executed"),
            rate.text if rate else "",
            str(len(report.indicators)),
        )
    return table


@command(backend=True)
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
            on_start=progress.on_start,
            on_outcome=progress.on_outcome,
        )
    done = [(Path(o.path).name, o.report) for o in sink.in_order() if not isinstance(o, Failed)]
    console.print(_summary(done, chosen.title))
    console.print(f"{tally.done} extracted to {out}/, {tally.failed} failed (backend: {chosen.title})", highlight=False)
    if tally.failed or inputs.problems:
        raise typer.Exit(1)


@command()
def schema() -> None:
    """Print the JSON Schema of the report model (the output contract)."""
    typer.echo(json.dumps(Report.model_json_schema(), ensure_ascii=False, indent=2))
