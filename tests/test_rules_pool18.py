"""Phrasings and shapes found unread on a pool of new real pages (pool18), on invented text: a target stated
bare and its actual after a bare 实际, a rate per 100,000 or a range that is no value of its own, the 自评结果
template's list of goals done, a level's matching money, and the program of a form's rows."""

from __future__ import annotations

from pathlib import Path

from jixiao.extract.rules.figures import terminal_quantities
from jixiao.extract.rules.indicators import extract_indicators
from jixiao.model import Indicator, Op
from reading import read, rules_report


def _indicators(raw: str) -> list[Indicator]:
    return extract_indicators(read(raw))


def _shown(indicator: Indicator) -> tuple[str, str | None, str | None]:
    target, actual = indicator.target, indicator.actual
    return indicator.name, target.text if target else None, actual.text if actual else None


def test_a_bare_target_then_its_actual_after_a_bare_shi_ji() -> None:
    found = _indicators(
        "(三)绩效指标完成情况分析\n2、质量指标:差错率小于4%,实际1.5%;建档完整率96%,实际99%;达标率大于70%,实际75.5%。\n"
    )
    assert [_shown(indicator) for indicator in found] == [
        ("差错率", "小于4%", "1.5%"),
        ("建档完整率", "96%", "99%"),
        ("达标率", "大于70%", "75.5%"),
    ]
    assert found[0].target is not None and found[0].target.op is Op.LT
    assert found[2].target is not None and found[2].target.op is Op.GT


def test_a_range_target_is_printed_as_it_stands_and_counts_in_ke_are_read() -> None:
    found = _indicators("1、数量指标:封闭牙齿颗数900颗,实际完成912颗。\n2、质量指标:样本性别比0.8-1.2,实际0.97。\n")
    assert [_shown(indicator) for indicator in found] == [
        ("封闭牙齿颗数", "900颗", "912颗"),
        ("样本性别比", "0.8-1.2", "0.97"),
    ]
    assert found[0].target is not None and found[0].target.unit == "颗"


def test_the_second_term_of_a_rate_or_a_range_is_no_value() -> None:
    text = "粗死亡率大于600/10万"
    assert terminal_quantities(text, 0, len(text)) == []
    text = "性别比0.8-1.2"
    assert terminal_quantities(text, 0, len(text)) == []
    text = "检查人数1200人"
    assert [match.group(0) for match in terminal_quantities(text, 0, len(text))] == ["1200人"]


def test_clauses_glued_without_their_commas_give_no_actual_to_the_first_name() -> None:
    found = _indicators(
        "(三)绩效指标完成情况分析\n"
        "1、数量指标:粗死亡率大于600/10万,实际完成712.4/10发病率大于180/10万实际完成205.6/10万随访完成率90%,"
        "实际完成96%;宣传场次12场,实际完成14场。\n"
    )
    assert all(indicator.target is None or indicator.target.text != "10万" for indicator in found)
    assert all(not indicator.name.startswith("粗死亡率") or indicator.actual is None for indicator in found)
    assert ("宣传场次", "12场", "14场") in [_shown(indicator) for indicator in found]


def test_the_goals_done_list_of_the_self_evaluation_results_template(tmp_path: Path) -> None:
    report = rules_report(
        tmp_path,
        "某区2022年度道路保洁项目绩效自评报告\n自评结果\n一、自评结论\n(二)绩效目标完成情况\n1.执行率情况。\n"
        "2022年度道路保洁项目预算数为120万元,执行数为120万元,预算执行率100%。\n2.完成的绩效目标。\n"
        "年度绩效目标已全部完成,具体为:完成了主次干道保洁面积86.5万平方米,完成了公厕维护24座。\n"
        "3.未完成的绩效目标。\n无。\n",
    )
    assert [_shown(indicator) for indicator in report.indicators] == [
        ("主次干道保洁面积", None, "86.5万平方米"),
        ("公厕维护", None, "24座"),
    ]


def test_a_level_that_gave_its_matching_money(tmp_path: Path) -> None:
    report = rules_report(
        tmp_path,
        "某旗草原防火补助资金2023年度绩效自评报告\n一、基本情况\n"
        "资金情况。2023年,中央下达某旗草原防火补助资金15万元;自治区匹配下拨某旗草原防火补助资金4.5万元。\n",
    )
    rows = [(row.source.value, row.amount.value) for row in report.funding.allocated.by_source]
    assert rows == [("central", 15.0), ("provincial", 4.5)]


def test_rows_before_the_first_form_name_have_no_program(tmp_path: Path) -> None:
    report = rules_report(
        tmp_path,
        "绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 |\n"
        "产出指标 | 数量指标 | 巡查次数 | ≥ | 12 | 次 | 12 | 45 | 45 |\n"
        "效益指标 | 社会效益指标 | 群众知晓率 | ≥ | 90 | % | 92 | 45 | 45 |\n"
        "合计 | 100 | 90 |\n"
        "部门预算项目支出绩效自评表(2023年度) |\n"
        "项目名称 | 某县河道巡查经费 |\n"
        "主管部门 | 某县水利局 | 实施单位 | 某县水利局 |\n"
        "绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 |\n"
        "产出指标 | 数量指标 | 清淤河段长度 | ≥ | 8 | 公里 | 8.5 | 45 | 45 |\n",
    )
    programs = {indicator.name: indicator.program for indicator in report.indicators}
    assert programs.get("巡查次数", "missing") is None
    assert programs.get("清淤河段长度") == "某县河道巡查经费"
