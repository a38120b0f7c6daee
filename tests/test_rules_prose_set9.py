"""Prose shapes of held-out set 9, one class each, on invented paragraphs."""

from __future__ import annotations

from jixiao.extract.rules.cut_end import ends_mid_sentence
from jixiao.extract.rules.funding import extract_funding
from jixiao.extract.rules.goal_statements import read_goal_statements
from jixiao.extract.rules.header import read_header
from jixiao.extract.rules.indicators import extract_indicators
from reading import indicator_rows, read


def _indicators(raw: str) -> list[tuple[str | None, ...]]:
    return indicator_rows(raw, "level2", "name", "target", "actual")


# ---- a line named before its colon, its count totalled at the end --------------------------------------


def test_a_colon_named_line_gives_its_total_as_actual_and_a_restated_bound_as_target() -> None:
    found = _indicators(
        "(三)绩效指标完成情况分析。\n1.产出指标完成情况分析。\n(1)数量指标。\n"
        "组织入户随访:每月组织入户随访一次,共12次。\n"
        "开展业务培训: 半年开展一次业务培训,共2场。\n"
        "3.满意度指标完成情况分析\n群众满意度:群众满意度≥85%。\n"
    )
    assert found == [
        ("数量指标", "组织入户随访", None, "12次"),
        ("数量指标", "开展业务培训", None, "2场"),
        ("服务对象满意度指标", "群众满意度", "≥85%", None),
    ]


def test_a_colon_named_line_with_a_figure_besides_its_total_is_not_read_as_one() -> None:
    found = _indicators("1.产出指标完成情况分析。\n(1)数量指标。\n组织入户随访:计划随访300户,共随访288户。\n")
    assert ("数量指标", "组织入户随访", None, "288户") not in found


# ---- 云南 school reports: a circled level with no 指标, parts with their total, standards restated ----------


def test_circled_levels_without_their_word_parts_before_a_total_and_standards_restated_after_shiji() -> None:
    found = _indicators(
        "二、绩效目标完成情况\n完成的绩效目标。\n(1)产出指标\n"
        "①成本指标:某补助资金标准小学生均标准为650元/生.年,初中生均标准为850元/生.年。"
        "实际小学生均标准为650元/生.年,初中生均标准为850元/生.年。\n"
        "(2)效益指标\n②社会效益:2024年某补助政策知晓率为98%,家长普遍认可。\n"
        "③可持续影响:我镇学前教育保育年限为小班1年、中班1年、大班1年共3年,全部免费。\n"
    )
    assert found == [
        ("成本指标", "小学生均标准", "650元/生.年", "650元/生.年"),
        ("成本指标", "初中生均标准", "850元/生.年", "850元/生.年"),
        ("社会效益指标", "某补助政策知晓率", None, "98%"),
        ("可持续影响指标", "学前教育保育年限", None, "3年"),
    ]


def test_parts_that_do_not_make_up_their_total_are_no_breakdown() -> None:
    text = read("2.完成的绩效目标。\n(2)效益指标\n③可持续影响:保育年限为小班1年、中班1年共3年。\n")
    found = extract_indicators(text)
    assert all(indicator.breakdown == [] for indicator in found)
    assert found == []  # nor is `保育年限为小班` a name of `1年`


def test_standards_restated_under_other_names_are_not_paired() -> None:
    found = _indicators(
        "2.完成的绩效目标。\n(1)产出指标\n①成本指标:小学生均标准为650元/生.年,初中生均标准为850元/生.年。"
        "实际寄宿生补助为650元/生.年,初中生均标准为850元/生.年。\n"
    )
    assert [row for row in found if row[0] == "成本指标" and row[2] is not None] == []


# ---- a misprinted level and a completion title run onto the block's last line -----------------------------


def test_a_misprinted_level_heading_reports_results_when_the_next_completion_title_ran_onto_its_line() -> None:
    found = _indicators(
        "(一)资金投入情况分析\n1.项目资金到位情况分析\n下达资金50万元。\n"
        "(3)实效指标\n我们对申请户及时审核兑付,当年补贴发放到位率100%。2.效益指标完成情况分析\n"
        "(2)社会效益\n2024年通过补贴政策直接受益户12户,间接受益户达到80户。\n"
    )
    assert found == [
        ("实效指标", "当年补贴发放到位率", None, "100%"),
        ("社会效益指标", "直接受益户", None, "12户"),
        ("社会效益指标", "间接受益户", None, "80户"),
    ]


