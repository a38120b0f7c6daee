"""河北's 预算项目绩效自评表: indicator rows under a two-line header that end in 单项指标得分 | 权重占比 | 折算得分
(written by us, invented names and figures)."""

from __future__ import annotations

from jixiao.documents.normalize import normalize
from jixiao.documents.tables import Kind, Role, find_tables
from jixiao.documents.tables.share_rows import share_tables

_HEADER = (
    "四、年度绩效指标完成情况 一级指标 二级指标 三级指标 指标分值 预期指标值 单项指标实际完成值 "
    "单项指标完成情况 自评得分\n"
    "符号 单位(文字描述) 单项指标得分 权重占比(%) 单项指标折算得分\n"
)
_CELLS = (Role.LEVEL1, Role.LEVEL2, Role.NAME, Role.TARGET, Role.UNIT, Role.ACTUAL, Role.WEIGHT)


def _rows(body: str) -> list[tuple[str, ...]]:
    text, origin = normalize(_HEADER + body)
    tables = [table for table in find_tables(text, origin) if table.kind is Kind.INDICATORS]
    return [tuple(row.text(role) for role in _CELLS) for table in tables for row in table.rows]


def test_each_row_gives_levels_name_target_actual_and_the_share_as_weight() -> None:
    rows = _rows(
        "产出指标 数量指标 培训人次 参训人员占应训人员的比例 >= 90 %(百分比) 86% 未完成 18.00 30.00 5.40\n"
        "时效指标 按月发放率 当月发放到位的比例 = 100 %(百分比) 100% 完成 20.00 20.00 4.00\n"
    )
    assert rows == [
        ("产出指标", "数量指标", "培训人次", "≥90", "%", "86%", "30.00"),
        # the first level is carried down to a row that starts at its second level
        ("产出指标", "时效指标", "按月发放率", "=100", "%", "100%", "20.00"),
    ]


def test_the_score_is_the_single_score_on_the_weight_not_the_weighted_one() -> None:
    text, origin = normalize(
        _HEADER + "产出指标 数量指标 培训人次 参训人员占应训人员的比例 >= 90 %(百分比) 86% 未完成 18.00 30.00 5.40\n"
    )
    (table,) = [table for table in find_tables(text, origin) if table.kind is Kind.INDICATORS]
    assert [(row.text(Role.WEIGHT), row.text(Role.SCORE)) for row in table.rows] == [("30.00", "18.00")]


def test_a_misprinted_first_level_before_a_second_level_is_kept_as_printed() -> None:
    rows = _rows("成效指标 社会效益指标 困难户覆盖率 纳入保障的困难户比例 >= 80 %(百分比) 90% 完成 40.00 40.00 16.00\n")
    assert rows == [("成效指标", "社会效益指标", "困难户覆盖率", "≥80", "%", "90%", "40.00")]


def test_a_count_target_keeps_its_unit() -> None:
    rows = _rows("产出指标 数量指标 补助对象人数 享受补助的对象人数 >= 120 人 126人 完成 10.00 10.00 1.00\n")
    assert rows == [("产出指标", "数量指标", "补助对象人数", "≥120", "人", "126人", "10.00")]


def test_a_row_whose_three_numbers_disagree_is_not_read_and_ends_the_rows() -> None:
    rows = _rows(
        "产出指标 数量指标 走访户数 走访的困难户数 >= 50 户 52户 完成 20.00 20.00 7.00\n"
        "质量指标 发放准确率 准确发放的比例 >= 98 %(百分比) 100% 完成 20.00 20.00 4.00\n"
    )
    assert rows == []


def test_rows_without_the_sub_header_are_left_to_the_other_readers() -> None:
    text = "产出指标 数量指标 走访户数 走访的困难户数 >= 50 户 52户 完成 20.00 20.00 4.00\n"
    assert share_tables(text) == []
