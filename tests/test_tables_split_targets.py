"""Headerless indicator rows whose target is printed as comparator | value | unit cells (tables.split_targets)."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents.tables import Kind, Role
from jixiao.model import Figure
from reading import rules_report, tables_of


def _shown(value: Figure | str | None) -> str | None:
    return value.text if isinstance(value, Figure) else value


def indicator_rows(tmp_path: Path, raw: str, *fields: str) -> list[tuple[str | None, ...]]:
    """Each indicator the rules backend reads from `raw`, as a tuple of the named fields."""
    return [tuple(_shown(getattr(i, field)) for field in fields) for i in rules_report(tmp_path, raw).indicators]


TEMPLATE = """森林防火巡查次数 | ≥ | 120 | 次 | 10 | ||||||
质量指标 | 火情处置及时率 | = | 100 | % | 10 | ||||||
成本指标 | 护林员人均补助 | ≤ | 1.2 | 万元/人 | 10 | |||||
效益指标 | 生态效益指标 | 森林覆盖率保持情况 | 定性 | 稳中有升 | 20 | |||||
满意度指标 | 服务对象满意度指标 | 林区群众满意度 | ≥ | 85 | % | 10 | 9 | |||
"""


def test_a_lone_number_after_the_target_is_the_weight_of_a_template_row(tmp_path: Path) -> None:
    rows = indicator_rows(tmp_path, TEMPLATE, "level2", "name", "target", "actual", "weight", "score")
    assert rows[:4] == [
        (None, "森林防火巡查次数", "120", None, "10", None),
        ("质量指标", "火情处置及时率", "100", None, "10", None),
        ("成本指标", "护林员人均补助", "1.2", None, "10", None),
        ("生态效益指标", "森林覆盖率保持情况", "稳中有升", None, "20", None),
    ]
    assert rows[4] == ("服务对象满意度指标", "林区群众满意度", "85", None, None, None)  # two numbers: unplaced


def test_the_target_takes_its_comparator_and_unit_cells() -> None:
    (table,) = tables_of(TEMPLATE)
    assert table.layout == "headerless"
    first = table.rows[0].cells
    assert (first[Role.OP].text, first[Role.TARGET].text, first[Role.UNIT].text) == ("≥", "120", "次")
    assert [row.text(Role.UNIT) for row in table.rows] == ["次", "%", "万元/人", "", "%"]
    assert table.skipped and len(table.skipped) == 2  # the 10 and 9 of the last row are left unread


def test_three_numbers_are_the_actual_the_weight_and_the_score(tmp_path: Path) -> None:
    filled = TEMPLATE.replace("| 次 | 10 |", "| 次 | 126 | 10 | 10 |").replace("| % | 10 | 9 |", "| % | 88 | 10 | 10 |")
    rows = indicator_rows(tmp_path, filled, "name", "actual", "weight", "score")
    assert rows[0] == ("森林防火巡查次数", "126", "10", "10")
    assert rows[4] == ("林区群众满意度", "88", "10", "10")


def test_a_word_in_the_unit_cell_that_is_no_unit_leaves_the_row_unread(tmp_path: Path) -> None:
    unsure = TEMPLATE.replace("| 100 | % | 10 |", "| 100 | 达标 | 10 |")
    assert "火情处置及时率" not in [name for (name,) in indicator_rows(tmp_path, unsure, "name")]


def test_rows_with_other_cells_before_the_name_or_fewer_than_three_are_no_table() -> None:
    assert tables_of("\n".join(TEMPLATE.splitlines()[:2]) + "\n") == []
    prose = TEMPLATE.replace("质量指标 | 火情", "备注说明 | 火情").replace("成本指标 | 护林员", "其他 | 护林员")
    assert [t for t in tables_of(prose) if t.layout == "headerless" and len(t.rows) > 3] == []


HEADED = (
    "一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |\n"
    "产出指标 | 数量指标 | 巡查次数 | ≥ | 120 | 次 | 126 | 10 | 10 | |\n"
    "效益指标 | 生态效益指标 | 林地保护成效 | 定性 | 稳中有升 | | 稳中有升 | 10 | 10 | |\n"
    "满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥ | 85 | % | 90 | 10 | 10 | |\n"
)


def test_a_qualitative_rows_nature_cell_is_its_comparator_cell_not_part_of_its_name(tmp_path: Path) -> None:
    rows = indicator_rows(tmp_path, HEADED, "name", "target", "actual")
    assert ("林地保护成效", "稳中有升", "稳中有升") in rows
    dropped = HEADED.replace("| 稳中有升 | | 稳中有升 |", "| 稳中有升 | 稳中有升 |")  # the empty unit cell dropped
    assert ("林地保护成效", "稳中有升", "稳中有升") in indicator_rows(tmp_path, dropped, "name", "target", "actual")


def _one_cell_per_line(rows: str) -> str:
    """The rows' cells one per line with blank lines between (a dump without pipes)."""
    cells = [cell.strip() for line in rows.splitlines() for cell in line.split("|") if cell.strip()]
    return "\n\n".join(cells) + "\n"


