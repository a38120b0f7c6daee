"""Prose layouts of set 18 (invented text): the header of a party organ's and of a whole unit's report, a
staff split, goals parted by 、, indicator points that are no total, blocks of a 考核办法 and a target's
result stated in the next sentence."""

from __future__ import annotations

from jixiao.extract.rules.assessed_blocks import read_assessed_blocks
from jixiao.extract.rules.count_breakdowns import read_count_breakdowns
from jixiao.extract.rules.done_after_target import read_done_after_targets
from jixiao.extract.rules.figures import figure_at
from jixiao.extract.rules.goal_statements import read_goal_statements
from jixiao.extract.rules.header import read_header
from jixiao.extract.rules.score import extract_score
from jixiao.model import Indicator
from reading import read


def test_the_party_prefix_is_no_place_and_special_spending_names_no_fund() -> None:
    header = read_header(read("中共临溪县委党校2022年度专项支出绩效评价报告\n一、项目基本概况\n"))
    assert (header.region, header.fund, header.year) == ("临溪县", None, 2022)


def test_a_unit_and_a_year_over_the_units_own_section_is_its_whole_spending() -> None:
    whole = read_header(read("石溪镇人民政府2023年度绩效自评报告\n一、单位基本情况\n(一)机构与职能\n"))
    assert (whole.region, whole.fund) == ("石溪镇", "部门整体支出")
    projects = read_header(read("石溪镇人民政府2023年度绩效自评报告\n一、项目基本情况\n"))
    assert projects.fund is None  # a unit's report on its projects names no one fund
    place = read_header(read("石溪县2023年度绩效自评报告\n一、单位基本情况\n"))
    assert place.fund is None  # a place alone is no unit


def test_a_staff_split_by_status_is_no_indicator_but_a_split_by_place_is() -> None:
    assert read_count_breakdowns(read("本年年末实有人数35人(在职21人,离退休14人)。\n")) == []
    found = read_count_breakdowns(read("资助学生6人(东岭村4人,西岭村2人),发放金额1.2万元。\n"))
    assert [(i.name, [part.name for part in i.breakdown]) for i in found] == [("资助学生", ["东岭村", "西岭村"])]


def test_goals_parted_by_the_list_mark_are_targets_and_a_money_rate_is_one() -> None:
    text = read("核心绩效目标:资金支出率≥95%、政务公开及时率≥98%,全面完成年度任务。\n")
    assert [(i.name, i.target and i.target.text) for i in read_goal_statements(text)] == [
        ("资金支出率", "≥95%"),
        ("政务公开及时率", "≥98%"),
    ]
    assert read_goal_statements(read("绩效目标:争取资金500万元。\n")) == []  # money is the funding's


def test_an_indicators_points_are_no_total_score() -> None:
    score, _ = extract_score(read("一、资金投入方面,指标评价得分14\n衔接资金较上年增加30万元,指标评价得分8分。\n"))
    assert score is None
    score, _ = extract_score(read("产出指标得分35分;综合得分92分。\n"))
    assert score is not None and score.value == 92.0


def test_blocks_of_an_assessment_give_their_items_a_level_and_the_score_in_their_text() -> None:
    text = read(
        "一、资金投入方面,指标评价得分14\n(一)县级财政投入情况\n投入较上年增加,指标评价得分8分。\n"
        "(二)资金分配使用的合理性情况\n资金分配因素清晰,\n"
    )
    found = read_assessed_blocks(text)
    assert [(i.level1, i.name, i.score and i.score.text) for i in found] == [
        ("资金投入", "县级财政投入情况", "8分"),
        ("资金投入", "资金分配使用的合理性情况", None),
    ]
    assert read_assessed_blocks(read("一、资金投入方面,指标评价得分14\n(一)县级财政投入情况\n投入增加,\n")) == []


def _target_only(text: str, name: str, target: str) -> list[Indicator]:
    """A target-only indicator whose figure is `target` where `text` prints it, as the sentences read it."""
    at = text.index(target)
    return [Indicator(name=name, target=figure_at(text, at, at + len(target), "test"))]


def test_a_sentence_opening_on_done_gives_the_targets_actual_in_its_unit() -> None:
    text = read("1.数量指标:建设村数量绩效目标值6个。已完成建设6个,完成进度100%,无偏差。\n")
    found = _target_only(text, "建设村数量", "6个")
    read_done_after_targets(text, found)
    assert (found[0].actual and found[0].actual.text, found[0].completion and found[0].completion.text) == (
        "6个",
        "100%",
    )
    other = read("1.数量指标:建设村数量绩效目标值6个。已拨付资金60万元。\n")
    found = _target_only(other, "建设村数量", "6个")
    read_done_after_targets(other, found)
    assert found[0].actual is None  # another unit: another figure's sentence
