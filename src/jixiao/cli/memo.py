"""`jixiao memo`: one Word memo (审核意见) per stored report, in the form a reviewer sends back."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.app import command, console, escaped, report_error
from jixiao.store import Store


@command()
def memo(
    db: Annotated[Path, typer.Option("--db", help="SQLite store written by `jixiao run`")] = Path("jixiao.db"),
    out: Annotated[Path, typer.Option("--out", "-o", help="folder for the .docx memos")] = Path("memos"),
    extractor: Annotated[
        str | None, typer.Option(help="only results of this extractor (e.g. rules); default all")
    ] = None,
) -> None:
    """Write one .docx memo per report in DB: header, figures, numbered findings with quotes, corrections."""
    from jixiao.review.memo_docx import write_memos  # python-docx's writer loads only for this command

    if not db.is_file():
        report_error(f"{db}: no such store (run `jixiao run PATH --db {db}` first)")
        raise typer.Exit(2)
    with Store(db) as store:
        written = write_memos(store, out, extractor=extractor)
    console.print(f"wrote {len(written)} memos -> {escaped(out)}", highlight=False, markup=False)
