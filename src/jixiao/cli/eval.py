"""`jixiao eval` (score a backend on the labelled samples) and `jixiao label` (draft a gold file)."""

from __future__ import annotations

import json
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from jixiao.cli.app import app, console, errors, report_error
from jixiao.cli.llm_options import (
    BaseUrlOption,
    ConfigOption,
    ModelFileOption,
    ModelOption,
    ModeOption,
    NoCacheOption,
    llm_settings,
)
from jixiao.errors import ConfigError, JixiaoError
from jixiao.evaluation import (
    FAMILIES,
    EvalRun,
    GoldLabel,
    below_thresholds,
    compare_runs,
    gold_document,
    load_cases,
    load_checker,
    load_run,
    load_thresholds,
    run_eval,
    suggest_thresholds,
    write_run,
)
from jixiao.evaluation.gold import is_reviewed
from jixiao.evaluation.suites import SUITES, Suite
from jixiao.evaluation.suites import suite as suite_of
from jixiao.extract import (
    BACKEND_CHOICES,
    BACKENDS,
    DEFAULT_BACKEND,
    MODEL_BACKENDS,
    Extractor,
    extract_file,
    get_extractor,
    resolve_backend,
)
from jixiao.settings import Settings

GOLD_DIR = Path("eval/gold")
SAMPLES_DIR = Path("samples")
RESULTS_DIR = Path("eval/results")
SUITE_TITLES = {
    "own": "our own samples and the two seeds (written by us: they flatter the grammar)",
    "real": "real published documents nobody here wrote (what decides whether extraction works)",
}


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _extractor(backend: str, settings: Settings) -> tuple[str, Extractor, str | None]:
    """The backend that will run (auto resolved), its extractor, and the model it asks (llm only)."""
    name = resolve_backend(backend, settings)
    if name not in MODEL_BACKENDS:
        return name, get_extractor(name, settings), None
    return name, get_extractor(name, settings), settings.model_label


def _samples_table(run: EvalRun) -> Table:
    table = Table(title=f"backend: {run.backend} · model: {run.model or '–'} · {run.mode}", title_justify="left")
    for column in ("sample", "facts", "precision", "recall", "F1", "findings P", "findings R", "seeded", "note"):
        table.add_column(column, justify="left" if column in ("sample", "note") else "right")
    for sample in run.samples:
        facts, findings, mutations = sample.facts.facts, sample.findings, sample.mutations
        table.add_row(
            sample.stem,
            str(facts.gold),
            _pct(facts.precision),
            _pct(facts.recall),
            _pct(facts.f1),
            _pct(findings.precision) if findings else "–",
            _pct(findings.recall) if findings else "–",
            _pct(mutations.total.rate) if mutations else "–",
            sample.error or "",
        )
    facts = run.overall.facts
    table.add_section()
    table.add_row(
        f"overall ({len(run.samples)})",
        str(facts.gold),
        _pct(facts.precision),
        _pct(facts.recall),
        _pct(facts.f1),
        _pct(run.findings.precision) if run.findings else "–",
        _pct(run.findings.recall) if run.findings else "–",
        _pct(run.mutations.total.rate) if run.mutations else "–",
        "",
        style="bold",
    )
    return table


def _families_table(run: EvalRun) -> Table:
    table = Table(title="accuracy per field family (agreeing facts / facts stated by gold or output)")
    for column in ("family", "gold", "output", "agree", "accuracy", "seeded errors caught"):
        table.add_column(column, justify="left" if column == "family" else "right")
    for name in FAMILIES:
        counts = run.overall.families.get(name)
        if counts is None or not (counts.gold or counts.output):
            continue
        caught = run.mutations.families.get(name) if run.mutations else None
        seeded = f"{caught.detected}/{caught.mutations}" if caught and caught.mutations else "–"
        table.add_row(name, str(counts.gold), str(counts.output), str(counts.correct), _pct(counts.accuracy), seeded)
    return table


def _print_differences(run: EvalRun) -> None:
    for sample in run.samples:
        if not sample.facts.differences:
            continue
        console.print(f"[bold]{sample.stem}[/bold]: {len(sample.facts.differences)} differences")
        for diff in sample.facts.differences:
            console.print(f"  {diff.path}: gold {diff.gold!r} · output {diff.output!r}", markup=False, highlight=False)
        for label, findings in (("checks", sample.findings), ("checks on gold", sample.findings_on_gold)):
            if findings and (findings.missed or findings.unexpected):
                console.print(f"  {label}: missed {findings.missed} · unexpected {findings.unexpected}", markup=False)


