"""`jixiao eval`: score a backend on the labelled sets, through the same batch engine as every command."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer

from jixiao.checks import run_checks
from jixiao.cli.app import command, console, errors, report_error
from jixiao.cli.eval_view import print_comparison, report_run
from jixiao.cli.from_review import print_rule_precision
from jixiao.cli.options import Chosen
from jixiao.errors import ConfigError
from jixiao.evaluation import load_cases, load_thresholds, run_eval
from jixiao.evaluation.suites import SUITES, Suite
from jixiao.evaluation.suites import suite as suite_of
from jixiao.extract import get_extractor

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
    suite: Annotated[
        list[str] | None, typer.Option(help="labelled set: own (our samples) or real (published documents)")
    ] = None,
    gold_dir: Annotated[Path | None, typer.Option(help="gold labels (a set of your own; with --samples-dir)")] = None,
    samples_dir: Annotated[Path | None, typer.Option(help="the documents those labels are for")] = None,
    results_dir: Annotated[Path, typer.Option(help="where the result JSON goes")] = RESULTS_DIR,
    db: Annotated[
        str | None, typer.Option("--db", help="also report each rule's precision from the review decisions here")
    ] = None,
) -> None:
    """Score a backend on every reviewed gold sample, our own and the real documents apart; write the results."""
    review = print_rule_precision(db) if db is not None else []
    if compare is not None:
        print_comparison(*compare)
        return
    backend = chosen.backend
    extractor = chosen.extractor or get_extractor(backend)
    model = chosen.settings.model_label if chosen.extractor is not None else None
    try:
        sets = _suites(suite, gold_dir, samples_dir)
    except ValueError as error:
        raise ConfigError(str(error)) from None
    failures: list[str] = []
    scored = 0
    for labelled in sets:
        cases, notes = load_cases(labelled.gold_dir, labelled.samples_dir)
        for note in notes:
            errors.print(f"note: {note}", markup=False, highlight=False)
        if not cases:
            errors.print(f"note: {labelled.name}: no reviewed gold with its document in {labelled.samples_dir}")
            continue
        scored += 1
        limits = load_thresholds(thresholds, backend, labelled.name) if thresholds else {}
        with console.status(f"evaluating {labelled.name}") if console.is_terminal else nullcontext():
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
        run.suite = labelled.name
        run.review = review
        failures += [
            f"{labelled.name}: {line}" for line in report_run(run, notes, detail, suggest, results_dir, limits)
        ]
        if min_f1 is not None and run.overall.facts.f1 < min_f1:
            failures.append(f"{labelled.name}: facts.f1 {run.overall.facts.f1:.3f} is below --min-f1 {min_f1:.3f}")
    if not scored:
        report_error("no reviewed gold with its documents in any labelled set")
        raise typer.Exit(2)
    for failure in failures:
        report_error(failure)
    if failures:
        raise typer.Exit(1)


def _suites(names: list[str] | None, gold_dir: Path | None, samples_dir: Path | None) -> list[Suite]:
    if (gold_dir is None) != (samples_dir is None):
        raise ConfigError("--gold-dir and --samples-dir go together (a labelled set of your own)")
    if gold_dir is not None and samples_dir is not None:
        return [Suite("own", gold_dir, samples_dir)]
    return [suite_of(name) for name in names or SUITES]
