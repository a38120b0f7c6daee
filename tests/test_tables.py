"""Rebuilding tables from flattened text: header detection, alignment, carry-down and each layout T1–T5."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents.normalize import normalize
from jixiao.documents.tables import Kind, Role, Table, find_tables
from jixiao.documents.tables.align import Aligner, emission, split_glued
from jixiao.documents.tables.carry_down import carry_down
from jixiao.documents.tables.glued_funding import split_glued_funding
from jixiao.documents.tables.headers import kind_of, role_of, split_header_words
from jixiao.documents.tables.shapes import shape_of
from jixiao.documents.tables.table import Cell, Row
from jixiao.documents.tables.wrapped import wrapped_view
from reading import tables_of

INDICATOR_HEADER = "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |"


def _cells(table: Table) -> list[dict[str, str]]:
    return [{role.value: cell.text for role, cell in row.cells.items()} for row in table.rows]


def _cell(text: str) -> Cell:
    return Cell(text, 0, len(text))


# header detection


def test_header_cells_name_their_column_in_either_bracket_width() -> None:
    assert role_of("全年预算数(A)") is Role.BUDGET
    assert role_of("全年预算数（A）") is Role.BUDGET
    assert role_of("预算执行率(B/A×100%)") is Role.RATE
    assert role_of("年初预算数") is Role.INITIAL_BUDGET
    assert role_of("偏差原因分析及改进措施") is Role.REASON
    assert role_of("未完成原因和改进措施") is Role.REASON
    assert role_of("指标值") is Role.TARGET
    assert role_of("全年实际完成值") is Role.ACTUAL
    assert role_of("度量单位") is Role.UNIT
    assert role_of("城镇新增就业人数") is None


def test_a_header_row_is_funding_or_indicators_by_its_columns() -> None:
    assert kind_of([Role.LABEL, Role.BUDGET, Role.EXECUTED]) is Kind.FUNDING
    assert kind_of([Role.LEVEL1, Role.LEVEL2, Role.NAME, Role.TARGET]) is Kind.INDICATORS
    assert kind_of([Role.WEIGHT, Role.SCORE]) is None


def test_a_glued_header_is_still_a_header() -> None:
    text = "一级指标二级指标三级指标年度指标值实际完成值分值得分"
    spans = split_header_words(text)
    assert spans is not None
    assert [text[a:b] for a, b in spans] == [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
    ]


# alignment and carry-down


def _aligned(columns: list[Role], *texts: str) -> list[Row]:
    rows, _ = Aligner(columns, Kind.INDICATORS).align([shape_of(_cell(text)) for text in texts])
    return rows


def test_a_row_that_lost_its_level_cells_starts_under_the_name_column() -> None:
    columns = [Role.LEVEL1, Role.LEVEL2, Role.NAME, Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE, Role.REASON]
    [row] = _aligned(columns, "再就业人数", "≥300人", "287人", "10", "9.57")
    assert row.text(Role.NAME) == "再就业人数"
    assert row.text(Role.SCORE) == "9.57"
    assert Role.LEVEL1 not in row.cells


def test_a_row_starting_with_a_second_level_word_starts_under_that_column() -> None:
    columns = [Role.LEVEL1, Role.LEVEL2, Role.NAME, Role.TARGET, Role.ACTUAL]
    [row] = _aligned(columns, "质量指标", "合格率", "≥90%", "93%")
    assert (row.text(Role.LEVEL2), row.text(Role.NAME), row.text(Role.ACTUAL)) == ("质量指标", "合格率", "93%")


def test_values_go_under_the_columns_their_shapes_fit_when_a_cell_is_missing() -> None:
    columns = [Role.NAME, Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE]
    [row] = _aligned(columns, "补贴发放准确率", "≥95%", "20", "20")  # the 实际完成值 cell was left blank
    assert (row.text(Role.TARGET), row.text(Role.WEIGHT), row.text(Role.SCORE)) == ("≥95%", "20", "20")
    assert Role.ACTUAL not in row.cells


def test_printed_empty_cells_keep_a_row_in_its_columns() -> None:
    columns = [Role.LABEL, Role.INITIAL_BUDGET, Role.BUDGET, Role.EXECUTED, Role.WEIGHT, Role.RATE, Role.SCORE]
    pieces = [shape_of(_cell(text)) for text in ("年度资金总额", "", "28.6", "27.93", "10", "97.66%", "9")]
    [row], _ = Aligner(columns, Kind.FUNDING).align(pieces)
    assert Role.INITIAL_BUDGET not in row.cells
    assert (row.text(Role.BUDGET), row.text(Role.EXECUTED), row.text(Role.SCORE)) == ("28.6", "27.93", "9")


def test_level_cells_are_carried_down_and_a_new_first_level_resets_the_second() -> None:
    rows = [
        Row(cells={Role.LEVEL1: _cell("产出指标"), Role.LEVEL2: _cell("数量指标"), Role.NAME: _cell("a")}),
        Row(cells={Role.NAME: _cell("b")}),
        Row(cells={Role.LEVEL2: _cell("质量指标"), Role.NAME: _cell("c")}),
        Row(cells={Role.LEVEL1: _cell("效益指标"), Role.NAME: _cell("d")}),
    ]
    carry_down(rows)
    assert [(r.text(Role.LEVEL1), r.text(Role.LEVEL2)) for r in rows] == [
        ("产出指标", "数量指标"),
        ("产出指标", "数量指标"),
        ("产出指标", "质量指标"),
        ("效益指标", ""),
    ]
    assert rows[1].carried == {Role.LEVEL1, Role.LEVEL2}


# T1


def test_t1_rows_per_line_with_runs_of_empty_cells() -> None:
    raw = (
        "资金投入情况（万元） | 全年预算数(A) | 全年执行数(B) | 预算执行率 | ||||\n"
        "年度资金总额: | 512.4 | 487.1 | 95% | ||||\n"
        "其中：中央财政资金 | 400 | 380.5 | 95.13% | ||||\n"
    )
    [table] = tables_of(raw)
    assert (table.kind, table.layout) == (Kind.FUNDING, "t1")
    assert _cells(table)[1] == {"label": "其中：中央财政资金", "budget": "400", "executed": "380.5", "rate": "95.13%"}


def test_t1_one_cell_per_line_each_ending_in_a_pipe() -> None:
    cells = [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "产出指标",
        "数量指标",
        "新增就业",
        "≥800人",
        "812人",
    ]
    [table] = tables_of("\n".join(f"{cell} |" for cell in cells) + "\n")
    assert table.layout == "t1"
    assert _cells(table) == [
        {"level1": "产出指标", "level2": "数量指标", "name": "新增就业", "target": "≥800人", "actual": "812人"}
    ]


def test_t1_leading_border_pipes_and_kept_empty_cells_align() -> None:
    raw = (
        INDICATOR_HEADER
        + "\n| 产出指标 | 数量指标 | 新增就业 | ≥1人 | 1人 | 5 | 5 | |\n| | | 再就业人数 | ≥2人 | 2人 | 5 | 5 | |\n"
    )
    [table] = tables_of(raw)
    assert _cells(table)[1]["name"] == "再就业人数"
    assert _cells(table)[1]["level2"] == "数量指标"
    assert Role.LEVEL2 in table.rows[1].carried


# T2


def test_t2_one_cell_per_line_with_lines_of_spaces_as_empty_cells() -> None:
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    body = [
        "产出指标",
        "数量指标",
        "新增就业",
        "≥6个",
        "6个",
        "20",
        "20",
        "    ",
        "    ",
        "再就业人数",
        "≥12台",
        "10台",
        "10",
        "8.33",
    ]
    raw = "\n\n".join("  " + line if line.strip() else line for line in header + body) + "\n"
    [table] = tables_of(raw)
    assert table.layout == "t2"
    assert _cells(table)[1] == {
        "name": "再就业人数", "target": "≥12台", "actual": "10台", "weight": "10", "score": "8.33",
        "level1": "产出指标", "level2": "数量指标",
    }  # fmt: skip


def test_t2_funding_rows_are_a_label_then_its_values() -> None:
    lines = [
        "年初预算数",
        "全年预算数(A)",
        "全年执行数(B)",
        "年度资金总额",
        "0",
        "0",
        "0",
        "其中：本年财政拨款",
        "90",
        "90",
        "89.974",
    ]
    [table] = tables_of("\n".join(lines) + "\n\n下一段。")
    assert _cells(table)[1] == {
        "label": "其中：本年财政拨款",
        "initial_budget": "90",
        "budget": "90",
        "executed": "89.974",
    }


# T3


def test_t3_values_before_the_first_label_are_the_total_row() -> None:
    raw = "全年预算数(A) 全年执行数(B) 820.00 790.52 其中:中央财政资金 500.00 500.00 自治区财政资金 120.00 118.02\n"
    [table] = tables_of(raw)
    assert table.layout == "t3"
    assert _cells(table) == [
        {"budget": "820.00", "executed": "790.52"},
        {"label": "其中:中央财政资金", "budget": "500.00", "executed": "500.00"},
        {"label": "自治区财政资金", "budget": "120.00", "executed": "118.02"},
    ]


def test_t3_words_after_a_rows_values_are_its_reason_and_the_last_one_names_the_next_row() -> None:
    raw = (
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 偏差原因分析及改进措施 产出指标 数量指标 "
        "再就业人数 ≥300人 287人 部分人员外出务工未纳入统计 困难人员就业人数 ≥80人 83人\n"
    )
    [table] = tables_of(raw)
    rows = _cells(table)
    assert rows[0]["reason"] == "部分人员外出务工未纳入统计"
    assert rows[1]["name"] == "困难人员就业人数"
    assert rows[1]["level2"] == "数量指标"


# T4


def test_t4_glued_cells_split_into_target_actual_weight_and_score() -> None:
    raw = "一级指标二级指标三级指标年度指标值实际完成值分值得分\n产出指标质量指标创业担保贷款回收率≥95%97.20%20%20\n"
    [table] = tables_of(raw)
    assert table.layout == "t4"
    assert _cells(table)[0] == {
        "level1": "产出指标", "level2": "质量指标", "name": "创业担保贷款回收率",
        "target": "≥95%", "actual": "97.20%", "weight": "20%", "score": "20",
    }  # fmt: skip


def test_t4_weight_and_score_glued_into_one_number_are_split() -> None:
    raw = "三级指标年度指标值实际完成值分值得分\n新增就业人数≥800人812人1010\n"
    [table] = tables_of(raw)
    row = table.rows[0]
    assert (row.text(Role.WEIGHT), row.text(Role.SCORE), row.split) == ("10", "10", True)


def test_t4_department_sheet_with_a_coefficient_column_and_doubled_points() -> None:
    """Chongqing's 部门整体 sheet glued flat: the 得分系数 percent has its own column, and a weight equal to
    its score prints doubled (`33` is 3 and 3); `0` glued to the coefficient (`0100%`) is two cells."""
    raw = (
        "指标名称计量单位指标性质年初指标值调整指标值全年完成值得分系数(%)指标权重(分)指标得分(分)是否核心指标"
        "一般性支出压减率%定量指标5%0100%33否会议培训次数次定量指标≤4次3次100%1010是\n"
    )
    [table] = tables_of(raw)
    assert Role.COEFFICIENT in table.columns
    assert [
        (r.text(Role.TARGET), r.text(Role.ACTUAL), r.text(Role.WEIGHT), r.text(Role.SCORE)) for r in table.rows
    ] == [
        ("5%", "0", "3", "3"),
        ("≤4次", "3次", "10", "10"),
    ]
    assert all(row.split for row in table.rows)


def test_t4_two_digit_points_split_only_when_glued_and_doubled() -> None:
    raw = "三级指标年度指标值实际完成值分值得分\n新增就业人数≥800人812人20\n"
    [table] = tables_of(raw)
    assert (table.rows[0].text(Role.WEIGHT), table.rows[0].text(Role.SCORE)) == ("20", "")


def test_ocr_interleaved_two_line_header_still_names_the_actual_column() -> None:
    assert role_of("年成值全完值") is Role.ACTUAL
    assert role_of("成值") is None


def test_glued_weight_and_score_split_prefers_halves_and_a_score_within_the_weight() -> None:
    halves = split_glued(_cell("1010"))
    assert halves is not None and (halves[0].text, halves[1].text) == ("10", "10")
    split = split_glued(_cell("2017.33"))
    assert split is not None and (split[0].text, split[1].text) == ("20", "17.33")
    assert split_glued(_cell("1012")) is None  # 12 > 10 and 101 > 100: no honest split


def test_t4_a_year_at_the_start_of_a_name_is_not_a_value() -> None:
    raw = "三级指标年度指标值实际完成值分值得分\n2024年招募人员体检≥15人16人55\n"
    [table] = tables_of(raw)
    assert table.rows[0].text(Role.NAME) == "2024年招募人员体检"


# T5


def test_t5_ocr_row_broken_over_two_lines_is_one_row() -> None:
    raw = (
        "（本文经OCR识别）\n"
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
        "| 产出指标 | 数量指标 | 创业培训人数 | ≥2OO人 | 18l人 | 1O | 9.05 | 部分班次停\n"
        "办 |\n"
    )
    [table] = tables_of(raw)
    assert table.layout == "t5" and table.ocr
    assert _cells(table)[0]["reason"] == "部分班次停\n办"
    assert _cells(table)[0]["actual"] == "18l人"


# truncation


def test_a_pipe_table_cut_inside_its_last_row_is_truncated_and_the_row_partial() -> None:
    raw = INDICATOR_HEADER + "\n| 产出指标 | 数量指标 | 新增就业 | ≥1人 | 1人 | 5 | 5 | |\n| | | 再就业人数 | ≥2人 | 1"
    [table] = tables_of(raw)
    assert table.truncated
    assert [row.partial for row in table.rows] == [False, True]


def test_a_complete_table_at_the_end_of_the_text_is_not_truncated() -> None:
    raw = INDICATOR_HEADER + "\n| 产出指标 | 数量指标 | 新增就业 | ≥1人 | 1人 | 90 | 88 | |"
    [table] = tables_of(raw)
    assert not table.truncated  # (rows whose points fall short of any form's share are: test_tables_set16)


def test_a_one_cell_per_line_table_cut_mid_row_is_truncated() -> None:
    lines = ["三级指标", "年度指标值", "实际完成值", "新增就业", "≥1人", "1人", "再就业人数", "≥2人"]
    [table] = tables_of("\n".join(lines))
    assert table.truncated and table.rows[-1].partial


def test_a_glued_table_cut_inside_a_row_is_truncated() -> None:
    [table] = tables_of("三级指标年度指标值实际完成值分值得分\n新增就业人数≥800人812人1010\n回收率≥95%97")
    assert table.truncated and table.rows[-1].partial


# no false tables


def test_sentences_naming_columns_are_not_tables() -> None:
    raw = "全年预算数(A)、全年执行数(B)按要求填报。\n2024年度就业补助资金全年执行率90%。\n"
    assert tables_of(raw) == []


def test_t3_read_column_by_column_puts_each_value_under_its_label() -> None:
    raw = (
        "资金投入情况（万元） 年度资金总额 其中:中央财政资金 自治区财政资金 全年预算数(A) 820.00 500.00 320.00 "
        "全年执行数(B) 790.52 500.00 290.52\n"
    )
    [table] = tables_of(raw)
    assert _cells(table) == [
        {"label": "年度资金总额", "budget": "820.00", "executed": "790.52"},
        {"label": "其中:中央财政资金", "budget": "500.00", "executed": "500.00"},
        {"label": "自治区财政资金", "budget": "320.00", "executed": "290.52"},
    ]


def test_t4_amounts_glued_together_split_after_two_decimals() -> None:
    [table] = tables_of("资金投入情况（万元）全年预算数(A)全年执行数(B)\n年度资金总额512.40487.10\n")
    assert _cells(table) == [{"label": "年度资金总额", "budget": "512.40", "executed": "487.10"}]


def test_box_drawing_bars_are_table_lines() -> None:
    raw = (
        "│ 资金投入情况（万元） │ 全年预算数(A) │ 全年执行数(B) │ 预算执行率 │\n"
        "│ 年度资金总额 │ 6O8.1O │ 592.4l │ 97.42% │\n"
    )
    [table] = tables_of(raw)
    assert _cells(table) == [{"label": "年度资金总额", "budget": "6O8.1O", "executed": "592.4l", "rate": "97.42%"}]


def test_tab_separated_rows_keep_their_empty_cells() -> None:
    raw = (
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "产出指标\t数量指标\t新增就业\t≥800人\t812人\t20\t20\n"
        "\t\t再就业人数\t≥300人\t287人\t10\t9.57\n"
    )
    [table] = tables_of(raw)
    assert _cells(table)[1] == {
        "name": "再就业人数", "target": "≥300人", "actual": "287人", "weight": "10", "score": "9.57",
        "level1": "产出指标", "level2": "数量指标",
    }  # fmt: skip


def test_a_label_spanning_two_header_columns_leaves_the_values_in_place() -> None:
    raw = (
        "| 资金投入情况（万元） | | 全年预算数（A） | 全年执行数（B） | 预算执行率 |\n"
        "| 年度资金总额 | | 7165.32 | 6992.95 | 97.59% |\n"
    )
    [table] = tables_of(raw)
    assert _cells(table) == [{"label": "年度资金总额", "budget": "7165.32", "executed": "6992.95", "rate": "97.59%"}]


def test_t2_rows_that_lost_their_row_span_cells_are_read_cell_by_cell() -> None:
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    body = [
        "产出指标", "数量指标", "新增就业", "≥800人", "812人", "20", "20", "    ",
        "再就业人数", "≥300人", "287人", "10", "9.57", "部分人员外出务工。",
        "质量指标", "培训合格率", "≥90%", "93%", "10", "10", "    ",
    ]  # fmt: skip
    raw = "\n\n".join("  " + line if line.strip() else line for line in header + body) + "\n\n三、结论\n"
    [table] = tables_of(raw)
    rows = _cells(table)
    assert [row["name"] for row in rows] == ["新增就业", "再就业人数", "培训合格率"]
    assert rows[1]["reason"] == "部分人员外出务工。" and rows[1]["level2"] == "数量指标"
    assert (rows[2]["level1"], rows[2]["level2"], rows[2]["score"]) == ("产出指标", "质量指标", "10")


def test_t4_a_text_target_and_actual_glued_to_the_name_are_split_off() -> None:
    raw = "三级指标年度指标值实际完成值分值得分\n就业服务体系持续完善效果明显效果明显1010\n补贴发放及时100%100%1010\n"
    [table] = tables_of(raw)
    assert _cells(table)[0] == {
        "name": "就业服务体系持续完善",
        "target": "效果明显",
        "actual": "效果明显",
        "weight": "10",
        "score": "10",
    }
    assert _cells(table)[1]["name"] == "补贴发放及时"


# grids from the loaders


def test_a_loaders_table_is_read_by_its_grid_not_by_its_flattened_text(tmp_path: Path) -> None:
    import docx

    from jixiao.documents import load_document
    from jixiao.extract.rules import extract_rules

    word = docx.Document()
    word.add_paragraph("某县2023年度项目支出绩效自评表")
    rows = [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "补贴发放 | 及时率", "≥95%", "98%", "20", "20"],  # a pipe inside a cell
        ["产出指标", "质量指标", "验收合格率", "100%", "100%", "10", "10"],
    ]
    table = word.add_table(rows=len(rows), cols=len(rows[0]))
    for cells, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(cells.cells, values, strict=True):
            cell.text = value
    path = tmp_path / "grid.docx"
    word.save(str(path))
    report = extract_rules(load_document(path))
    assert [i.name for i in report.indicators] == ["补贴发放|及时率", "验收合格率"]
    first = report.indicators[0]
    assert first.target is not None and first.target.text == "≥95%"
    assert first.score is not None and first.score.found_by == "table.grid.indicator"


def test_rows_of_a_dump_without_its_header_are_read_in_the_annex_column_order() -> None:
    """An excerpt starting on the table's second page: no header, rows one cell per line between pipes."""
    rows = [
        ("产出指标", "数量指标", "新建村级文化广场", "12个", "12个"),
        ("产出指标", "质量指标", "验收合格率", "100%", "100%"),
        ("效益指标", "社会效益指标", "群众文化活动参与人次", "≥3000人次", "3520人次"),
    ]
    raw = "".join("|   " + "\n        |\n     ".join(row) + "\n        |\n  ||||\n" for row in rows)
    unnamed = (
        "|   产出指标\n        |\n     时效指标\n        |\n     2023年\n        |\n     2023年\n        |\n  ||||\n"
    )
    [table] = tables_of(raw + unnamed)
    assert (table.kind, table.layout) == (Kind.INDICATORS, "headerless")
    text, _ = normalize(raw + unnamed)
    assert [text[a:b] for a, b in table.skipped] == ["2023年"] * 2  # a row whose name is a figure: unread, said so
    read = [
        tuple(r.text(role) for role in (Role.LEVEL1, Role.LEVEL2, Role.NAME, Role.TARGET, Role.ACTUAL))
        for r in table.rows
    ]
    assert read == rows


