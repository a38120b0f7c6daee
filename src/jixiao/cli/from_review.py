"""The review workbench's side of `jixiao label` (`--from-review`) and `jixiao eval` (`--db`)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from jixiao.cli.app import console, errors, report_error
from jixiao.cli.store_option import display_name, require_store
from jixiao.evaluation.from_review import RulePrecision, rule_precision
from jixiao.store import Store


def label_from_review(db: str, gold_dir: Path) -> None:
    """Write the corrected reports of completely reviewed documents as gold, and say what was left out."""
    from jixiao.checks import run_checks
    from jixiao.evaluation.from_review import write_review_gold

    require_store(db)
    with Store(db) as store:
        outcome = write_review_gold(store, gold_dir, run_checks)
    for line in outcome.skipped:
        errors.print(f"note: {line}", markup=False, highlight=False)
    for path in outcome.written:
        console.print(f"gold written to {path} (reviewed: true, with its .findings.json)", highlight=False)
    if not outcome.written:
        report_error(f"{display_name(db)}: no completely reviewed document (every finding decided) to write as gold")
        raise typer.Exit(1)
    console.print(
        f"score them with: jixiao eval --gold-dir {gold_dir} --samples-dir <the folder of the reviewed files>",
        highlight=False,
    )


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def print_rule_precision(db: str) -> list[RulePrecision]:
    """Per-rule precision of the checks from the reviewers' decisions; returns the rows for the result file."""
    from jixiao.review.decisions import DecisionLog

    require_store(db)
    with Store(db) as store:
        rows = rule_precision(DecisionLog(store.database).all())
    table = Table(
        title=f"checks judged by reviewers ({display_name(db)}): precision = confirmed ÷ (confirmed + dismissed)"
    )
    for column in ("rule", "confirmed", "dismissed", "of which misread", "corrected", "precision", "on right readings"):
        table.add_column(column, justify="left" if column == "rule" else "right")
    for row in rows:
        table.add_row(
            row.rule,
            str(row.confirmed),
            str(row.dismissed),
            str(row.misread),
            str(row.corrected),
            _share(row.precision),
            _share(row.precision_on_right_readings),
        )
    console.print(table if rows else f"{display_name(db)}: no review decisions yet", highlight=False)
    return rows
