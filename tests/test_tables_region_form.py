"""A 区域绩效目标自评表 dumped a cell per line whose only points column, 自评得分, is headed beside the form's first
row: every indicator row's last number is its score; the funding block is 预算数 / 执行数 label-amount pairs."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents import load_document
from jixiao.documents.normalize import normalize
from jixiao.documents.tables import Role, find_tables
from jixiao.extract import extract

CELLS = [
    "食品抽检补助资金区域绩效目标自评表",
    "专项名称", "食品抽检补助资金", "中央主管部门", "市场监管总局", "自评得分",
    "省级财政部门", "某省财政厅", "省级主管部门", "某省市场监管局", "97",
    "预算执行情况", "预算数:", "12.50", "执行数:", "12.00", "19",
    "其中:中央补助", "12.50万元", "其中:中央补助", "12.00万元",
    "年度目标完成情况", "预期目标", "目标实际完成情况", "20",
    "目标1:完成年度抽检任务。", "目标1:完成年度抽检任务。",
    "年度绩效指标完成情况", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成指标值", "48",
    "产出指标", "数量指标", "指标1:食品抽检批次", "500批", "520批", "10",
    "指标2:不合格食品核查处置率", "100%", "100%", "10",
    "时效指标", "指标1:抽检任务完成时间", "2023年11月30日", "2023年11月30日", "8",
    "效益指标", "社会效益指标", "指标1:公众食品安全知晓率", "逐步提高", "逐步提高", "10",
]  # fmt: skip
FORM = "\n\n".join(CELLS) + "\n\n填报日期:2024年3月1日\n"


def test_the_forms_side_score_column_gives_each_row_its_score() -> None:
    text, origin = normalize(FORM)
    (table,) = [table for table in find_tables(text, origin) if Role.NAME in table.columns]
    assert table.columns[-2:] == [Role.ACTUAL, Role.SCORE] and Role.WEIGHT not in table.columns
    rows = [{role.value: cell.text for role, cell in row.cells.items()} for row in table.rows]
    assert [(row["name"], row["score"]) for row in rows] == [
        ("指标1:食品抽检批次", "10"),
        ("指标2:不合格食品核查处置率", "10"),
        ("指标1:抽检任务完成时间", "8"),
        ("指标1:公众食品安全知晓率", "10"),
    ]
    assert rows[3]["target"] == rows[3]["actual"] == "逐步提高"


def test_without_a_side_score_header_the_numbers_stay_unread() -> None:
    text, origin = normalize(FORM.replace("自评得分", "联系电话"))
    (table,) = [table for table in find_tables(text, origin) if Role.NAME in table.columns]
    assert Role.SCORE not in table.columns
    assert all(Role.SCORE not in row.cells for row in table.rows)


def test_the_two_column_funding_pairs_give_totals_and_sources(tmp_path: Path) -> None:
    path = tmp_path / "region_form.txt"
    path.write_text(FORM, encoding="utf-8")
    funding = extract(load_document(path), "rules").funding
    assert funding.budget.total is not None and funding.budget.total.value == 12.5
    assert funding.executed.total is not None and funding.executed.total.value == 12.0
    assert [(s.source.value, s.name, s.amount.value) for s in funding.budget.by_source] == [
        ("central", "中央补助", 12.5)
    ]
    assert [s.amount.value for s in funding.executed.by_source] == [12.0]
    assert funding.execution_score is None  # the block's 19: its 分值 is printed nowhere, so it is not read