def test_level_words_in_prose_are_not_a_headerless_table() -> None:
    raw = (
        "数量指标：新建村级文化广场12个，已完成。\n质量指标：验收合格率100%，已完成。\n"
        "社会效益指标：群众文化活动参与3520人次，效果明显。\n"
    )
    assert tables_of(raw) == []


def test_a_header_broken_by_spaces_where_its_cells_wrapped_is_cut_at_its_words() -> None:
    raw = (
        "绩效指标一级指标二级指标三级指标年度 指标值实际 完成值分 值得 分偏差原因分析 及改进措施"
        "产出指标数量指标新购演出服装30套30套2019时效指标按时购置率100%100%1010\n"
    )
    [table] = tables_of(raw)
    assert table.kind is Kind.INDICATORS
    assert table.columns[:7] == [
        Role.LEVEL1, Role.LEVEL2, Role.NAME, Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE,
    ]  # fmt: skip
    assert [(r.text(Role.NAME), r.text(Role.TARGET), r.text(Role.SCORE)) for r in table.rows] == [
        ("新购演出服装", "30套", "19"),
        ("按时购置率", "100%", "10"),
    ]


def test_a_glued_funding_row_is_cut_where_the_arithmetic_agrees() -> None:
    raw = (
        "项目资金(万元)全年预算数(A)全年执行数(B)预算执行率(B/A)\n年度资金总额:2500125050%\n其中:中央补助12001200100%\n"
    )
    [table] = tables_of(raw)
    cut = [(r.text(Role.BUDGET), r.text(Role.EXECUTED), r.text(Role.RATE), r.split) for r in table.rows]
    assert cut == [("2500", "1250", "50%", True), ("1200", "1200", "100%", True)]


