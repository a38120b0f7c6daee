"""`jixiao extract` and `jixiao schema`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress
from rich.table import Table

from jixiao.cli.app import app, console, errors, report_error
from jixiao.cli.inputs import output_name, report_files
from jixiao.errors import JixiaoError
from jixiao.extract import BACKENDS, DEFAULT_BACKEND, extract_file
from jixiao.model import Report


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


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="report files or folders")],
    out: Annotated[Path, typer.Option("--out", "-o", help="folder for the JSON output")] = Path("out"),
    backend: Annotated[str, typer.Option(help=f"extractor: {', '.join(BACKENDS)}")] = DEFAULT_BACKEND,
) -> None:
    """Extract every report under PATHS into one JSON file each."""
    if backend not in BACKENDS:
        report_error(f"unknown backend '{backend}' (choose from: {', '.join(BACKENDS)})")
        raise typer.Exit(2)
    files, problems = report_files(paths)
    for problem in problems:
        report_error(problem)
    if not files:
        raise typer.Exit(2)
    out.mkdir(parents=True, exist_ok=True)
    done: list[tuple[str, Report]] = []
    failed = 0
    used: set[str] = set()
    with Progress(console=errors, transient=True, disable=len(files) < 5) as progress:
        task = progress.add_task("extracting", total=len(files))
        for path in files:
            try:
                report = extract_file(path, backend)
            except JixiaoError as error:
                report_error(str(error))
                failed += 1
            else:
                name = output_name(path, report.source.sha256, used)
                (out / name).write_text(report.model_dump_json(indent=2), encoding="utf-8")
                done.append((path.name, report))
            progress.advance(task)
    console.print(_summary(done, backend))
    console.print(f"{len(done)} extracted to {out}/, {failed} failed", highlight=False)
    if failed or problems:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the report model (the output contract)."""
    typer.echo(json.dumps(Report.model_json_schema(), ensure_ascii=False, indent=2))
