"""Web pages (.html, .htm): paragraphs in order, tables cell by cell, scripts and styles dropped.

Most published self-evaluations are web pages. The charset is taken from a BOM, then from the page's
own `<meta charset>` (when the bytes really decode with it: pages that declare UTF-8 and are GBK exist),
then detected as for text files. Layout tables (a page wrapped in a table, tables holding tables, one
column of blocks) are read as blocks; data tables become one `a | b | c` line per row, with rowspans
repeated down and colspans printed once, like Word tables.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from jixiao.documents.document import Document, read_bytes
from jixiao.documents.grid import MAX_CELLS
from jixiao.documents.html_guard import check_parse_work
from jixiao.documents.layout import TextBuilder
from jixiao.documents.magic import describe, sniff
from jixiao.documents.text import decode, decode_strict
from jixiao.errors import InputError

_SKIPPED = {"script", "style", "noscript", "template", "iframe", "object", "svg", "select", "button", "input",
            "textarea", "head", "title", "meta", "link", "-comment"}  # fmt: skip
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "header",
           "footer", "nav", "aside", "main", "blockquote", "pre", "form", "dl", "dt", "dd", "hr", "center",
           "address", "figure", "figcaption", "caption", "body", "html", "fieldset", "tr", "td", "th", "tbody",
           "thead", "tfoot"}  # fmt: skip
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_HAN_BREAK = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])[ \t\r]*\n\s*(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])"
)
_MAX_SPAN = 100  # a rowspan/colspan beyond this is a broken page, not a table


def decode_html(data: bytes, path: object) -> str:
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, path)
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        name = "gb18030" if name in ("gb2312", "gbk", "x-gbk", "gb_2312-80") else name
        try:
            return decode_strict(data, name)
        except (LookupError, UnicodeDecodeError):
            pass  # the page's declaration is wrong or unknown: detect instead
    return decode(data, path)


def _children(node: LexborNode) -> list[LexborNode]:
    return list(node.iter(include_text=True))


def _inline_text(node: LexborNode) -> str:
    """A node's text on one line: text nodes joined as written, a space where a block or <br> breaks it.

    Iterative, like the page walk: old pages nest unclosed <font> or <div> tags thousands deep.
    """
    pieces: list[str] = []
    stack: list[LexborNode | str] = list(reversed(_children(node)))
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            pieces.append(item)
            continue
        tag = item.tag
        if tag == "-text":
            pieces.append(_HAN_BREAK.sub("", item.text(deep=False) or ""))
        elif tag == "br":
            pieces.append(" ")
        elif tag not in _SKIPPED:
            children: list[LexborNode | str] = list(reversed(_children(item)))
            stack.extend([" ", *children, " "] if tag in _BLOCKS else children)
    return " ".join("".join(pieces).split())


def _direct_rows(table: LexborNode) -> Iterator[LexborNode]:
    for child in table.iter():
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody", "tfoot"):
            yield from (row for row in child.iter() if row.tag == "tr")


def _cells(row: LexborNode) -> list[LexborNode]:
    return [cell for cell in row.iter() if cell.tag in ("td", "th")]


def _span(cell: LexborNode, name: str) -> int:
    value = (cell.attributes.get(name) or "1").strip()
    return min(int(value), _MAX_SPAN) if value.isdigit() and int(value) > 0 else 1


def _is_layout_table(rows: list[LexborNode]) -> bool:
    """A table that only arranges the page: it holds tables, or it has a single column."""
    cells = [cell for row in rows for cell in _cells(row)]
    if not cells or any(cell.css_first("table") is not None for cell in cells):
        return True
    return max(len(_cells(row)) for row in rows) <= 1


def _grid_rows(rows: list[LexborNode], cells_left: list[int], path: object) -> Iterator[list[tuple[int, str]]]:
    """Rows of (grid column, text); `cells_left` is the page's budget, shared by its tables (a 99 KB page
    of rowspan=100 cells printed 300,000 of them)."""
    pending: dict[int, tuple[int, str]] = {}  # column -> (rows still covered, text) of open rowspans

    def carry(column: int, out: list[tuple[int, str]]) -> None:
        left, text = pending[column]
        out.append((column, text))
        if left <= 1:
            del pending[column]
        else:
            pending[column] = (left - 1, text)

    for row in rows:
        out: list[tuple[int, str]] = []
        column = 0
        for cell in _cells(row):
            while column in pending:
                carry(column, out)
                column += 1
            text = _inline_text(cell)
            out.append((column, text))
            rowspan = _span(cell, "rowspan")
            if rowspan > 1:
                pending[column] = (rowspan - 1, text)
            column += _span(cell, "colspan")
        # Past the row's own cells, the rowspans still open to the right (sorted once per row: a row of
        # thousands of spanning cells must not cost thousands of scans per cell).
        for key in sorted(key for key in pending if key >= column):
            carry(key, out)
        cells_left[0] -= len(out)
        if cells_left[0] < 0:
            raise InputError(path, f"tables with more than {MAX_CELLS:,} cells (spans repeated); not a single report")
        yield out


class _Walker:
    def __init__(self, path: object) -> None:
        self.builder = TextBuilder()
        self._line: list[str] = []
        self._tables = 0
        self._path = path
        self._cells_left = [MAX_CELLS]

    def flush(self) -> None:
        text = " ".join("".join(self._line).split())
        if text:
            self.builder.line(text)
        self._line = []

    def walk(self, node: LexborNode) -> None:
        stack: list[LexborNode | None] = list(reversed(_children(node)))  # None: a block ends here
        while stack:
            child = stack.pop()
            if child is None:
                self.flush()
                continue
            tag = child.tag
            if tag == "-text":
                self._line.append(_HAN_BREAK.sub("", child.text(deep=False) or ""))
            elif tag in _SKIPPED:
                continue
            elif tag == "br":
                self.flush()
            elif tag == "table" and not _is_layout_table(rows := list(_direct_rows(child))):
                self.flush()
                self._tables += 1
                self.builder.table(_grid_rows(rows, self._cells_left, self._path), name=f"table {self._tables}")
            elif tag in _BLOCKS or tag == "table":
                self.flush()
                stack.append(None)
                stack.extend(reversed(_children(child)))
            else:
                stack.extend(reversed(_children(child)))


def load_html(path: Path) -> Document:
    data, sha256 = read_bytes(path)
    kind = sniff(data)
    if kind in ("zip", "ole", "pdf"):
        raise InputError(path, f"not an HTML page: the file is {describe(data)}")
    text = decode_html(data, path)
    if "\x00" in text:
        raise InputError(path, "binary file, not an HTML page")
    check_parse_work(path, text)
    tree = LexborHTMLParser(text)
    walker = _Walker(path)
    root = tree.body or tree.root
    if root is None:
        raise InputError(path, "no body in the HTML page")
    walker.walk(root)
    walker.flush()
    rendered, tables = walker.builder.build()
    return Document.from_text(rendered, path=str(path), format="html", sha256=sha256, tables=tables)