def test_rows_run_on_one_cell_per_line_are_cut_at_each_rows_levels_and_name(tmp_path: Path) -> None:
    filled = TEMPLATE.replace("| 次 | 10 |", "| 次 | 126 | 10 | 10 |").replace("| % | 10 | 9 |", "| % | 88 | 10 | 9 |")
    raw = _one_cell_per_line(filled + "合计 | 60 | 59 |\n")
    rows = indicator_rows(tmp_path, raw, "level2", "name", "target", "actual", "weight", "score")
    assert rows == [
        (None, "森林防火巡查次数", "120", "126", "10", "10"),
        ("质量指标", "火情处置及时率", "100", None, "10", None),
        ("成本指标", "护林员人均补助", "1.2", None, "10", None),
        ("生态效益指标", "森林覆盖率保持情况", "稳中有升", None, "20", None),
        ("服务对象满意度指标", "林区群众满意度", "85", "88", "10", "9"),  # the 合计 row after it is no value
    ]


def test_a_document_ending_on_a_pipe_header_whose_last_cell_names_no_column_was_cut() -> None:
    header = "预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | "
    header += "权重 | 得分 | 原因 |\n"
    funding = [table for table in tables_of(TEMPLATE + header) if table.kind is Kind.FUNDING]
    assert len(funding) == 1 and funding[0].truncated and not funding[0].rows
    prose = [t for t in tables_of(TEMPLATE + header + "以上为本项目自评情况。\n") if t.kind is Kind.FUNDING]
    assert not any(table.truncated for table in prose)


WRAPPED = """巡河次数 | ≥ | 48 | 次 | 52 | 10 |
|
| |||
成本指标 | 巡河人员补助 | = | 3 | 万元 | 3 | 10 |
|
| ||
效益指标 | 社会效益指标 | 河岸垃圾清运率 | ≥ | 95 | % | 97 | 20 |
|
| |
可持续影响指标 | 巡河制度健全性 | 定性 | 优良中低差 |
| 优 | 10 |
|
| ||
满意度指标 | 服务对象满意度指标 | 沿岸群众满意度 | ≥ | 90 | % | 94 | 10 |
|
| |
合计 | 100 |
|
| |||||||
"""


def test_two_values_are_the_actual_and_the_weight_when_the_total_row_prints_100_alone(tmp_path: Path) -> None:
    rows = indicator_rows(tmp_path, WRAPPED, "name", "target", "actual", "weight", "score")
    assert rows == [
        ("巡河次数", "48", "52", "10", None),
        ("巡河人员补助", "3", "3", "10", None),
        ("河岸垃圾清运率", "95", "97", "20", None),
        ("巡河制度健全性", "优良中低差", "优", "10", None),  # its values wrapped onto the next line
        ("沿岸群众满意度", "90", "94", "10", None),  # pipe-only lines are no gap between rows
    ]


def test_two_values_stay_unread_when_no_total_row_or_a_scored_one_says_which(tmp_path: Path) -> None:
    for total in ("", "合计 | 100 | 96 |\n"):
        unsure = WRAPPED.replace("合计 | 100 |\n", total)
        rows = indicator_rows(tmp_path, unsure, "name", "actual", "weight")
        assert ("巡河次数", None, None) in rows and ("沿岸群众满意度", None, None) in rows
