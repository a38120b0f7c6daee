"""Funds and years of prose pages from held-out set 17 (invented names, in the phrasings real pages print)."""

from __future__ import annotations

from jixiao.extract.rules.header import Header, read_header
from reading import read


def _header(raw: str) -> Header:
    return read_header(read(raw))


def test_the_special_transfers_region_form_named_in_a_title_names_no_fund() -> None:
    form = "2022年中央对地方专项转移支付区域绩效目标自评表\n填报类型:整体□ 区域√ 项目□\n"
    assert _header(form).fund is None
    assert _header("2022年中央对地方转移支付区域绩效目标自评表\n").fund is None


def test_an_untitled_report_names_its_fund_where_it_says_the_project_was_carried_out() -> None:
    body = (
        "一、项目基本情况\n2021年某中心向县级财政申请资金80万元。\n二、项目绩效指标完成情况\n"
        "县水质监测中心运行经费项目的实施,保障了全县饮用水源的按时监测。\n"
    )
    assert _header(body).fund == "水质监测中心运行经费"
    assert _header(body.replace("县水质", "县级水质")).fund == "县级水质监测中心运行经费"


def test_a_report_with_no_year_but_the_date_its_money_was_spent_by_is_of_that_year() -> None:
    body = "某乡关于某改造项目的绩效自评报告\n一、资金\n截至2023年10月底,某改造项目支出8.4万元,主要用于设备购置。\n"
    assert _header(body).year == 2023
    assert _header(body.replace("支出8.4万元", "开工建设")).year is None  # a date of work, not of money spent
