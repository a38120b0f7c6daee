"""`jixiao memo`: one Word memo (审核意见) per stored report, in the form a reviewer sends back."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.app import command, console, escaped
from jixiao.cli.store_option import ExtractorOption, StoreOption, require_store
from jixiao.store import Store


@command()
def memo(
    db: StoreOption = "jixiao.db",
    out: Annotated[Path, typer.Option("--out", "-o", help="folder for the .docx memos")] = Path("memos"),
    extractor: ExtractorOption = None,
) -> None:
    """Write one .docx memo per report in DB: header, figures, numbered findings with quotes, corrections."""
    from jixiao.review.memo_docx import write_memos  # python-docx's writer loads only for this command

    require_store(db)
    with Store(db) as store:
        written = write_memos(store, out, extractor=extractor)
    console.print(f"wrote {len(written)} memos -> {escaped(out)}", highlight=False, markup=False)
