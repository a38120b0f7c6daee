"""`jixiao review`: static HTML pages for a person to review what a batch flagged."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.app import command, console, escaped, report_error
from jixiao.store import Store


@command()
def review(
    db: Annotated[Path, typer.Option("--db", help="SQLite store written by `jixiao run`")] = Path("jixiao.db"),
    out: Annotated[Path, typer.Option("--out", "-o", help="folder for the HTML pages")] = Path("review"),
    extractor: Annotated[
        str | None, typer.Option(help="only results of this extractor (e.g. rules); default all")
    ] = None,
) -> None:
    """Write OUT/index.html (reports sorted by worst finding) and one page per report; open it from disk."""
    from jixiao.review.html import write_review  # jinja2 and openpyxl load only for this command

    if not db.is_file():
        report_error(f"{db}: no such store (run `jixiao run PATH --db {db}` first)")
        raise typer.Exit(2)
    with Store(db) as store:
        index = write_review(store, out, extractor=extractor)
    console.print(f"wrote {escaped(index)}", highlight=False, markup=False)