def test_a_glued_funding_row_with_two_honest_cuts_stays_unread() -> None:
    columns = [Role.BUDGET, Role.EXECUTED, Role.RATE]
    ambiguous = Row(cells={Role.RATE: _cell("7457%")})  # 7 | 4 | 57% and 74 | 5 | 7% both agree
    assert not split_glued_funding(ambiguous, columns) and list(ambiguous.cells) == [Role.RATE]
    assert not split_glued_funding(Row(cells={Role.RATE: _cell("123456789%")}), columns)  # no cut agrees


def test_a_glued_funding_row_of_four_cells_and_a_source_row_without_points_are_cut() -> None:
    # 年初 | 全年 | 执行 | 分值 | 执行率 glued (four cells before the rate); the 其中 row prints no 分值
    raw = (
        "项目资金(万元)年初预算数全年预算数全年执行数分值执行率得分\n年度资金总额60606010100%10\n"
        "其中:当年财政拨款606060100%\n"
    )
    [table] = tables_of(raw)
    cells = (Role.INITIAL_BUDGET, Role.BUDGET, Role.EXECUTED, Role.WEIGHT, Role.RATE)
    assert [tuple(row.text(role) for role in cells) for row in table.rows] == [
        ("60", "60", "60", "10", "100%"),
        ("60", "60", "60", "", "100%"),
    ]


