"""`jixiao run`: extract and check every report under PATHS into a SQLite store, resumably."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text

from jixiao.batch import Failed, Job, Outcome, Tally, run_batch
from jixiao.checks import run_checks
from jixiao.cli.app import app, console, errors, report_error
from jixiao.cli.inputs import report_files
from jixiao.extract import BACKENDS, DEFAULT_BACKEND
from jixiao.store import Store, extractor_key


class RateColumn(ProgressColumn):
    """Reports per second, the figure a user watches on a long batch."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f}/s" if speed else "–/s", style="progress.data.speed")


def _progress() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(
            "[green]done {task.fields[done]}[/] [red]failed {task.fields[failed]}[/] "
            "[yellow]flagged {task.fields[flagged]}[/]"
        ),
        RateColumn(),
        TimeElapsedColumn(),
        console=errors,
        transient=False,
    )


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="report files or folders")],
    db: Annotated[Path, typer.Option("--db", help="SQLite store (created if missing)")] = Path("jixiao.db"),
    backend: Annotated[str, typer.Option(help=f"extractor: {', '.join(BACKENDS)}")] = DEFAULT_BACKEND,
    workers: Annotated[int, typer.Option(help="processes for the rules backend")] = 2,
    concurrency: Annotated[int, typer.Option(help="reports in flight at once for the llm backend")] = 8,
) -> None:
    """Extract and check every report into DB; a second run skips what is done and retries what failed."""
    if backend not in BACKENDS:
        report_error(f"unknown backend '{backend}' (choose from: {', '.join(BACKENDS)})")
        raise typer.Exit(2)
    files, problems = report_files(paths)
    for problem in problems:
        report_error(problem)
    if not files:
        raise typer.Exit(2)
    job = Job(backend=backend, extractor=extractor_key(backend), checker=run_checks)
    started = time.perf_counter()
    with Store(db) as store, _progress() as progress:
        task = progress.add_task("jixiao run", total=None, done=0, failed=0, flagged=0)

        def on_start(todo: int, skipped: int) -> None:
            progress.update(task, total=todo)
            if not todo:
                progress.update(task, visible=False)

        def on_outcome(outcome: Outcome, tally: Tally) -> None:
            if isinstance(outcome, Failed):
                report_error(f"{outcome.path}: {outcome.reason}")
            progress.update(task, advance=1, done=tally.done, failed=tally.failed, flagged=tally.flagged)

        tally = run_batch(
            store, files, job, workers=workers, concurrency=concurrency, on_start=on_start, on_outcome=on_outcome
        )
    seconds = time.perf_counter() - started
    console.print(
        f"{tally.done} done ({tally.flagged} flagged), {tally.failed} failed, "
        f"{tally.skipped} unchanged and skipped, in {seconds:.1f} s -> {db}",
        highlight=False,
    )
    if tally.failed or problems:
        raise typer.Exit(1)
