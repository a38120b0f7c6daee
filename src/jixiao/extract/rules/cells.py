"""Figures read from table cells, with the cell's span and the column's comparator and unit merged in.

A cell prints only part of a figure when the table has 指标性质 (≥) and 度量单位 (%) columns. The
figure keeps the value cell's text and span (what the reader can point at) and takes its op and unit
from the other columns; `found_by` says so. Misread OCR glyphs (`9O%`, `8l2`) are repaired for the
value only: the text stays as printed. A row the document ends inside first loses its last cell
(drop_cut_cell), which may be cut mid-number.
"""

from __future__ import annotations

import re

from jixiao.documents.tables import Cell, Role, Row
from jixiao.documents.tables.ocr import ocr_repaired
from jixiao.extract.rules.figures import built_figure
from jixiao.model import Figure, Kind
from jixiao.numbers import QUALIFIED_PERCENT, Quantity, parse_quantity, to_wan_yuan
from jixiao.vocabulary import op_of

# read per cell (an enum member read through its class calls the enum metaclass's hook on Python 3.11)
_TEXT_KIND = Kind.TEXT

_COUNT = re.compile(r"^(?P<number>[≥≤<>=]?\d+(?:\.\d+)?)(?P<unit>[\u4e00-\u9fff]{1,2})$")
_EMPTY = re.compile(r"^(?:[-—/／\\]|无数据|空)?$")
TEMPLATE = re.compile(r"字以内|字以下|请填写|请简要说明|请说明|填写说明|填报说明|[（(]\s*说明|^说明[:：]|^注[:：]")
_SPANS_CELLS = re.compile(r"[|\n]")  # a "cell" holding a pipe or a line break ran over other cells: never a value
_SCALES = ("万", "亿")
_UNIT_AFTER_SCALE = re.compile(r"^(?:元|人|人次|户|亩|吨|千瓦|平方米|立方米|册|株)$")
_PAREN_UNIT = re.compile(r"^(?P<num>[^()（）]+?)[（(](?P<unit>[^()（）]{1,4})[)）]$")


def _readable(printed: str) -> tuple[str, bool]:
    """The text to parse for the value: whitespace and breaks dropped, `3.17(万人)` unbracketed."""
    compact = "".join(printed.split())  # re's \s, char for char, and faster than a sub
    if match := _PAREN_UNIT.match(compact):
        compact = match["num"] + match["unit"]
    if parse_quantity(compact).kind is _TEXT_KIND and (fixed := ocr_repaired(compact)):
        return fixed, True
    if compact in ("O", "〇"):  # a zero an OCR engine read as a letter, alone in a money or score cell
        return "0", True
    return compact, False


def is_blank(cell: Cell | None) -> bool:
    return cell is None or bool(_EMPTY.match(cell.text)) or bool(TEMPLATE.search(cell.text))


def cell_figure(
    cell: Cell | None,
    found_by: str,
    *,
    op_cell: Cell | None = None,
    unit_cell: Cell | None = None,
    source: str | None = None,
) -> Figure | None:
    """The figure a cell prints, or None for an empty, dash or template-instruction cell.

    Cells may have been found in the simplified view of a traditional-character text; `source` is the
    text spans index, and the figure quotes it.
    """
    if cell is None or is_blank(cell) or _SPANS_CELLS.search(cell.text):
        return None
    readable, repaired = _readable(cell.text)
    quantity = parse_quantity(readable)
    if quantity.kind is _TEXT_KIND and (counted := _COUNT.match(readable)):  # 46200册: a unit the parser lacks
        number = parse_quantity(counted["number"])
        quantity = Quantity(value=number.value, unit=counted["unit"], op=number.op, kind=Kind.NUMBER)
    elif quantity.kind is _TEXT_KIND and (qualified := QUALIFIED_PERCENT.match(readable)):  # 100%覆盖
        quantity = Quantity(value=float(qualified["number"]), unit="%", op=None, kind=Kind.PERCENT)
    op, unit, kind = quantity.op, quantity.unit, quantity.kind
    merged = []
    if op is None and op_cell is not None and (op := op_of(op_cell.text)) is not None:
        merged.append("op")
    if unit is None and unit_cell is not None and unit_cell.text and quantity.value is not None:
        unit = "%" if unit_cell.text in ("%", "百分比") else unit_cell.text
        kind = Kind.PERCENT if unit == "%" else kind
        merged.append("unit")
    elif unit in _SCALES and unit_cell is not None and _UNIT_AFTER_SCALE.match(unit_cell.text):
        unit += unit_cell.text  # `1亿` over `元`: 1亿元 (the scale and the column's unit make one)
        merged.append("unit")
    suffix = ("+" + "+".join(merged) if merged else "") + ("+ocr" if repaired else "")
    printed = source[cell.start : cell.end] if source is not None else cell.text
    return built_figure(printed, quantity.value, unit, op, kind, cell.start, cell.end, found_by + suffix)


def money_figure(cell: Cell | None, found_by: str, table_unit: str, source: str | None = None) -> Figure | None:
    """An amount in 万元; a table headed 单位：元 has its values converted (the text stays as printed)."""
    figure = cell_figure(cell, found_by, source=source)
    if figure is None or figure.value is None:
        return figure
    if figure.unit == "万":  # `2847.15万`: 万元 whatever the header says
        figure.unit = "万元"
    if figure.unit in (None, "元", "万元", "千元", "亿元"):
        figure.value = to_wan_yuan(figure.value, figure.unit or table_unit)
        figure.unit = "万元"
    return figure


_COMPLETION = re.compile(r"^(?:已|基本)?(?:完成|达到|达成)?(?P<percent>\d+(?:\.\d+)?%)$")


def completion_figure(cell: Cell | None, found_by: str, source: str | None = None) -> Figure | None:
    """A 实施进度 cell's percent (`已完成100%`, `85%`) at its own span; any other wording is no figure."""
    if cell is None:
        return None
    match = _COMPLETION.match("".join(cell.text.split()))
    if match is None or cell.text.strip() != "".join(cell.text.split()):
        return None
    start = cell.start + match.start("percent")
    return cell_figure(Cell(match["percent"], start, cell.end), found_by, source=source)


def percent_figure(cell: Cell | None, found_by: str, source: str | None = None) -> Figure | None:
    """A rate column: `95.13%`, or `95.13` under a header that says the column is a percentage."""
    figure = cell_figure(cell, found_by, source=source)
    if figure is not None and figure.value is not None and figure.unit is None:
        figure.unit, figure.kind = "%", Kind.PERCENT
    return figure


def drop_cut_cell(row: Row) -> None:
    """The document ends inside this row: its last cell may be cut mid-number, so it is not read. A name cut
    mid-word (`公众满` and the end) holds no number: kept as printed, the row an indicator with its levels only
    (a row of no level cell, a cut word alone, is no indicator)."""
    if row.partial and row.cells:
        last = max(row.cells, key=lambda role: row.cells[role].start)
        if last is not Role.NAME or not (Role.LEVEL1 in row.cells or Role.LEVEL2 in row.cells):
            del row.cells[last]
        row.partial = False  # dropped once, whoever reads the row next
