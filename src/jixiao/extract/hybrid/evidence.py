"""Whether the place a model figure is printed can say what the model filed it as.

Grounding proves a figure is printed in a passage the model read; it does not prove the figure is the field
the model put it in. On the real set the 0.5B model filed `3000万元` of "每年安排3000万元用于…" as the year's
execution, `6420萬元` of "下達資金6420萬元" as the budget, the `5分` of the heading "合理性(5分)" as a target,
and turned lone amounts of sentences into indicators. A model figure fills a field only where its place says
so; otherwise it is a candidate for a reviewer:

- in a table row, the cell's column is the field's (年度指标值 for a target, 全年执行数 for the executed line)
  and the row is the item's (its 三级指标 cell names the indicator; a funding total's label is 合计 or 总额);
- in prose, the clause names the funding line with the verbs the rules grammar uses (or says the funds were
  completed, 资金完成: the executed line) and none of the words that make an amount something else (结余,
  同比, 人均…); the sentence names the indicator, spending category
  or source the figure is filed under; a target's, score's or grade's clause says it is one (计划, 得分…);
- never a figure printed inside the name it is filed under (`5分` of `合理性(5分)`).

Fields are named by the report paths the merge already uses (`funding.budget.total`, `indicators[3].actual`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jixiao.documents.tables import Role
from jixiao.extract.hybrid.passages import CellAt, Passage
from jixiao.extract.llm.grounding import fold
from jixiao.model import Figure, Span
from jixiao.vocabulary import FUNDING_TOTAL, FUNDING_VERBS, NOT_A_FUNDING_LINE

_PUNCTUATION = re.compile(r"[\s，,。.:：;；、（）()“”\"'★*·\-—]")
_CLAUSE_ENDS = "，,。；;！？!?\n"
_SENTENCE_ENDS = "。；;！？!?\n"
_NOT_A_LINE = re.compile(NOT_A_FUNDING_LINE)
_LINE_VERBS = {line: re.compile(verbs) for line, verbs in FUNDING_VERBS.items()}  # strongest first
_FUNDS_COMPLETED = re.compile(r"资金.{0,4}完成|完成.{0,4}资金")
"""`项目资金完成47.35万元`: funds said to be done with are the executed line (a verb of execution or
allocation in the clause still decides first)."""
_LINE_PATH = r"funding\.(?P<line>\w+)\.(?:total|by_source\[\d+\]\.amount)"  # funding.budget.total
_ITEM_PATH = r"\w+\[\d+\]\.(?P<name>\w+)"  # indicators[3].actual, spending[0].share, indicators[3].breakdown
_FIELD = re.compile(rf"^(?:{_LINE_PATH}|{_ITEM_PATH}|(?:funding\.)?(?P<field>\w+))$")  # or funding.execution_rate

LINE_ROLES = {
    "initial": Role.INITIAL_BUDGET,
    "budget": Role.BUDGET,
    "allocated": Role.ALLOCATED,
    "executed": Role.EXECUTED,
}
FIELD_ROLES: dict[str, frozenset[Role]] = {
    "target": frozenset({Role.TARGET}),
    "actual": frozenset({Role.ACTUAL}),
    "completion": frozenset({Role.RATE, Role.COMPLETION}),
    "weight": frozenset({Role.WEIGHT}),
    "score": frozenset({Role.SCORE}),
    "breakdown": frozenset({Role.TARGET, Role.ACTUAL}),
    "execution_rate": frozenset({Role.RATE}),
    "execution_weight": frozenset({Role.WEIGHT}),
    "execution_score": frozenset({Role.SCORE}),
    "total_score": frozenset({Role.SCORE}),
    "grade": frozenset({Role.GRADE}),
}
PROSE_WORDS = {
    "target": re.compile(r"目标|计划|指标值|预期|预计|任务|要求"),
    "execution_rate": re.compile(r"执行率|支出率|执行进度|使用率|拨付率"),
    "execution_weight": re.compile(r"分值|权重|满分"),
    "execution_score": re.compile(r"得分|得\d"),
    "total_score": re.compile(r"总分|得分|评分|自评分"),
    "grade": re.compile(r"等级|等次|评定|评为|评价为|结果为"),
}
"""The words a clause of prose prints beside a figure of these fields."""

IN_ITS_NAME = "printed inside the name it is filed under"
WRONG_COLUMN = "printed in another column of the table"
WRONG_ROW = "printed in a row that names another item"
WRONG_LINE = "its sentence does not say it is this funding line"
UNNAMED_SENTENCE = "its sentence does not name the item it is filed under"
NO_FIELD_WORD = "its sentence does not say it is this figure"


def label_key(text: str | None) -> str:
    """A name as items are paired: folded (width, script), without spacing and punctuation."""
    return _PUNCTUATION.sub("", "".join(fold(char) for char in text or ""))


def _names(owner: str, text: str) -> bool:
    """`text` names `owner` (folded, or the other way round when the model shortened a printed name)."""
    mine, printed = label_key(owner), label_key(text)
    return bool(mine) and bool(printed) and (mine in printed or printed in mine)


def prose_line(clause: str) -> str | None:
    """The funding line a clause of prose states, by the rules grammar's verbs (strongest first)."""
    if _NOT_A_LINE.search(clause):
        return None
    for line, verbs in _LINE_VERBS.items():
        if line == "budget" and _FUNDS_COMPLETED.search(clause):
            return "executed"  # 预算资金完成…: done with, not planned; 下达资金后完成… stays allocated
        if verbs.search(clause):
            return "initial" if line == "budget" and "年初" in clause else line
    return None


