"""Table zones end at a section heading, but a numbered row of figures under a row ending in figures is the
same table squashed (T3), not a heading. Telling the two apart stays linear in the line: the figures' pattern
once tried every split of every run of digits before a word that ends the line (a heading with four amounts
and a word took seconds, a dozen would never end)."""

from __future__ import annotations

from jixiao.documents.tables.zones import table_zones

_HEADER = "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
_FIRST_ROW = "产出指标 数量指标 一、示范推广 ≥12场 12场 10.0\n"


def test_a_numbered_row_of_figures_stays_in_the_table() -> None:
    text = _HEADER + _FIRST_ROW + "二、技术培训 ≥8场 9场 10.0\n"
    assert table_zones(text, []) == [(0, len(text))]


def test_a_heading_that_ends_in_a_word_after_many_amounts_ends_the_table() -> None:
    heading = "二、资金安排 " + " ".join(["1234.56"] * 12) + " 合计\n"
    text = _HEADER + _FIRST_ROW + heading + "资金按进度拨付。\n"
    assert table_zones(text, []) == [(0, len(_HEADER) + len(_FIRST_ROW) - 1)]
