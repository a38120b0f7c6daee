"""Prose shapes of held-out set 4, one class each, on invented paragraphs."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents import load_document
from jixiao.documents.tables import find_tables
from jixiao.extract.rules import extract_rules
from jixiao.extract.rules.cut_end import ends_mid_sentence
from jixiao.extract.rules.header import read_header
from jixiao.extract.rules.indicators import extract_indicators
from jixiao.model import FundSource
from reading import funding_of, indicator_rows, read


def _indicators(raw: str) -> list[tuple[str | None, ...]]:
    return indicator_rows(raw, "level1", "level2", "name", "actual", "completion")


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
    text = read("青禾市文化馆2021年度项目支出绩效自评报告(2021年中央支持地方非遗保护补助资金\n一、自评结论\n")
    assert read_header(text).fund == "中央支持地方非遗保护补助资金"


def test_a_units_whole_spending_is_the_departments_whole_spending() -> None:
    text = read("2022年青禾市自然资源局 整体支出绩效自评报告\n根据通知要求，我局开展了自评。\n")
    assert read_header(text).fund == "部门整体支出"


# ---- sources led by their level and closed by their sum ------------------------------------------------------


def test_clauses_led_by_their_source_and_closed_by_their_sum_are_the_lines_sources() -> None:
    funding, _ = funding_of(
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
    funding, _ = funding_of("2022年度省级拨付我县某补助资金40万元,中央拨付25万元,共计70万元。\n")
    assert funding.allocated.by_source == []
    funding, _ = funding_of("2022年度省级拨付我县某补助资金40万元,省级拨付25万元,共计65万元。\n")
    assert funding.allocated.by_source == []  # one level twice: batches, not sources


# ---- projects of each batch --------------------------------------------------------------------------------------


def test_the_projects_of_batches_that_add_up_are_the_spending() -> None:
    funding, spending = funding_of(
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
    _, spending = funding_of(
        "我县获得2022年度某污染防治资金900万元其中第一批资金500万元,分别支持甲河治理项目300万元、乙湖清淤项目150万元;"
        "第二批资金400万元,分别支持丙村污水管网项目400万元。\n"
    )
    assert spending == []


# ---- numbered parts after a total --------------------------------------------------------------------------------


def test_numbered_items_that_add_up_to_a_total_before_them_are_the_spending() -> None:
    _, spending = funding_of(
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
    _, spending = funding_of(
        "2019年对口协作经费市级财政实际到位资金200万元,分配情况:\n"
        "(1)甲协作区经费5万元。(2)援疆工作经费100万元。(3)援藏工作经费80万元。\n"
    )
    assert spending == []


# ---- sources a 其中 list names in other words ----------------------------------------------------------------


def test_a_corps_subsidy_and_a_past_years_balance_are_sources_even_when_they_do_not_add_up() -> None:
    funding, _ = funding_of(
        "第三师2020年度某机具购置补贴资金预算数50万元,其中包括兵团补贴某机具购置补贴资金50万, "
        "2019年度某机具购置补贴结余资金8.2万元。\n"
    )
    budget = funding.budget
    assert budget.total is not None and budget.total.text == "50万元"
    assert [(row.source, row.amount.text) for row in budget.by_source] == [
        (FundSource.PROVINCIAL, "50万"),
        (FundSource.CARRYOVER, "8.2万元"),  # 58.2 against 50: the sources_sum check's to say, not the reader's
    ]


def test_sources_whose_names_restate_the_fund_after_their_level_are_sources() -> None:
    funding, _ = funding_of(
        "2023年某机具补贴项目预算资金合计2000万元。"
        "其中省内安排某机具购置与应用补贴资金300万元,中央安排某机具购置补贴资金1700万元。\n"
    )
    assert [(row.source, row.amount.text) for row in funding.budget.by_source] == [
        (FundSource.PROVINCIAL, "300万元"),
        (FundSource.CENTRAL, "1700万元"),
    ]


def test_a_sum_in_mid_sentence_closes_the_source_clauses_before_it_and_the_sentence_reads_on() -> None:
    funding, _ = funding_of(
        "2023年某机具补贴中央年初下达资金合计1900万元,省内安排某机具补贴资金300万元,年初预算合计2200万元,"
        "年中调减中央财政资金200万,全年预算执行数合计2000万元。\n"
    )
    initial = funding.initial
    assert initial.total is not None and initial.total.text == "2200万元"
    assert [(row.source, row.amount.text) for row in initial.by_source] == [
        (FundSource.CENTRAL, "1900万元"),
        (FundSource.PROVINCIAL, "300万元"),
    ]
    assert funding.allocated.total is None  # 1900 is a part of the initial budget, no allocated total
    assert funding.executed.total is not None and funding.executed.total.text == "2000万元"


def test_a_budget_and_execution_clause_ending_a_sentence_is_prose_not_a_glued_table(tmp_path: Path) -> None:
    # traditional script with the converter's pinyin glosses: removing them looks like cells run together
    path = tmp_path / "report.txt"
    path.write_text(
        "(二)資金安排、分解下達(dá)預(yù)算情況。2023年某機具補貼中央年初下達(dá)資金合計1900萬元,"
        "省內(nèi)安排某機具補貼資金300萬元,年初預(yù)算合計2200萬元,年中調(diào)減省級資金200萬,"
        "全年預(yù)算執(zhí)行數(shù)合計2000萬元。通過實施該項目,改善了裝備結(jié)構(gòu)。\n",
        encoding="utf-8",
    )
    document = load_document(path)
    view = document.match_text or document.text
    assert find_tables(view, document.origin, document.tables, document.raw_text) == []
    executed = extract_rules(document).funding.executed.total
    assert executed is not None and executed.text == "2000萬元"


# ---- the fund named only in the body ---------------------------------------------------------------------------


def test_a_report_without_a_title_names_its_fund_in_a_definition_or_its_one_year_led_amount() -> None:
    text = read("一、基本情况\n城乡困难群众临时救助资金是指用于临时救助的资金。2023年,我市…\n")
    assert read_header(text).fund == "城乡困难群众临时救助资金"
    text = read("一、绩效目标分解下达情况\n某厅下达2022年江西省非遗保护专项资金20万元,二、绩效目标完成情况\n")
    assert read_header(text).fund == "非遗保护专项资金"
    text = read("(一)下达情况。2024年某机具购置补贴项目预算资金合计900万元。其中…\n")
    assert read_header(text).fund == "某机具购置补贴"


def test_two_funds_or_a_clause_in_the_body_name_no_fund() -> None:
    text = read("下达2022年甲河治理资金20万元,下达2022年乙湖清淤资金30万元。\n")
    assert read_header(text).fund is None
    text = read("2023年度省级拨付我区某补贴资金62万元,中央拨付16万元。\n")
    assert read_header(text).fund is None
    text = read(
        "甲类:中央下达我市甲河治理资金共500万元。自治区向我市下达2023年中央甲河治理资金300万元。\n"
        "乙类:中央下达我市乙湖清淤资金共900万元。\n"
    )
    assert read_header(text).fund is None  # the second fund's whole names it too


# ---- rates said to have reached their percent --------------------------------------------------------------------


def test_a_rate_that_reached_its_percent_is_an_actual_and_a_project_paragraph_its_program() -> None:
    found = [
        (i.program, i.name, i.actual.text if i.actual else None)
        for i in extract_indicators(
            read(
                "2023年度主要农作物机收率达到91.5%,同上一年提升2%。\n"
                "项目二:某财农〔2023〕88号某嘎查光伏车间建设项目资金,项目全年预算数50万元,执行数50万元。"
                "我苏木特色产业资金足额发放率达到100%,政策落实率达到100%。\n"
            )
        )
    ]
    assert found == [
        (None, "主要农作物机收率", "91.5%"),
        ("某嘎查光伏车间建设项目资金", "特色产业资金足额发放率", "100%"),
        ("某嘎查光伏车间建设项目资金", "政策落实率", "100%"),
    ]


def test_a_rate_that_is_a_goal_or_the_moneys_own_is_no_reached_actual() -> None:
    text = read("力争主要农作物机收率达到95%。预算执行率达到98%。\n")
    assert extract_indicators(text) == []


def test_a_first_line_naming_place_year_and_fund_as_its_实施情况_is_the_title() -> None:
    text = read("青杉管理区专项转移支付2022年度耕地保护补贴实施情况\n绩效目标分解下达情况\n2022年度…\n")
    header = read_header(text)
    assert (header.title, header.region, header.fund) == (
        "青杉管理区专项转移支付2022年度耕地保护补贴实施情况",
        "青杉管理区",
        "耕地保护补贴",
    )
    text = read("一、项目实施情况\n2022年度…\n")
    assert read_header(text).title is None
