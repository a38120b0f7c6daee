"""Finding the tables in a document's text: a header wherever it stands, then its rows by the aligner.

A stretch of text that names table columns (预算数, 执行率, 一级指标, 指标值 …) is cut into pieces; a run of
header pieces with enough columns of one kind (funding or indicators) opens a table, and the pieces after it,
up to the next header, the next block of the form (年度总体目标, 资金管理情况) or a section heading, are its
body. Only stretches that mention header words are cut at all, so the scan stays linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from jixiao.documents.layout import TableLayout
from jixiao.documents.tables import table_body
from jixiao.documents.tables.carry_down import carry_down, continue_levels
from jixiao.documents.tables.cell_lines import row_openers
from jixiao.documents.tables.columns import column_major_table
from jixiao.documents.tables.cut_row import ends_on_header
from jixiao.documents.tables.footers import cut_footer
from jixiao.documents.tables.header_run import header_run
from jixiao.documents.tables.headerless import glued_rows, headerless_table, headerless_zones
from jixiao.documents.tables.money_unit import money_unit
from jixiao.documents.tables.pieces import pieces
from jixiao.documents.tables.raw_lines import mark_own_lines
from jixiao.documents.tables.removed_spaces import removed_spaces
from jixiao.documents.tables.shapes import Piece, Shape, shape_of
from jixiao.documents.tables.share_rows import share_tables
from jixiao.documents.tables.split_targets import split_target_table
from jixiao.documents.tables.table import Cell, Kind, Table
from jixiao.documents.tables.tokens import Gap, spaced
from jixiao.documents.tables.wrapped import WrappedView, mapped_back, wrapped_view
from jixiao.documents.tables.zones import may_hold_header, table_zones

OCR_NOTE = re.compile(r"OCR|ocr|机器识别|文字识别|扫描识别|自动识别|识别结果|识别文本|机读|图片识别")


def _may_note_ocr(text: str) -> bool:
    """Every OCR_NOTE word holds one of these: str.find is far cheaper than the pattern's scan of the text."""
    return "识别" in text or "OCR" in text or "ocr" in text or "机读" in text


# An enum member read through its class (`Shape.EMPTY`) calls the enum metaclass's attribute hook on Python
# 3.11 (~1,000 instructions); the walks over every piece and row read these instead.
_HEADER = Shape.HEADER
_FUNDING, _INDICATORS = Kind.FUNDING, Kind.INDICATORS
_LEVELS = frozenset({Shape.LEVEL1, Shape.LEVEL2})


def _grid_pieces(text: str, layout: TableLayout) -> tuple[list[Piece], frozenset[int]]:
    """A loader's table as pieces, cell by cell, and where each of its rows opens (its first real cell)."""
    found: list[Piece] = []
    breaks: set[int] = set()
    for row in layout.rows:
        opened = False
        for cell in row:
            piece = replace(shape_of(Cell(text[cell.start : cell.end], cell.start, cell.end)), cut="grid")
            if not opened and piece.shape not in (Shape.EMPTY, Shape.BLOCK, Shape.HEADER):
                breaks.add(len(found))
                opened = True
            found.append(piece)
    return found, frozenset(breaks)


def _rows_after_funding(text: str, found: list[Piece], start: int) -> tuple[Table, int] | None:
    """`年度资金总 … 可持续影响指标 | 可持续 | … | 10 | 9`: a preview's page gap ran a funding table's rows into
    the indicator rows, whose header it lost; from the level word the funding body stopped at, they are read
    as headerless rows (two suffice: the form around them is the 自评表's), with their 总分 footer."""
    end = table_body.body_end(text, found, start, set(), _INDICATORS)
    body, footers = cut_footer(found[start:end])
    table = headerless_table(text, body, min_rows=2)
    if table is None:
        return None
    carry_down(table.rows)
    table.rows.extend(footers)
    table.end = max(row.end for row in table.rows)
    return table, end


def _tables_in(text: str, found: list[Piece], breaks: frozenset[int] | None = None) -> list[Table]:
    tables: list[Table] = []
    index = 0
    while index < len(found):
        header = header_run(found, index) if found[index].shape is _HEADER else None
        if header is None:
            index += 1
            continue
        table, index = table_body.table(text, found, index, *header, breaks)
        if table.kind is _FUNDING and index < len(found) and found[index].shape in _LEVELS:
            if (lost := _rows_after_funding(text, found, index)) is not None:
                tables.append(lost[0])  # (after the funding table, appended below: the order is by start)
                index = lost[1]
        if table.rows or table.skipped:  # a table of cells no cut reads still says what is unread
            tables.append(table)
        elif ends_on_header(text, table.end):  # the document ends on a table's header: it was cut
            table.truncated = True
            tables.append(table)
    if not tables and (columns := column_major_table(text, found)) is not None:
        tables.append(columns)
    return tables


