"""Funds and years of table forms from held-out set 18 (invented names, in the layouts real pages print)."""

from __future__ import annotations

from reading import header_of


def test_a_policy_forms_name_in_the_title_names_no_fund_its_project_field_does() -> None:
    form = "梅岭县财政支出政策绩效评价报告\n项目名称 2022年农家书屋补助资金\n项目单位 梅岭县文化局\n"
    assert header_of(form).fund == "农家书屋补助资金"
    assert header_of("梅岭县财政支出绩效评价报告\n").fund is None


def test_a_period_within_one_year_gives_the_year_where_only_dates_are_printed() -> None:
    form = "项目名称 救助专项\n报告日期:2020年 6月 3日\n项目起止时间 |\n2019 年 1 月起至 2019 年 12 月止 |\n"
    assert header_of(form).year == 2019
    assert header_of(form.replace("至 2019 年 12 月", "至 2020 年 6 月")).year is None  # two years: no one year
