"""`jixiao extract` and `jixiao schema`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress
from rich.table import Table

from jixiao.cli.app import app, console, errors, report_error
from jixiao.cli.inputs import gather_files, output_name
from jixiao.cli.llm_options import (
    BaseUrlOption,
    ConfigOption,
    ModelFileOption,
    ModelOption,
    ModeOption,
    NoCacheOption,
    llm_settings,
    run_llm_batch,
)
from jixiao.errors import JixiaoError
from jixiao.extract import AUTO, BACKEND_CHOICES, MODEL_BACKENDS, extract_file, resolve_backend
from jixiao.model import Report
from jixiao.settings import Settings


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


def _backend_title(requested: str, ran: str, settings: Settings) -> str:
    """Say which backend really ran, and why when `auto` chose it."""
    title = ran
    if ran in MODEL_BACKENDS:
        title = f"{ran}, model {settings.model_label}"
    if requested == AUTO:
        title += " (auto: LLM endpoint configured)" if ran in MODEL_BACKENDS else " (auto: no LLM endpoint configured)"
    return title


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="report files or folders")],
    out: Annotated[Path, typer.Option("--out", "-o", help="folder for the JSON output")] = Path("out"),
    backend: Annotated[
        str, typer.Option(help=f"extractor: {', '.join(BACKEND_CHOICES)} (auto: llm when configured, else rules)")
    ] = AUTO,
    model: ModelOption = None,
    base_url: BaseUrlOption = None,
    mode: ModeOption = None,
    model_file: ModelFileOption = None,
    config: ConfigOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Extract every report under PATHS into one JSON file each."""
    try:
        settings = llm_settings(
            model=model, base_url=base_url, mode=mode, model_file=model_file, config=config, no_cache=no_cache
        )
        ran = resolve_backend(backend, settings)
    except JixiaoError as error:
        report_error(str(error))
        raise typer.Exit(2) from None
    files, problems = gather_files(paths)
    out.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()

    def write(path: Path, report: Report) -> None:
        name = output_name(path, report.source.sha256, used)
        (out / name).write_text(report.model_dump_json(indent=2), encoding="utf-8")

    if ran in MODEL_BACKENDS:
        done, failed = run_llm_batch(files, settings, write, backend=ran)
    else:
        done, failed = _run_one_by_one(files, ran, write)
    console.print(_summary(done, _backend_title(backend, ran, settings)))
    console.print(f"{len(done)} extracted to {out}/, {failed} failed", highlight=False)
    if failed or problems:
        raise typer.Exit(1)


def _run_one_by_one(
    files: list[Path], backend: str, write: Callable[[Path, Report], None]
) -> tuple[list[tuple[str, Report]], int]:
    done: list[tuple[str, Report]] = []
    failed = 0
    with Progress(console=errors, transient=True, disable=len(files) < 5) as progress:
        task = progress.add_task("extracting", total=len(files))
        for path in files:
            try:
                report = extract_file(path, backend)
            except JixiaoError as error:
                report_error(str(error))
                failed += 1
            else:
                write(path, report)
                done.append((path.name, report))
            progress.advance(task)
    return done, failed


@app.command()
def schema() -> None:
    """Print the JSON Schema of the report model (the output contract)."""
    typer.echo(json.dumps(Report.model_json_schema(), ensure_ascii=False, indent=2))
