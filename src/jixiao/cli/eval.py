"""`jixiao eval`: score a backend on the labelled samples, through the same batch engine as every command."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer

from jixiao.checks import run_checks
from jixiao.cli.app import command, console, errors, report_error
from jixiao.cli.eval_view import families_table, print_comparison, print_differences, samples_table
from jixiao.cli.options import Chosen
from jixiao.evaluation import below_thresholds, load_cases, load_thresholds, run_eval, suggest_thresholds, write_run
from jixiao.extract import get_extractor

GOLD_DIR = Path("eval/gold")
SAMPLES_DIR = Path("samples")
RESULTS_DIR = Path("eval/results")


@command("eval", backend=True)
def eval_command(
    chosen: Chosen,
    min_f1: Annotated[float | None, typer.Option("--min-f1", help="exit 1 when the overall F1 is below")] = None,
    thresholds: Annotated[
        Path | None, typer.Option(help="exit 1 when a metric is below its threshold in this TOML file")
    ] = None,
    compare: Annotated[
        tuple[Path, Path] | None, typer.Option(help="compare two result files (A B) instead of running")
    ] = None,
    replayed: Annotated[bool, typer.Option(help="label the numbers as replayed from cassettes")] = False,
    suggest: Annotated[
        bool, typer.Option("--suggest-thresholds", help="print thresholds a little below this run's numbers")
    ] = False,
    detail: Annotated[bool, typer.Option("--detail", "-d", help="list every fact that differs")] = False,
    gold_dir: Annotated[Path, typer.Option(help="gold labels")] = GOLD_DIR,
    samples_dir: Annotated[Path, typer.Option(help="labelled samples")] = SAMPLES_DIR,
    results_dir: Annotated[Path, typer.Option(help="where the result JSON goes")] = RESULTS_DIR,
) -> None:
    """Score a backend on every reviewed gold sample; print a table and write the result JSON."""
    if compare is not None:
        print_comparison(*compare)
        return
    backend = chosen.backend
    extractor = chosen.extractor or get_extractor(backend)
    model = chosen.settings.model_label if chosen.extractor is not None else None
    cases, notes = load_cases(gold_dir, samples_dir)
    limits = load_thresholds(thresholds, backend) if thresholds else {}
    for note in notes:
        errors.print(f"note: {note}", markup=False, highlight=False)
    if not cases:
        report_error(f"{gold_dir}: no reviewed gold with a sample in {samples_dir}")
        raise typer.Exit(2)
    with console.status("evaluating") if console.is_terminal else nullcontext():
        run = run_eval(
            cases,
            extractor,
            backend=backend,
            model=model,
            replayed=replayed,
            checker=run_checks,
            notes=notes,
            concurrency=chosen.settings.max_concurrency,
        )
    console.print(samples_table(run))
    console.print(families_table(run))
    if detail:
        print_differences(run)
    for note in run.notes[len(notes) :]:
        console.print(f"note: {note}", highlight=False)
    if suggest:
        console.print(suggest_thresholds(run), markup=False, highlight=False)
    written = write_run(run, results_dir)
    console.print(f"result written to {written}", highlight=False)
    failures = below_thresholds(run, limits)
    if min_f1 is not None and run.overall.facts.f1 < min_f1:
        failures.append(f"facts.f1: {run.overall.facts.f1:.3f} is below --min-f1 {min_f1:.3f}")
    for failure in failures:
        report_error(failure)
    if failures:
        raise typer.Exit(1)
