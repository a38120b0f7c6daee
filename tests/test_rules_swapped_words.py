"""Readings the content swaps showed leaning on the words of the reports they were fixed on."""

from __future__ import annotations

import pytest

from jixiao.extract.rules.fund_names import subject_of
from reading import funding_of

SPLIT = (
    "青禾县{fund}绩效自评报告\n一、项目概况\n"
    "2019年{fund}共计2460万元,其中:乡镇广播站点运行维护62.5万元;县级新闻中心建设97.5万元;"
    "青禾县应急广播平台建设2300万元。\n"
)


@pytest.mark.parametrize(
    "fund", ["中央补助地方公共文化服务体系建设专项资金", "中央水土保持补助资金", "中央文化服务补助资金"]
)
def test_a_central_fund_split_into_named_parts_is_a_whole_however_short_its_name(fund: str) -> None:
    funding, spending = funding_of(SPLIT.format(fund=fund))
    assert funding.budget.total is not None and funding.budget.total.text == "2460万元"
    assert [(item.category, item.amount.text if item.amount else None) for item in spending] == [
        ("乡镇广播站点运行维护", "62.5万元"),
        ("县级新闻中心建设", "97.5万元"),
        ("青禾县应急广播平台建设", "2300万元"),
    ]


def test_a_level_s_money_with_no_name_of_its_own_split_into_parts_stays_a_source_sentence() -> None:
    _, spending = funding_of(SPLIT.format(fund="中央财政补助资金"))
    assert spending == []


@pytest.mark.parametrize("fund", ["国家基本公共卫生服务项目州级补助资金", "水土保持补助资金", "乡村文化站运行补助资金"])
def test_a_hospital_s_name_before_the_fund_it_was_given_is_no_part_of_it(fund: str) -> None:
    assert subject_of(f"青禾州第二人民医院{fund}2023年度绩效自评报告") == fund


def test_a_hospital_s_own_project_keeps_its_name() -> None:
    assert subject_of("青禾州第二人民医院门诊楼改扩建项目2023年度绩效自评报告") == "第二人民医院门诊楼改扩建项目"
