"""Table and header classes from held-out set 10 (invented figures and names, in the layouts real pages print)."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents import load_document
from jixiao.documents.normalize import normalize
from jixiao.documents.tables.table import Cell
from jixiao.documents.tables.twice_printed import repeated_tail
from jixiao.extract import extract
from jixiao.extract.rules.fund_names import fund_in_body, subject_of
from jixiao.extract.rules.header import read_header
from jixiao.extract.rules.score import extract_score
from jixiao.extract.rules.tables import is_name
from jixiao.model import Report


def _report(raw: str, tmp_path: Path) -> Report:
    path = tmp_path / "form.txt"
    path.write_text(raw, encoding="utf-8")
    return extract(load_document(path), "rules")


def test_a_text_printed_twice_may_be_cut_where_the_document_ends() -> None:
    text = "可持续影响指标 管护制度执行 长期坚持巡护制度 长期坚持巡"
    cell = Cell(text, 0, len(text))
    tail = repeated_tail(cell, text)
    assert tail is not None and [part.text for part in tail[1:]] == ["长期坚持巡护制度", "长期坚持巡"]
    assert repeated_tail(cell, text + " 10 10") is None  # the document goes on: two different words
    assert repeated_tail(cell) is None


def test_names_opening_with_a_year_or_a_template_label_are_names() -> None:
    assert is_name("2023年9月底前完成")  # a 时效 row named by its deadline
    assert is_name("指标:设备采购支出")
    assert not is_name("5明确性")  # a stray score before a name
    assert not is_name("指标:")


def test_glued_amounts_with_their_unit_are_confirmed_by_the_rate(tmp_path: Path) -> None:
    raw = (
        "单位名称:某县图书馆项目名称古籍修复专项经费预算执行情况(万元)(20分)预算数(A)执行数(B)执行率(B/A)"
        "得分(20分*执行率)年度财政资金总额8万6万75%15年度绩效指标一级指标二级指标三级指标\n"
    )
    funding = _report(raw, tmp_path).funding
    assert funding.budget.total is not None and funding.budget.total.value == 8
    assert funding.executed.total is not None and funding.executed.total.value == 6
    assert funding.execution_score is not None and funding.execution_score.text == "15"
    assert funding.execution_weight is not None and funding.execution_weight.text == "20"  # from the header


def test_a_hundred_under_the_execution_lines_weight_is_not_read(tmp_path: Path) -> None:
    raw = (
        "项目支出绩效自评表\n项目名称 某某业务经费\n"
        "年初预算数 全年预算数 全年执行数 分值 执行率\n年度资金总额: 50 50 48 100 96%\n"
    )
    funding = _report(raw, tmp_path).funding
    assert funding.executed.total is not None and funding.executed.total.value == 48
    assert funding.execution_weight is None
    ten = _report(raw.replace(" 100 ", " 10 "), tmp_path).funding
    assert ten.execution_weight is not None and ten.execution_weight.value == 10


def test_source_rows_fill_the_amount_columns_not_the_points(tmp_path: Path) -> None:
    raw = (
        "项目支出绩效自评表\n项目名称 某某运行经费\n"
        "项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
        "年度资金总额: 12 12 11 10 91.67% 9.2\n其中:本年财政拨款 12 12 11    \n上年结转资金 0 0 0    \n"
        "          其他资金 0 0 0    \n年度总体目标 预期目标 实际完成情况\n做好日常运行保障。 已完成。\n"
        "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
        "产出指标 数量指标 保障天数 365天 365天 50 50\n"
    )
    funding = _report(raw, tmp_path).funding
    assert [(row.source, row.amount.value) for row in funding.executed.by_source] == [
        ("appropriation", 11), ("carryover", 0), ("other", 0)
    ]  # fmt: skip
    assert funding.execution_weight is not None and funding.execution_weight.value == 10


def test_the_form_names_the_fund_the_title_calls_a_project_by_its_stem() -> None:
    raw = "名称: 某县体育局全民健身项目绩效支出自评表\n某县体育局全民健身项目绩效支出自评表\n项目名称 全民健身经费\n"
    text, _ = normalize(raw)
    assert read_header(text).fund == "全民健身经费"
    other = "某县体育局全民健身项目绩效支出自评表\n项目名称 体育场馆维护费\n"  # another stem: the title's own
    assert read_header(normalize(other)[0]).fund == "全民健身项目"


def test_a_title_giving_its_funds_amount_names_the_fund_before_it() -> None:
    assert subject_of("2022年河道保洁经费12.5万元部门整体支出绩效自评表") == "河道保洁经费"
    assert subject_of("2022年某局部门整体支出绩效自评表") == "部门整体支出"


def test_a_fund_named_by_the_list_of_its_uses_is_one_name() -> None:
    name = "种质资源收集与保存、品种登记与审定、田间试验、标本制作、数据整理、成果展示等专项经费"
    assert subject_of(name) == name


def test_a_report_without_title_names_its_fund_where_it_refers_back_to_it() -> None:
    body = "一、项目概况\n该乡村文化广场建设补助资金项目于2021年初申报,批复下达预算资金8万元。\n"
    assert fund_in_body(body) == "乡村文化广场建设补助资金"
    two = body + "该道路养护专项资金项目同期实施。\n"
    assert fund_in_body(two) is None


def test_a_bare_total_closing_the_list_of_its_parts_is_the_score() -> None:
    listed = "一、自评结论\n本项目各部分得分:决策15分,过程20分,产出38分,效益18分,总得分91,等级为优。\n"
    score, _ = extract_score(listed)
    assert score is not None and score.text == "91"
    assert extract_score(listed.replace("总得分91", "总得分92"))[0] is None  # the parts do not add up to it
    assert extract_score("1.完成率,目标值100%,实际值98%,总得分9,\n")[0] is None  # an indicator's line
