"""Hunan's 财政支出项目绩效评价自评报告 form: 计划安排资金 | 实际到位资金 | 实际支出 | 结余 label-amount cells, each
source row repeating its label per column (a garbled cell is not read), and its 支出明细 list."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents import load_document
from jixiao.extract import extract
from jixiao.extract.rules.planned_funding import planned_funding
from jixiao.extract.rules.spending_details import ends_in_details, spending_details

BLOCK = """一、项目基本概况 |
计划安排资金 (万元) |
120 |
实际到位资金 (万元) |
118.5 |
实际支出 (万元) |
1,18.,50 |
结余 (万元) |
0 |
||||||
其中:中央财政 |
|
其中:中央财政 |
|
其中:中央财政 |
|
其中:中央财政 |
|
||||||
省财政 |
80 |
省财政 |
80 |
省财政 |
80 |
省财政 |
|
||||||
县财政 |
40 |
县财政 |
38.5 |
县财政 |
3.8.5 |
县财政 |
|
||||||
二、项目支出明细情况 |
"""


def test_each_amount_after_its_label_and_each_source_per_column() -> None:
    funding = planned_funding(BLOCK)
    assert funding is not None
    assert funding.budget.total is not None and funding.budget.total.value == 120
    assert funding.allocated.total is not None and funding.allocated.total.value == 118.5
    assert funding.executed.total is None  # `1,18.,50`: garbled, not read
    budget = [(s.source.value, s.name, s.amount.value) for s in funding.budget.by_source]
    assert budget == [("provincial", "省财政", 80), ("county", "县财政", 40)]
    assert [s.amount.value for s in funding.allocated.by_source] == [80, 38.5]
    assert [s.amount.value for s in funding.executed.by_source] == [80]  # `3.8.5` left out


def test_a_text_without_the_forms_labels_gives_nothing() -> None:
    assert planned_funding(BLOCK.replace("计划安排资金", "预算安排资金")) is None
    squashed = "计划安排资金(万元)实际到位资金(万元)75实际支出(万元)89结余(万元)"  # no cell closes an amount
    assert planned_funding(squashed) is None


DETAILS = """二、项目支出明细情况 |
|||||||||||||
支出内容 |
实际支出数 |
会计凭证号 |
备注 |
||||||||||
30226劳务费 |
36,000.00 |
2023年03月记账 12 |
付某某养护劳务费 |
||||||||||
30906大型修缮 |
125,480.50 |
2023年05月记账 7 |
付某公司路面修补款 |
||||||||||
三、项目绩效情况 |
"""


def test_the_spending_list_is_in_yuan_when_an_amount_exceeds_the_budget_in_wan(tmp_path: Path) -> None:
    path = tmp_path / "hunan_form.txt"
    path.write_text(BLOCK.replace("二、项目支出明细情况 |\n", DETAILS), encoding="utf-8")
    spending = extract(load_document(path), "rules").spending
    assert [(item.category, item.amount.text, item.amount.value) for item in spending if item.amount] == [
        ("30226劳务费", "36,000.00", 3.6),
        ("30906大型修缮", "125,480.50", 12.54805),
    ]


def test_a_spending_list_whose_unit_nothing_tells_is_not_read() -> None:
    assert spending_details(DETAILS, None) == []  # no budget: 36,000.00 may be 元 or 万元
    budget = planned_funding(BLOCK)
    assert budget is not None
    few = DETAILS.replace("36,000.00", "6.00").replace("125,480.50", "12.50")
    assert spending_details(few, budget.budget.total) == []  # 18.5 of 120: too little to say 万元, too much for 元
    over = DETAILS.replace("36,000.00", "76.00").replace("125,480.50", "52.50")
    assert spending_details(over, budget.budget.total) == []  # 128.5 each within 120 but past it together
    printed = DETAILS.replace("实际支出数 |", "实际支出数(万元) |")
    assert [item.amount.value for item in spending_details(printed, None) if item.amount] == [36000.0, 125480.5]


def _lines(*cells: str) -> str:
    """Cells one per line with a blank line between, as a page without pipes dumps the form."""
    return "\n\n".join(cells) + "\n"


LINES = _lines(
    "一、项目基本概况",
    *("计划安排资金", "(万元)", "90", "实际到位资金", "(万元)", "85"),
    *("实际支出", "(万元)", "80.4", "结余(万元)", "4.6"),
    *(["其中:中央财政"] * 4),
    *("省财政", "60", "省财政", "省财政", "55", "省财政"),  # allocated and balance empty: no line for them
    *("县财政", "30", "县财政", "25", "县财政", "25.4", "县财政", "0.5"),
    "二、项目支出明细情况",
    *("支出内容", "实际支出数(万元)", "会计凭证号", "备注"),
    *("设备购置费", "50.4", "2022年4月记账 3", "付某公司设备款"),
    *("咨询费", "30"),
    *("支出合计", "80.4"),
    "三、项目绩效情况",
)


def test_a_cell_per_line_dump_without_pipes_reads_each_amount_by_its_repeated_label() -> None:
    funding = planned_funding(LINES)
    assert funding is not None
    lines = (funding.budget, funding.allocated, funding.executed)
    assert [line.total.value if line.total else None for line in lines] == [90, 85, 80.4]
    by_column = [[(s.name, s.amount.value) for s in line.by_source] for line in lines]
    assert by_column == [[("省财政", 60), ("县财政", 30)], [("县财政", 25)], [("省财政", 55), ("县财政", 25.4)]]


def test_a_cell_per_line_spending_list_skips_its_voucher_lines_and_its_total_row() -> None:
    items = spending_details(LINES, None)
    read = [(item.category, item.amount.value) for item in items if item.amount]
    assert read == [("设备购置费", 50.4), ("咨询费", 30)]


# A dump of one cell per paragraph (blank lines between, a blank cell a line of one space), as set 16 printed it.
_PARAGRAPHS = "\n\n".join(
    ["计划安排资金", "(万元)", "56", "实际到位资金", "(万元)", "56", "实际支出", "(万元)", "54.2", "结余(万元)", " "]
    + ["其中:中央财政", " "] * 4
    + ["县(区)财政", "56", "县(区)财政", "56", "县(区)财政", "54.2", "县(区)财政", " "]
    + ["其它", " "] * 4
    + ["二、项目支出明细情况", "支出内容", "实际支出数", "会计凭证号", "备注"]
    + ["公交票价补贴", "312000", "2023年4月0012号", " ", "公交票价补贴", "230000", "2023年9月0031号", " "]
    + ["支出合计", "542000", "三、项目绩效自评情况"]
)


def test_a_source_label_with_a_bracketed_level_is_read_per_column() -> None:
    funding = planned_funding(_PARAGRAPHS)
    assert funding is not None
    amounts = [[(s.source.value, s.amount.text) for s in line.by_source] for line in (funding.budget, funding.executed)]
    assert amounts == [[("county", "56")], [("county", "54.2")]]


def test_a_spending_list_of_one_content_paid_in_several_vouchers_is_no_split() -> None:
    funding = planned_funding(_PARAGRAPHS)
    assert funding is not None and spending_details(_PARAGRAPHS, funding.budget.total) == []
    several = _PARAGRAPHS.replace("公交票价补贴\n\n230000", "车辆维修费\n\n230000")
    assert [item.category for item in spending_details(several, funding.budget.total)] == ["公交票价补贴", "车辆维修费"]


_SQUASHED = (
    "项目基本信息项目实施单位某县水务局项目类型经常性项目计划投资额(万元)86.00实际到位资金(万元)80.50"
    "实际使用情况(万元){executed}其中:中央财政其中:中央财政其中:中央财政市县财政预算86.00市县财政预算80.50"
)


def test_a_squashed_forms_three_totals_glued_after_their_labels_are_read() -> None:
    funding = planned_funding(_SQUASHED.format(executed="79.20"))
    assert funding is not None
    totals = (funding.budget.total, funding.allocated.total, funding.executed.total)
    assert [figure.value if figure else None for figure in totals] == [86.0, 80.5, 79.2]
    assert not funding.budget.by_source  # a row cut after two of its three printings is no row


def test_a_squashed_forms_source_rows_each_label_thrice_are_read_per_column() -> None:
    rows = "市县财政预算86.00市县财政预算80.50市县财政预算79.20地方债券资金地方债券资金地方债券资金二、评分"
    funding = planned_funding(
        _SQUASHED.format(executed="79.20").split("市县")[0] + "省财政预算省财政预算省财政预算" + rows
    )
    assert funding is not None
    read = [
        [(s.source.value, s.amount.value) for s in line.by_source]
        for line in (funding.budget, funding.allocated, funding.executed)
    ]
    assert read == [[("county", 86.0)], [("county", 80.5)], [("county", 79.2)]]
    broken = planned_funding(_SQUASHED.format(executed="79.20").split("市县")[0] + "某段文字" + rows)
    assert broken is not None and not broken.budget.by_source  # the rows must follow the totals unbroken


def test_a_squashed_form_missing_one_total_reads_none() -> None:
    assert planned_funding(_SQUASHED.format(executed="")) is None


def test_rows_adding_up_to_a_good_share_of_the_budget_are_in_wan() -> None:
    """Monthly payments of 36 and 12.5 out of 120 万元: in 元 they would be a ten-thousandth of the money."""
    small = DETAILS.replace("36,000.00", "36.00").replace("125,480.50", "12.50")
    budget = planned_funding(BLOCK)
    assert budget is not None
    read = spending_details(small, budget.budget.total)
    assert [(item.category, item.amount.value, item.amount.unit) for item in read if item.amount] == [
        ("30226劳务费", 36.0, "万元"),
        ("30906大型修缮", 12.5, "万元"),
    ]


PLANNED = """二、项目支出明细情况 | |||||
支出内容(经济科目) | 计划支出数(万元) | 实际支出数(万元) | |||||
设备维护费 | 60.00 | 58.20 | |||||
资料印制费 | 12 | 9.5 | |||||
支出合计 | 72.00 | 67.70 | |||||
三、项目绩效情况 | |||||
"""


def test_with_a_planned_column_the_second_amount_is_the_spending() -> None:
    read = spending_details(PLANNED, None)
    assert [(item.category, item.amount.text) for item in read if item.amount] == [
        ("设备维护费", "58.20"),
        ("资料印制费", "9.5"),
    ]
    assert spending_details(PLANNED.replace(" | 9.5 |", " |"), None)[1:] == []  # one amount: which column unsure


def test_a_form_that_stops_inside_its_spending_list_is_cut() -> None:
    assert not ends_in_details(PLANNED)
    assert ends_in_details(PLANNED.split("支出合计")[0])
    assert ends_in_details(PLANNED.replace("三、项目绩效情况 | |||||\n", ""))  # its total row, then nothing


TWO_COLUMNS = """计划安排资金(万元) | 200.00 | 实际到位资金(万元) | 180.00 | |||||
其中:中央财政 | 其中:中央财政 | |||||
市财政 | 20.00 | 市财政 | 20.00 | |||||
县财政 | 180.00 | 县财政 | 160.00 | |||||
实际支出(万元) | 175.00 | |||||
二、项目支出明细情况 | |||||
"""


def test_an_executed_row_below_two_columns_sources_heads_none_of_them() -> None:
    funding = planned_funding(TWO_COLUMNS)
    assert funding is not None and funding.executed.total is not None and funding.executed.total.value == 175
    by_column = [[(s.name, s.amount.value) for s in line.by_source] for line in (funding.budget, funding.allocated)]
    assert by_column == [[("市财政", 20), ("县财政", 180)], [("市财政", 20), ("县财政", 160)]]
    assert funding.executed.by_source == []
