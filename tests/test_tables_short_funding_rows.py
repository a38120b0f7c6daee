"""A squashed funding row one value short, the empty cell an early money column (the form's 年初预算数 left
blank): its values placed from the right when the rate bears that out, the amount before 执行数 unread."""

from __future__ import annotations

from jixiao.documents.tables import Kind, Role
from reading import tables_of

FORM = """项目支出绩效自评表
项目名称 乡镇文化站设备更新
项目资金 (万元)
年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额
48.6 47.3 10 97.33% 9.7
一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分
产出指标 数量指标 更新设备套数 12套 12套 20 20
"""


def _funding_rows(raw: str) -> list[dict[Role, str]]:
    funding = [table for table in tables_of(raw) if table.kind is Kind.FUNDING]
    assert len(funding) == 1
    return [{role: cell.text for role, cell in row.cells.items()} for row in funding[0].rows]


def test_a_row_short_of_an_early_cell_is_placed_from_the_right_when_its_rate_agrees() -> None:
    (row,) = _funding_rows(FORM)
    assert row == {
        Role.LABEL: "年度资金总额",
        Role.EXECUTED: "47.3",
        Role.WEIGHT: "10",
        Role.RATE: "97.33%",
        Role.SCORE: "9.7",
    }  # 47.3 / 48.6 = 97.33%; whether 48.6 was 年初 or 全年 the row does not say


def test_a_row_whose_rate_agrees_with_no_placement_is_not_read() -> None:
    (row,) = _funding_rows(FORM.replace("97.33%", "88.00%"))
    assert row == {Role.LABEL: "年度资金总额"}
