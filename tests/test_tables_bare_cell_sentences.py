"""A scoring sheet dumped one cell per line between blank lines (T2): a scoring rule of several clauses with
points in brackets is one cell, and the bare score after it is the next cell, never the rule's last word."""

from __future__ import annotations

from jixiao.documents.normalize import normalize
from jixiao.documents.tables import Kind, Role
from reading import tables_of

SHEET = "\n\n".join(
    [
        "序号", "一级指标", "二级指标", "三级指标", "指标分值", "指标解释", "评分标准", "自评得分",
        "1", "决策", "目标设定", "目标合理性", "4", "是否设置年度目标,目标是否合理。",
        "1、设置年度目标(2分,其中整体目标1分,项目目标1分) 2、依据充分(1分) 3、未设置目标,该项不得分", "3",
        "2", "目标明确性", "2", "目标是否细化、量化。", "目标细化、量化(2分);", "2",
        "3", "过程", "资金管理", "资金到位率", "5", "到位资金与预算的比率。",
        "1、资金全部到位(3分,每少10%扣1分",
    ]
)  # fmt: skip


def test_a_rule_of_clauses_alone_between_blank_lines_is_one_cell_and_the_score_after_it_another() -> None:
    text, _ = normalize(SHEET)
    assert "该项不得分\n\n3\n" in text
    (table,) = [table for table in tables_of(SHEET) if table.kind is Kind.INDICATORS]
    rows = [{role: cell.text for role, cell in row.cells.items()} for row in table.rows]
    assert [(row[Role.NAME], row[Role.WEIGHT], row.get(Role.SCORE)) for row in rows] == [
        ("目标合理性", "4", "3"),
        ("目标明确性", "2", "2"),
        ("资金到位率", "5", None),  # the sheet is cut inside the rule: no score, none read from the rule's `1分`
    ]