def test_a_document_ending_on_a_table_header_was_cut() -> None:
    raw = "资金投入情况 | 820.00 |\n绩效指标 | 一级指标 |\n二级指标 | 三级指标 | 指标值 | 全年实际完成值 |\n"
    [table] = tables_of(raw)
    assert table.truncated and table.rows == []
    assert tables_of(raw + "本项目无其他需要说明的事项。\n") == []  # text goes on: a header with no rows, not a cut


def test_a_glued_rate_cell_no_cut_reads_is_listed_unread_not_read_as_a_rate() -> None:
    # 40 | 40 | (blank executed) | 10 | 100%: four cells before the rate, one blank, no cut agrees
    raw = "项目资金(万元)年初预算数全年预算数全年执行数分值执行率得分\n年度资金总额404010100%\n"
    [table] = tables_of(raw)
    assert all(Role.RATE not in row.cells for row in table.rows)
    assert [end - start for start, end in table.skipped] == [len("404010100%")]


def test_glued_points_under_a_header_without_points_columns_are_not_a_target() -> None:
    raw = (
        "绩效指标一级指标二级指标三级指标指标值全年实际完成值未完成原因和改进措施\n"
        "数量指标新建桥梁3座2020\n时效指标按期完成建设1010\n"
    )
    [table] = tables_of(raw)
    assert [(r.text(Role.NAME), r.text(Role.TARGET), r.text(Role.ACTUAL)) for r in table.rows] == [
        ("新建桥梁", "3座", ""),
        ("按期完成建设", "", ""),
    ]
    assert [normalize(raw)[0][a:b] for a, b in table.skipped] == ["2020", "1010"]  # unread, and said so


def test_a_points_column_takes_points_as_forms_print_them_never_glued_runs() -> None:
    for text in ("10", "2.5", "1.75", "20%", "10分", "1O"):
        assert emission(Role.WEIGHT, shape_of(_cell(text))) > 0, text
    for text in ("00.110", "0.710010", "010"):
        assert emission(Role.WEIGHT, shape_of(_cell(text))) == float("-inf"), text


def test_glued_dates_are_one_value_and_a_reason_runs_into_the_next_rows_level() -> None:
    raw = (
        "一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施\n"
        "产出指标时效指标完工时间2021年10月底前2021年12月15日53雨季停工两月成本指标每公里造价≤45万元41.6万元1010\n"
    )
    [table] = tables_of(raw)
    rows = [(r.text(Role.LEVEL2), r.text(Role.NAME), r.text(Role.TARGET), r.text(Role.ACTUAL)) for r in table.rows]
    assert rows == [
        ("时效指标", "完工时间", "2021年10月底前", "2021年12月15日"),
        ("成本指标", "每公里造价", "≤45万元", "41.6万元"),
    ]
    assert (table.rows[0].text(Role.WEIGHT), table.rows[0].text(Role.SCORE)) == ("5", "3")
    assert table.rows[0].text(Role.REASON) == "雨季停工两月"


def test_a_glued_funding_row_gives_its_weight_back_and_a_glued_total_its_score() -> None:
    raw = (
        "项目资金(万元)年初预算数全年预算数全年执行数分值执行率得分年度资金总额45.0048.0046.561097%9.7"
        "其中:当年财政拨款45.0045.0043.56\n"
    )
    [table] = tables_of(raw)
    total, appropriation = table.rows
    cells = (Role.EXECUTED, Role.WEIGHT, Role.RATE, Role.SCORE)
    assert tuple(total.text(role) for role in cells) == ("46.56", "10", "97%", "9.7")
    assert (appropriation.text(Role.EXECUTED), appropriation.text(Role.WEIGHT)) == ("43.56", "")


