"""A two-line header printed row by row at single spaces, its wrapped cells' tails on the second line.

    绩效指标 一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析及改进措施
    指标值 完成值

A web form whose header cells wrapped (`年度` over `指标值`, `实际` over `完成值`) dumps the cells' first lines
as one line and their second lines as the next. The second line holds only header words, one for each word
of the first line that is no header word on its own (a stub); read in order, each stub and its tail make the
column's name. The stub's cell, where the column stands in the first line, is the column's cell.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.documents.tables.headers import BLOCK_LABEL, role_of
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
