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
from jixiao.cli.inputs import gather_files
from jixiao.cli.llm_options import (
    BaseUrlOption,
    ConfigOption,
    ModelFileOption,
    ModelOption,
    ModeOption,
    NoCacheOption,
    llm_settings,
)
from jixiao.errors import JixiaoError
from jixiao.extract import BACKEND_CHOICES, DEFAULT_BACKEND, MODEL_BACKENDS, Extractor, get_extractor, resolve_backend
from jixiao.settings import Settings
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


def _llm_job(settings: Settings, backend: str = "llm") -> tuple[Job, Extractor]:
    """The model extractor (llm or hybrid) built once for the whole batch, and the key its results are stored
    under."""
    from jixiao.extract.llm import LlmExtractor

    extractor = get_extractor(backend, settings)
    assert isinstance(extractor, LlmExtractor)
    key = extractor_key(backend, settings.model_label, extractor.prompt.tag)
    return Job(backend=backend, extractor=key, checker=run_checks), extractor


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="report files or folders")],
    db: Annotated[Path, typer.Option("--db", help="SQLite store (created if missing)")] = Path("jixiao.db"),
    backend: Annotated[str, typer.Option(help=f"extractor: {', '.join(BACKEND_CHOICES)}")] = DEFAULT_BACKEND,
    workers: Annotated[int, typer.Option(help="processes for the rules backend")] = 2,
    concurrency: Annotated[
        int | None, typer.Option(help="reports in flight at once for the llm backend (default: settings)")
    ] = None,
    model: ModelOption = None,
    base_url: BaseUrlOption = None,
    mode: ModeOption = None,
    model_file: ModelFileOption = None,
    config: ConfigOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Extract and check every report into DB; a second run skips what is done and retries what failed."""
    try:
        settings = llm_settings(
            model=model, base_url=base_url, mode=mode, model_file=model_file, config=config, no_cache=no_cache
        )
        ran = resolve_backend(backend, settings)
        job, extractor = (
            _llm_job(settings, ran)
            if ran in MODEL_BACKENDS
            else (Job(backend=ran, extractor=ran, checker=run_checks), None)
        )
    except JixiaoError as error:
        report_error(str(error))
        raise typer.Exit(2) from None
    files, problems = gather_files(paths)
    started = time.perf_counter()
    with Store(db) as store, _progress() as progress:
        task = progress.add_task(f"jixiao run ({job.extractor})", total=None, done=0, failed=0, flagged=0)

        def on_start(todo: int, skipped: int) -> None:
            progress.update(task, total=todo)
            if not todo:
                progress.update(task, visible=False)

        def on_outcome(outcome: Outcome, tally: Tally) -> None:
            if isinstance(outcome, Failed):
                report_error(f"{outcome.path}: {outcome.reason}")
            progress.update(task, advance=1, done=tally.done, failed=tally.failed, flagged=tally.flagged)

        tally = run_batch(
            store,
            files,
            job,
            workers=workers,
            concurrency=concurrency or settings.max_concurrency,
            extractor=extractor,
            on_start=on_start,
            on_outcome=on_outcome,
        )
    seconds = time.perf_counter() - started
    console.print(
        f"{tally.done} done ({tally.flagged} flagged), {tally.failed} failed, "
        f"{tally.skipped} unchanged and skipped, in {seconds:.1f} s -> {db}",
        highlight=False,
    )
    if tally.failed or problems:
        raise typer.Exit(1)
