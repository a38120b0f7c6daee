"""Prose layouts of set 19 (invented text): lists whose items a bracket or a 分别为 splits again, an amount due
beside the amount paid, a budget arranged from an income, parts in paragraphs after a closing 其中, scores of
several subjects in one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.checks.engine import run_checks
from jixiao.extract import extract
from jixiao.extract.rules.header import read_header
from jixiao.extract.rules.score import extract_score
from jixiao.model import Funding, FundingLine
from reading import document, funding_of, indicator_rows, read, rules_report, tables_of


def _rows(line: FundingLine) -> list[tuple[str, str]]:
    return [(row.source.value, row.amount.text) for row in line.by_source]


@pytest.mark.parametrize(
    "inner",
    [
        ("(2031年结转12.5万元,2032年下达40万元)", "(2031年结转3万元,2032年下达17万元)"),
        ("（上年结转12.5万元、本年下达40万元）", "（上年结转3万元、本年下达17万元）"),
        ("(含结转12.5万元)", ""),
    ],
)
def test_a_bracket_after_a_source_splits_that_source_not_the_line(inner: tuple[str, str]) -> None:
    funding, spending = funding_of(
        f"该项目中央、省级预算共安排72.5万元,其中:中央52.5万元{inner[0]},省级20万元{inner[1]};"
        "2032年应支付贴息资金66万元,实际支付61.2万元,其中:中央49.2万元、省级12万元,执行率84.4%。\n"
    )
    assert funding.budget.total is not None and funding.budget.total.value == 72.5
    assert _rows(funding.budget) == [("central", "52.5万元"), ("provincial", "20万元")]
    assert funding.executed.total is not None and funding.executed.total.value == 61.2  # 应支付 is what was owed
    assert _rows(funding.executed) == [("central", "49.2万元"), ("provincial", "12万元")]
    assert spending == []


def test_a_bracket_inside_a_list_of_parts_is_a_level_below() -> None:
    _, spending = funding_of(
        "全年支出96万元，其中设备购置费60万元（甲型设备45万元、乙型设备15万元），人员培训费24万元，宣传费12万元。\n"
    )
    assert [(item.category, item.amount and item.amount.text) for item in spending] == [
        ("设备购置费", "60万元"),
        ("人员培训费", "24万元"),
        ("宣传费", "12万元"),
    ]
    funding, _ = funding_of("下达项目资金90万元(其中中央60万元、省级30万元)。\n")
    assert _rows(funding.allocated) == [("central", "60万元"), ("provincial", "30万元")]  # a bracket after the whole


@pytest.mark.parametrize(
    ("due", "paid"),
    [
        ("应发放补贴80万元", "实际发放72万元"),
        ("應兌現獎補資金80萬元", "實際兌現72萬元"),
        ("应拨付资金80万元", "实际支付72万元"),
    ],
)
def test_an_amount_due_is_no_line_beside_the_amount_paid(tmp_path: Path, due: str, paid: str) -> None:
    funding = rules_report(tmp_path, f"一、资金情况\n该项目{due}，{paid}。\n").funding
    assert funding.executed.total is not None and funding.executed.total.value == 72
    assert funding.budget.total is None and funding.allocated.total is None


@pytest.mark.parametrize(
    "opening",
    [
        "某中心2031年一般公共预算财政拨款收入项目支出安排预算为",
        "某中心本年度财政拨款收入中项目支出预算安排",
        "某中心2031年项目支出安排预算",
    ],
)
def test_the_income_a_budget_is_arranged_from_is_no_income_line(opening: str) -> None:
    funding, spending = funding_of(
        f"{opening}1,460.50万元,其中:一是甲类储备基金1,300.00万元,分别为A储备资金1,000.00万元、B储备资金300.00万元;"
        "二是本中心业务经费160.50万元,分别为C监测经费60.50万元、D检查经费100.00万元。\n"
    )
    assert funding.budget.total is not None and funding.budget.total.text == "1,460.50万元"
    assert funding.executed.total is None  # 项目支出 names the kind of money arranged, no spending
    assert [(item.category, item.amount and item.amount.text) for item in spending] == [
        ("甲类储备基金", "1,300.00万元"),  # the parts each item is split into are a level below
        ("本中心业务经费", "160.50万元"),
    ]


def test_an_income_alone_stays_no_line_and_a_sub_list_ends_where_it_adds_up() -> None:
    funding, _ = funding_of("本年收入300万元，其中财政拨款收入280万元。\n")
    assert funding.budget.total is None
    _, spending = funding_of("项目预算为90万元,其中:甲基金60万元,分别为A资金40万元、B资金20万元,乙经费30万元。\n")
    assert [item.category for item in spending] == ["甲基金", "乙经费"]


@pytest.mark.parametrize(
    ("whole", "parts", "spent"),
    [
        (
            "某市收到某专项资金合计900万元,已支出300万元,资金支付率33.33%。其中:\n",
            "收到甲工程(某路段12公里)补助资金500万元,已支出100万元,资金支付率20%。\n"
            "收到乙保障支出400万元,已支出200万元,资金支付率50%。\n二、其他情况\n",
            [("甲工程", "500万元"), ("乙保障支出", "400万元")],
        ),
        (
            "全年共下达资金900万元。其中:\n",
            "1.下达甲县500万元，已拨付到项目。\n2.下达乙县400万元，已拨付到项目。\n",
            [("甲县", "500万元"), ("乙县", "400万元")],
        ),
        (  # the excerpt ends inside the last part: the parts printed, below the total
            "某市收到某专项资金合计900万元,已支出300万元。其中:\n\n",
            "收到甲工程补助资金500万元,已支出100万元。\n\n收到乙保障支出300万元,其中:丙设施补助资金300万元,已支",
            [("甲工程", "500万元"), ("乙保障支出", "300万元")],
        ),
        ("全年共下达资金900万元。其中:\n", "1.下达甲县500万元。\n2.下达乙县300万元。\n三、其他\n", []),  # short
    ],
)
def test_paragraphs_after_a_closing_其中_each_give_one_part(
    whole: str, parts: str, spent: list[tuple[str, str]]
) -> None:
    _, spending = funding_of(whole + parts)
    assert [(item.category, item.amount and item.amount.text) for item in spending] == spent


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("根据各县上报情况,甲项目绩效自评分数为73.5分、乙支出绩效自评分数为89分、丙养护绩效自评得分86.5分。\n", None),
        ("甲县自评得分90分，乙县自评得分85分。\n全市综合得分88分。\n", "88"),
        ("项目自评得分95分，其中产出指标得分40分，效益指标得分30分。\n", "95"),
        ("自评得分95分，综合评分95分。\n", "95"),
    ],
)
def test_scores_of_several_subjects_side_by_side_are_none_the_reports(text: str, score: str | None) -> None:
    found, _ = extract_score(read(text))
    assert (found and found.text) == score


@pytest.mark.parametrize(
    ("sentence", "line"),
    [
        ("某局于8月3日将62.5万元按核定的各机构奖补资金一次性拨付到各担保机构。", "executed"),
        ("某局将补助资金62.5万元全部发放给农户。", "executed"),
        ("某局于6月将62.5万元拨付至各施工单位。", "executed"),
        ("县财政局于7月将奖补资金62.5万元拨付给我局账户。", "allocated"),
        ("某局将补助资金62.5万元拨付至各乡镇。", "allocated"),
    ],
)
def test_an_amount_a_将_moves_is_the_line_its_destination_says(sentence: str, line: str) -> None:
    funding, _ = funding_of(sentence + "\n")
    assert {name for name in ("budget", "allocated", "executed") if getattr(funding, name).total} == {line}


@pytest.mark.parametrize(
    ("sentence", "actual"),
    [
        ("补助资金到位及时率达100%。", "100%"),
        ("引导机构降低费率,年化担保费率约为0.6%。", "约为0.6%"),
        ("企业贷款获得率约85%。", "约85%"),
    ],
)
def test_a_rate_said_to_reach_or_be_about_a_percent_is_a_result(sentence: str, actual: str) -> None:
    rows = indicator_rows(f"二、绩效目标完成情况分析\n(一)总体绩效目标完成情况分析\n1、{sentence}\n", "actual")
    assert rows == [(actual,)]


@pytest.mark.parametrize(
    ("opening", "region"),
    [
        (
            "财政部《关于下达2031年农村供水保障资金预算的通知》(财农〔2031〕12号),下达宁夏回族自治区2031年中央农村供水"
            "保障专项资金共计860万元。\n(二)自治区分配下达资金预算情况。\n收到资金后,自治区水利厅牵头提出分配方案。\n",
            "宁夏回族自治区",
        ),
        (
            "2031年,中央财政下达甘肃省农村供水保障资金860万元。\n(二)省级分配下达资金预算情况。\n"
            "省财政厅会同省水利厅分配下达至有关市县。\n",
            "甘肃省",
        ),
        ("2031年,中央财政下达甘肃省农村供水保障资金860万元。\n(二)分配情况。\n资金分配至有关市县。\n", None),
    ],
)
def test_a_province_the_centre_gives_its_money_to_is_the_reports_own(opening: str, region: str | None) -> None:
    header = read_header(read(f"一、绩效目标分解下达情况\n(一)中央下达农村供水保障资金预算情况。\n{opening}"))
    assert header.region == region


@pytest.mark.parametrize(
    "heading",
    [
        "(一)中央下达农村供水保障资金预算情况。",
        "(一)下达农村供水保障资金预算和绩效目标情况",
        "1.省级下达农村供水保障资金预算情况",
    ],
)
def test_the_templates_opening_heading_names_the_fund(heading: str) -> None:
    header = read_header(read(f"一、绩效目标分解下达情况\n{heading}\n资金已按时下达。\n"))
    assert header.fund == "农村供水保障资金"


@pytest.mark.parametrize(
    ("other", "over"),
    [
        ("其他资金来源18万元。", False),
        ("另有上年结转资金18万元。", False),
        ("其他资金来源5万元。", True),  # 60.5 + 5 does not cover 72.3
        ("", True),
    ],
)
def test_spending_over_the_budget_is_no_finding_when_other_money_printed_beside_it_covers_it(
    tmp_path: Path, other: str, over: bool
) -> None:
    raw = (
        "2031年度某区某协会部门(单位)整体支出绩效自评报告\n二、一般公共预算支出情况\n"
        f"2031年预算收入60.5万元,其中年初预算50万元,调整追加10.5万元。{other}\n\n"
        "2031年支出72.3万元,其中基本支出72.3万元,项目支出0万元。\n"
    )
    loaded = document(tmp_path, raw)
    report = extract(loaded, "rules")
    assert (report.funding.budget.total and report.funding.budget.total.value) == 60.5
    rules = [finding.rule for finding in run_checks(report, loaded.text)]
    assert ("funding.executed_within_budget" in rules) is over


@pytest.mark.parametrize("heading", ["一、项目基本情况\n", "(一)立项背景\n", "一、部门(单位)概况。"])
def test_a_rate_stated_in_a_background_section_is_the_setting_not_a_result(heading: str) -> None:
    rows = indicator_rows(f"{heading}全县森林覆盖率达68.5%,林地保有量稳定。\n二、项目绩效实现情况\n", "actual")
    assert rows == []


def _lines(funding: Funding) -> dict[str, str]:
    return {
        name: total.text
        for name in ("initial", "budget", "allocated", "executed")
        if (total := getattr(funding, name).total) is not None
    }


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        (  # a project of two years: the first year's money recapped, then the report year's carry-over
            "(一)下达情况。2031年中央下达某设施建设项目预算资金900万元(该项目为两年期项目)。2031年完成支付500万元。\n"
            "(二)资金安排情况。2032年结转2031年某设施建设项目资金合计400万元,全年预算执行数合计150万元。"
            "预算执行率37.5%。\n2.资金执行情况。全年预算结转资金合计400万元,实际全年执行预算资金合计150万元。"
            "2032年项目推进缓慢,2032年资金紧张。\n",
            {"budget": "400万元", "executed": "150万元"},
        ),
        (
            "上年度下达资金900万元，上年支出500万元。\n本年度结转资金400万元，本年支出150万元，执行率37.5%。\n",
            {"budget": "400万元", "executed": "150万元"},
        ),
        (  # the lines read make the rate: a year's slip in the text changes nothing
            "2031年上级下达某补助资金共计120万元,实际支出120万元,资金执行率100%。\n2032年资金已全部发放。\n",
            {"allocated": "120万元", "executed": "120万元"},
        ),
    ],
)
def test_the_stated_rate_picks_the_report_years_lines_over_an_earlier_years(
    tmp_path: Path, body: str, lines: dict[str, str]
) -> None:
    report = rules_report(tmp_path, "一、绩效目标分解下达情况\n" + body)
    assert _lines(report.funding) == lines


def test_the_year_money_was_carried_over_from_is_not_the_year_evaluated(tmp_path: Path) -> None:
    report = rules_report(
        tmp_path,
        "2031年下达某项目资金90万元。\n2032年结转2031年某项目资金合计40万元。\n2032年支出15万元,2032年项目推进缓慢。\n",
    )
    assert report.year == 2032


@pytest.mark.parametrize(
    "after", ["\n", "预算执行率37.5%。\n2.资金执行情况。全年资金400万元。\n", "执行偏差较大。\n(三)资金管理情况\n"]
)
def test_a_sentence_on_the_years_execution_is_prose_whatever_follows_it(after: str) -> None:
    raw = f"(二)资金安排情况。2032年结转资金合计400万元,全年预算执行数合计150万元。{after}"
    assert tables_of(raw) == []


@pytest.mark.parametrize("due", ["按贷款合同应支付贴息66万元", "全年应发放补贴66万元", "2032年应兑付奖补资金66万元"])
def test_an_amount_due_after_a_semicolon_ends_the_level_list(due: str) -> None:
    funding, _ = funding_of(
        f"本年度项目资金预算合计72.5万元,其中:中央资金52.5万元,省级资金20万元;{due},已实际支付61.2万元。\n"
    )
    assert _rows(funding.budget) == [("central", "52.5万元"), ("provincial", "20万元")]


@pytest.mark.parametrize(
    ("title", "fund"),
    [
        ("2032年就业创业贴息资金预算执行情况绩效自评报告", "就业创业贴息资金"),
        ("某县2032年农机购置补贴资金预算执行情况自评报告", "农机购置补贴资金"),
    ],
)
def test_a_titles_预算执行情况_is_report_words_not_the_funds_name(title: str, fund: str) -> None:
    assert read_header(read(f"{title}\n一、自评情况\n")).fund == fund


def test_the_whole_a_rate_is_taken_of_may_stand_in_the_sentence_before(tmp_path: Path) -> None:
    report = rules_report(
        tmp_path,
        "某县2032年度某补助资金绩效自评报告\n一、资金情况\n2031年下达资金900万元,当年支出500万元。\n"
        "2032年使用上年结转资金400万元。全年支出150万元,执行率37.5%。\n",
    )
    assert _lines(report.funding) == {"budget": "400万元", "executed": "150万元"}
