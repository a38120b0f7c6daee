"""PDF reports: the text layer in reading order, ruled tables cell by cell (pdfplumber).

A scanned PDF has no text layer: it is refused with a message saying OCR is needed first, never turned
into an empty report. Encrypted, truncated and damaged files get their own clear reasons. Pages are
freed one by one (pdfplumber caches every object of a page) and a page cap keeps a huge file from
eating memory or an afternoon.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from jixiao.documents.document import Document, read_bytes
from jixiao.documents.layout import TextBuilder
from jixiao.documents.magic import damaged, describe, sniff
from jixiao.errors import InputError

MAX_PAGES = 500  # reports with annexes run to ~100 pages
_MIN_TEXT_CHARS = 20  # fewer printable chars than this in the whole file: no usable text layer
_NEEDS_OCR = "no text layer (a scanned PDF?): run OCR on it first (e.g. ocrmypdf) and load the result"


def _reason(error: BaseException) -> str:
    cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
    if isinstance(cause, PDFPasswordIncorrect):
        return "encrypted PDF: it needs a password; save an unprotected copy first"
    if isinstance(cause, PDFEncryptionError):
        return f"encrypted PDF that cannot be opened: {cause}"
    if "unable to allocate" in str(cause).lower():  # zlib under the worker's memory cap: a stream that inflates
        return "needs more memory than a report may, inflating one of its streams (a decompression bomb?)"
    return damaged("PDF", cause)


_TOLERANCE = 1.0  # points


def _cell_rows(table: Any) -> Iterator[list[tuple[int, str]]]:
    """Rows of (grid column, text), merged cells resolved as in Word tables.

    pdfplumber leaves a grid position empty (None) when a merged cell covers it. A cell above whose box
    reaches down into this row is a vertical merge: its text repeats (一级指标 written once stands
    beside every row). Otherwise the position belongs to a cell on its left and is not printed again.
    """
    texts = table.extract()
    rows = table.rows
    for r, row in enumerate(rows):
        out: list[tuple[int, str]] = []
        for column, box in enumerate(row.cells):
            if box is not None:
                out.append((column, texts[r][column] or ""))
                continue
            for above in range(r - 1, -1, -1):
                cover = rows[above].cells[column]
                if cover is not None:
                    if cover[3] > row.bbox[1] + _TOLERANCE:
                        out.append((column, texts[above][column] or ""))
                    break
        yield out


def _render_page(page: Any, number: int, builder: TextBuilder) -> int:
    """Add one page; return how many text chars it had."""
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]

    def outside_tables(obj: dict[str, Any]) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2 if "x0" in obj else 0
        y = (obj["top"] + obj["bottom"]) / 2 if "top" in obj else 0
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    lines = page.filter(outside_tables).extract_text_lines(return_chars=False) if boxes else []
    if not boxes:
        lines = page.extract_text_lines(return_chars=False)
    blocks: list[tuple[float, int, Any]] = [(line["top"], 0, line["text"]) for line in lines]
    blocks += [(table.bbox[1], 1, table) for table in tables]
    for index, (_, kind, content) in enumerate(sorted(blocks, key=lambda block: (block[0], block[1]))):
        if kind == 0:
            builder.line(content)
        else:
            builder.table(_cell_rows(content), name=f"page {number} table {index + 1}")
    return len(page.chars)


def _render(path: Path, data: bytes) -> tuple[TextBuilder, list[str]]:
    builder = TextBuilder()
    blank_pages: list[int] = []
    total_chars = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        if len(pdf.pages) > MAX_PAGES:
            raise InputError(path, f"too many pages ({len(pdf.pages)} > {MAX_PAGES}); not a single report")
        for number, page in enumerate(pdf.pages, start=1):
            chars = _render_page(page, number, builder)
            total_chars += chars
            if chars == 0:
                blank_pages.append(number)
            page.close()
    if total_chars < _MIN_TEXT_CHARS:
        raise InputError(path, _NEEDS_OCR)
    notes = (
        [f"pages without a text layer (scanned? not read): {', '.join(map(str, blank_pages))}"] if blank_pages else []
    )
    return builder, notes


def load_pdf(path: Path) -> Document:
    data, sha256 = read_bytes(path)
    if sniff(data) != "pdf":
        raise InputError(path, f"not a PDF: the file is {describe(data)}")
    if b"%%EOF" not in data[-2048:]:
        raise InputError(path, "truncated or damaged PDF (no end-of-file marker); get the complete file again")
    try:
        builder, notes = _render(path, data)
    except (PdfminerException, MalformedPDFException, PSException, ValueError, KeyError, TypeError) as error:
        raise InputError(path, _reason(error)) from error
    text, tables = builder.build()
    return Document.from_text(text, path=str(path), format="pdf", sha256=sha256, tables=tables, notes=notes)
