"""A two-line header printed row by row at single spaces, its wrapped cells' tails on the second line.

    绩效指标 一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析及改进措施
    指标值 完成值

A web form whose header cells wrapped (`年度` over `指标值`, `实际` over `完成值`) dumps the cells' first lines
as one line and their second lines as the next. The second line holds only header words, one for each word
of the first line that is no header word on its own (a stub); read in order, each stub and its tail make the
column's name. The stub's cell, where the column stands in the first line, is the column's cell.

A PDF page breaks a squashed header line where it runs out of width, inside a word (`… 未完成原因 得分计算方` then
`法`): the line and the next, joined where the page broke them, read as one header (`header_over_lines`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.documents.tables.headers import BLOCK_LABEL, role_of, spaced_header
from jixiao.documents.tables.table import Cell, Role

_WORDS = re.compile(r"\S+")
_STUB = re.compile(r"[\u4e00-\u9fff]{1,4}")  # the first line of a wrapped header cell: a short word
_MIN_NAMED = 2  # header words the first line names on its own (fewer: no header line at all)

HeaderWord = tuple[Cell, Role | None]
"""A cell of the first line and the column it names (None: the form's block label `绩效指标` before it)."""


def wrapped_header(text: str, first: Cell, second: Cell) -> list[HeaderWord] | None:
    """The header cells of `first` when `second`, the next line, holds the tails of its wrapped cells; else
    None (most lines: a row, a sentence, a header that reads on its own)."""
    if text.count("\n", first.end, second.start) != 1 or text[first.end : second.start].strip():
        return None
    spans = _stub_roles(first.text, second.text)
    if spans is None:
        return None
    return [(Cell(first.text[a:b], first.start + a, first.start + b), role) for a, b, role in spans]


@lru_cache(maxsize=4096)
def _stub_roles(first: str, second: str) -> tuple[tuple[int, int, Role | None], ...] | None:
    tails = [role_of(word) and word for word in second.split()]
    if not tails or not all(tails):
        return None  # the second line is not header words only
    found: list[tuple[int, int, Role | None]] = []
    stubs: list[int] = []
    named = 0
    for index, match in enumerate(_WORDS.finditer(first)):
        word = match.group(0)
        if (role := role_of(word)) is not None:
            named += 1
        elif index == 0 and BLOCK_LABEL.match(word):
            pass  # the block label the form prints in the header's first cell (`绩效指标`)
        elif _STUB.fullmatch(word):
            stubs.append(len(found))
        else:
            return None
        found.append((match.start(), match.end(), role))
    if named < _MIN_NAMED or len(stubs) != len(tails):
        return None
    for at, tail in zip(stubs, tails, strict=True):
        start, end, _ = found[at]
        if (role := role_of(first[start:end] + str(tail))) is None:
            return None
        found[at] = (start, end, role)
    return tuple(found)


def header_over_lines(
    text: str, first: Cell, second: Cell, third: Cell | None = None
) -> tuple[list[HeaderWord], int] | None:
    """The header cells of `first` and `second`, the next line, when a page's width broke one header line
    between them inside a word: joined at the break, the two lines are header words only (`得分计算方` +
    `法`, `得分` + `计算方法`), or the first line of a wrapped two-line header whose tails `third` holds
    (`… 年度 实际 分值 得分 偏差原因分析及改` + `进措施`, then `指标值 完成值`). The cell across the break spans
    it. Also how many lines after `first` the header took; None for most lines (a row, a sentence, two header
    lines each whole)."""
    if not _next_line(text, first, second):
        return None
    if role_of(first.text.rsplit(None, 1)[-1]) and role_of(second.text.split(None, 1)[0]):
        return None  # the break fell between two header words: each line reads as it is
    size, used = len(first.text), 1
    spans = _joined_header(first.text, second.text)
    if spans is None and third is not None and _next_line(text, second, third):
        spans, used = _stub_roles(first.text + second.text, third.text), 2
    if spans is None:
        return None

    def at(offset: int, end: bool) -> int:
        in_first = offset <= size if end else offset < size
        return first.start + offset if in_first else second.start + offset - size

    cells = [(Cell(text[at(a, False) : at(b, True)], at(a, False), at(b, True)), role) for a, b, role in spans]
    return cells, used


def _next_line(text: str, line: Cell, following: Cell) -> bool:
    return (
        bool(following.text)
        and text.count("\n", line.end, following.start) == 1
        and not text[line.end : following.start].strip()
    )


@lru_cache(maxsize=4096)
def _joined_header(first: str, second: str) -> tuple[tuple[int, int, Role | None], ...] | None:
    joined = first + second
    words = [(match.start(), match.end()) for match in _WORDS.finditer(joined)]
    if len(words) < _MIN_NAMED + 1:
        return None
    spans = spaced_header(joined, words)
    return None if spans is None else tuple((a, b, role_of(joined[a:b])) for a, b in spans)