def test_a_header_with_column_letters_on_their_own_lines_keeps_every_money_column_apart() -> None:
    """Sichuan's 2024 transfer-payment sheet: each header cell, then its letter or ratio on the next line;
    统筹整合资金 columns and 预算到位 stand between the money columns, and 预算执行(E/C×100%) is the rate."""
    raw = (
        "资金投入情况\n(万元)\n\n行次 全年预算数\n(A)\n统筹整合资金数\n(B)\n扣除统筹整合资金后预算金额\n(C)\n"
        "全年到位资金\n(D)\n预算到位\n(D/C×100%)\n全年执行资金\n(E)\n预算执行\n(E/C×100%)\n佐证材料\n"
        "年度资金总额(万元): 1 86.400000\n86.400000 86.400000 100.00% 61.200000 70.83%\n"
    )
    [table] = tables_of(raw)
    assert table.columns[:3] == [Role.LABEL, Role.INDEX, Role.BUDGET]
    assert table.columns.count(Role.NOTE) == 4
    [row] = table.rows
    read = (row.text(Role.BUDGET), row.text(Role.ALLOCATED), row.text(Role.EXECUTED), row.text(Role.RATE))
    assert read == ("86.400000", "86.400000", "61.200000", "70.83%")


GLUED_UNIT_SHEET = (
    "绩效指标指标名称计量单位指标性质指标值指标权重(分)全年完成值指标得分(分)说明"
    "道路养护完成率%9515988.5灌溉渠道修复长度公里2815815病虫害发生率%315115"
)


def test_name_unit_and_digits_glued_are_cut_where_a_weight_and_a_score_within_it_read() -> None:
    [table] = [t for t in tables_of(GLUED_UNIT_SHEET) if t.kind is Kind.INDICATORS]
    read = [(r.text(Role.NAME), r.text(Role.UNIT), r.text(Role.TARGET), r.text(Role.WEIGHT), r.text(Role.ACTUAL),
             r.text(Role.SCORE)) for r in table.rows]  # fmt: skip
    assert read[0] == ("道路养护完成率", "%", "95", "15", "98", "8.5")  # 15 is the weight the other rows share
    # 28 against a full-scored 8: the sheet's ≥ misread as 2, so the target is left blank, not guessed
    assert read[1] == ("灌溉渠道修复长度", "公里", "", "15", "8", "15")
    assert (GLUED_UNIT_SHEET.index("2815815"), GLUED_UNIT_SHEET.index("2815815") + 2) in table.skipped
    assert read[2] == ("病虫害发生率", "%", "3", "15", "1", "15")  # less is better: its target stands
    assert len(read) == 3


def test_glued_digits_after_figures_are_not_cut_as_a_row() -> None:
    """`…95%100%1010否` on a sheet with units inside its values: the run follows figures, not a name."""
    raw = (
        "指标名称计量单位指标值完成值得分系数权重得分是否核心指标"
        "业务培训覆盖率%90%95%100%1010否宣讲次数次到0次38次100%1010是"
    )
    [table] = [t for t in tables_of(raw) if t.kind is Kind.INDICATORS]
    assert [(r.text(Role.ACTUAL), r.text(Role.WEIGHT), r.text(Role.SCORE)) for r in table.rows] == [
        ("95%", "10", "10"),
        ("38次", "10", "10"),
    ]


def test_amounts_that_lost_their_leading_digits_are_not_read_and_points_need_a_rate_before_them() -> None:
    """OCR dropped the digits before each point (`.46.08.7`): no cell of the run is sure; and a funding row
    holds a weight and a score only glued after its rate (`32.06` alone is an amount, not 3 and 2.06)."""
    raw = (
        "年初预算数全年(调整)预算数全年执行数执行率执行率权重执行率得分\n"
        "年度总金额55.0055.0042.5077.27%107.73\n其他资金32.06\n其中财政拨款.46.08.783.41108.34\n"
    )
    [table] = tables_of(raw)
    read = [{role.value: cell.text for role, cell in row.cells.items()} for row in table.rows]
    assert read[1] == {"label": "其他资金", "initial_budget": "32.06"}
    assert not any(".46" in raw[row.start : row.end] or "783" in raw[row.start : row.end] for row in table.rows)


WEIGHT_FIRST_SHEET = (
    "一级指标二级指标三级指标参考分值指标值(A)全年实际值(B)得分未完成原因分析及改进措施"
    "项目决策(10分)项目立项依据充分性4一符合县级发展规划4绩效目标明确性3一目标清晰量化3合理性3有测算依据3"
    "项目管理(20分)财务管理财务管理制度健全性8一制度健全执行有效8项目实施质量监管有效性12-持续有效10"
    "顼目产出(40分)数量指标(20分)改造校舍面积201800平方米1800平方米20指标2:时效指标(20分)工程完工时间"
    "202022年10月完成2022年10月完成18项目效益(30分)社会效益指标指标1:指标2:服务条件改善30改善学生就学条件"
    "改善学生就学条件27"
)


def test_a_glued_scoring_sheet_with_its_weight_before_the_values_is_read_row_by_row() -> None:
    [table] = tables_of(WEIGHT_FIRST_SHEET)
    rows = [
        (r.text(Role.LEVEL1), r.text(Role.LEVEL2), r.text(Role.NAME), r.text(Role.WEIGHT), r.text(Role.TARGET),
         r.text(Role.ACTUAL), r.text(Role.SCORE)) for r in table.rows
    ]  # fmt: skip
    assert rows == [
        ("项目决策(10分)", "项目立项", "依据充分性", "4", "", "符合县级发展规划", "4"),
        ("项目决策(10分)", "绩效目标", "明确性", "3", "", "目标清晰量化", "3"),
        ("项目决策(10分)", "绩效目标", "合理性", "3", "", "", "3"),  # words only: target or actual, unknown
        ("项目管理(20分)", "财务管理", "财务管理制度健全性", "8", "", "制度健全执行有效", "8"),
        ("项目管理(20分)", "项目实施", "质量监管有效性", "12", "", "持续有效", "10"),
        ("项目产出(40分)", "数量指标(20分)", "改造校舍面积", "20", "1800平方米", "1800平方米", "20"),
        ("项目产出(40分)", "时效指标(20分)", "工程完工时间", "20", "2022年10月完成", "2022年10月完成", "18"),
        ("项目效益(30分)", "社会效益指标", "服务条件改善", "30", "改善学生就学条件", "改善学生就学条件", "27"),
    ]


def test_a_weight_first_row_whose_score_exceeds_its_weight_is_not_read() -> None:
    sheet = WEIGHT_FIRST_SHEET.replace("质量监管有效性12-持续有效10", "质量监管有效性12-持续有效19")
    [table] = tables_of(sheet)
    assert "质量监管有效性" not in [r.text(Role.NAME) for r in table.rows]


# an OCR'd weight-first sheet (invented): numbered names without a colon, a misread ≥, a date-led name, and its
# rows run on over a line break into a line whose cells hold commas
OCR_WEIGHT_FIRST_SHEET = (
    "一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及改进措施产出指标(40分)数量指标"
    "指标1发放良种补贴6120万元120万元6指标2培训农户6300人300人6\n"
    "质量指标指标1良种合格率6工98%工98%6时效指标指标12022年10月31日前完成发放610月底完成100%100%6"
    "成本指标指标1补贴标准不高于省定标准6是是6效益指标(40分)社会效益指标指标1带动农户增收,促进产业发展,"
    "提高种植效益6明显明显6\n"
)


