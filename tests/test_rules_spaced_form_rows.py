"""Rows of a 自评表 printed with pipes or spaces: a rate printed as a one-decimal fraction, a numbered row whose
values are blank, a rough count, a per-person-day cost and a year-end date (written by us, invented figures)."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents import load_document
from jixiao.extract import extract
from jixiao.model import Report

_PIPE_FUNDING = (
    "项目名称 | 某镇农机购置补助项目 | |\n"
    "预算执行情况(万元)(20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) |\n"
    "年度财政资金总额 | 400 | {executed} | 0.2 | 3.6 | |\n"
)

_SPACED = """年度绩效指标完成情况
一级指标 二级指标 三级指标 指标值 完成值
数量指标 指标1.农机手培训人数 ≥150 160余人
指标2.农机具年检台数 ≥40 52
质量指标 指标1.检修合格率 100% 100%
指标2.不合格农机处置率
指标3.补贴资金兑付准确率 100% 100%
时效指标 任务完成时间 2023年底 2023年底
成本指标 指标1.培训补助成本 ≤150元/人、天 120元/人、天
"""


def _report(raw: str, tmp_path: Path) -> Report:
    path = tmp_path / "form.txt"
    path.write_text(raw, encoding="utf-8")
    return extract(load_document(path), "rules")


def test_a_one_decimal_fraction_the_amounts_confirm_is_a_percent(tmp_path: Path) -> None:
    # 72 / 400 = 0.18: `0.2` rounded to one place stands for 0.15 … 0.25, so it is 20 %
    rate = _report(_PIPE_FUNDING.format(executed=72), tmp_path).funding.execution_rate
    assert rate is not None and rate.text == "0.2" and rate.value == 20


def test_a_one_decimal_fraction_the_amounts_deny_stays_as_printed(tmp_path: Path) -> None:
    # 120 / 400 = 0.3: no rounding of it prints 0.2, so the rate is not read as a percent
    rate = _report(_PIPE_FUNDING.format(executed=120), tmp_path).funding.execution_rate
    assert rate is not None and rate.value == 0.2


def test_spaced_rows_keep_their_levels_past_a_blank_numbered_row(tmp_path: Path) -> None:
    indicators = {ind.name: ind for ind in _report(_SPACED, tmp_path).indicators}
    # `指标2.不合格农机处置率` alone on its line is a row with blank values, never the next row's level
    assert indicators["指标3.补贴资金兑付准确率"].level2 == "质量指标"
    assert all(ind.level2 != "指标2.不合格农机处置率" for ind in indicators.values())
    trained = indicators["指标1.农机手培训人数"]
    assert trained.actual is not None and trained.actual.text == "160余人" and trained.actual.value is None
    cost = indicators["指标1.培训补助成本"]
    assert cost.target is not None and cost.target.unit == "元/人、天" and cost.target.value == 150
    assert cost.actual is not None and cost.actual.text == "120元/人、天"
    done = indicators["任务完成时间"]
    assert done.target is not None and done.target.text == "2023年底"
    assert done.actual is not None and done.actual.text == "2023年底"
