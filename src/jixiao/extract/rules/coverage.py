"""Coverage: how much of what a document prints the rules backend read, and where the rest is.

A reviewer (and the hybrid backend's model pass) needs to know exactly what was not read. The figures that
count are the values a table prints (every value cell of every rebuilt row, and value pieces no row took)
and, outside the tables, the amounts, rates and counts the prose of the funding and indicator passages states
(a number with a unit: 万元, %, 人, 户 …, in a sentence about budgets, spending, targets or scores; years,
dates, document numbers and telephone numbers are not figures of the report). A figure is read
when a figure of the report stands on it. Rows and sentences holding figures of which none was read are the
unread spans.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator

from jixiao.documents.tables import Role, Table
from jixiao.model import Coverage, Report, Span, figures_in
from jixiao.numbers import QUANTITY, parse_quantity

_VALUE_ROLES = frozenset(
    {Role.TARGET, Role.ACTUAL, Role.COMPLETION, Role.WEIGHT, Role.SCORE, Role.RATE, Role.INITIAL_BUDGET, Role.BUDGET,
     Role.ALLOCATED, Role.EXECUTED}
)  # fmt: skip
_PROSE_UNIT = re.compile(r"万元|亿元|元|%|万人|人次|人|户|个|家|所|项|亩|公里|座|台|件|份|次|篇|吨|辆|套|天|分")
_NOT_A_FIGURE = re.compile(r"^(?:19|20)\d{2}年?$|^\d{1,2}月|号$")
_SENTENCE_END = re.compile(r"[。；;\n]")
"""A sentence is a run of chars between these (a 。, a ；, a line break)."""
_TO_LAST_END = re.compile(r"(?s:.*)[。；;\n]")
_MAY_COUNT = re.compile(r"\d\s*[万亿元%人户个家所项亩公座台件份次篇吨辆套天分]")
"""What a counted figure needs: QUANTITY's `num` ends in a digit (the same \\d), then `\\s*` and its unit, which
_PROSE_UNIT starts with one of these chars. A sentence without it holds no figure to count: it is not scanned."""
_ABOUT = re.compile(r"预算|执行|支出|资金|拨付|下达|到位|指标|完成|目标|实际|得分|满意度|执行率")
"""A sentence of the funding or indicator passages (project background and history are not)."""


class _Spans:
    """Spans sorted once, for many overlap questions (a long report holds thousands of figures)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.reach = list(itertools.accumulate((b for _, b in self.spans), max))  # furthest end so far

    def gaps(self, length: int) -> Iterator[tuple[int, int]]:
        """The stretches of text[:length] that no span of some length covers, in order."""
        position = 0
        for start, end in self.spans:
            if end > start:
                if start > position:
                    yield position, start
                position = max(position, end)
        if position < length:
            yield position, length

    def overlaps(self, span: tuple[int, int]) -> bool:
        start, end = span
        index = bisect.bisect_left(self.starts, end) - 1  # the last span starting before `end`
        while index >= 0 and self.reach[index] > start:
            if self.spans[index][1] > start:
                return True
            index -= 1
        return False


def _table_values(tables: Iterable[Table]) -> tuple[list[tuple[int, int]], list[list[tuple[int, int]]]]:
    """Every value a table prints, and the value spans of each row (rows and stray pieces alike)."""
    values: list[tuple[int, int]] = []
    groups: list[list[tuple[int, int]]] = []
    for table in tables:
        for row in table.rows:
            spans = [(cell.start, cell.end) for role, cell in row.cells.items() if role in _VALUE_ROLES]
            spans = [span for span in spans if span[1] > span[0]]
            values += spans
            if spans:
                groups.append([(row.start, row.end), *spans])
        values += table.skipped
        groups += [[span, span] for span in table.skipped]
    return values, groups


def _counting_sentences(text: str, regions: _Spans) -> Iterator[tuple[int, int]]:
    """The spans of the sentences that may hold a counted figure, in order: each holding the start of a match
    of _MAY_COUNT in the text between the tables. A sentence whose own text matches holds such a start (a match
    starts at a digit and runs over spaces to its unit, so no earlier match covers that digit); a sentence
    outside every table lies between two of them. Most of a report's sentences (a table's lines) are never
    visited one by one."""
    end = 0  # where the last sentence visited ends (at a sentence mark: the next one starts after it)
    for gap_start, gap_end in regions.gaps(len(text)):
        for hit in _MAY_COUNT.finditer(text, gap_start, gap_end):
            if hit.start() < end:
                continue  # in the sentence visited last
            last = _TO_LAST_END.match(text, end, hit.start())
            start = last.end() if last else end
            stop = _SENTENCE_END.search(text, hit.start())
            end = stop.start() if stop else len(text)
            yield start, end


def _prose_figures(text: str, tables: list[Table]) -> list[tuple[tuple[int, int], list[tuple[int, int]]]]:
    """(sentence span, figure spans) of each sentence outside the tables that states a figure."""
    regions = _Spans((table.start, table.end) for table in tables)
    found = []
    for span in _counting_sentences(text, regions):
        if regions.overlaps(span) or _MAY_COUNT.search(text, *span) is None or not _ABOUT.search(text, *span):
            continue  # a table's line first (one bisect), then: a figure counted here is an arabic number
            # (`num`) with a unit, and most sentences hold none
        figures = []
        for match in QUANTITY.finditer(text, *span):
            printed = match.group(0).strip()
            unit = match["unit"] or ""
            if match["num"] is None or not _PROSE_UNIT.fullmatch(unit) or _NOT_A_FIGURE.search(printed):
                continue
            figures.append(match.span())
        if figures:
            found.append((span, figures))
    return found


def measure(text: str, report: Report, tables: list[Table]) -> Coverage:
    """The report's coverage of `text` (Document.text), given the tables the reader rebuilt."""
    figures = figures_in(report)
    read = _Spans([(f.span.start, f.span.end) for f in figures if f.span is not None])
    known = {round(f.value, 6) for f in figures if f.value is not None}
    values, groups = _table_values(tables)
    prose = _prose_figures(text, tables)

    def was_read(span: tuple[int, int]) -> bool:
        """Read where it stands, or (a figure the prose restates) read elsewhere."""
        if read.overlaps(span):
            return True
        value = parse_quantity(text[span[0] : span[1]].strip()).value
        return value is not None and round(value, 6) in known

    printed = values + [figure for _, spans in prose for figure in spans]
    unread: list[tuple[int, int]] = []
    for group in groups:
        if not any(read.overlaps(span) for span in group[1:]):
            unread.append(group[0])
    for sentence, spans in prose:
        if not any(was_read(figure) for figure in spans):
            unread.append(sentence)
    return Coverage(
        figures=len(printed),
        read=sum(was_read(span) for span in printed),
        unread=[Span(start=a, end=b) for a, b in _merged(unread)],
    )


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans joined, in order (a row and its stray pieces are one passage)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
