"""Classes of wrong outputs held-out sets met at first sight (eval/heldout/README.md, "First-sight errors"),
each in our own words and figures: what cannot be surely attributed stays out."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.extract.rules.score import extract_score
from jixiao.model import Figure
from reading import funding_of, header_of, rules_report


@pytest.mark.parametrize(
    "title",
    [
        "北山县文化馆2021年度专项经费绩效自评报告",
        "清河县2022年度财政支出政策绩效自评报告",
        "东兴区卫生健康局2023年度财政专项支出绩效自评报告",
        "长岭县2022年度一般公共预算项目支出绩效自评报告",
        "平水县2021年度政府性基金项目支出绩效自评报告",
        "北林区2023年度重点项目支出绩效评价报告",
    ],
)
def test_a_title_naming_only_a_kind_of_money_names_no_fund(title: str) -> None:
    header = header_of(f"{title}\n一、基本情况\n2022年预算安排30万元，实际支出28万元。\n")
    assert header.fund is None
    assert header.region is not None  # the place before those words is still read


def test_a_fund_named_beside_the_kind_of_money_is_kept() -> None:
    header = header_of("北山县文化馆2021年度非遗传承专项经费绩效自评报告\n一、基本情况\n")
    assert header.fund == "非遗传承专项经费"


@pytest.mark.parametrize("slogan", ["文化强市", "教育强县", "农业大县", "体育强省"])
def test_a_goal_shaped_like_a_place_is_no_region(slogan: str) -> None:
    header = header_of(f"{slogan}转移支付2022年度绩效自评报告\n2022年下达资金300万元，实际支出288万元。\n")
    assert header.region is None
    assert header.fund == f"{slogan}转移支付"


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度县级配套安排的资金为60万元，指标评价得分6分。",
        "资金到位及时，该项得分8分。",
        "预算执行率为95%，本项指标得分9.5分。",
    ],
)
def test_an_items_score_is_not_the_reports_total(sentence: str) -> None:
    score, _ = extract_score(f"一、基本情况\n{sentence}\n")
    assert score is None


def test_the_sheets_indicator_score_is_still_the_total() -> None:
    score, _ = extract_score("一、基本情况\n经综合评价，项目绩效指标得分92分。\n")
    assert score is not None and score.value == 92.0


def test_the_reports_own_score_after_an_items_score_is_read() -> None:
    score, grade = extract_score("一、基本情况\n资金到位及时，该项得分8分。项目自评得分92分，等级为优。\n")
    assert score is not None and score.value == 92.0
    assert grade is not None and grade.text == "优"


def test_named_uses_that_add_up_to_no_stated_total_give_no_executed_total() -> None:
    funding, spending = funding_of(
        "县财政安排森林防火专项资金60万元。全年累计支出防火物资采购12.30万元，宣传资料印刷费用4.50万元，"
        "扑火队员开支26.80万元。\n"
    )
    assert funding.budget.total is not None and funding.budget.total.value == 60.0
    assert funding.executed.total is None  # the first use is no total, and their sum is not printed
    assert spending == []
    funding, _ = funding_of("县财政安排森林防火专项资金60万元。全年累计支出55万元，执行率91.67%。\n")
    assert funding.executed.total is not None and funding.executed.total.value == 55.0


@pytest.mark.parametrize(
    ("unit", "region"),
    [("河原市自然资源局北岭分局", None), ("河原市市场监督管理局高新区分局", "高新区"), ("河原市自然资源局", "河原市")],
)
def test_an_offices_branch_is_not_in_the_offices_place(unit: str, region: str | None) -> None:
    header = header_of(
        f"2023年度{unit}决算公开报告\n项目名称 | 不动产登记业务项目\n主管部门 | 河原市自然资源局 | 实施单位 | {unit}\n"
    )
    assert header.region == region


def test_one_levels_share_stated_in_a_later_sentence_is_no_initial_total() -> None:
    funding, _ = funding_of(
        "各级财政共下达我县高龄津贴资金2100万元，其中省级配套600万元、县级配套1500万元。"
        "2022年年初预算县级资金1500万元，随月发放1380万元，结余120万元。\n"
    )
    assert funding.initial.total is None  # the county's share, not the whole's initial budget
    assert funding.allocated.total is not None and funding.allocated.total.value == 2100.0


_FIELDS = ("name", "target", "actual", "weight", "score")


def _rows(tmp_path: Path, raw: str) -> list[tuple[str | None, ...]]:
    return [
        tuple(value.text if isinstance(value, Figure) else value for value in (getattr(i, f) for f in _FIELDS))
        for i in rules_report(tmp_path, raw).indicators
    ]


@pytest.mark.parametrize(
    ("head", "cells"),
    [
        ("数据口径", ("民政统计", "抽样核查")),  # a column no role knows: its cells are no part of the name
        ("指标属性", ("定量", "定量")),  # what kind of indicator the row is
        ("计分方法", ("比率法", "达标法")),  # how it is scored
    ],
)
def test_a_column_between_the_name_and_the_values_is_no_part_of_either(
    tmp_path: Path, head: str, cells: tuple[str, str]
) -> None:
    rows = _rows(
        tmp_path,
        "南坪县2023年度社区养老服务补助项目绩效自评表\n"
        f"| 一级指标 | 二级指标 | 三级指标 | {head} | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
        f"| 产出指标 | 数量指标 | 服务老年人数 | {cells[0]} | ≥800人 | 812人 | 20 | 20 |\n"
        f"| 产出指标 | 质量指标 | 服务合格率 | {cells[1]} | ≥95% | 96% | 20 | 18 |\n",
    )
    assert rows == [("服务老年人数", "≥800人", "812人", "20", "20"), ("服务合格率", "≥95%", "96%", "20", "18")]


def test_a_text_column_after_the_values_is_no_indicator(tmp_path: Path) -> None:
    rows = _rows(
        tmp_path,
        "南坪县2023年度社区养老服务补助项目绩效自评表\n"
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 完成情况说明 | 分值 | 得分 |\n"
        "| 产出指标 | 数量指标 | 服务老年人数 | ≥800人 | 812人 | 已完成 | 20 | 20 |\n"
        "| 产出指标 | 质量指标 | 服务合格率 | ≥95% | 96% | 已完成 | 20 | 18 |\n",
    )
    assert rows == [("服务老年人数", "≥800人", "812人", "20", "20"), ("服务合格率", "≥95%", "96%", "20", "18")]


def test_rows_under_another_tables_header_in_unknown_words_are_no_indicators(tmp_path: Path) -> None:
    rows = _rows(
        tmp_path,
        "南川县2021年度技能培训补贴项目绩效自评表\n"
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
        "| 产出指标 | 数量指标 | 培训人数 | 1500人 | 1520人 | 20 | 20 |\n"
        "| 产出指标 | 质量指标 | 结业考核通过率 | ≥90% | 93% | 20 | 18 |\n"
        "| 培训机构 | 学校性质 | 计划人数 | 实际人数 | 补助标准(元/人) |\n"
        "| 南川县启明职业培训学校 | 民办 | 300 | 310 | 1800 |\n"
        "| 南川县远帆职业培训学校 | 民办 | 300 | 305 | 1800 |\n",
    )
    assert rows == [("培训人数", "1500人", "1520人", "20", "20"), ("结业考核通过率", "≥90%", "93%", "20", "18")]