def find_tables(
    text: str, origin: list[int] | None = None, layouts: Sequence[TableLayout] = (), raw: str | None = None
) -> list[Table]:
    """Every funding and indicator table in the text, in order.

    `origin` (Document.origin) tells where normalization removed spaces between squashed cells; `raw`
    (Document.raw_text), what it removed.
    """
    gap = removed_spaces(text, origin, raw) if origin is not None else spaced(text)
    ocr = _may_note_ocr(text) and OCR_NOTE.search(text) is not None
    tables: list[Table] = []
    grids = [layout for layout in layouts if layout.rows and layout.rows[0]]
    covered = [(layout.rows[0][0].start, layout.rows[-1][-1].end) for layout in grids]
    found: list[tuple[list[Piece], frozenset[int] | None]] = [_grid_pieces(text, layout) for layout in grids]
    zones = [(start, end) for start, end in table_zones(text, covered) if may_hold_header(text[start:end])]
    views = [wrapped_view(text, start, end) for start, end in zones]
    for (start, end), view in zip(zones, views, strict=True):
        if not view:
            cut = pieces(text, start, end, gap, ocr=ocr)
            found.append((cut, row_openers(text, start, end, cut)))
    read = [table for zone, breaks in found for table in _tables_in(text, zone, breaks)]
    read += [table for view in views if view is not None for table in _wrapped_tables(text, view, gap, ocr)]
    for table in read:
        if _in_a_sentence(text, table):
            continue
        table.money_unit = money_unit(text, table)
        table.ocr = ocr
        if ocr:
            table.layout = "t5"
        tables.append(table)
    if shared := share_tables(text):  # 河北's two-line header (share_rows): its rows over any other reading
        tables = [t for t in tables if not any(t.start < s.end and s.start < t.end for s in shared)] + shared
    if not any(table.kind is _INDICATORS for table in tables):
        tables += _headerless(text, gap, ocr, [*covered, *((t.start, t.end) for t in tables)])
    tables.sort(key=lambda table: table.start)
    continue_levels(tables, text)
    if origin is not None and raw is not None and len(origin) == len(text):
        mark_own_lines(tables, origin, raw)
    return tables


def _in_a_sentence(text: str, table: Table) -> bool:
    """`…合计2089万元。全年预算执行数合计2089万元。通过…`: a glued "header" (全年预算 | 执行数) and its first row
    that open after a full stop and close with one inside a line are a sentence of prose, not a table (the
    sentences after it, and the next heading's number, read as more rows: `…。预算执行率37.5%。\n2.…`)."""
    if table.layout != "t4" or table.kind is not Kind.FUNDING or not table.rows:
        return False
    first_end = table.rows[0].end
    line_start = text.rfind("\n", 0, table.start) + 1
    line_end = text.find("\n", first_end)
    after = text[first_end : len(text) if line_end < 0 else line_end]
    return "。" in text[line_start : table.start] and after.lstrip().startswith("。")


def _wrapped_tables(text: str, view: WrappedView, gap: Gap, ocr: bool) -> list[Table]:
    """The tables of a stretch whose cells wrapped at spaces (see tables.wrapped), read without the spaces."""
    found = pieces(view.text, 0, len(view.text), view.gap(gap), ocr=ocr)
    return [mapped_back(table, view, text) for table in _tables_in(view.text, found)]


def _headerless(text: str, gap: Gap, ocr: bool, taken: list[tuple[int, int]]) -> list[Table]:
    """Indicator rows whose header the excerpt does not hold (see jixiao.documents.tables.headerless)."""
    found = []
    for start, end in headerless_zones(text, taken):
        table = headerless_table(text, pieces(text, start, end, gap, ocr=ocr))
        if table is not None:
            carry_down(table.rows)
            table.ocr = ocr
            found.append(table)
    if not found and (split := split_target_table(text, taken)) is not None:
        carry_down(split.rows)  # `成本指标 | 宣传品印制成本 | ≤ | 8000 | 元 | 5 |`: see tables.split_targets
        split.ocr = ocr
        found.append(split)
    if not found and (glued := glued_rows(text, gap, taken)) is not None:
        carry_down(glued.rows)
        found.append(glued)
    return found
