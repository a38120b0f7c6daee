"""Table shapes met in published reports that the first layouts did not cover (written by us, invented
figures): one behaviour per test, each on a few rows in the shape of the real ones."""

from __future__ import annotations

from jixiao.documents.tables import Kind, Role, Table
from jixiao.documents.tables.headers import role_of
from reading import tables_of

_PIPE_HEADER = "年度绩效目标 (80分) | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 | |||"


def _names(table: Table) -> list[str]:
    return [row.cells[role].text for row in table.rows for role in row.cells if role.value == "name"]


def test_a_pipe_row_whose_name_is_numbered_like_a_section_heading_stays_in_its_table() -> None:
    raw = (
        f"{_PIPE_HEADER}\n"
        "产出指标 | 数量指标 | 一、示范片建设 | ≧600亩 | 640亩 | 10.0 | ||||\n"
        "1、水稻示范片 | ≧400亩 | 420亩 | 5.0 | ||||||\n"
        "二、对比试验 | ≧6组 | 6组 | 10.0 | ||||||\n"
        "1、减量试验 | ≧4组 | 4组 | 5.0 | ||||||\n"
        "质量指标 | 检测合格率 | ≧90% | 96% | 10.0 | |||||\n"
    )
    (table,) = tables_of(raw)
    assert table.kind is Kind.INDICATORS
    assert _names(table) == ["一、示范片建设", "1、水稻示范片", "二、对比试验", "1、减量试验", "检测合格率"]
    by_name = {row.text(next(r for r in row.cells if r.value == "name")): row for row in table.rows}
    trial = by_name["二、对比试验"]
    assert [trial.text(role) for role in table.columns if role.value in ("target", "actual", "score")] == [
        "≥6组",
        "6组",
        "10.0",
    ]


def test_a_numbered_heading_after_a_pipe_table_still_ends_it() -> None:
    raw = (
        f"{_PIPE_HEADER}\n"
        "产出指标 | 数量指标 | 检测样品数 | ≧60个 | 72个 | 10.0 | ||||\n"
        "二、绩效目标完成情况\n"
        "项目实施后共检测样品72个，超过年初目标。\n"
    )
    (table,) = tables_of(raw)
    assert _names(table) == ["检测样品数"]
    assert "绩效目标完成情况" not in raw[table.start : table.end]


def test_a_header_cell_whose_column_letter_lost_one_bracket_still_names_its_column() -> None:
    assert role_of("执行数B)") is Role.EXECUTED
    assert role_of("执行率B/A)") is Role.RATE
    assert role_of("年初目标值(A") is Role.TARGET
    assert role_of("实际完成值(B") is Role.ACTUAL
    assert role_of("执行率(B/A1") is Role.RATE  # its closing bracket read as 1 by OCR


def test_a_cell_per_line_table_ends_at_the_forms_note_block() -> None:
    cells = [
        "一级指标", "二级指标", "三级指标", "年初目标值(A", "实际完成值(B",
        "产出指标", "数量指标", "维修教室间数", "6间", "6间",
        "满意度指标", "服务对象满意度指标", "家长满意度", "≥90%", "93%",
        "改进措施及", "结果应用方案", "备注:", "1.执行数为财政资金实际支出数。",
    ]  # fmt: skip
    raw = "\n\n".join(cells) + "\n"
    (table,) = tables_of(raw)
    assert raw.index("备注") >= table.end  # the numbered notes are no rows (`1.` was read as a value)
    rows = [{role: row.text(role) for role in (Role.NAME, Role.TARGET, Role.ACTUAL)} for row in table.rows[:2]]
    assert rows == [
        {Role.NAME: "维修教室间数", Role.TARGET: "6间", Role.ACTUAL: "6间"},
        {Role.NAME: "家长满意度", Role.TARGET: "≥90%", Role.ACTUAL: "93%"},
    ]


def test_a_misprinted_second_level_under_a_row_spanned_first_level_is_a_level_not_part_of_the_name() -> None:
    raw = (
        f"{_PIPE_HEADER}\n"
        "产出指标 | 数量指标 | 受理投诉件数 | 80件 | 85件 | 20 | ||||\n"
        "实效指标 | 投诉办结时间 | 5天以内 | 4天 | 20 | |||||\n"
    )
    (table,) = tables_of(raw)
    second = table.rows[1]
    assert (second.text(Role.LEVEL1), second.text(Role.LEVEL2), second.text(Role.NAME)) == (
        "产出指标",
        "实效指标",
        "投诉办结时间",
    )


def test_the_forms_footer_labels_broken_over_lines_end_a_cell_per_line_table_and_are_no_reason() -> None:
    cells = [
        "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)",
        "满意度指标", "服务对象满意度指标", "家长满意度", "≥90%", "93%",
        "偏差大或", "目标未完成", "原因分析", "改进措施及", "结果应用方案", "无",
    ]  # fmt: skip
    raw = "\n\n".join(cells) + "\n"
    (table,) = tables_of(raw)
    assert Role.REASON not in table.columns
    assert raw.index("偏差大或") >= table.end
    assert _names(table) == ["家长满意度"]


def test_a_figure_inside_a_name_alone_on_its_line_stays_in_the_name() -> None:
    cells = [
        "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)",
        "产出指标", "成本指标", "年度预算安排36万元", "100%", "98%",
    ]  # fmt: skip
    (table,) = tables_of("\n\n".join(cells) + "\n")
    (row,) = table.rows
    assert (row.text(Role.NAME), row.text(Role.TARGET), row.text(Role.ACTUAL)) == ("年度预算安排36万元", "100%", "98%")


def test_bare_numbers_glued_to_a_name_alone_on_its_line_are_still_its_values() -> None:
    cells = [
        "三级指标", "指标分值", "得分",
        "验收合格率达标2020", "按期开工1010",
    ]  # fmt: skip
    (table,) = tables_of("\n\n".join(cells) + "\n")
    assert _names(table) == ["验收合格率达标", "按期开工"]
