"""How `jixiao eval` shows a run: the per-sample table, accuracy per field family, differences, comparisons."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table

from jixiao.cli.app import console
from jixiao.evaluation import FAMILIES, EvalRun, below_thresholds, compare_runs, load_run, suggest_thresholds, write_run

SUITE_TITLES = {
    "own": "our own samples and the two seeds (written by us: they flatter the grammar)",
    "real": "real published documents nobody here wrote (what decides whether extraction works)",
}


def pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def samples_table(run: EvalRun) -> Table:
    table = Table(title=f"backend: {run.backend} · model: {run.model or '–'} · {run.mode}", title_justify="left")
    for column in ("sample", "facts", "precision", "recall", "F1", "findings P", "findings R", "seeded", "note"):
        table.add_column(column, justify="left" if column in ("sample", "note") else "right")
    for sample in run.samples:
        facts, findings, mutations = sample.facts.facts, sample.findings, sample.mutations
        table.add_row(
            sample.stem,
            str(facts.gold),
            pct(facts.precision),
            pct(facts.recall),
            pct(facts.f1),
            pct(findings.precision) if findings else "–",
            pct(findings.recall) if findings else "–",
            pct(mutations.total.rate) if mutations else "–",
            sample.error or "",
        )
    facts = run.overall.facts
    table.add_section()
    table.add_row(
        f"overall ({len(run.samples)})",
        str(facts.gold),
        pct(facts.precision),
        pct(facts.recall),
        pct(facts.f1),
        pct(run.findings.precision) if run.findings else "–",
        pct(run.findings.recall) if run.findings else "–",
        pct(run.mutations.total.rate) if run.mutations else "–",
        "",
        style="bold",
    )
    return table


def families_table(run: EvalRun) -> Table:
    table = Table(title="accuracy per field family (agreeing facts / facts stated by gold or output)")
    for column in ("family", "gold", "output", "agree", "accuracy", "seeded errors caught"):
        table.add_column(column, justify="left" if column == "family" else "right")
    for name in FAMILIES:
        counts = run.overall.families.get(name)
        if counts is None or not (counts.gold or counts.output):
            continue
        caught = run.mutations.families.get(name) if run.mutations else None
        seeded = f"{caught.detected}/{caught.mutations}" if caught and caught.mutations else "–"
        table.add_row(name, str(counts.gold), str(counts.output), str(counts.correct), pct(counts.accuracy), seeded)
    return table


def print_differences(run: EvalRun) -> None:
    for sample in run.samples:
        if not sample.facts.differences:
            continue
        console.print(f"[bold]{sample.stem}[/bold]: {len(sample.facts.differences)} differences")
        for diff in sample.facts.differences:
            console.print(f"  {diff.path}: gold {diff.gold!r} · output {diff.output!r}", markup=False, highlight=False)
        for label, findings in (("checks", sample.findings), ("checks on gold", sample.findings_on_gold)):
            if findings and (findings.missed or findings.unexpected):
                console.print(f"  {label}: missed {findings.missed} · unexpected {findings.unexpected}", markup=False)


def print_comparison(before_path: Path, after_path: Path) -> None:
    before, after = load_run(before_path), load_run(after_path)
    table = Table(title=f"A = {before_path.name} ({before.backend}) · B = {after_path.name} ({after.backend})")
    for column in ("metric", "A", "B", "B − A"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for change in compare_runs(before, after):
        delta = change.delta
        shown = "–" if delta is None else f"{delta:+.3f}"
        style = "red" if delta is not None and delta < -1e-9 else "green" if delta and delta > 1e-9 else None
        table.add_row(change.name, pct(change.before), pct(change.after), shown, style=style)
    console.print(table)
    old, new = {s.stem for s in before.samples}, {s.stem for s in after.samples}
    if old != new:
        console.print(
            f"note: the runs scored different samples (A {len(old)}, B {len(new)}, {len(old & new)} in both): "
            "overall figures are not like for like; compare the per-sample rows",
            highlight=False,
        )


def report_run(
    run: EvalRun, notes: list[str], detail: bool, suggest: bool, results_dir: Path, limits: dict[str, float]
) -> list[str]:
    """Print one set's tables (and what --detail/--suggest-thresholds ask); return its threshold failures."""
    console.print(f"[bold]{run.suite}[/bold]: {SUITE_TITLES.get(run.suite, run.suite)}")
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
    return below_thresholds(run, limits)
