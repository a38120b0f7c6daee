"""Header and prose phrasings first met on held-out set 14 (own words and invented figures)."""

from __future__ import annotations

from pathlib import Path

from jixiao.extract.rules.fund_names import named_subject, subject_of
from jixiao.extract.rules.places import leading_places
from jixiao.model import FundSource
from reading import funding_of, rules_report


def test_a_slogan_ending_in_province_is_no_place(tmp_path: Path) -> None:
    assert leading_places("文化强省专项资金") == []
    assert leading_places("浙江省青河县") == ["浙江省", "青河县"]
    raw = "发布机构: 青河县文化旅游局\n文化强省专项资金2031年度绩效自评报告\n一、基本情况\n省下达我县资金20万元。\n"
    report = rules_report(tmp_path, raw)
    assert report.fund == "文化强省专项资金"
    assert report.region == "青河县"  # the publisher's place, not the slogan


def test_the_projects_of_a_units_accounts_name_no_fund() -> None:
    assert subject_of("青河市档案局2031年度部门决算中项目绩效评价报告") is None
    assert subject_of("青河市档案局2031年度档案数字化项目绩效评价报告") == "档案数字化项目"


def test_an_adverb_before_the_evaluation_verb_is_no_fund(tmp_path: Path) -> None:
    raw = (
        "2031年度某会绩效评价工作开展情况\n"
        "单位对2031年度项目支出全面开展绩效自评,共涉及项目2个,资金300万元。\n"
        "附件1:《2031年度浙江省某会部门整体绩效自评表》.docx\n"
    )
    report = rules_report(tmp_path, raw)
    assert report.fund is None
    assert report.region == "浙江省"  # the attached form's title, inside its book-title marks


def test_a_place_tag_after_a_project_name_is_no_part_of_it() -> None:
    assert named_subject("青河区全面实施“雨污分流”工程 (东湖街道)") == "全面实施“雨污分流”工程"
    assert named_subject("青河区排水管网改造工程(一期)") == "排水管网改造工程(一期)"


def test_an_arrangement_colon_list_is_the_spending() -> None:
    raw = (
        "2031年,省下达我县全民阅读专项资金40万元。\n"
        "2031年我县全民阅读资金安排是:支持农家书屋更新8万元,支持阅读推广活动6.5万元、"
        "图书漂流站4万元,支持馆员培训1.5万元。总体目标是:推动全民阅读。\n"
    )
    funding, spending = funding_of(raw)
    assert funding.allocated.total is not None and funding.allocated.total.text == "40万元"
    assert [(item.category, item.amount.text) for item in spending if item.amount] == [
        ("农家书屋更新", "8万元"),
        ("阅读推广活动", "6.5万元"),
        ("图书漂流站", "4万元"),
        ("馆员培训", "1.5万元"),
    ]


def test_a_list_closed_by_its_sum_splits_the_line_its_opening_names() -> None:
    raw = (
        "二、部门预算支出情况\n2031年共安排支出项目3个,即巡回法庭经费40万元、调解中心运行25万元、"
        "法律援助补助15万元,共80万元,具体说明如下:\n1.巡回法庭项目40万元,主要用于办案。\n"
    )
    funding, spending = funding_of(raw)
    assert funding.budget.total is not None and funding.budget.total.text == "80万元"
    assert funding.executed.total is None  # 支出项目 names the projects, it is no spending verb
    assert [(item.category, item.amount.text) for item in spending if item.amount] == [
        ("巡回法庭经费", "40万元"),
        ("调解中心运行", "25万元"),
        ("法律援助补助", "15万元"),
    ]


def test_a_closed_list_that_does_not_add_up_is_no_split() -> None:
    raw = "2031年共安排支出项目3个,即巡回法庭经费40万元、调解中心运行25万元、法律援助补助15万元,共90万元。\n"
    _, spending = funding_of(raw)
    assert spending == []


