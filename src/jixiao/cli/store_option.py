"""`--db`, as every command that reads or writes a store takes it: a SQLite file or a PostgreSQL URL; and
`--extractor`, the results of which extractor a view of the store (export, review, memo) reads.

A str, not a Path: a Path would fold `postgresql://host/db` into `postgresql:/host/db`. A URL is printed only
through `display_name`, which hides its password.
"""

from __future__ import annotations

from typing import Annotated

import typer

from jixiao.cli.app import report_error
from jixiao.database import display_name, is_server_url

DB_HELP = "the store: a SQLite file, or postgresql://user@host/database for a shared one"
StoreOption = Annotated[str, typer.Option("--db", help=DB_HELP)]
ExtractorOption = Annotated[str | None, typer.Option(help="only results of this extractor (e.g. rules); default all")]


def require_store(db: str) -> None:
    """A view of a store that does not exist yet says how to make one (a server URL is tried when opened)."""
    from pathlib import Path

    if not is_server_url(db) and not Path(db).is_file():
        report_error(f"{db}: no such store (run `jixiao run PATH --db {db}` first)")
        raise typer.Exit(2)


__all__ = ["DB_HELP", "ExtractorOption", "StoreOption", "display_name", "require_store"]
