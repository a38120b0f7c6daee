"""Layout classes of held-out sets 3-5 read by the rules backend, each on invented text of the same shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.documents import load_document
from jixiao.extract.rules import extract_rules
from jixiao.extract.rules.amount_clauses import masked
from jixiao.extract.rules.colon_lists import colon_list
from jixiao.extract.rules.count_breakdowns import read_count_breakdowns
from jixiao.extract.rules.funding import extract_funding
from jixiao.extract.rules.header import read_header
from jixiao.extract.rules.indicators import extract_indicators

# a level heading alone on its line (`(2)社会效益`, no 指标, no full stop) under a completion title that a
# converter ran onto the end of the paragraph before it (`…为100%。2.效益指标完成情况分析`)
_GLUED_TITLE = (
    "(一)资金投入情况\n全年到位资金50万元,已全部使用。\n(3)时效指标\n补助资金当年兑付率为100%。{title}\n"
    "(1)经济效益\n农户收入得到进一步提高。\n(2)社会效益\n"
    "2024年通过补助政策,新建灌溉渠道达到12公里,带动周边农户达到210户。\n"
)


def test_a_bare_level_heading_under_a_completion_title_glued_to_a_paragraph_gives_actuals() -> None:
    found = extract_indicators(_GLUED_TITLE.format(title="2.效益指标完成情况分析"))
    read = {(i.level1, i.level2, i.name, i.actual.text if i.actual else None) for i in found}
    assert ("效益指标", "社会效益指标", "带动周边农户", "210户") in read
    assert ("效益指标", "社会效益指标", "新建灌溉渠道", "12公里") in read


def test_a_bare_level_heading_under_a_title_about_plans_gives_no_actuals() -> None:
    assert not extract_indicators(_GLUED_TITLE.format(title="2.下一步工作打算"))


def test_a_funds_money_stated_without_a_verb_and_split_by_parts_that_add_up_is_the_budget() -> None:
    funding, spending = extract_funding(
        "今年我县支持农村供水工程资金860万元,其中管网改造资金700万元,水质检测设备资金160万,目前已全部落实。\n"
    )
    assert funding.budget.total is not None and funding.budget.total.value == 860
    assert [(item.category, item.amount.value) for item in spending] == [
        ("管网改造资金", 700),
        ("水质检测设备资金", 160),
    ]


@pytest.mark.parametrize(
    "split",
    [
        "其中管网改造资金700万元,水质检测设备资金150万",  # parts that do not add up: any amount of money
        "其中中央资金700万元,县级资金160万元",  # levels: the sources of a line no verb names
    ],
)
def test_money_without_a_verb_is_no_budget_unless_named_parts_add_up_to_it(split: str) -> None:
    funding, _ = extract_funding(f"今年我县支持农村供水工程资金860万元,{split},目前已全部落实。\n")
    assert funding.budget.total is None


def test_a_colon_list_of_named_amounts_wrapped_over_lines_is_the_spending() -> None:
    _, spending = extract_funding(
        "(二)专项情况\n2024年本单位专项资金:慢病随访经费12.5万元、学校卫生\n监测4万元、职业病筛查费8.2万元。\n"
    )
    assert [(item.category, item.amount.value) for item in spending] == [
        ("慢病随访经费", 12.5),
        ("学校卫生监测", 4),
        ("职业病筛查费", 8.2),
    ]


@pytest.mark.parametrize(
    "items",
    [
        "中央资金12万元、省级资金4万元、县级资金3万元",  # levels: sources, not parts
        "慢病随访经费12.5万元、学校卫生监测4万元",  # two items: too few to call a list
        "慢病随访经费12.5万元、学校卫生监测4万元、职业病筛查费8.2万元,合计24.7万元",  # a total: not this list
    ],
)
def test_a_colon_list_of_levels_of_two_items_or_with_its_total_is_not_read_as_such(items: str) -> None:
    text = f"2024年本单位专项资金:{items}。\n"
    assert colon_list(text, masked(text), 0) is None


def test_a_regional_forms_provincial_supervisor_is_no_region_and_the_publishing_unit_is(tmp_path: Path) -> None:
    path = tmp_path / "form.txt"
    path.write_text(
        "政府信息公开\n\n来源:桐庐县农业农村局 发布时间:2023-06-02 09:10 浏览次数: 字体: [ ] 打印\n\n"
        "耕地保护补助资金区域绩效目标自评表\n\n专项名称\n\n耕地保护补助资金\n\n中央主管部门\n\n农业农村部\n\n"
        "省级财政部门\n\n浙江省财政厅\n\n省级主管部门\n\n浙江省农业农村厅\n\n预算执行情况\n\n预算数:\n\n12.5\n",
        encoding="utf-8",
    )
    report = extract_rules(load_document(path))
    assert (report.fund, report.region) == ("耕地保护补助资金", "桐庐县")


def test_a_county_level_supervisor_field_still_names_the_region() -> None:
    header = read_header("项目名称 某粮食储备项目 县级主管部门 桐庐县商务局 实施单位 某储备库\n")
    assert header.region == "桐庐县"


def test_counts_split_by_place_in_their_own_units_are_actuals_with_their_breakdown() -> None:
    text = "具体情况为:资助学生6人,发放助学包6台套(东岭村4人、4台套,西岭村2人、2台套,发放金额1.2万元。\n"
    found = {i.name: (i.actual.text if i.actual else None, [(b.name, b.figure.text) for b in i.breakdown])
             for i in read_count_breakdowns(text)}  # fmt: skip
    assert found == {
        "资助学生": ("6人", [("东岭村", "4人"), ("西岭村", "2人")]),
        "发放助学包": ("6台套", [("东岭村", "4台套"), ("西岭村", "2台套")]),
    }


@pytest.mark.parametrize(
    "text",
    [
        "资助学生6人,发放助学包6套(东岭村4人、4套,西岭村1人、1套)。",  # parts that do not add up
        "资助学生6人(东岭村4人)。",  # one part: no split
        "资助学生6人(其中2023年4人、2套,2024年2人、2套)。",  # a unit no count before it has
        "下达资金6万元(东岭村4万元,西岭村2万元)。",  # money: funding's, not a count
    ],
)
def test_figures_in_a_bracket_that_are_no_split_of_the_counts_before_it_are_not_read(text: str) -> None:
    assert read_count_breakdowns(text) == []
