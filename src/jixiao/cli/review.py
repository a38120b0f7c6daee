"""`jixiao review`: static HTML pages for a person to review what a batch flagged."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.app import command, console, escaped
from jixiao.cli.store_option import ExtractorOption, StoreOption, require_store
from jixiao.store import Store


@command()
def review(
    db: StoreOption = "jixiao.db",
    out: Annotated[Path, typer.Option("--out", "-o", help="folder for the HTML pages")] = Path("review"),
    extractor: ExtractorOption = None,
) -> None:
    """Write OUT/index.html (reports sorted by worst finding) and one page per report; open it from disk."""
    from jixiao.review.html import write_review  # jinja2 and openpyxl load only for this command

    require_store(db)
    with Store(db) as store:
        index = write_review(store, out, extractor=extractor)
    console.print(f"wrote {escaped(index)}", highlight=False, markup=False)
