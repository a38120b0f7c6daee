"""`jixiao run`: extract and check every report under PATHS into a store (SQLite or PostgreSQL), resumably, on
this machine's processes or on Ray."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from jixiao.batch import run_batch
from jixiao.checks import run_checks
from jixiao.cli.app import command, console, escaped, report_error
from jixiao.cli.engine_option import chosen_engine
from jixiao.cli.inputs import gather_files
from jixiao.cli.options import Chosen
from jixiao.cli.progress import BatchProgress, status_line
from jixiao.cli.store_option import DB_HELP
from jixiao.series import refresh_series
from jixiao.sinks import StoreSink
from jixiao.store import Store


@command(backend=True, kept="every report finished before it is in the store; run the same command again to resume")
def run(
    paths: Annotated[list[Path], typer.Argument(help="report files or folders")],
    chosen: Chosen,
    db: Annotated[str, typer.Option("--db", help=f"{DB_HELP} (created if missing)")] = "jixiao.db",
    workers: Annotated[int, typer.Option(help="processes for the rules backend (CPUs of a local Ray)")] = 2,
    concurrency: Annotated[
        int | None, typer.Option(help="reports in flight at once for the llm backend (default: settings)")
    ] = None,
    retry_held: Annotated[
        bool, typer.Option("--retry-held", help="try again the files that took their worker down before")
    ] = False,
    engine: Annotated[str, typer.Option(help="where files run: processes (this machine) or ray")] = "processes",
    address: Annotated[
        str | None, typer.Option(help="Ray cluster to join (auto, ray://host:10001); default: a local Ray")
    ] = None,
    max_in_flight: Annotated[
        int | None, typer.Option(help="model requests in flight across the whole Ray cluster (default: no cap)")
    ] = None,
) -> None:
    """Extract and check every report into DB; a second run skips what is done and retries what failed."""
    concurrency = concurrency or chosen.settings.max_concurrency
    cluster = chosen_engine(engine, address, workers, concurrency, max_in_flight, chosen.limits)
    inputs = gather_files(paths)
    started = time.perf_counter()
    with Store(db) as store, BatchProgress(f"jixiao run ({chosen.key})") as progress:
        sink = StoreSink(store, retry_held=retry_held)
        tally = run_batch(
            sink,
            inputs.files,
            chosen.job(run_checks),
            workers=workers,
            concurrency=concurrency,
            extractor=chosen.extractor,
            limits=chosen.limits,
            on_start=progress.on_start,
            on_outcome=progress.on_outcome,
            engine=cluster,
        )
        series_line = _refresh_series(store)
    seconds = time.perf_counter() - started
    console.print(
        f"{tally.done} done ({tally.flagged} flagged), {tally.failed} failed, "
        f"{tally.skipped} unchanged and skipped, in {seconds:.1f} s -> {escaped(store.name)} (backend: {chosen.title})",
        highlight=False,
        markup=False,
    )
    for line in (status_line(tally), _shared_line(sink), series_line, _held_line(tally.held)):
        if line:
            console.print(line, highlight=False, markup=False)
    if tally.failed or tally.held or inputs.problems or series_line is None:
        raise typer.Exit(1)


def _held_line(held: int) -> str | None:
    if not held:
        return None
    return (
        f"{held} held back: they took their worker down in an earlier run (memory or time cap) and have not changed; "
        "`--retry-held` tries them again (after raising JIXIAO_FILE_MEMORY_MB / JIXIAO_FILE_TIMEOUT, say)"
    )


def _refresh_series(store: Store) -> str | None:
    """Link the stored reports into series and check the new pairs of consecutive years (results are already
    stored: a failure here costs none of them). None when the series step failed."""
    try:
        summary = refresh_series(store)
    except Exception as error:
        report_error(f"series: the checks across years failed: {type(error).__name__}: {error}")
        return None
    return (
        f"series: {len(summary.series)} series, {summary.pairs} pairs of consecutive years "
        f"({summary.compared_now} compared now), {summary.finding_count} findings across years (`jixiao series`)"
    )


def _shared_line(sink: StoreSink) -> str | None:
    """What other runs on the same store did meanwhile (several runs, or machines, share a PostgreSQL store)."""
    counts = sink.claims
    if not counts.elsewhere and not counts.waited:
        return None
    return (
        f"shared store: {counts.elsewhere} files done by another run meanwhile; "
        f"{counts.waited:.0f} s waiting for files another run held"
    )
