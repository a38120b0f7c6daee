"""Prose layouts of set 15 (invented text): changes and level shares are no lines, spent parts and labelled
uses are spending, a plan and its result of one verb are an indicator, and the header's place and fund."""

from __future__ import annotations

from jixiao.documents.normalize import normalize
from jixiao.extract.rules.header import read_header
from jixiao.model import Funding, FundSource
from reading import funding_of, indicator_rows


def _totals(funding: Funding) -> dict[str, float | None]:
    lines = ("initial", "budget", "allocated", "executed")
    return {line: total.value for line in lines if (total := getattr(funding, line).total) is not None}


def test_a_change_is_no_budget_and_the_executable_budget_is_the_budget() -> None:
    funding, _ = funding_of(
        "2022年单位年初预算收入300.00万元，年内调整预算数-40.00万元，决算收入260.00万元。"
        "上年结转0万元，全年可执行预算合计260.00万元。\n"
        "2022年单位年初预算支出300.00万元。单位决算支出258.00万元。\n"
    )
    assert _totals(funding) == {"initial": 300.0, "budget": 260.0, "executed": 258.0}


def test_one_amount_said_by_two_verbs_is_the_line_but_two_batches_are_not() -> None:
    funding, _ = funding_of("省财政厅下达某项目资金12.50万元，资金到位12.50万元，实际执行12.00万元。\n")
    assert _totals(funding) == {"allocated": 12.5, "executed": 12.0}
    funding, _ = funding_of("县财政3月下达某项目资金10万元，9月下达某项目资金10万元。\n")
    assert "allocated" not in _totals(funding)


def test_named_amounts_after_a_spending_verb_that_make_up_the_total_are_spending() -> None:
    funding, spending = funding_of(
        "县财政下达某专项资金20万元。2022年累计支出设备购置费8.5万元，宣传印刷费3.5万元，人员劳务费8万元。\n"
    )
    assert [(item.category, item.amount and item.amount.value) for item in spending] == [
        ("设备购置费", 8.5),
        ("宣传印刷费", 3.5),
        ("人员劳务费", 8.0),
    ]
    assert funding.executed.total is None  # the first part is no executed total
    _, spending = funding_of("县财政下达某专项资金20万元。2022年累计支出设备购置费8.5万元，宣传印刷费3.5万元。\n")
    assert spending == []  # 12 of 20: no parts of the line


def test_numbered_labelled_uses_are_spending_and_a_cut_item_is_left_out() -> None:
    _, spending = funding_of(
        "下达某项目资金20万元，资金到位20万元。\n预算资金主要用途:\n1)会务费:全省会议会务费2.00万元。\n"
        "2)资料费:培训教材印制费3.50万元。\n3)咨询费:聘请专家咨询费1.20万元。\n4)办公设"
    )
    assert [(item.category, item.amount and item.amount.value) for item in spending] == [
        ("会务费", 2.0),
        ("资料费", 3.5),
        ("咨询费", 1.2),
    ]
    _, spending = funding_of(
        "下达某项目资金2万元。\n预算资金主要用途:\n1)会务费:会务费2.00万元。\n2)资料费:印制费3.50万元。\n"
        "3)咨询费:咨询费1.20万元。\n"
    )
    assert spending == []  # 6.7 of 2: no uses of this money


def test_a_level_share_is_no_total_and_the_years_money_beside_the_carryover_is_appropriation() -> None:
    funding, _ = funding_of(
        "各级财政共下达我县某补贴资金100.00万元，其中省级配套60.00万元、县级配套40.00万元。"
        "全年共发放98.00万元(当年资金95.00万元，上年结转资金3.00万元)。\n"
        "2023年年初预算县级资金40.00万元，随月发放38.00万元。\n"
    )
    assert _totals(funding) == {"allocated": 100.0, "executed": 98.0}
    assert [row.source for row in funding.executed.by_source] == [FundSource.APPROPRIATION, FundSource.CARRYOVER]


def test_a_plan_and_its_result_of_one_verb_are_an_indicator() -> None:
    raw = "1.项目绩效总目标。\n2021年助学补助计划发放120人,实际发放131人。\n"
    rows = indicator_rows(raw, "name", "target", "actual")
    assert rows == [("助学补助发放", "120人", "131人")]
    assert indicator_rows("2021年助学补助计划发放12万元,实际发放13万元。\n", "name") == []


def _header(raw: str) -> tuple[str | None, str | None]:
    text, _ = normalize(raw)
    header = read_header(text)
    return header.region, header.fund


def test_the_place_of_the_notices_issuer_when_the_report_says_its_level() -> None:
    raw = (
        "2023年某补贴事后绩效评价报告\n按照《柳江县财政局关于开展2023年度项目绩效评价的通知》要求，"
        "我局组织开展了评价。为保障我县老年人权益，发放某补贴。\n"
    )
    assert _header(raw)[0] == "柳江县"
    assert _header(raw.replace("我县", "本地"))[0] is None


def test_the_spelling_printed_most_among_one_char_variants() -> None:
    raw = (
        "《榆坻区2021年某资金绩效评价报告.docx》由会员分享。更多相关《榆坻区2021年某资金绩效评价报告.docx》\n"
        "1、榆延区2021年某资金绩效评价报告根据要求,结合我区实际开展评价。\n"
    )
    assert _header(raw)[0] == "榆坻区"


def test_a_generic_spending_wrapper_and_a_units_name_before_the_project() -> None:
    assert _header("某县某站2020年预算项目支出(保洁补贴)绩效评价自评报告\n一、项目概况\n")[1] == "保洁补贴"
    table = (
        "项目支出绩效自评表\n项目名称 | 某市某局青山口岸分局道路养护支出项目 |\n"
        "主管部门 | 某市某局 | 实施单位 | 某市某局青山口岸分局 |\n"
    )
    assert _header(table)[1] == "道路养护支出项目"


def test_a_budget_that_arrived_is_allocated_too_so_another_projects_arrival_is_no_total() -> None:
    funding, _ = funding_of("2030年县财政安排某项目45万元在年内都按时到位。\n")
    assert _totals(funding) == {"budget": 45.0, "allocated": 45.0}
    funding, _ = funding_of(
        "1、甲项目资金:县财政安排45万元在年内都按时到位;2、乙项目资金:县财政拨款400万元,于当年全部到位。\n"
    )
    assert "allocated" not in _totals(funding)  # two projects' arrivals: neither is the line's total
