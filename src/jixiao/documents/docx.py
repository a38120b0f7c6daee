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
from jixiao.errors import InputError


def _table_lines(table: Table) -> Iterator[str]:
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            # merged cells repeat across the row in python-docx; keep one copy
            if not cells or cells[-1] != text or not text:
                cells.append(text)
        yield " | ".join(cells)


def _blocks(data: bytes) -> Iterator[str]:
    document = open_docx(io.BytesIO(data))
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Table):
            yield from _table_lines(block)


def load_docx(path: Path) -> Document:
    data, sha256 = read_bytes(path)
    try:
        text = "\n".join(_blocks(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(path, f"not a readable .docx (corrupt or truncated): {error}") from error
    return Document.from_text(text, path=str(path), format="docx", sha256=sha256)