class Evidence:
    """The passages a model read, in the document's matching text (simplified script, same offsets)."""

    def __init__(self, text: str, passages: Sequence[Passage]) -> None:
        self.text = text
        self.passages = sorted(passages, key=lambda passage: passage.start)
        self.cells = [cell for passage in self.passages for cell in passage.cells]

    def cell(self, span: Span) -> CellAt | None:
        return next((cell for cell in self.cells if cell.start <= span.start < cell.end), None)

    def in_table(self, figure: Figure) -> bool:
        return figure.span is not None and self.cell(figure.span) is not None

    def _around(self, span: Span, ends: str) -> str:
        passage = next((p for p in self.passages if p.start <= span.start < p.end), None)
        low, high = (passage.start, passage.end) if passage else (span.start, span.end)
        start = span.start
        while start > low and self.text[start - 1] not in ends:
            start -= 1
        end = span.end
        while end < high and self.text[end] not in ends:
            end += 1
        return self.text[start:end]

    def clause(self, span: Span) -> str:
        return self._around(span, _CLAUSE_ENDS)

    def sentence(self, span: Span) -> str:
        return self._around(span, _SENTENCE_ENDS)

    def _row_names(self, cell: CellAt, role: Role, owner: str) -> bool:
        return any(
            other.row == cell.row and other.role is role and _names(owner, self.text[other.start : other.end])
            for other in self.cells
        )

    def refuses(self, path: str, figure: Figure, owner: str | None = None) -> str | None:
        """Why the figure's place cannot say it is the field at `path` (of the item named `owner`), or None."""
        span = figure.span
        if span is None:
            return None  # grounding made it a candidate already
        if owner and label_key(figure.text) and label_key(figure.text) in label_key(owner):
            return IN_ITS_NAME
        parts = _FIELD.match(path)
        line = parts.group("line") if parts else None
        field = (parts.group("name") or parts.group("field")) if parts else None
        cell = self.cell(span)
        if cell is not None:
            return self._in_table(cell, line, field, owner)
        return self._in_prose(span, line, field, owner)

    def _in_table(self, cell: CellAt, line: str | None, field: str | None, owner: str | None) -> str | None:
        roles = frozenset({LINE_ROLES[line]}) if line in LINE_ROLES else FIELD_ROLES.get(field or "", frozenset())
        if cell.role not in roles:
            return WRONG_COLUMN
        if owner:  # an indicator by its 三级指标 cell, a source by its label
            name_role = Role.LABEL if line else Role.NAME
            return None if self._row_names(cell, name_role, owner) else WRONG_ROW
        if line or field in ("execution_rate", "execution_weight", "execution_score"):
            total = any(
                other.row == cell.row
                and other.role is Role.LABEL
                and FUNDING_TOTAL.search(label_key(self.text[other.start : other.end]))
                for other in self.cells
            )
            return None if total else WRONG_ROW
        return None

    def _in_prose(self, span: Span, line: str | None, field: str | None, owner: str | None) -> str | None:
        if line and prose_line(self.clause(span)) != line:
            return WRONG_LINE
        if owner and not _names(owner, self.sentence(span)):
            return UNNAMED_SENTENCE
        words = PROSE_WORDS.get(field or "")
        if words is not None and not words.search(self.clause(span)):
            return NO_FIELD_WORD
        return None


__all__ = [
    "FIELD_ROLES",
    "IN_ITS_NAME",
    "LINE_ROLES",
    "NO_FIELD_WORD",
    "UNNAMED_SENTENCE",
    "WRONG_COLUMN",
    "WRONG_LINE",
    "WRONG_ROW",
    "Evidence",
    "label_key",
    "prose_line",
]
