"""Layouts of held-out set 14 (written by us, invented names and figures): a form whose funding is one scored row
under 实际支出金额 | 下达额度, a pipe row the document cuts right after a closed cell, the two-column 计划投资额 |
实际到位资金 form dumped a cell per line, and a report whose headings print the points given."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents import load_document
from jixiao.extract import extract
from jixiao.extract.rules.heading_scores import read_heading_scores
from jixiao.extract.rules.planned_funding import planned_funding
from jixiao.model import Figure, Funding, Indicator, Report, Span


def _report(raw: str, tmp_path: Path) -> Report:
    path = tmp_path / "form.txt"
    path.write_text(raw, encoding="utf-8")
    return extract(load_document(path), "rules")


def _text(figure: Figure | None) -> str | None:
    return None if figure is None else figure.text


def test_a_scored_spending_row_under_spent_and_granted_columns_is_the_funding(tmp_path: Path) -> None:
    report = _report(
        "项目名称 | 老旧楼宇电梯加装工程 | |||\n"
        "当年绩效指标 | 专项资金管理指标(10分) | 支出进度 (当年实际支出金额/当年下达额度) | 实际支出 金额 | 下达 额度 "
        "| 实际 完成值 | 分值 | 得分 | 偏差原因分析 |\n"
        "2,210 | 2,480 | 89.11% | 10 | 9 ||||\n"
        "一级指标 | 二级指标 | 三级指标 | 目标值 | 实际 完成值 | 分值 | 得分 | 偏差原因分析 |\n"
        "产出指标 (50分) | 数量指标 | 加装电梯数量 | 40台 | 36台 | 10 | 9 ||\n",
        tmp_path,
    )
    funding = report.funding
    assert (_text(funding.executed.total), _text(funding.allocated.total)) == ("2,210", "2,480")
    assert (_text(funding.execution_weight), _text(funding.execution_score)) == ("10", "9")
    assert funding.execution_rate is None  # the 实际完成值 cell is no column of the funding's own


_INDICATOR_HEADER = (
    "| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 实际完成值 | 分值 | 得分 | 偏差原因 |\n"
    "| 产出指标 | 数量指标 | 巡查河段长度 | ≥ | 30 | 公里 | 32 | 20 | 20 | |\n"
)


def test_a_pipe_row_cut_after_a_closed_cell_keeps_its_values_in_order(tmp_path: Path) -> None:
    report = _report(
        _INDICATOR_HEADER + "| 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥ | 90 | % | 93 | 10 |", tmp_path
    )
    last = report.indicators[-1]
    assert (_text(last.actual), _text(last.weight), last.score) == ("93", "10", None)


def test_a_printed_blank_before_the_closed_cut_keeps_the_aligned_columns(tmp_path: Path) -> None:
    report = _report(
        _INDICATOR_HEADER + "| 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥ | 90 | % | | 10 |", tmp_path
    )
    last = report.indicators[-1]
    assert last.actual is None and _text(last.weight) == "10"


_TWO_COLUMNS = (
    "计划投资额(万元)\n\n128.40\n\n实际到位资金(万元)\n\n120.00\n\n其中:中央财政\n\n \n\n其中:中央财政\n\n \n\n"
    "省财政\n\n40\n\n省财政\n\n36\n\n州财政\n\n88.40\n\n州财政\n\n84.00\n\n单位自筹\n\n \n\n单位自筹\n\n \n\n"
    "根据年初批复,该专项经费主要用于民族文化活动。\n"
)


def test_the_two_column_planned_form_reads_each_label_twice() -> None:
    funding = planned_funding(_TWO_COLUMNS)
    assert funding is not None
    assert (_text(funding.budget.total), _text(funding.allocated.total)) == ("128.40", "120.00")
    budget = [(s.source.value, s.amount.text) for s in funding.budget.by_source]
    allocated = [(s.source.value, s.amount.text) for s in funding.allocated.by_source]
    assert budget == [("provincial", "40"), ("prefectural", "88.40")]
    assert allocated == [("provincial", "36"), ("prefectural", "84.00")]


def test_a_source_printed_a_third_time_is_no_row_of_two_columns() -> None:
    funding = planned_funding(_TWO_COLUMNS.replace("省财政\n\n36\n\n", "省财政\n\n36\n\n省财政\n\n5\n\n"))
    assert funding is not None
    assert [s.source.value for s in funding.budget.by_source] == ["prefectural"]


def _stated(name: str, text: str, figure: str) -> Indicator:
    at = text.index(figure)
    return Indicator(name=name, actual=Figure(text=figure, span=Span(start=at, end=at + len(figure))))


def test_heading_points_go_to_the_funding_and_to_a_lines_one_indicator() -> None:
    text = (
        "二、预算执行情况(自评得分9分)\n全年执行数120万元。\n"
        "1.数量指标(自评得分20分):完成巡查河段32公里。\n"
        "2.质量指标(自评得分10分):验收合格率100%,整改完成率95%。\n"
    )
    one, two, three = (
        _stated("巡查河段", text, "32公里"),
        _stated("验收合格率", text, "100%"),
        _stated("整改完成率", text, "95%"),
    )
    funding = Funding()
    read_heading_scores(text, [one, two, three], funding)
    assert _text(funding.execution_score) == "9"
    assert _text(one.score) == "20"
    assert two.score is None and three.score is None  # a group's points are no one indicator's


# a .doc on a document-sharing site, squashed: digits run together, a page number breaking a row (invented)

_SQUASHED = (
    "《项目支出绩效自评表.doc》由会员上传分享,免费在线阅读,更多相关内容在文库\n\n"
    "1、项目支出绩效自评表(2019年度)项目名称背街小巷保洁经费主管部门及代码青禾区城市管理委员会实施单位:青禾区环卫所"
    "项目资金(万元) 年初预算数(A)全年执行数(B)分值(10分)执行率(B/A)得分得分计算方法"
    "年度资金总额:236.4118.201050%5执行率*该指标分值,最高不得超过分值上限。"
    "其中:本年一般公共预算拨款 236.4118.20   其他资金     年度总体目标" + "完成辖区背街小巷的日常保洁工作" * 8 + "\n\n"
    "2、"
    + "按时清运垃圾渣土"
    * 20
    + "绩效指标一级指标二级指标三级指标分值年度指标值(A)全年实际值(B)得分计算方法得分未完成原因分析"
    "数量指标保洁小巷条数12.5\n\n3、12.512.5完成值达到指标值,记满分。12.5 产出指标(50分)质量指标保洁达"
)


def test_a_squashed_source_row_printing_the_totals_digits_is_cut_as_the_total(tmp_path: Path) -> None:
    funding = _report(_SQUASHED, tmp_path).funding
    assert (_text(funding.initial.total), _text(funding.executed.total)) == ("236.4", "118.20")
    assert (_text(funding.execution_rate), _text(funding.execution_weight)) == ("50%", "10")
    initial = [(s.source.value, s.name, _text(s.amount)) for s in funding.initial.by_source]
    executed = [(s.source.value, _text(s.amount)) for s in funding.executed.by_source]
    assert initial == [("appropriation", "本年一般公共预算拨款", "236.4")]
    assert executed == [("appropriation", "118.20")]


def test_a_page_number_inside_a_row_and_the_scoring_note_column_leave_the_row_whole(tmp_path: Path) -> None:
    report = _report(_SQUASHED, tmp_path)
    first = report.indicators[0]
    assert first.name == "保洁小巷条数"
    # one number printed thrice is its copies (分值, 指标值, 实际值); the 得分 comes after the 得分计算方法 note
    assert [_text(f) for f in (first.weight, first.target, first.actual, first.score)] == ["12.5"] * 4
    assert (report.indicators[-1].level1, report.indicators[-1].level2) == ("产出指标", "质量指标")


def test_a_scored_level_line_of_a_name_and_a_bound_is_that_levels_result() -> None:
    text = "1.数量指标(自评得分20分):完成巡查河段32公里。\n4.成本指标(自评得分10分):巡查成本控制率≤100%。\n"
    one = _stated("巡查河段", text, "32公里")
    indicators = [one]
    read_heading_scores(text, indicators, Funding())
    added = indicators[-1]
    assert (added.level1, added.level2, added.name) == ("产出指标", "成本指标", "巡查成本控制率")
    assert added.actual is not None and (added.actual.op, added.actual.value) == ("≤", 100.0)
    assert _text(added.score) == "10" and _text(one.score) == "20"


def test_a_scored_line_of_words_adds_no_indicator() -> None:
    indicators: list[Indicator] = []
    read_heading_scores("5.社会效益指标(自评得分30分):改善了农村人居环境。\n", indicators, Funding())
    assert indicators == []


def test_heading_points_printed_as_a_plain_score_also_count() -> None:
    text = "(二)项目资金执行情况(得分:8分)\n全年支出96万元。\n2.质量指标(得分:10分):验收合格率100%。\n"
    one = _stated("验收合格率", text, "100%")
    funding = Funding()
    read_heading_scores(text, [one], funding)
    assert (_text(funding.execution_score), _text(one.score)) == ("8", "10")
