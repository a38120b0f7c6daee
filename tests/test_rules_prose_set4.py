"""Prose shapes of held-out set 4, one class each, on invented paragraphs."""

from __future__ import annotations

from jixiao.documents.normalize import normalize
from jixiao.extract.rules.funding import extract_funding
from jixiao.extract.rules.header import ends_mid_sentence, read_header
from jixiao.extract.rules.indicators import extract_indicators
from jixiao.model import Funding, FundSource, SpendingItem


def _funding(raw: str) -> tuple[Funding, list[SpendingItem]]:
    text, _ = normalize(raw)
    return extract_funding(text)


def _indicators(raw: str) -> list[tuple[str | None, str | None, str, str | None, str | None]]:
    text, _ = normalize(raw)
    return [
        (i.level1, i.level2, i.name, i.actual.text if i.actual else None, i.completion.text if i.completion else None)
        for i in extract_indicators(text)
    ]


# ---- a completion clause after each stated actual ---------------------------------------------------------


def test_a_completion_clause_after_a_statement_is_its_completion_not_an_indicator() -> None:
    found = _indicators(
        "(二)绩效目标完成情况\n"
        "1.产出指标完成情况\n"
        "数量指标:全年开展送书下乡活动12场,指标完成率100%,新增电子图书3000册,指标完成率95%。\n"
        "质量指标:读者借阅便利度逐年提升,指标完成率100%。\n"
        "2.效益指标完成情况\n"
        "居民阅读参与率64%,指标完成率98%;乡镇文化服务水平稳步提升,指标完成率100%。\n"
    )
    assert found == [
        ("产出指标", "数量指标", "全年开展送书下乡活动", "12场", "100%"),
        ("产出指标", "数量指标", "新增电子图书", "3000册", "95%"),
        ("产出指标", "质量指标", "读者借阅便利度", "逐年提升", "100%"),
        ("效益指标", None, "居民阅读参与率", "64%", "98%"),
        ("效益指标", None, "乡镇文化服务水平", "稳步提升", "100%"),
    ]


def test_an_outcome_word_without_a_completion_after_it_is_no_actual() -> None:
    found = _indicators("(二)绩效目标完成情况\n1.效益指标完成情况\n居民阅读参与率64%;乡镇文化服务水平稳步提升。\n")
    assert found == [("效益指标", None, "居民阅读参与率", "64%", None)]


# ---- the end of an excerpt ---------------------------------------------------------------------------------


def test_a_numbered_heading_with_nothing_under_it_ends_a_cut_excerpt() -> None:
    assert ends_mid_sentence("四、绩效评价指标分析\n1.预算执行情况分析(包括完成情况和偏差原因等)\n")
    assert ends_mid_sentence("一、总体情况\n(三)存在的问题\n")
    assert not ends_mid_sentence("一、总体情况\n五、自评结论:良好\n")  # a closing line, whatever its number
    assert not ends_mid_sentence("三、存在的问题\n无。\n")


# ---- the fund in the title -----------------------------------------------------------------------------------


def test_a_bracketed_fund_after_the_title_may_have_lost_its_closing_bracket() -> None:
    text, _ = normalize("青禾市文化馆2021年度项目支出绩效自评报告(2021年中央支持地方非遗保护补助资金\n一、自评结论\n")
    assert read_header(text).fund == "中央支持地方非遗保护补助资金"


def test_a_units_whole_spending_is_the_departments_whole_spending() -> None:
    text, _ = normalize("2022年青禾市自然资源局 整体支出绩效自评报告\n根据通知要求，我局开展了自评。\n")
    assert read_header(text).fund == "部门整体支出"


# ---- sources led by their level and closed by their sum ------------------------------------------------------


def test_clauses_led_by_their_source_and_closed_by_their_sum_are_the_lines_sources() -> None:
    funding, _ = _funding(
        "2022年度省级拨付我县耕地保护补助资金40万元,中央拨付25万元.上年度结余的资金3.5万元,共计68.5万元。\n"
    )
    allocated = funding.allocated
    assert allocated.total is not None and allocated.total.text == "68.5万元"
    assert [(row.source, row.amount.text) for row in allocated.by_source] == [
        (FundSource.PROVINCIAL, "40万元"),
        (FundSource.CENTRAL, "25万元"),
        (FundSource.CARRYOVER, "3.5万元"),
    ]
    assert funding.budget.total is None  # 共计 closes the allocated money, it is no budget


def test_source_led_clauses_that_do_not_add_up_or_repeat_a_level_are_no_sources() -> None:
    funding, _ = _funding("2022年度省级拨付我县某补助资金40万元,中央拨付25万元,共计70万元。\n")
    assert funding.allocated.by_source == []
    funding, _ = _funding("2022年度省级拨付我县某补助资金40万元,省级拨付25万元,共计65万元。\n")
    assert funding.allocated.by_source == []  # one level twice: batches, not sources


# ---- projects of each batch --------------------------------------------------------------------------------------


def test_the_projects_of_batches_that_add_up_are_the_spending() -> None:
    funding, spending = _funding(
        "我县获得2022年度某污染防治资金900万元其中第一批资金500万元,分别支持甲河治理项目300万元、乙湖清淤项目200万元;"
        "第二批资金400万元,分别支持甲河治理项目150万元、丙村污水管网项目250万元。\n"
    )
    assert funding.allocated.total is not None and funding.allocated.total.text == "900万元"
    assert [(item.category, item.amount.text) for item in spending] == [
        ("甲河治理项目", "300万元"),
        ("乙湖清淤项目", "200万元"),
        ("甲河治理项目", "150万元"),  # a project in two batches, twice as printed
        ("丙村污水管网项目", "250万元"),
    ]


def test_batches_whose_projects_do_not_add_up_give_no_spending() -> None:
    _, spending = _funding(
        "我县获得2022年度某污染防治资金900万元其中第一批资金500万元,分别支持甲河治理项目300万元、乙湖清淤项目150万元;"
        "第二批资金400万元,分别支持丙村污水管网项目400万元。\n"
    )
    assert spending == []


# ---- numbered parts after a total --------------------------------------------------------------------------------


def test_numbered_items_that_add_up_to_a_total_before_them_are_the_spending() -> None:
    _, spending = _funding(
        "2019年对口协作经费市级财政实际到位资金200万元,分配情况:\n"
        "(1)甲协作区经费和乙联络处经费分别为5万元和15万元。(2)援疆工作经费100万元。(3)援藏工作经费80万元。"
        "2019年各项工作顺利完成。\n"
    )
    assert [(item.category, item.amount.text) for item in spending] == [
        ("甲协作区经费", "5万元"),
        ("乙联络处经费", "15万元"),
        ("援疆工作经费", "100万元"),
        ("援藏工作经费", "80万元"),
    ]


def test_numbered_items_that_do_not_add_up_are_no_spending() -> None:
    _, spending = _funding(
        "2019年对口协作经费市级财政实际到位资金200万元,分配情况:\n"
        "(1)甲协作区经费5万元。(2)援疆工作经费100万元。(3)援藏工作经费80万元。\n"
    )
    assert spending == []
