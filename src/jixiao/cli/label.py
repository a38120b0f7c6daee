"""`jixiao label`: draft a gold file from the extractor's output, for a person to correct."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.app import command, console, report_error
from jixiao.cli.from_review import label_from_review
from jixiao.cli.options import Chosen
from jixiao.errors import ExtractionError, InputError
from jixiao.evaluation import GoldLabel, gold_document
from jixiao.evaluation.gold import is_reviewed
from jixiao.extract import extract_file

GOLD_DIR = Path("eval/gold")
SAMPLES_DIR = Path("samples")


@command(backend=True)
def label(
    chosen: Chosen,
    file: Annotated[Path | None, typer.Argument(help="the report to label (keep it under samples/)")] = None,
    gold_dir: Annotated[Path, typer.Option(help="gold labels")] = GOLD_DIR,
    force: Annotated[bool, typer.Option(help="replace an existing unreviewed draft")] = False,
    from_review: Annotated[
        bool, typer.Option("--from-review", help="write gold from the review workbench's decisions in --db")
    ] = False,
    db: Annotated[str, typer.Option("--db", help="the store reviewed with jixiao serve")] = "jixiao.db",
) -> None:
    """Write a draft gold file from the extractor's output (or, with --from-review, gold from the reviewers)."""
    if from_review == (file is not None):
        report_error("give a FILE to draft, or --from-review (not both)")
        raise typer.Exit(2)
    if file is None:
        label_from_review(db, gold_dir)
        return
    target = gold_dir / f"{file.stem}.json"
    if target.exists() and is_reviewed(target):
        report_error(f"{target}: already reviewed by a person; not overwriting it (edit it by hand)")
        raise typer.Exit(1)
    if target.exists() and not force:
        report_error(f"{target}: a draft exists; pass --force to replace it")
        raise typer.Exit(1)
    try:
        report = extract_file(file, chosen.backend, chosen.settings)
    except (InputError, ExtractionError) as error:  # the file, not the command, is at fault: exit 1
        report_error(str(error))
        raise typer.Exit(1) from None
    draft = GoldLabel(
        reviewed=False,
        labelled_by=f"draft:{chosen.key}",
        notes="Draft from the extractor: check every figure against the text, fix, then set reviewed to true.",
    )
    gold_dir.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(gold_document(report, draft), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    console.print(f"draft written to {target} (gold.reviewed = false until a person checks it)", highlight=False)
    if file.parent.resolve() != SAMPLES_DIR.resolve():
        console.print(
            f"note: jixiao eval looks for {file.stem}.* under {SAMPLES_DIR}/; keep the file there", highlight=False
        )
