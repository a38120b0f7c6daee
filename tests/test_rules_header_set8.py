"""Titles and funds of table-form pages from held-out set 8 (invented names, in the layouts real pages print)."""

from __future__ import annotations

from reading import header_of

_FORM = "项目支出绩效自评表\n(2023年度)\n项目名称\n乡村医生岗位补助资金\n主管部门\n柳河县卫生健康委员会\n"


def test_a_pages_numbered_list_of_its_forms_names_none_of_them_the_title_the_form_names_its_fund() -> None:
    listed = (
        "2023年度项目支出绩效自评表\n柳河县卫生健康委员会本级项目绩效自评表清单\n序号\n项目名称\n备注\n"
        "1\n乡村医生岗位补助资金自评表\n2\n家庭医生签约服务经费自评表\n3\n提前下达基本公共卫生服务补助资金自评表\n"
    )
    header = header_of(listed + _FORM)
    assert (header.title, header.fund) == ("2023年度项目支出绩效自评表", "乡村医生岗位补助资金")


def test_a_title_line_over_another_title_is_not_its_first_half() -> None:
    header = header_of("家庭医生签约服务经费自评表\n项目支出绩效自评表\n(2023年度)\n")
    assert header.title == "项目支出绩效自评表"


def test_a_results_page_titled_by_what_it_evaluated_names_its_fund() -> None:
    header = header_of("2022年度研究生学业奖学金项目自评结果\n一、自评结论\n(一)评价得分情况。\n")
    assert (header.title, header.fund, header.year) == (
        "2022年度研究生学业奖学金项目自评结果",
        "研究生学业奖学金项目",
        2022,
    )
    assert header_of("绩效自评结果\n一、自评结论\n").fund is None