def test_an_ocr_weight_first_sheet_reads_its_numbered_rows_over_the_line_break() -> None:
    [table] = [t for t in tables_of(OCR_WEIGHT_FIRST_SHEET) if t.kind is Kind.INDICATORS]
    rows = [
        (r.text(Role.LEVEL2), r.text(Role.NAME), r.text(Role.WEIGHT), r.text(Role.TARGET), r.text(Role.ACTUAL),
         r.text(Role.SCORE)) for r in table.rows
    ]  # fmt: skip
    assert rows == [
        ("数量指标", "发放良种补贴", "6", "120万元", "120万元", "6"),  # `指标1` is the template's numbering
        ("数量指标", "培训农户", "6", "300人", "300人", "6"),
        # `工98%` twice: where the cells are is sure, the misread comparator's value is not read
        ("质量指标", "良种合格率", "6", "", "", "6"),
        # the date-led row reads no way, and no row starts inside its date (`10月底完成` is no name)
        ("成本指标", "补贴标准不高于省定标准", "6", "是", "是", "6"),
        ("社会效益指标", "带动农户增收,促进产业发展,提高种植效益", "6", "明显", "明显", "6"),
    ]


# the same sheet with its comparators misread into symbols and digits, and a row whose digits merged
MISREAD_WEIGHT_FIRST_SHEET = (
    "一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及改进措施产出指标(40分)数量指标"
    "指标1发放良种补贴6120万元120万元6指标2建设育苗基地6000亩\n6412.5亩质量指标指标1良种合格率"
    "6良种合格率290$290%6时效指标指标1补贴发放及时率6100%100%6效益指标(40分)社会效益指标"
    "指标1良种覆盖率670%^70%6指标2农户对良种的知晓率6260%5=60%6满意度指标(20分)\n"
)


def test_a_weight_first_row_whose_values_read_no_way_keeps_its_weight_and_score() -> None:
    [table] = [t for t in tables_of(MISREAD_WEIGHT_FIRST_SHEET) if t.kind is Kind.INDICATORS]
    rows = [
        (r.text(Role.LEVEL2), r.text(Role.NAME), r.text(Role.WEIGHT), r.text(Role.TARGET), r.text(Role.ACTUAL),
         r.text(Role.SCORE)) for r in table.rows
    ]  # fmt: skip
    assert rows == [
        ("数量指标", "发放良种补贴", "6", "120万元", "120万元", "6"),
        # `6000亩 6412.5亩`: the weight's digit merged into the target, and no score after it: not read
        # `290$290%`, `70%^70%`, `260%5=60%`: misread comparators; weight and score are sure, the values are not
        ("质量指标", "良种合格率", "6", "", "", "6"),  # the level after `6412.5亩` is still this row's
        ("时效指标", "补贴发放及时率", "6", "100%", "100%", "6"),
        ("社会效益指标", "良种覆盖率", "6", "", "", "6"),
        ("社会效益指标", "农户对良种的知晓率", "6", "", "", "6"),
    ]


def test_a_score_of_a_later_row_is_no_bare_row_score() -> None:
    """A row read without its values takes the score right before the next row's level or numbering, never
    one across them, and only a full one."""
    sheet = MISREAD_WEIGHT_FIRST_SHEET.replace("670%^70%6指标2", "670%^70%5指标2")
    [table] = [t for t in tables_of(sheet) if t.kind is Kind.INDICATORS]
    names = [r.text(Role.NAME) for r in table.rows]
    assert "良种覆盖率" not in names and "农户对良种的知晓率" in names


def test_amounts_with_one_decimal_glued_are_not_cut_after_two() -> None:
    """`58.258.258.2100%` cut after two decimals reads 58.25 | 8.25 | 8.2100%: the last member shows the cut
    is wrong (its third decimal starts `00%`); the one cut whose arithmetic agrees is 58.2 | 58.2 | 58.2 | 100%.
    With no cut that agrees the run gives no cell (where `46.561097%`, 46.56 | 1097%, may)."""
    raw = "项目资金(万元)年初预算数全年预算数全年执行数执行率\n年度资金总额58.258.258.2100%\n"
    [table] = tables_of(raw)
    assert [(r.text(Role.INITIAL_BUDGET), r.text(Role.EXECUTED), r.text(Role.RATE)) for r in table.rows] == [
        ("58.2", "58.2", "100%")
    ]
    disagreeing = "项目资金(万元)年初预算数全年预算数全年执行数执行率\n年度资金总额58.258.230.1100%\n"
    tables = tables_of(disagreeing)
    assert not [row for table in tables for row in table.rows if row.cells.keys() - {Role.LABEL}]
    text, _ = normalize(disagreeing)
    glued_at = text.index("58.258")
    assert (glued_at, glued_at + len("58.258.230.1100%")) in [span for t in tables for span in t.skipped]  # unread
    glued = "项目资金(万元)年初预算数全年预算数全年执行数分值执行率得分\n年度资金总额45.0048.0046.561097%9.7\n"
    [kept] = tables_of(glued)
    assert kept.rows[0].text(Role.EXECUTED) == "46.56"


# a two-row header flattened top row first (invented figures)
TWO_ROW_HEADER = (
    "| 年度 总体 目标 | 预期目标 | 实际完成情况 | 开办夜校课程 | 完成全年课程 | 绩效指标 "
    "| 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 "
    "| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 产出指标 | 数量指标 | 开课期数 "
    "| ≧ | 24 | 期 | 26 | 30 | 30 | 无 |\n"
    "| 结业学员人数 | ≧ | 400 | 人 | 388 | 20 | 19.4 | 两期延至次年 |\n"
    "| 时效指标 | 课程按期开课率 | ═ | 100 | % | 100% | 20 | 20 | 无 |\n"
    "| 满意度指标 | 服务对象满意度指标等 | 学员满意度 | ≧ | 90 | % | 96% | 30 | 30 | 无 |\n"
    "| 其他需要说明事项 | 无 | 总分 | 100 | 99.4 | 优 |\n"
)


def test_a_two_row_header_flattened_top_row_first_reads_rows_in_the_lower_rows_order() -> None:
    (table,) = tables_of(TWO_ROW_HEADER)
    assert table.columns[:7] == [Role.LEVEL1, Role.LEVEL2, Role.NAME, Role.OP, Role.TARGET, Role.UNIT, Role.ACTUAL]
    rows = _cells(table)
    assert rows[1] == {
        "level1": "产出指标", "level2": "数量指标", "name": "结业学员人数", "op": "≥", "target": "400", "unit": "人",
        "actual": "388", "weight": "20", "score": "19.4", "reason": "两期延至次年",
    }  # fmt: skip
    assert (rows[2]["op"], rows[3]["level2"], "reason" in rows[3]) == ("═", "服务对象满意度指标等", False)
    assert rows[-1] == {"label": "总分", "weight": "100", "score": "99.4", "grade": "优"}


def test_a_leading_border_pipe_is_nothing_when_a_row_goes_on_over_a_line_break_and_a_cell_when_one_is_missing() -> None:
    header = "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |\n"
    full = header + "| 30.0 | 28.5 | 28.2 | 10 | 98.95% | 9.9 |\n"
    (table,) = tables_of(full)
    assert _cells(table)[0]["initial_budget"] == "30.0" and _cells(table)[0]["score"] == "9.9"
    blank_first = header + "| 28.5 | 28.2 | 10 | 98.95% | 9.9 |\n"
    (table,) = tables_of(blank_first)
    assert "initial_budget" not in _cells(table)[0] and _cells(table)[0]["budget"] == "28.5"


