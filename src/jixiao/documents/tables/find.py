"""Finding the tables in a document's text and rebuilding each with the reader for its layout.

Only lines that mention a header word are examined, so the scan stays linear in the text.
"""

from __future__ import annotations

import re

from jixiao.documents.tables.cells import HEADING, line_spans, pipe_cells
from jixiao.documents.tables.columns import column_major_table
from jixiao.documents.tables.headers import HEADER_TOKEN, MONEY_IN_YUAN, header_prefix, kind_of, role_of, roles
from jixiao.documents.tables.pipes import cell_line_table, header_columns, is_cell_line, row_table
from jixiao.documents.tables.squashed import stream_table
from jixiao.documents.tables.streams import cell_stream_table, line_cells
from jixiao.documents.tables.table import Table
from jixiao.documents.tables.tokens import VALUE, Gap, spaced

Lines = list[tuple[int, int]]
# words only a table header uses: a line without one is never examined further (keeps the scan cheap)
_COLUMN_WORD = re.compile(
    r"预算数|执行数|执行率|分值|得分|权重|一级指标|二级指标|三级指标|指标值|完成值|目标值|计划值|指标性质|度量单位|原因"
)
OCR_NOTE = re.compile(r"OCR|ocr|机器识别|文字识别|扫描识别|自动识别|识别结果|识别文本|机读")
_PROSE_LINE = 30  # a longer line without a value, or one ending a sentence, is prose, not a row
_MIN_STREAM_HEADER = 2


def _next_line(lines: Lines, offset: int, index: int) -> int:
    while index < len(lines) and lines[index][0] < offset:
        index += 1
    return index


def _is_prose(line: str) -> bool:
    stripped = line.strip()
    if len(stripped) > _PROSE_LINE and (VALUE.search(stripped) is None or stripped.endswith("。")):
        return True
    return len(stripped) > _PROSE_LINE and stripped.count("，") >= 2


def _stream_end(text: str, lines: Lines, index: int) -> tuple[int, int]:
    """End offset of a T3/T4 stream starting on lines[index], and the index of the line after it."""
    end, position = lines[index][1], index + 1
    while position < len(lines):
        start, stop = lines[position]
        line = text[start:stop]
        if not line.strip():
            position += 1
            continue
        if HEADING.match(line) or "|" in line or _is_prose(line) or _header_in(text, start, stop):
            break
        end, position = stop, position + 1
    return end, position


def _header_in(text: str, start: int, end: int) -> bool:
    match = HEADER_TOKEN.search(text, start, end)
    return match is not None and len(header_prefix(text, match.start(), end)) >= _MIN_STREAM_HEADER + 1


def _stream_at(text: str, lines: Lines, index: int, gap: Gap) -> tuple[Table | None, int]:
    start, end = lines[index]
    match = HEADER_TOKEN.search(text, start, end)
    if match is None:
        return None, index + 1
    header = header_prefix(text, match.start(), end)
    columns = roles(header)
    kind = kind_of(columns)
    if kind is None or len(header) < _MIN_STREAM_HEADER:
        return column_major_table(text, start, end, gap), index + 1
    stream_end, position = _stream_end(text, lines, index)
    return stream_table(text, header, columns, kind, stream_end, gap), position


def _table_at(text: str, lines: Lines, index: int, gap: Gap) -> tuple[Table | None, int]:
    start, end = lines[index]
    line = text[start:end]
    if "|" in line:
        if is_cell_line(text, start, end) and role_of(pipe_cells(text, start, end)[0].text):
            return cell_line_table(text, lines, index)
        columns = header_columns(pipe_cells(text, start, end))
        if columns is None:
            return None, index + 1
        return row_table(text, lines, index, columns, "t1")
    if role_of(line):
        cells, position = line_cells(text, lines, index)
        table = cell_stream_table(text, cells, "t2", at_end=position >= len(lines))
        if table is None:
            return None, index + 1
        return table, _next_line(lines, table.end, index + 1)
    first = _COLUMN_WORD.search(text, start, end)
    if first is None or _COLUMN_WORD.search(text, first.end(), end) is None:
        return None, index + 1  # a squashed header names at least two columns
    return _stream_at(text, lines, index, gap)


def _money_unit(text: str, lines: Lines, index: int) -> str:
    caption_start = lines[index - 1][0] if index else lines[index][0]
    return "元" if MONEY_IN_YUAN.search(text, caption_start, lines[index][1]) else "万元"


def removed_spaces(text: str, origin: list[int]) -> Gap:
    """The gap test for normalized text: a space was there, or normalization dropped chars before i."""

    def gap(index: int) -> bool:
        if index <= 0 or index >= len(origin):
            return index > 0
        return text[index - 1].isspace() or origin[index] - origin[index - 1] > 1

    return gap


def find_tables(text: str, origin: list[int] | None = None) -> list[Table]:
    """Every funding and indicator table in the text, in order, each rebuilt from its layout.

    `origin` (Document.origin) tells where normalization removed spaces between squashed cells.
    """
    gap = removed_spaces(text, origin) if origin is not None else spaced(text)
    lines = line_spans(text)
    ocr = OCR_NOTE.search(text) is not None
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        start, end = lines[index]
        if not _COLUMN_WORD.search(text, start, end):
            index += 1
            continue
        table, position = _table_at(text, lines, index, gap)
        if table is not None and table.rows:
            table.money_unit = _money_unit(text, lines, index)
            table.ocr = ocr
            if ocr:
                table.layout = "t5"
            tables.append(table)
        index = max(position, index + 1)
    return tables