def _print_comparison(before_path: Path, after_path: Path) -> None:
    before, after = load_run(before_path), load_run(after_path)
    table = Table(title=f"A = {before_path.name} ({before.backend}) · B = {after_path.name} ({after.backend})")
    for column in ("metric", "A", "B", "B − A"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for change in compare_runs(before, after):
        delta = change.delta
        shown = "–" if delta is None else f"{delta:+.3f}"
        style = "red" if delta is not None and delta < -1e-9 else "green" if delta and delta > 1e-9 else None
        table.add_row(change.name, _pct(change.before), _pct(change.after), shown, style=style)
    console.print(table)
    old, new = {s.stem for s in before.samples}, {s.stem for s in after.samples}
    if old != new:
        console.print(
            f"note: the runs scored different samples (A {len(old)}, B {len(new)}, {len(old & new)} in both): "
            "overall figures are not like for like; compare the per-sample rows",
            highlight=False,
        )


@app.command("eval")
def eval_command(
    backend: Annotated[str, typer.Option(help=f"extractor: {', '.join(BACKEND_CHOICES)}")] = DEFAULT_BACKEND,
    model: ModelOption = None,
    base_url: BaseUrlOption = None,
    mode: ModeOption = None,
    model_file: ModelFileOption = None,
    config: ConfigOption = None,
    no_cache: NoCacheOption = False,
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
) -> None:
    """Score a backend on every reviewed gold sample, our own and the real documents apart; write the results."""
    try:
        if compare is not None:
            _print_comparison(*compare)
            return
        if backend == "rules" and (model or base_url or model_file):
            raise ConfigError("the rules backend takes no --model, --base-url or --model-file")
        settings = llm_settings(
            model=model, base_url=base_url, mode=mode, model_file=model_file, config=config, no_cache=no_cache
        )
        backend, extractor, model = _extractor(backend, settings)
        sets = _suites(suite, gold_dir, samples_dir)
    except (JixiaoError, ValueError) as error:
        report_error(str(error))
        raise typer.Exit(2) from None
    failures: list[str] = []
    scored = 0
    for chosen in sets:
        cases, notes = load_cases(chosen.gold_dir, chosen.samples_dir)
        for note in notes:
            errors.print(f"note: {note}", markup=False, highlight=False)
        if not cases:
            errors.print(f"note: {chosen.name}: no reviewed gold with its document in {chosen.samples_dir}")
            continue
        scored += 1
        try:
            limits = load_thresholds(thresholds, backend, chosen.name) if thresholds else {}
        except JixiaoError as error:
            report_error(str(error))
            raise typer.Exit(2) from None
        with console.status(f"evaluating {chosen.name}") if console.is_terminal else nullcontext():
            run = run_eval(
                cases, extractor, backend=backend, model=model, replayed=replayed, checker=load_checker(), notes=notes
            )
        run.suite = chosen.name
        failures += [f"{chosen.name}: {line}" for line in _report(run, notes, detail, suggest, results_dir, limits)]
        if min_f1 is not None and run.overall.facts.f1 < min_f1:
            failures.append(f"{chosen.name}: facts.f1 {run.overall.facts.f1:.3f} is below --min-f1 {min_f1:.3f}")
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


def _report(
    run: EvalRun, notes: list[str], detail: bool, suggest: bool, results_dir: Path, limits: dict[str, float]
) -> list[str]:
    """Print one set's tables (and what --detail/--suggest-thresholds ask); return its threshold failures."""
    console.print(f"[bold]{run.suite}[/bold]: {SUITE_TITLES.get(run.suite, run.suite)}")
    console.print(_samples_table(run))
    console.print(_families_table(run))
    if detail:
        _print_differences(run)
    for note in run.notes[len(notes) :]:
        console.print(f"note: {note}", highlight=False)
    if suggest:
        console.print(suggest_thresholds(run), markup=False, highlight=False)
    written = write_run(run, results_dir)
    console.print(f"result written to {written}", highlight=False)
    return below_thresholds(run, limits)


@app.command()
def label(
    file: Annotated[Path, typer.Argument(help="the report to label (keep it under samples/)")],
    backend: Annotated[str, typer.Option(help=f"extractor for the draft: {', '.join(BACKENDS)}")] = DEFAULT_BACKEND,
    gold_dir: Annotated[Path, typer.Option(help="gold labels")] = GOLD_DIR,
    force: Annotated[bool, typer.Option(help="replace an existing unreviewed draft")] = False,
) -> None:
    """Write a draft gold file from the extractor's output, for a person to correct and mark reviewed."""
    target = gold_dir / f"{file.stem}.json"
    if target.exists() and is_reviewed(target):
        report_error(f"{target}: already reviewed by a person; not overwriting it (edit it by hand)")
        raise typer.Exit(1)
    if target.exists() and not force:
        report_error(f"{target}: a draft exists; pass --force to replace it")
        raise typer.Exit(1)
    try:
        report = extract_file(file, backend)
    except JixiaoError as error:
        report_error(str(error))
        raise typer.Exit(1) from None
    draft = GoldLabel(
        reviewed=False,
        labelled_by=f"draft:{backend}",
        notes="Draft from the extractor: check every figure against the text, fix, then set reviewed to true.",
    )
    gold_dir.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(gold_document(report, draft), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    console.print(f"draft written to {target} (gold.reviewed = false until a person checks it)", highlight=False)
    if file.parent.resolve() != SAMPLES_DIR.resolve():
        console.print(
            f"note: jixiao eval looks for {file.stem}.* under {SAMPLES_DIR}/; keep the file there", highlight=False
        )