# a spreadsheet or PDF text layer squashed out of reading order (invented figures)


def test_a_funding_tables_yuan_cell_printed_after_its_amounts_still_makes_it_yuan() -> None:
    raw = (
        "年初预算数 全年预算数 全年执行数 分值 执行率 得分 120000.00 120000.00 108,600.0 10 90.50% 9.05 "
        "上年结转资金 — — — 年度资金总额 项目资金 (元) 柳岸街道文化站 实施单位\n"
    )
    (table,) = tables_of(raw)
    assert table.kind is Kind.FUNDING and table.money_unit == "元"
    in_wan = raw.replace("项目资金 (元)", "项目资金 (元) 单位:万元")
    assert tables_of("单位:万元\n" + in_wan)[0].money_unit == "万元"


def test_row_labels_printed_among_the_header_cells_head_the_value_rows_in_order() -> None:
    raw = (
        "项目资金 年初预算数 (万元) 年度资金总额 其中:当年财政拨款 实施单位 全年预算数 全年执行数 分值 执行率 得分 "
        "42.80 41.95 10 98% 9.8 42.80 41.95 — 98% — 上年结转资金 — — 其他资金 — —\n"
    )
    text, origin = normalize(raw)
    (table,) = find_tables(text, origin)
    rows = _cells(table)
    # two amounts under 年初 | 全年 | 执行 (the 年初 header left before the run): 41.95 stands before the
    # points, so it is 执行; 42.80 may be 年初 or 全年, so it is left unread
    assert rows[0] == {"label": "年度资金总额", "executed": "41.95", "weight": "10", "rate": "98%", "score": "9.8"}
    assert rows[1] == {"label": "其中:当年财政拨款", "executed": "41.95", "rate": "98%"}
    assert [text[start:end] for start, end in table.skipped] == ["42.80", "42.80"]


def test_two_amounts_under_three_money_columns_stay_placed_when_a_printed_blank_cell_settles_them() -> None:
    header = "| 项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
    (table,) = tables_of(header + "| 年度资金总额 | | 36.40 | 35.10 | 10 | 96.43% | 9.6 |\n")
    row = _cells(table)[0]
    assert (row["budget"], row["executed"], row["score"], "initial_budget" in row) == ("36.40", "35.10", "9.6", False)


# a glued form whose cells wrapped at spaces (a docx preview on a document-sharing site)

WRAPPED_FORM = (
    "专项资金名称乡村书屋运维经费项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额36.536.5100%"
    "绩 效 指 标一级 指标二级 指标三级指标年度指标 值全年 完成值未完成原因和 改进措施产 出 指 标数量 指标运维书屋 数量"
    "64个64个图书编目差 错率00质量 指标借阅登记完 整率98%99%效益 指标社会 效益 指标借阅人 次年增长率8%9%绩效 指标效 益"
    " 指 标可持 续影 响指标书屋管理制 度健全健全满意 度指 标服务 对象 满意 度指 标群众投诉 件数0件0件"
    "读者满意度≥90%94%\n"
)


def test_a_glued_form_whose_cells_wrapped_at_spaces_is_read_without_them() -> None:
    text, origin = normalize(WRAPPED_FORM)
    funding, indicators = find_tables(text, origin)
    assert [(r.text(Role.BUDGET), r.text(Role.EXECUTED), r.text(Role.RATE)) for r in funding.rows] == [
        ("36.5", "36.5", "100%")
    ]  # one decimal: cut where the arithmetic agrees, not after two decimals
    joined = ["".join(r.text(role).split()) for r in indicators.rows for role in (Role.LEVEL2, Role.NAME)]
    values = [(r.text(Role.TARGET), r.text(Role.ACTUAL)) for r in indicators.rows]
    rows = [(joined[2 * k], joined[2 * k + 1], *values[k]) for k in range(len(values)) if joined[2 * k + 1]]
    assert rows == [
        ("数量指标", "运维书屋数量", "64个", "64个"),
        ("数量指标", "图书编目差错率", "0", "0"),  # `00`: a target 0 and an actual 0
        ("质量指标", "借阅登记完整率", "98%", "99%"),
        ("社会效益指标", "借阅人次年增长率", "8%", "9%"),
        ("可持续影响指标", "书屋管理制度", "健全", "健全"),  # the repeated 绩效指标/效益指标 page header is no row
        ("服务对象满意度指标", "群众投诉件数", "0件", "0件"),  # the actual repeats the target's unit
        ("服务对象满意度指标", "读者满意度", "≥90%", "94%"),
    ]
    name = indicators.rows[0].cells[Role.NAME]
    assert text[name.start : name.end] == name.text == "运维书屋 数量"  # the cell as printed, at its place


def test_a_squashed_table_with_a_space_between_cells_is_not_read_as_wrapped() -> None:
    raw = (
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 产出指标 数量指标 新建 书屋 12个 12个"
        " 质量指标 验收 合格率 100% 98% 效益指标 社会效益指标 受益 人数 3000人 3200人\n"
    )
    text, _ = normalize(raw)
    assert wrapped_view(text, 0, len(text)) is None


def test_a_glued_funding_row_cut_after_two_decimals_is_cut_again_when_its_rate_disagrees() -> None:
    raw = "项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额48.647.297.12%其中:县级资金12.512.5100%\n"
    [table] = tables_of(raw)
    cut = [(r.text(Role.BUDGET), r.text(Role.EXECUTED), r.text(Role.RATE)) for r in table.rows]
    assert cut == [("48.6", "47.2", "97.12%"), ("12.5", "12.5", "100%")]  # not 48.64 | 7.29 | 7.12%
    agreeing = "项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额512.40487.1095.06%\n"
    [table] = tables_of(agreeing)
    assert [(r.text(Role.BUDGET), r.text(Role.EXECUTED), r.text(Role.RATE)) for r in table.rows] == [
        ("512.40", "487.10", "95.06%")
    ]  # a two-decimal cut its rate confirms stays


def test_template_rows_and_a_reason_sentence_in_a_cell_per_line_dump_are_no_indicators() -> None:
    blank = ["指标2", " ", " ", " ", " ", " ", "……", " ", " ", " ", " ", " "]
    cells = [
        "一级指标", "二级指标", "三级指标", "年度", "指标值", "实际", "完成值", "分值", "得分", "偏差原因分析",
        "产出指标", "数量指标", "指标1改造校舍面积", "800", "800", "20", "20", " ", *blank,
        "时效指标", "指标1按期完工率", "100", "90", "20", "18", "雨季停工,工期延后约10%,已追加施工人员。", *blank,
    ]  # fmt: skip
    [table] = tables_of("\n\n".join(cells) + "\n")
    named = [(r.text(Role.NAME), r.text(Role.TARGET), r.text(Role.ACTUAL)) for r in table.rows if r.text(Role.TARGET)]
    assert named == [("指标1改造校舍面积", "800", "800"), ("指标1按期完工率", "100", "90")]
    assert [r.text(Role.REASON) for r in table.rows if r.text(Role.REASON)] == [
        "雨季停工,工期延后约10%,已追加施工人员。"
    ]  # the sentence is the reason cell, not a row with a target of 10%
    assert {r.text(Role.NAME) for r in table.rows if not r.text(Role.TARGET)} <= {"指标2"}  # its 2 is no target


