"""The funding block of Hunan's 财政支出项目绩效评价自评报告 form (财政局制), label-amount cells in a row:

    计划安排资金 (万元) | 700 | 实际到位资金 (万元) | 650 | 实际支出 (万元) | 640.5 | 结余 (万元) | 9.5 |
    其中:中央财政 | | 其中:中央财政 | | 其中:中央财政 | | 其中:中央财政 | |
    县财政 | 700 | 县财政 | 650 | 县财政 | 640.5 | 县财政 | |

Each amount stands in the cell after its label (a pipe dump may put every cell on a line of its own); each
source row repeats its label once per column: 计划安排 (budget), 实际到位 (allocated), 实际支出 (executed),
结余 (a balance no field holds). A cell that is no clean number (`7,00.0,77`, a value garbled in the
conversion) is not read.

A dump of one cell per line with no pipes (blank lines between) prints the same cells, but an empty cell
leaves no line: `县财政` / `60` / `县财政` / `县财政` / `55`. The repeated label still says whose column each
amount is (the one after the k-th label is the k-th column's).

The same form with two columns, 计划投资额 (万元) | 实际到位资金 (万元), repeats each source label twice: the
source rows are then read by that count (a label printed another number of times is no row read).

The two-column form may print 实际支出 (万元) as a row of its own below the source rows: those rows are then
read by the head's two columns, and the executed total has no split.

A PDF's text squashed onto lines (the 海南 form: 计划投资额 / 实际到位资金 / 实际使用情况) glues each amount after its
label: the three totals are read when all three are printed so. Its source rows follow glued too, each label
printed three times in a run with the column's amount (if any) after each printing
(`其中:中央财政其中:中央财政其中:中央财政市县财政预算60.00市县财政预算48.30市县财政预算48.30`): the rows are read
while they follow one another from the totals on, every label thrice.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import figure_at
from jixiao.model import Figure, Funding, FundingLine, SourceAmount
from jixiao.vocabulary import row_source_of, source_label

FOUND_BY = "form.paired_funding"
_AMOUNT = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_CLOSED = r"(?=[ \t]*(?:\||\n|$))"  # the amount fills its cell
_LABELS = (("计划安排资金|计划投资额?", "budget"), ("实际到位资金", "allocated"), ("实际支出|实际使用情况", "executed"))
_TOTAL = {label: re.compile(rf"(?:{label})\s*[（(]万元[)）][ \t]*[|\n]\s*{_AMOUNT}{_CLOSED}") for label, _ in _LABELS}
# a PDF's text squashed (T4): `计划投资额(万元)60.00实际到位资金(万元)48.30实际使用情况(万元)48.30其中:…`
_GLUED_TOTAL = {label: re.compile(rf"(?:{label})[（(]万元[)）]{_AMOUNT}(?=[\u4e00-\u9fff])") for label, _ in _LABELS}
_COLUMN = re.compile(r"(?:计划安排资金|计划投资额?|实际到位资金|实际支出|实际使用情况|结余)\s*[（(]万元[)）]")
_CELL = r"[ \t]*\|\s*([^|\n]*?)[ \t]*\|\s*"
_LABEL = r"(?:其中[:：])?[\u4e00-\u9fff][\u4e00-\u9fff()（）]{1,9}?"  # 县(市)财政: a level's alternative in brackets
_SOURCE_ROW = re.compile(rf"(?<![\u4e00-\u9fff])({_LABEL}){_CELL}\1{_CELL}\1{_CELL}\1[ \t]*\|")
_LINE = r"[ \t]*\n\s*"
_MAYBE = rf"(?:{_AMOUNT}{_LINE})?"  # a line-per-cell dump prints no line for an empty cell
_SOURCE_LINES = re.compile(
    rf"(?<![\u4e00-\u9fff])({_LABEL}){_LINE}{_MAYBE}\1{_LINE}{_MAYBE}\1{_LINE}{_MAYBE}\1"
    rf"[ \t]*(?=\n|$)"
)
_BLOCK_END = re.compile(r"\n[ \t]*[二三四五六七八九十]、")
_CLEAN = re.compile(_AMOUNT)


def planned_funding(text: str) -> Funding | None:
    """The funding block of the 计划安排资金 form, or None when the text prints none (or no clean amount)."""
    if ("计划安排资金" not in text and "计划投资" not in text) or "实际到位资金" not in text:
        return None
    funding = Funding()
    lines: dict[str, FundingLine] = {
        "budget": funding.budget,
        "allocated": funding.allocated,
        "executed": funding.executed,
    }
    totals = [(found, line) for label, line in _LABELS if (found := _TOTAL[label].search(text)) is not None]
    if not totals:
        return _glued_totals(text, funding, lines)
    for found, line in totals:
        lines[line].total = _figure(text, found.start(1), found.end(1))
    first = min(found.start() for found, _ in totals)
    # a total printed below the source rows (`实际支出(万元) | 640.5` after the 其中 rows of two columns) heads
    # no column of them: the rows lie between the head's totals and it
    split = text.find("其中", first)
    head = [found for found, _ in totals if split < 0 or found.end() <= split] or [found for found, _ in totals]
    last = max(found.end() for found in head)
    below = [found.start() for found, _ in totals if found.start() >= last]
    end = _BLOCK_END.search(text, last)
    stop = min([end.start() if end else len(text), *below])
    rows = list(_SOURCE_ROW.finditer(text, last, stop)) or list(_SOURCE_LINES.finditer(text, last, stop))
    if not rows:
        columns = len(_COLUMN.findall(text, first, last))
        _counted_rows(text, last, stop, columns, [lines[line] for _, line in _LABELS])
        return funding
    for row in rows:
        source = row_source_of(row.group(1))
        if source is None:
            continue
        name = source_label(row.group(1))
        for (_, line), group in zip(_LABELS, (2, 3, 4), strict=True):
            if row.group(group) is not None and _CLEAN.fullmatch(row.group(group)):
                amount = _figure(text, row.start(group), row.end(group))
                lines[line].by_source.append(SourceAmount(source=source, name=name, amount=amount))
    return funding


def _glued_totals(text: str, funding: Funding, lines: dict[str, FundingLine]) -> Funding | None:
    """The three totals of a squashed form, each glued after its label, and the source rows glued after them."""
    found = {line: _GLUED_TOTAL[label].search(text) for label, line in _LABELS}
    if any(match is None for match in found.values()):
        return None  # all three, or the squashed text is no such form
    for line, match in found.items():
        if match is not None:
            lines[line].total = _figure(text, match.start(1), match.end(1))
    ends = [match.end() for match in found.values() if match is not None]
    _glued_rows(text, max(ends), [lines[line] for _, line in _LABELS])
    return funding


# a source row squashed: its label thrice, each printing followed by its column's amount or by nothing
_GLUED_ROW = re.compile(
    rf"(?P<label>(?:其中[:：])?[\u4e00-\u9fff]{{2,9}}?)(?P<a1>{_AMOUNT})?"
    rf"(?P=label)(?P<a2>{_AMOUNT})?(?P=label)(?P<a3>{_AMOUNT})?(?![\d.])"
)


def _glued_rows(text: str, at: int, lines: list[FundingLine]) -> None:
    """The squashed source rows that follow one another from `at` on; a label naming no source is no row
    read, and the run stops at the first text that is no such row."""
    while (row := _GLUED_ROW.match(text, at)) is not None:
        at = row.end()
        source = row_source_of(row["label"])
        if source is None:
            continue
        for line, group in zip(lines, ("a1", "a2", "a3"), strict=True):
            if row[group] is not None:
                figure = _figure(text, row.start(group), row.end(group))
                line.by_source.append(SourceAmount(source=source, name=source_label(row["label"]), amount=figure))


_CELL_TEXT = re.compile(r"[^|\n]+")


def _counted_rows(text: str, start: int, stop: int, columns: int, lines: list[FundingLine]) -> None:
    """Source rows of a form whose columns the header counts (`计划投资额 (万元) | X | 实际到位资金 (万元) | Y`):
    each source label printed once per column, the amount after its k-th printing the k-th column's."""
    if columns < 2:
        return  # one column: a label printed once says nothing of which column it is
    cells = [
        (m.group().strip(), m.start() + len(m.group()) - len(m.group().lstrip()))
        for m in _CELL_TEXT.finditer(text, start, stop)
    ]
    cells = [(cell, at) for cell, at in cells if cell]
    index = 0
    while index < len(cells):
        label = cells[index][0]
        source = row_source_of(label) if not _CLEAN.fullmatch(label) else None
        if source is None:
            index += 1
            continue
        amounts: list[tuple[str, int] | None] = []
        while index < len(cells) and cells[index][0] == label:
            following = cells[index + 1] if index + 1 < len(cells) else None
            amount = following if following is not None and _CLEAN.fullmatch(following[0]) else None
            amounts.append(amount)
            index += 2 if amount is not None else 1
        if len(amounts) != columns:
            continue
        for line, amount in zip(lines, amounts, strict=False):
            if amount is not None:
                figure = _figure(text, amount[1], amount[1] + len(amount[0]))
                line.by_source.append(SourceAmount(source=source, name=source_label(label), amount=figure))


def _figure(text: str, start: int, end: int) -> Figure:
    figure = figure_at(text, start, end, FOUND_BY)
    figure.unit = "万元"
    return figure
