"""Hunan's 财政支出项目绩效评价自评报告 form: 计划安排资金 | 实际到位资金 | 实际支出 | 结余 label-amount cells, each
source row repeating its label per column; a garbled cell is not read."""

from __future__ import annotations

from jixiao.extract.rules.planned_funding import planned_funding

BLOCK = """一、项目基本概况 |
计划安排资金 (万元) |
120 |
实际到位资金 (万元) |
118.5 |
实际支出 (万元) |
1,18.,50 |
结余 (万元) |
0 |
||||||
其中:中央财政 |
|
其中:中央财政 |
|
其中:中央财政 |
|
其中:中央财政 |
|
||||||
省财政 |
80 |
省财政 |
80 |
省财政 |
80 |
省财政 |
|
||||||
县财政 |
40 |
县财政 |
38.5 |
县财政 |
3.8.5 |
县财政 |
|
||||||
二、项目支出明细情况 |
"""


def test_each_amount_after_its_label_and_each_source_per_column() -> None:
    funding = planned_funding(BLOCK)
    assert funding is not None
    assert funding.budget.total is not None and funding.budget.total.value == 120
    assert funding.allocated.total is not None and funding.allocated.total.value == 118.5
    assert funding.executed.total is None  # `1,18.,50`: garbled, not read
    budget = [(s.source.value, s.name, s.amount.value) for s in funding.budget.by_source]
    assert budget == [("provincial", "省财政", 80), ("county", "县财政", 40)]
    assert [s.amount.value for s in funding.allocated.by_source] == [80, 38.5]
    assert [s.amount.value for s in funding.executed.by_source] == [80]  # `3.8.5` left out


def test_a_text_without_the_forms_labels_gives_nothing() -> None:
    assert planned_funding(BLOCK.replace("计划安排资金", "预算安排资金")) is None
    squashed = "计划安排资金(万元)实际到位资金(万元)75实际支出(万元)89结余(万元)"  # no cell closes an amount
    assert planned_funding(squashed) is None
