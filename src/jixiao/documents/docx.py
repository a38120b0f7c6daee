"""Word reports: paragraphs and tables in reading order; a table row becomes one `a | b | c` line."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from docx import Document as open_docx
from docx.oxml.table import CT_Tc
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from jixiao.documents.archive import check_archive
from jixiao.documents.document import Document, read_bytes
from jixiao.documents.layout import TextBuilder
from jixiao.documents.magic import damaged, describe, sniff
from jixiao.errors import InputError

MAX_UNZIPPED = 200 * 1024 * 1024  # all parts together, images included
_CONVERT = "save it as .docx in Word or WPS (or: soffice --headless --convert-to docx FILE)"


def _table_rows(table: Table) -> Iterator[list[tuple[int, str]]]:
    """Rows of (grid column, text): a horizontally merged cell once, a vertical merge repeated down.

    Read from the row XML in one pass rather than through python-docx's `row.cells`, which resolves each
    continued vertical merge by walking up the rows again: a 1,000-row merge (36 KB of XML) took two
    minutes and then exceeded Python's recursion limit. Two neighbouring cells that merely hold the same
    figure (budget 100, executed 100) both stay.
    """
    above: dict[int, tuple[CT_Tc, str, int]] = {}  # grid offset -> (cell holding the text, text, its span)
    for row in table.rows:
        tr = row._tr
        here: dict[int, tuple[CT_Tc, str, int]] = {}
        cells: list[tuple[int, str]] = []
        offset, column = tr.grid_before, 0
        for tc in tr.tc_lst:
            root = above.get(offset) if tc.vMerge == "continue" else None
            if root is None:  # a cell of its own (or a continued merge with nothing above: read as it is)
                root = (tc, _Cell(tc, table).text, tc.grid_span)
            here[offset] = root
            cells.append((column, root[1]))
            column += root[2]
            offset += tc.grid_span
        above = here
        yield cells


def _render(path: Path, data: bytes) -> TextBuilder:
    builder = TextBuilder()
    check_archive(path, data, noun="document", max_total=MAX_UNZIPPED).close()
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
        builder = _render(path, data)
    except (zipfile.BadZipFile, zlib.error, KeyError, ValueError, EOFError) as error:
        raise InputError(path, damaged(".docx", error)) from error
    except etree.XMLSyntaxError as error:  # also lxml's guard against entity bombs (billion laughs)
        raise InputError(path, f"not a readable .docx (broken or hostile XML): {error}") from error
    text, tables = builder.build()
    return Document.from_text(text, path=str(path), format="docx", sha256=sha256, tables=tables)


def load_doc(path: Path) -> Document:
    """Legacy .doc (a .doc that is really a .docx or a web page is routed by content in load_document)."""
    raise InputError(path, f"legacy Word .doc files cannot be read directly: {_CONVERT}")
