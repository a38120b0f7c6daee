"""A table printed a space between cells, a row per line, every cell there: read by position (spaced_rows).

The rows keep their lines only where the normalizer sees a squashed row (enough spaces left between words).
"""

from __future__ import annotations

from jixiao.documents.tables import Kind, Role
from reading import tables_of

HEADER = (
    "一级指标 二级指标 三级指标 指标值 上年完成值 指标分值权重 指标赋分规则 佐证资料 "
    "指标实际完成值 完成率 指标得分 偏差原因\n"
)
ROWS = (
    "产出指标 数量指标 巡河次数 ≥50次 46次 30 按比例计分 巡河台账 52次 104% 30 无\n"
    "质量指标 水质达标率 ≥90% 88% 30 按比例计分 监测报告 92% 102% 30 无\n"
    "满意度指标 服务对象满意度指标 群众满意度 ≥85% 86% 20 按比例计分 问卷 90% 106% 20 无\n"
)


def _indicator_rows(raw: str) -> list[dict[Role, str]]:
    tables = [table for table in tables_of(raw) if table.kind is Kind.INDICATORS]
    return [{role: cell.text for role, cell in row.cells.items()} for table in tables for row in table.rows]


def test_each_cell_stays_in_its_column_and_last_years_value_is_no_actual() -> None:
    rows = _indicator_rows(HEADER + ROWS)
    assert [(r[Role.NAME], r[Role.TARGET], r[Role.ACTUAL], r[Role.WEIGHT], r[Role.SCORE]) for r in rows] == [
        ("巡河次数", "≥50次", "52次", "30", "30"),
        ("水质达标率", "≥90%", "92%", "30", "30"),
        ("群众满意度", "≥85%", "90%", "20", "20"),
    ]
    assert Role.LEVEL1 not in rows[1] or rows[1][Role.LEVEL1] == "产出指标"  # the merged 一级 cell: none or carried
