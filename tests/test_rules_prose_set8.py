"""Prose shapes of held-out set 8 (narrative documents), one class each, on invented paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.documents import load_document
from jixiao.extract.rules import extract_rules
from jixiao.extract.rules.cut_end import ends_mid_sentence
from jixiao.extract.rules.funding import extract_funding
from jixiao.extract.rules.goal_statements import read_goal_statements
from jixiao.extract.rules.indicators import extract_indicators
from reading import indicator_rows, read


def _lines(raw: str) -> dict[str, str | None]:
    text = read(raw)
    funding, _ = extract_funding(text)
    return {
        line: total.text if (total := getattr(funding, line).total) else None
        for line in ("budget", "allocated", "executed")
    }


# ---- a bare sum word after the clauses that say what was given -------------------------------------------


def test_a_sum_word_alone_in_its_clause_takes_the_verb_of_the_clauses_before_it() -> None:
    found = _lines("2023年,省财政下达我市2批某防汛补助资金(工程部分),共计3150万元。目前资金已支出2010万元。\n")
    assert found == {"budget": None, "allocated": "3150万元", "executed": "2010万元"}


def test_a_sum_word_with_no_verb_before_it_stays_the_budget() -> None:
    found = _lines("某镇人居环境整治项目,共计480万元。\n")
    assert found["budget"] == "480万元" and found["allocated"] is None


# ---- a figure the excerpt's end cuts ---------------------------------------------------------------------

_CUT = "二、绩效目标完成情况\n(一)产出指标\n1、数量指标\n1)新建村级文化广场数量,目标值大于等于12个,实际完成{}"


@pytest.mark.parametrize(("ending", "actual"), [("9", None), ("9个。\n三、存在的问题\n无。\n", "9个")])
def test_a_figure_that_runs_to_where_the_excerpt_stops_is_left_out(
    tmp_path: Path, ending: str, actual: str | None
) -> None:
    path = tmp_path / "cut.txt"
    path.write_text(_CUT.format(ending), encoding="utf-8")
    report = extract_rules(load_document(path))
    [indicator] = report.indicators
    assert indicator.target is not None and indicator.target.text == "大于等于12个"
    assert (indicator.actual.text if indicator.actual else None) == actual


# ---- a spending name with a bracket inside it --------------------------------------------------------------


def _spending(raw: str) -> list[tuple[str, str]]:
    text = read(raw)
    _, spending = extract_funding(text)
    return [(item.category, item.amount.text) for item in spending]


def test_a_bracket_inside_a_listed_name_is_part_of_the_name() -> None:
    found = _spending(
        "2022年度专项资金总计40.5万元,其中石溪堤防工程设计费10万元,征地补偿费12.5万元;"
        "石溪河道整治工程(下游段)设计费8万元,征地补偿费10万元。\n"
    )
    assert found == [
        ("石溪堤防工程设计费", "10万元"),
        ("征地补偿费", "12.5万元"),
        ("石溪河道整治工程(下游段)设计费", "8万元"),
        ("征地补偿费", "10万元"),
    ]


# ---- the uses of the money listed after 用于 --------------------------------------------------------------


def test_the_uses_listed_after_what_the_money_is_for_are_the_spending_and_one_list_when_printed_twice() -> None:
    uses = "用于助听器适配补贴3.2万元,盲人读屏软件1.45万元,社区康复站运营12万元,无障碍坡道改造6.8万元。"
    found = _spending(f"(一)项目简介。\n该项目为2024年省级彩票公益金资金项目,{uses}\n预期目标:{uses}\n")
    assert found == [
        ("助听器适配补贴", "3.2万元"),
        ("盲人读屏软件", "1.45万元"),
        ("社区康复站运营", "12万元"),
        ("无障碍坡道改造", "6.8万元"),
    ]


# ---- levels led in within a paragraph, counts before what they count ----------------------------------------


def _indicators(raw: str) -> list[tuple[str | None, ...]]:
    return indicator_rows(raw, "level1", "name", "actual")


def test_levels_led_in_within_a_completion_paragraph_give_their_statements_as_actuals() -> None:
    found = _indicators(
        "项目自评综述:自评得分92分。项目绩效目标完成情况:一是产出指标方面,举办“乡村读书节”活动46场,"
        "线下读者达到3.2万人次、线上阅读人数18万人次,创作5部原创绘本;活动完成率达到100%;二是效益指标方面,"
        "丰富了群众文化生活。下一步改进措施:加快项目进度。\n"
    )
    assert found == [
        ("产出指标", "举办“乡村读书节”活动", "46场"),
        ("产出指标", "线下读者", "3.2万人次"),
        ("产出指标", "线上阅读人数", "18万人次"),
        ("产出指标", "原创绘本", "5部"),
        ("产出指标", "活动完成率", "100%"),
    ]


def test_a_lead_about_problems_gives_no_actuals() -> None:
    found = _indicators("存在的问题:一是产出指标方面,举办活动46场,创作5部原创绘本;二是效益指标方面,宣传不足。\n")
    assert found == []


# ---- a results section with no level headings -------------------------------------------------------------


def test_a_results_section_without_level_headings_gives_its_statements_as_actuals() -> None:
    found = _indicators(
        "二、绩效目标完成情况分析\n(一)资金投入情况分析\n下达资金80万元,资金到位率100%。\n"
        "(二)专项资金预期目标完成程度。\n"
        "2022年完成桃溪一期治理河道长度3.6公里,柳塘段综合治理河道长度1.2公里;"
        "为促进垃圾分类,配套150个分类收集箱,验收合格率100%。资金预算80万元,支付率100%。\n"
        "(三)专项资金使用管理情况\n资金实行专账核算,拨付率100%。\n"
    )
    assert found == [
        (None, "桃溪一期治理河道长度", "3.6公里"),
        (None, "柳塘段综合治理河道长度", "1.2公里"),
        (None, "分类收集箱", "150个"),
        (None, "验收合格率", "100%"),
    ]


def test_a_section_about_the_money_or_the_plan_gives_no_actuals() -> None:
    assert _indicators("(二)资金到位及目标完成情况\n资金预算80万元,支付率100%。\n") == []
    assert _indicators("(一)绩效目标设定情况\n计划治理河道长度3.6公里,配套150个分类垃圾桶。\n") == []


# ---- an attachment line cut before its document's last word -------------------------------------------------


def test_an_attachment_line_whose_name_stops_short_is_a_cut_and_a_whole_one_closes_the_report() -> None:
    body = "一、基本情况\n资金已全部拨付。\n六、其他需要说明的问题\n无。\n"
    assert ends_mid_sentence(body + "附件:桃溪县水利局2022年度河道治理专项资金绩效自评")
    assert not ends_mid_sentence(body + "附件:桃溪县水利局2022年度河道治理专项资金绩效自评表")
    assert not ends_mid_sentence(body + "附件2:项目支出绩效自评表.xlsx")


# ---- execution rates stated for parts of the fund -----------------------------------------------------------


def _rate(raw: str) -> str | None:
    text = read(raw)
    funding, _ = extract_funding(text)
    return funding.execution_rate.text if funding.execution_rate else None


def test_different_rates_stated_for_parts_of_the_fund_give_no_rate_of_the_fund() -> None:
    parts = (
        "生态补偿资金全年共12万元,拨付使用了12万元,预算执行率100%。\n"
        "管护补助资金全年共3万元,当年未使用,预算执行率0%。\n"
    )
    assert _rate(parts) is None
    restated = "资金全年共12万元,已全部拨付使用,预算执行率100%。\n综上,本项目预算执行率100%。\n"
    assert _rate(restated) == "100%"


# ---- a goal sentence led by 绩效目标是, opening with its count, a unit in a bracket -----------------------------


def test_a_goal_led_by_shi_with_a_count_first_and_a_bracketed_unit_gives_targets() -> None:
    text = read("本项目总体的绩效目标是85处农村供水设施维修养护,覆盖受益人口2.36(万人)。\n")
    found = [(i.name, i.target) for i in read_goal_statements(text)]
    assert [(name, t.text, t.value, t.unit) for name, t in found if t] == [
        ("农村供水设施维修养护", "85处", 85.0, "处"),
        ("覆盖受益人口", "2.36(万人)", 2.36, "万人"),
    ]


# ---- what was done with the rate it was done to ------------------------------------------------------------


def test_a_count_done_followed_by_its_completion_rate_is_an_indicator_wherever_it_stands() -> None:
    text = read("3、项目资金管理情况分析。截止2024年10月底,全镇共完成农村户厕改造86户,完工率107.5%。\n")
    [indicator] = extract_indicators(text)
    assert indicator.name == "农村户厕改造"
    assert indicator.actual is not None and indicator.actual.text == "86户"
    assert indicator.completion is not None and indicator.completion.text == "107.5%"


def test_money_or_a_rate_before_a_completion_rate_is_no_such_indicator() -> None:
    text = read("全年共完成发放补助资金141.8万元,完成率57.6%。全年共完成预算执行率96%,完成率96%。\n")
    assert extract_indicators(text) == []
