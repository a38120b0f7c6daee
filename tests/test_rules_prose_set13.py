"""Header and prose phrasings first met on held-out set 13 (own words and invented figures)."""

from __future__ import annotations

from pathlib import Path

from jixiao.extract.rules.fund_names import subject_of
from jixiao.extract.rules.places import leading_places
from jixiao.model import Op
from reading import funding_of, rules_report


def test_a_copula_before_a_unit_name_is_no_place(tmp_path: Path) -> None:
    raw = "项目绩效自评报告\n一、项目概况\n该项目以一年为周期,实施主体为青州新区建设管理局。资金30万元。\n"
    assert leading_places("为青州新区建设管理局") == []
    assert rules_report(tmp_path, raw).region is None  # not `为青州`


def test_a_cover_date_line_is_not_the_year_evaluated(tmp_path: Path) -> None:
    raw = (
        "项目支出绩效自评报告\n项目名称:乡村广播维护经费\n填报日期:2031年3月2日\n白沙市财政局制\n2031年\n"
        "一、项目基本情况\n2030年度维护合同签订后,经费分季度支出。\n"
    )
    report = rules_report(tmp_path, raw)
    assert report.year == 2030
    assert report.region == "白沙市"  # the cover's issuing finance bureau, the unit's own government


def test_a_whole_and_projects_title_is_the_units_whole() -> None:
    assert subject_of("青河市水文站2030年整体和项目支出绩效自评总结报告") == "部门整体支出"
    assert subject_of("某局2030年度部门整体及项目支出绩效自评报告") == "部门整体支出"


def test_a_grade_broken_by_a_run_space_is_read_whole(tmp_path: Path) -> None:
    raw = "某中心2030年整体绩效自评报告\n部门目标完成率98%,整体绩效自评为优 秀;项目自评分数95。\n"
    report = rules_report(tmp_path, raw)
    assert report.grade is not None and report.grade.text.replace(" ", "") == "优秀"


def test_a_stated_score_field_in_prose(tmp_path: Path) -> None:
    raw = "项目支出绩效自评报告\n(一)自评分数。\n对照评分表逐项打分,自评分数96。\n"
    score = rules_report(tmp_path, raw).total_score
    assert score is not None and score.value == 96


def test_a_quota_amount_is_the_budget() -> None:
    funding, _ = funding_of("2030年度县财政安排普法经费,指标金额是85万元。\n")
    assert funding.budget.total is not None and funding.budget.total.text == "85万元"


def test_a_division_of_the_corps_is_a_place() -> None:
    assert leading_places("第七师农业农村局") == ["第七师"]
    assert leading_places("第一师范学院") == []


def test_an_opening_paragraph_on_a_unit_names_its_place(tmp_path: Path) -> None:
    raw = (
        "项目绩效自评报告\n一、项目基本情况\n"
        "青河市农业技术推广站主要有两类项目支出,项目资金总预算为300万元,其中推广经费100万元,示范经费200万元。\n"
    )
    assert rules_report(tmp_path, raw).region == "青河市"


def test_goals_after_a_scoring_heading_take_its_first_level(tmp_path: Path) -> None:
    raw = (
        "项目支出绩效自评报告\n二、评价指标分析\n"
        "2. 产出。具体目标主要为设备使用年限不低于6年,设备故障率低于3%,验收合格率至少达到97%,以上目标均已完成。\n"
    )
    goals = {i.name: i for i in rules_report(tmp_path, raw).indicators}
    assert set(goals) == {"设备使用年限", "设备故障率", "验收合格率"}
    assert all(goal.level1 == "产出" for goal in goals.values())
    target = goals["验收合格率"].target
    assert target is not None and target.value == 97 and target.op is Op.GE


def test_an_amount_set_through_the_initial_budget_is_the_initial_budget() -> None:
    funding, _ = funding_of("县级财政每年安排35万元,经当年年初预算安排。2030年实际到位35万元,支出30.5万元。\n")
    assert funding.initial.total is not None and funding.initial.total.text == "35万元"
    assert funding.budget.total is None
    assert funding.executed.total is not None and funding.executed.total.text == "30.5万元"
