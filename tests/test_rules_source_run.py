"""A squashed 湖北 form's funding row: its heads, their units, then only the filled cells (source_run_funding)."""

from __future__ import annotations

from jixiao.extract.rules.source_run_funding import source_run_funding
from reading import read

RUN = (
    "项目资金 1、常年性 √ 中央 省、地 本级 其他 合计 执行数 (万元) (万元) (万元) (万元) (万元) (万元) 12.8 12.8"
    "来源 项目年度目标 3、一次性□ 12.8 执行率 100% 1. 完成堤防巡查。\n"
)


def test_one_amount_throughout_at_a_full_rate_is_the_budget_and_the_executed_amount() -> None:
    funding = source_run_funding(read(RUN))
    assert funding is not None and funding.budget.total is not None and funding.executed.total is not None
    assert (funding.budget.total.value, funding.executed.total.value) == (12.8, 12.8)
    assert funding.execution_rate is not None and funding.execution_rate.value == 100


def test_several_amounts_or_a_rate_below_full_settle_nothing() -> None:
    assert source_run_funding(read(RUN.replace("12.8 12.8来源", "2.8 12.8来源"))) is None  # which is the 合计?
    assert source_run_funding(read(RUN.replace("执行率 100%", "执行率 90%"))) is None  # 执行数 may be empty
    assert source_run_funding(read(RUN.replace("执行率 100%", ""))) is None
