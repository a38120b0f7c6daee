"""`jixiao memo`: one Word memo (审核意见) per stored report, in the form a reviewer sends back."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.app import app, console, report_error
from jixiao.errors import JixiaoError
from jixiao.store import Store


@app.command()
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
    try:
        with Store(db) as store:
            written = write_memos(store, out, extractor=extractor)
    except JixiaoError as error:  # the store cannot be opened, or the output folder is not ours
        report_error(str(error))
        raise typer.Exit(2) from None
    console.print(f"wrote {len(written)} memos -> {out}", highlight=False)