def test_several_project_paragraphs_keep_the_first_projects_rate() -> None:
    raw = (
        "单位对2031年度项目支出全面开展绩效自评,共涉及项目2个,资金500.00万元。\n"
        "(一)救护培训经费绩效自评综述:项目全年预算数200.00万元,执行数为190.00万元,资金执行率为95.00%。\n"
        "(二)人道救助经费绩效自评综述:项目年预算批复金额为300万元,实际执行资金总额300万元,资金执行率为100%。\n"
    )
    funding, _ = funding_of(raw)
    assert funding.budget.total is not None and funding.budget.total.text == "200.00万元"
    assert funding.executed.total is not None and funding.executed.total.text == "190.00万元"
    assert funding.execution_rate is not None and funding.execution_rate.text == "95.00%"


def test_several_rates_none_of_which_the_lines_give_are_none() -> None:
    raw = "甲补助资金预算200万元,执行180万元,预算执行率100%。\n乙补助资金预算执行率0%。\n"
    funding, _ = funding_of(raw)
    assert funding.execution_rate is None


def test_a_paragraph_calling_the_project_its_places_own_names_the_fund(tmp_path: Path) -> None:
    raw = (
        "区残联工作总结\n\n一、项目基本情况\n(一)立项情况\n"
        "  听力残疾儿童助听工程为我区连续实施的民生工程项目,依据市里的实施办法执行。\n"
        "  2031年共为40名儿童适配助听器,资金12万元。\n"
    )
    assert rules_report(tmp_path, raw).fund == "听力残疾儿童助听工程"


def test_a_place_between_the_year_and_the_project_twice_is_the_region(tmp_path: Path) -> None:
    raw = (
        "厕所改造项目绩效评价报告\n一、项目基本情况\n"
        "20xx年青禾县乡村公厕新建项目总投资300万元,用于新建公厕20座。\n"
        "二、预算执行情况\n20xx年青禾县乡村公厕新建项目使用整合资金300万元,执行率100%。\n"
    )
    assert rules_report(tmp_path, raw).region == "青禾县"
    once = raw.replace("20xx年青禾县乡村公厕新建项目使用", "项目使用")
    assert rules_report(tmp_path, once).region is None  # printed once: a place named in passing


def test_a_municipalitys_city_money_is_provincial(tmp_path: Path) -> None:
    raw = (
        "重庆市青禾区2031年度公园养护项目绩效自评报告\n一、资金情况\n"
        "全年下达资金100万元,其中中央补助40万元,市级补助50万元,区级配套10万元。\n"
    )
    sources = {row.name: row.source for row in rules_report(tmp_path, raw).funding.allocated.by_source}
    assert sources == {"中央补助": FundSource.CENTRAL, "市级补助": FundSource.PROVINCIAL, "区级配套": FundSource.COUNTY}
    elsewhere = raw.replace("重庆市青禾区", "四川省青禾市").replace("区级配套", "县级配套") + "赴北京市学习管养经验。\n"
    rows = rules_report(tmp_path, elsewhere).funding.allocated.by_source
    assert [row.source for row in rows if row.name == "市级补助"] == [FundSource.PREFECTURAL]  # a province's city


def test_a_collection_pages_title_names_no_fund(tmp_path: Path) -> None:
    raw = (
        "乡村道路项目绩效评价报告\n某某网整理的乡村道路项目绩效评价报告(精选8篇),供参考。\n"
        "乡村道路项目绩效评价报告 篇1\n一、项目基本情况\n"
        "20xx年青禾县通组公路硬化项目总投资420万元,全部来源于整合资金。\n"
        "二、预算执行情况\n20xx年青禾县通组公路硬化项目使用整合资金420万元,执行率100%。\n"
    )
    report = rules_report(tmp_path, raw)
    assert report.fund == "通组公路硬化项目"  # the body's own name, printed after its year and place twice
    assert report.region == "青禾县"
    once = raw.replace("20xx年青禾县通组公路硬化项目使用", "项目使用")
    assert rules_report(tmp_path, once).fund is None  # the site's topic is not taken instead
