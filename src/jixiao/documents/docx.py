"""Word reports: paragraphs and tables in reading order; a table row becomes one `a | b | c` line."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from docx import Document as open_docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from jixiao.documents.document import Document, read_bytes
from jixiao.documents.layout import TextBuilder
from jixiao.documents.magic import describe, sniff
from jixiao.errors import InputError

_CONVERT = "save it as .docx in Word or WPS (or: soffice --headless --convert-to docx FILE)"


def _table_rows(table: Table) -> Iterator[list[tuple[int, str]]]:
    """Rows of (grid column, text). python-docx repeats a merged cell under every grid column it spans
    (and down the rows of a vertical merge): a horizontal repeat is kept once, by identity, so two
    neighbouring cells that merely hold the same figure (budget 100, executed 100) both stay."""
    for row in table.rows:
        cells: list[tuple[int, str]] = []
        previous = None
        for column, cell in enumerate(row.cells):
            if previous is not None and cell._tc is previous:
                continue
            previous = cell._tc
            cells.append((column, cell.text))
        yield cells


def _render(data: bytes) -> TextBuilder:
    builder = TextBuilder()
    document = open_docx(io.BytesIO(data))
    tables = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            builder.line(block.text)
        elif isinstance(block, Table):
            tables += 1
            builder.table(_table_rows(block), name=f"table {tables}")
    return builder


def load_docx(path: Path) -> Document:
    data, sha256 = read_bytes(path)
    kind = sniff(data)
    if kind == "ole":
        raise InputError(path, f"a legacy Word .doc file, not .docx: {_CONVERT}")
    if kind != "zip":
        raise InputError(path, f"not a readable .docx: the file is {describe(data)}")
    try:
        builder = _render(data)
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(path, f"not a readable .docx (corrupt or truncated): {error}") from error
    text, tables = builder.build()
    return Document.from_text(text, path=str(path), format="docx", sha256=sha256, tables=tables)


def load_doc(path: Path) -> Document:
    """Legacy .doc (a .doc that is really a .docx or a web page is routed by content in load_document)."""
    raise InputError(path, f"legacy Word .doc files cannot be read directly: {_CONVERT}")
