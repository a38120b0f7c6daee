"""Squashed PDF forms that print their values before their labels, first met on held-out set 13 (own words and
invented figures)."""

from __future__ import annotations

from pathlib import Path

from jixiao.extract.rules.form_fields import FieldKind, form_fields
from jixiao.extract.rules.values_first import read_values_first
from reading import read, rules_report

_BLOCK = (
    "一级指标 二级指标 数量指标 三级指标 培训班次完成 年度 指标值 实际 完成值 分值 得分 =100% 100% 30 30 "
    ">=90% 92% 30 27 及时 及时 20 20 100 97 率 产出指标 质量指标 绩 效 指 标 时效指标 学员考核合格率 "
    "证书发放及时性 总分"
)


def _rows(text: str) -> list[tuple[str | None, str | None, str, str | None, str | None, str | None]]:
    blocks = read_values_first(text, [(0, "某培训经费")])
    return [
        (i.level1, i.level2, i.name, i.target.text if i.target else None, i.actual.text if i.actual else None,
         i.score.text if i.score else None)
        for block in blocks for i in block.indicators
    ]  # fmt: skip


def test_values_first_rows_pair_names_levels_and_value_groups_in_order() -> None:
    text = read("某表 " + _BLOCK)
    assert _rows(text) == [
        ("产出指标", "数量指标", "培训班次完成率", "=100%", "100%", "30"),  # its 率 wrapped after the numbers
        ("产出指标", "质量指标", "学员考核合格率", "≥90%", "92%", "27"),
        ("产出指标", "时效指标", "证书发放及时性", "及时", "及时", "20"),
    ]
    [block] = read_values_first(text, [(0, "某培训经费")])
    assert block.total_score is not None and block.total_score.text == "97"
    assert all(indicator.program == "某培训经费" for indicator in block.indicators)


def test_a_block_whose_counts_disagree_is_not_read() -> None:
    text = read("某表 " + _BLOCK.replace("时效指标 ", ""))  # three names, two second levels
    assert read_values_first(text, []) == []


def test_a_name_printed_before_its_label_is_the_forms_name() -> None:
    text = read("项目支出绩效自评表 (2030 年度) 青禾镇农技推广服 务经费 项目名称 主管部门 青禾镇人民政府 年初预算数\n")
    names = [field.value for field in form_fields(text) if field.kind is FieldKind.NAME]
    assert names == ["青禾镇农技推广服务经费"]


def test_a_later_forms_funding_and_unsettled_zero_rows_are_left_out(tmp_path: Path) -> None:
    head = "年初预算数 全年预算数 全年执行数 分值 执行率 得分"
    raw = (
        f"财政项目支出绩效自评表 (2030 年度) 项目名称 甲项经费 主管部门 青禾县文化局 {head} "
        "50.00 50.00 45.00 10 9 上年结转资金 0 0 — 其他资金 0 0 — 年度资金总额 "
        f"财政项目支出绩效自评表 (2030 年度) 项目名称 乙项经费 主管部门 青禾县文化局 {head} "
        "8.00 8.00 4.00 10 5 上年结转资金 0 0 — 其他资金 0 0 — 年度资金总额\n"
    )
    report = rules_report(tmp_path, raw)
    assert report.fund is None  # two projects' forms, and `财政项目` is the form's own name
    funding = report.funding
    assert funding.budget.total is not None and funding.budget.total.value == 50.0
    assert funding.executed.total is not None and funding.executed.total.value == 45.0
    lines = (funding.initial, funding.budget, funding.allocated, funding.executed)
    assert all(line.by_source == [] for line in lines)  # `0 0 —` under three amount columns: not placed
