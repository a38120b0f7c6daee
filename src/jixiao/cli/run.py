"""`jixiao run`: extract and check every report under PATHS into a SQLite store, resumably."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from jixiao.batch import run_batch
from jixiao.checks import run_checks
from jixiao.cli.app import command, console
from jixiao.cli.inputs import gather_files
from jixiao.cli.options import Chosen
from jixiao.cli.progress import BatchProgress, status_line
from jixiao.sinks import StoreSink
from jixiao.store import Store


@command(backend=True)
def run(
    paths: Annotated[list[Path], typer.Argument(help="report files or folders")],
    chosen: Chosen,
    db: Annotated[Path, typer.Option("--db", help="SQLite store (created if missing)")] = Path("jixiao.db"),
    workers: Annotated[int, typer.Option(help="processes for the rules backend")] = 2,
    concurrency: Annotated[
        int | None, typer.Option(help="reports in flight at once for the llm backend (default: settings)")
    ] = None,
) -> None:
    """Extract and check every report into DB; a second run skips what is done and retries what failed."""
    inputs = gather_files(paths)
    started = time.perf_counter()
    with Store(db) as store, BatchProgress(f"jixiao run ({chosen.key})") as progress:
        tally = run_batch(
            StoreSink(store),
            inputs.files,
            chosen.job(run_checks),
            workers=workers,
            concurrency=concurrency or chosen.settings.max_concurrency,
            extractor=chosen.extractor,
            on_start=progress.on_start,
            on_outcome=progress.on_outcome,
        )
    seconds = time.perf_counter() - started
    console.print(
        f"{tally.done} done ({tally.flagged} flagged), {tally.failed} failed, "
        f"{tally.skipped} unchanged and skipped, in {seconds:.1f} s -> {db} (backend: {chosen.title})",
        highlight=False,
    )
    statuses = status_line(tally)
    if statuses is not None:
        console.print(statuses, highlight=False)
    if tally.failed or inputs.problems:
        raise typer.Exit(1)
