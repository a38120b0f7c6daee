"""`jixiao review`: static HTML pages for a person to review what a batch flagged."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.app import app, console, report_error, shown
from jixiao.errors import JixiaoError
from jixiao.store import Store


@app.command()
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
    try:
        with Store(db) as store:  # a review brings the store's series up to date: it writes
            index = write_review(store, out, extractor=extractor)
    except JixiaoError as error:
        report_error(str(error))
        raise typer.Exit(2) from None
    except OSError as error:  # a full disk, a read-only folder: one line, not a traceback
        report_error(f"{error.filename or out}: cannot write: {error.strerror or error}")
        raise typer.Exit(2) from None
    console.print(f"wrote {shown(index)}", highlight=False, markup=False)