def test_a_squashed_weight_first_form_reads_past_an_empty_level_to_its_footer() -> None:
    raw = (
        "一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施产出指标(60分)数量指标"
        "新建健身步道20≥2公里2.3公里20质量指标验收合格率20100%100%20时效指标按期完工率20≥90%100%20"
        "效益指标(30分)经济效益指标社会效益指标受益群众人数20≥800人900人20可持续影响指标步道使用年限10≥8年8年10"
        "满意度指标(10分)服务对象满意度指标群众满意度10≥90%96%10……总分100100\n"
    )
    [table] = tables_of(raw)
    read = [(r.text(Role.LEVEL2), r.text(Role.NAME), r.text(Role.TARGET), r.text(Role.ACTUAL), r.text(Role.SCORE))
            for r in table.rows if Role.NAME in r.cells]  # fmt: skip
    assert read[3:] == [
        ("社会效益指标", "受益群众人数", "≥800人", "900人", "20"),  # not under the empty 经济效益指标, nor named by it
        ("可持续影响指标", "步道使用年限", "≥8年", "8年", "10"),  # `≥` alone is no target: the score is not the 8
        ("服务对象满意度指标", "群众满意度", "≥90%", "96%", "10"),  # the last row, before `……总分`
    ]
    [total] = [r for r in table.rows if Role.LABEL in r.cells]
    assert (total.text(Role.WEIGHT), total.text(Role.SCORE)) == ("100", "100")


def test_a_budget_and_executed_glued_beside_their_rate_are_cut_where_the_rate_agrees() -> None:
    """`250250.00100.00%` was cut after two decimals into one amount `250250.00` and the rate, leaving the
    executed cell empty: the one cut of the amounts that agrees with the printed rate is 250 | 250.00."""
    raw = (
        "序号单位名称全年预算数全年执行数预算执行率1县文化馆410396.5096.71%2县图书馆250250.00100.00%"
        "3县体育中心9045.0050.00%合计750691.5092.20%\n"
    )
    [table] = tables_of(raw)
    cut = [(r.text(Role.BUDGET), r.text(Role.EXECUTED), r.text(Role.RATE)) for r in table.rows]
    assert cut == [
        ("410", "396.50", "96.71%"),
        ("250", "250.00", "100.00%"),
        ("90", "45.00", "50.00%"),
        ("750", "691.50", "92.20%"),
    ]
    assert all(r.split for r in table.rows)  # cut by the arithmetic, and said so
    lone = "序号单位名称全年预算数全年执行数预算执行率1县图书馆250250.0077.00%\n"  # no cut agrees: left as read
    [table] = tables_of(lone)
    assert table.rows[0].text(Role.EXECUTED) == "" and not table.rows[0].split


def test_glued_amounts_no_rate_confirms_are_left_unread() -> None:
    """`5.212.617.817.8` under 中央 | 省 | 合计 | 执行数 | 执行率 (source columns the reader does not know) cut
    after two decimals reads 5.21 | 2.61 | 7.81 | 7.8: pieces of cells, and no rate says where the cuts are.
    None is read as the executed amount or the rate; the run is listed unread. Glued cells whose rate agrees
    are read."""
    raw = "资金来源中央(万元)省级(万元)合计(万元)执行数(万元)执行率5.212.617.817.8(Y)%项目年度目标:完成建设。\n"
    tables = tables_of(raw)
    assert not [row for table in tables for row in table.rows if row.cells.keys() - {Role.LABEL}]
    text, _ = normalize(raw)
    assert (text.index("5.21"), text.index("5.21") + 4) in [span for t in tables for span in t.skipped]
    agreeing = "项目资金(万元)全年预算数全年执行数执行率年度资金总额20.0018.0090%\n"
    [table] = tables_of(agreeing)
    assert [(r.text(Role.BUDGET), r.text(Role.EXECUTED), r.text(Role.RATE)) for r in table.rows] == [
        ("20.00", "18.00", "90%")
    ]


# a web table dumped a cell per line, each line after a row's first opened by a pipe (invented figures)
CELL_PER_LINE = (
    "绩效\n       指标\n        | 一级指标\n        | 二级指标\n        | 三级指标\n        | 指标值\n"
    "        | 实施进度\n        | \n"
    "项目产出\n        | 数量指标\n        | 培训场次\n        | 不少于4场\n        | 已完成100%\n        | |\n"
    "质量指标\n        | 培训合格率\n        | ≥95%\n        | 已完成98%\n        | ||\n"
    "成本指标\n        | 成本\n        | 6万元\n        | 已完成100%\n        | ||\n"
    "项目效益\n        | 社会效益\n       指标\n        | 提升群众防灾意识\n"
    "        | 逐步提升\n        | 已完成100%\n        | |\n"
    "满意度指标\n        | 满意度指标\n        | 学员满意度\n        | 90%\n        | 已完成100%\n        | \n"
    "二、项目资金使用情况\n"
)


def test_a_cell_per_line_dump_opens_rows_on_the_lines_no_pipe_opens() -> None:
    """Each row's first cell stands on a line of its own (merged cells above are not printed), each later
    cell on a line opened by a pipe, and a cell may wrap onto an indented line: every row is read whole,
    the misprinted first levels (项目产出, 项目效益) as printed, `成本` as a name under 成本指标, and the
    实施进度 column's `已完成100%` as the completion."""
    [table] = tables_of(CELL_PER_LINE)
    assert table.columns == [Role.LEVEL1, Role.LEVEL2, Role.NAME, Role.TARGET, Role.COMPLETION]
    read = [
        ("".join(r.text(Role.LEVEL1).split()), "".join(r.text(Role.LEVEL2).split()), r.text(Role.NAME),
         r.text(Role.TARGET), r.text(Role.COMPLETION))
        for r in table.rows
    ]  # fmt: skip
    assert read == [
        ("项目产出", "数量指标", "培训场次", "不少于4场", "已完成100%"),
        ("项目产出", "质量指标", "培训合格率", "≥95%", "已完成98%"),
        ("项目产出", "成本指标", "成本", "6万元", "已完成100%"),
        ("项目效益", "社会效益指标", "提升群众防灾意识", "逐步提升", "已完成100%"),
        ("满意度指标", "满意度指标", "学员满意度", "90%", "已完成100%"),
    ]


def test_a_progress_level_is_a_second_level_of_output() -> None:
    """湖北's 项目绩效自评表 names 时效 `进度指标`: glued before a name it is the level, not part of the name."""
    raw = "一级指标二级指标三级指标年初目标值(A)实际完成值(B)得分产出指标进度指标按期完成巡查100%100%20\n"
    [table] = tables_of(raw)
    assert [(r.text(Role.LEVEL2), r.text(Role.NAME), r.text(Role.SCORE)) for r in table.rows] == [
        ("进度指标", "按期完成巡查", "20")
    ]