# ---- funding ------------------------------------------------------------------------------------------


def test_a_rate_with_a_space_before_its_sign_is_the_execution_rate() -> None:
    text = read("2024年收到补助资金50万元,全年支出45.5万元,项目预算执行率91.00 %。\n")
    funding, _ = extract_funding(text)
    assert funding.execution_rate is not None and funding.execution_rate.value == 91.0


def test_parts_given_amount_first_that_make_up_a_sum_before_them_are_spending() -> None:
    text = read(
        "(1)资金筹集:2024年,我县安排配套资金1.2亿元支持城镇住房,其中:安排3000万元支持老旧小区改造;"
        "安排9000万元支持新建公租房。\n"
        "大气类:中央下达资金共8050万元,我市及时下拨。将8000万元资金下拨用于实施集中供热,"
        "50万元资金下拨用于实施某厂锅炉治理项目。\n"
    )
    _, spending = extract_funding(text)
    assert [(item.category, item.amount.text) for item in spending] == [
        ("老旧小区改造", "3000万元"),
        ("新建公租房", "9000万元"),
        ("集中供热", "8000万元"),
        ("某厂锅炉治理项目", "50万元"),
    ]


def test_parts_given_amount_first_that_make_up_no_sum_before_them_are_not_spending() -> None:
    text = read("我县安排资金1.5亿元。将3000万元资金用于老旧小区改造,9000万元资金用于新建公租房。\n")
    _, spending = extract_funding(text)
    assert spending == []


def test_money_used_to_do_the_work_is_executed() -> None:
    text = read(
        "为尽快恢复生产,我县通过使用2023年中央救灾资金(第二批)320万元,支持受灾地区恢复生产。\n"
        "(一)资金投入情况。共下达我县中央救灾资金320万元。\n"
    )
    funding, _ = extract_funding(text)
    assert funding.executed.total is not None and funding.executed.total.text == "320万元"
    assert funding.allocated.total is not None and funding.allocated.total.text == "320万元"


# ---- the header -----------------------------------------------------------------------------------------


def test_a_last_section_answered_in_a_word_without_its_full_stop_closes_the_report() -> None:
    squashed = "五、存在的问题及原因分析项目推进顺利,未发现问题六、下一步工作建议加快资金拨付七、其他需要说明的问题暂无"
    assert not ends_mid_sentence(squashed)
    assert not ends_mid_sentence("六、其他需要说明的事项\n无")
    assert ends_mid_sentence("六、存在的问题\n部分资金拨付")  # cut inside the answer


def test_a_notice_sentence_naming_the_self_evaluation_is_no_title() -> None:
    header = read_header(
        "现已完成某县2023年衔接资金项目绩效目标自评,联系人:某某联系电话:0000-1234567\n"
        "绩效目标自评表(2023年度)\n项目名称某县小型水库水位监测设施安装项目\n主管部门某县水利局\n"
    )
    assert header.title == "绩效目标自评表(2023年度)"
    assert header.fund is not None and header.fund.startswith("小型水库水位监测设施安装")


def test_an_autonomous_region_that_evaluates_is_the_region_in_the_short_form_the_text_uses() -> None:
    header = read_header(
        "按照《财政部关于开展绩效自评工作的通知》要求,宁夏回族自治区交通运输厅、财政厅组织开展了"
        "2024年度某补助资金绩效自评工作,现将自评情况报告如下:\n一、绩效目标分解下达情况\n"
        "财政部下达宁夏某补助资金1200万元。\n"
    )
    assert header.region == "宁夏"


def test_a_unit_with_its_alternative_in_brackets_is_one_figure() -> None:
    found = read_goal_statements(
        read("一、绩效目标分解下达情况\n2024年度区域绩效目标:筹集公租房1200套(间);发放补贴3000户。\n")
    )
    assert [(i.name, i.target.text if i.target else None) for i in found] == [
        ("筹集公租房", "1200套(间)"),
        ("发放补贴", "3000户"),
    ]


def test_a_forms_project_name_wrapped_by_the_title_is_the_fund_without_its_place() -> None:
    header = read_header(
        "2023年度中央转移支付区域(体育公园项目)绩效自评表\n"
        "中央转移支付青禾市柳岸区体育公园项目绩效自评表 | |||\n"
        "转移支付(项目)名称 | 青禾市柳岸区体育公园项目 | |||\n"
        "中央主管部门 | 国家体育总局 | |||\n"
    )
    assert header.fund == "体育公园项目"
