"""Table layouts of the metamorphic eval met in held-out sets 10–12 that `layouts` did not draw.

Each rewrites a pipe dump's rows the way another route prints the same table: a spreadsheet saved as text
(cells padded with spaces), an HTML table whose merged 一级/二级 cells come out once, a 指标值 printed in
three cells (`≥ | 95 | %`), page breaks inside a table (a page line, the header row again), full-width
digits in cells and traditional script. None of them edits a figure beyond its width or script, which
`layouts.lost_figures` folds away before it compares.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache

import opencc

from jixiao.documents.page_width import display_width
from jixiao.evaluation.pipe_rows import cell_per_line, cells, is_row

_CELL_WIDTH = 24  # a spreadsheet column is at most this wide when saved as text; longer cells overflow


def _runs(lines: Sequence[str]) -> Iterator[tuple[bool, list[str]]]:
    """The lines in runs: (True, a table's consecutive rows) or (False, one other line)."""
    run: list[str] = []
    for line in lines:
        if is_row(line):
            run.append(line)
            continue
        if run:
            yield True, run
            run = []
        yield False, [line]
    if run:
        yield True, run


def per_table(text: str, render: Callable[[list[list[str]]], list[str] | None]) -> str:
    """`render` applied to each table (its rows as cells; None leaves the table as printed); a dump of one cell
    per line is left as it is."""
    if cell_per_line(text):
        return text
    out: list[str] = []
    for table, run in _runs(text.split("\n")):
        out.extend((render([cells(line) for line in run]) or run) if table else run)
    return "\n".join(out)


def piped(row: Sequence[str]) -> str:
    return " | ".join(row) + " |"


def spaced(text: str, keep: Sequence[str] = ()) -> str:
    """A spreadsheet saved as text: each cell padded to its column's width, columns two spaces apart, so an
    empty cell (a merged 一级/二级 cell, the padding) is a run of spaces; no bars."""

    def render(rows: list[list[str]]) -> list[str]:
        widths: dict[int, int] = {}
        for row in rows:
            for at, cell in enumerate(row):
                widths[at] = max(widths.get(at, 0), min(display_width(cell), _CELL_WIDTH))
        return [
            "  ".join(cell + " " * max(0, widths[at] - display_width(cell)) for at, cell in enumerate(row)).rstrip()
            for row in rows
        ]

    return per_table(text, render)


def _merged(rows: list[list[str]]) -> list[list[str]]:
    """Each row's leading empty cells left out where they stand under a filled or merged cell of a row as wide
    (an HTML table prints a merged cell once, on its first row); a row under a shorter one keeps them (a
    funding row whose label is on the line above, an empty 年初预算数 cell)."""
    out: list[list[str]] = []
    above: list[str] = []
    above_lead = 0
    for row in rows:
        lead = 0
        while lead < len(row) - 1 and not row[lead]:
            lead += 1
        spanned = lead and len(above) > lead and all(above[at] or at < above_lead for at in range(lead))
        out.append(row[lead:] if spanned and any(row) else row)
        if any(row):
            above, above_lead = row, lead
    return out


def merged_cells(text: str, keep: Sequence[str] = ()) -> str:
    """Merged cells printed once: the rows under a 一级/二级 cell start at their own first cell."""
    return per_table(text, lambda rows: [piped(row) for row in _merged(rows)])


def merged_cell_lines(text: str, keep: Sequence[str] = ()) -> str:
    """One cell per line, a blank line between cells, no bars, merged cells printed once (on their first row)
    and the empty cells a row ends with left out."""

    def render(rows: list[list[str]]) -> list[str]:
        out: list[str] = []
        for row in _merged(rows):
            while len(row) > 1 and not row[-1]:
                row = row[:-1]
            out.extend(line for cell in row for line in (cell or "  ", ""))
        return out

    return per_table(text, render)


TARGET_HEAD = re.compile(r"(?:年度|预期|计划|全年)?(?:指标值|目标值)(?:[（(].*)?")
TARGET = re.compile(r"([≥≤><=]?)\s*(-?\d[\d,]*(?:\.\d+)?)\s*(\S{0,6})")
# 产出指标, 数量指标(20分), or a merged cell left empty
_LEVEL_CELL = re.compile(r"[^|]{0,8}指标(?:[（(][^)）]*[)）])?|")
_BELOW_TABLE = re.compile(r"合计|总分|总计|评价|自评|结论|说明|存在|问题|改进")


def _target_cells(cell: str) -> list[str]:
    match = TARGET.fullmatch(cell)
    if match is None or re.search(r"\d", match.group(3)):
        return [cell, "", ""]
    return list(match.groups())


def _figure_like(cell: str) -> bool:
    return TARGET.fullmatch(cell) is not None or cell[:1] in "≥≤><="


def _split_rows(rows: list[list[str]], column: int) -> list[list[str]] | None:
    """The indicator rows under a header with their target cell split, up to the first row below the table;
    None where a row's merged cells were left out (a figure stands before the header's column, or the row
    stops short of it: its target is elsewhere)."""
    out: list[list[str]] = []
    for at, row in enumerate(rows):
        if row and _BELOW_TABLE.match(row[0]):
            return out + rows[at:]
        if not any(row):
            out.append(row)
            continue
        if len(row) <= column or _figure_like(row[column - 1]) or not _LEVEL_CELL.fullmatch(row[0]):
            return None
        out.append([*row[:column], *_target_cells(row[column]), *row[column + 1 :]] if column < len(row) else row)
    return out


def split_targets(text: str, keep: Sequence[str] = ()) -> str:
    """A 指标值 printed in three cells, comparator, number and unit (`≥ | 95 | %`), its header cell spanning them;
    a text target (`好`) keeps one cell and two empty ones. A table whose rows leave merged cells out (the
    target's column is not known) is left as it is."""

    def render(rows: list[list[str]]) -> list[str] | None:
        for at, row in enumerate(rows):
            heads = [column for column, cell in enumerate(row) if TARGET_HEAD.fullmatch(cell.replace(" ", ""))]
            if not heads:
                continue
            split = _split_rows(rows[at + 1 :], heads[0])
            if split is not None:
                header = [*row[: heads[0] + 1], "", "", *row[heads[0] + 1 :]]
                return [piped(row) for row in [*rows[:at], header, *split]]
            break
        return None

    return per_table(text, render)


_PAGE_ROWS = 6  # rows of a table on a page, kept short so most tables break at least once
_NAME_HEAD = re.compile(r"三级指标|指标名称|指标内容")
_NEXT_TABLE = re.compile(r".*表|项目名称.*|序号")  # the title, first field or first column of the next table
_HEADER_CELLS = 5  # at least name, target, actual and two more (levels, points)


def _full_header(row: Sequence[str]) -> bool:
    """An indicator header printed whole on its line (its name and target columns; not a block label alone,
    not the first half of a header wrapped over two lines)."""
    heads = [cell.replace(" ", "") for cell in row if cell]
    named = any(_NAME_HEAD.fullmatch(cell) for cell in heads)
    return len(heads) >= _HEADER_CELLS and named and any(TARGET_HEAD.fullmatch(cell) for cell in heads)


def page_breaks(text: str, keep: Sequence[str] = ()) -> str:
    """A table broken over pages: every few rows a page line (`第 2 页 共 4 页`, `- 3 -`) and, once the
    indicator header has been printed whole on a line, that header row again, as a Word or PDF page prints it."""

    def render(rows: list[list[str]]) -> list[str]:
        pages = len(rows) // _PAGE_ROWS + 1
        header: list[str] | None = None
        out: list[str] = []
        for at, row in enumerate(rows):
            if at and at % _PAGE_ROWS == 0:
                page = at // _PAGE_ROWS + 1
                out.append(f"第 {page} 页 共 {pages} 页" if page % 2 else f"- {page} -")
                if header is not None:
                    out.append(piped(header))
            if _full_header(row):
                header = row
            elif row and _NEXT_TABLE.fullmatch(row[0]):
                header = None
            out.append(piped(row))
        return out

    return per_table(text, render)


_WIDE = {code: code + 0xFEE0 for code in [*range(0x30, 0x3A), *range(0x41, 0x5B), *range(0x61, 0x7B), ord("%")]}


def fullwidth_cells(text: str, keep: Sequence[str] = ()) -> str:
    """Digits, Latin letters and `%` of table rows written full-width (`９５％`), as some converters print cells."""
    return "\n".join(line.translate(_WIDE) if is_row(line) else line for line in text.split("\n"))


@cache
def _to_traditional() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")  # ships with the package: no download


def traditional(text: str, keep: Sequence[str] = ()) -> str:
    """The whole text in traditional script (OpenCC `s2t`), as a converter or a Hong Kong/Taiwan template prints it."""
    return str(_to_traditional().convert(text))
