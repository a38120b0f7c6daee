"""A department scoring sheet whose cells print their points in brackets (`目标相关性(4分)`) and only 得分 after
the name, read however it was flattened: a pipe dump, a PDF's lines, a glued run (invented names and figures)."""

from __future__ import annotations

from jixiao.documents.normalize import normalize
from jixiao.documents.tables import Kind, Role, find_tables
from jixiao.documents.tables.bracketed_points import bracketed_point_rows

_CELLS = (Role.LEVEL1, Role.LEVEL2, Role.NAME, Role.WEIGHT, Role.SCORE)
_HEADER = "2023 年部门整体支出绩效评价得分表 一级指标 二级指标 三级指标 得分 "
_EXPECTED = [
    ("部门决策", "目标设定", "目标相关性", "4", "4"),
    ("部门决策", "目标设定", "目标明确性", "4", "3"),
    ("部门决策", "预算配置", "测算准确性", "4", "3"),
    ("部门管理", "资金管理", "资金到位率", "5", "5"),
    ("部门管理", "资金管理", "支出规范性", "5", "4"),
]


def _rows(raw: str) -> list[tuple[str, ...]]:
    text, origin = normalize(raw)
    (table,) = [table for table in find_tables(text, origin) if table.kind is Kind.INDICATORS]
    return [tuple("".join(row.text(role).split()) for role in _CELLS) for row in table.rows]


def test_a_pdf_printing_each_score_at_the_start_of_the_next_line() -> None:
    body = (
        "部门决 策(20 分) 目标设定(8 分) 目标相关性(4 分)\n4 目标明确性(4 分)\n3 预算配置(8 分) 测算准确性(4 分)\n"
        "3 部门管理(30 分) 资金管理(10 分) 资金到位率(5 分)\n5 支出规范性(5 分)\n4\n"
    )
    assert _rows(_HEADER + body) == _EXPECTED


def test_a_glued_run_cut_where_each_score_ends_its_row() -> None:
    body = (
        "部门决策(20分)目标设定(8分)目标相关性(4分)4目标明确性(4分)3预算配置(8分)测算准确性(4分)3"
        "部门管理(30分)资金管理(10分)资金到位率(5分)5支出规范性(5分)4\n"
    )
    assert _rows("某某县卫生健康局\n" + _HEADER.replace(" ", "") + body) == _EXPECTED


def test_a_pipe_dump_gives_the_points_in_the_name_cell_as_its_weight() -> None:
    body = "\n".join(
        [
            "| 一级指标 | 二级指标 | 三级指标 | 得分 |",
            "| 部门决策(20分) | 目标设定(8分) | 目标相关性(4分) | 4 |",
            "|  |  | 目标明确性(4分) | 3 |",
            "|  | 预算配置(8分) | 测算准确性(4分) | 3 |",
            "| 部门管理(30分) | 资金管理(10分) | 资金到位率(5分) | 5 |",
            "|  |  | 支出规范性(5分) | 4 |",
        ]
    )
    rows = _rows("2023年部门整体支出绩效评价得分表\n" + body + "\n")
    assert [(name, weight, score) for _, _, name, weight, score in rows] == [row[2:] for row in _EXPECTED]


def test_a_name_the_excerpt_cuts_after_the_last_score_is_a_row_without_figures() -> None:
    text = "目标设定(8分) 目标相关性(4分)\n4 目标明确性(4分)\n3 预算配置(8分) 测算准确性(4分)\n3 分配合规……\n"
    columns = [Role.LEVEL1, Role.LEVEL2, Role.NAME, Role.SCORE]
    rows = bracketed_point_rows(text, 0, len(text), columns)
    assert rows is not None
    assert [(row.text(Role.LEVEL2), row.text(Role.NAME), row.text(Role.SCORE)) for row in rows] == [
        ("目标设定", "目标相关性", "4"),
        ("目标设定", "目标明确性", "3"),
        ("预算配置", "测算准确性", "3"),
        ("预算配置", "分配合规", ""),
    ]


def test_a_score_above_the_points_or_a_level_worth_less_than_its_name_ends_the_reading() -> None:
    columns = [Role.LEVEL1, Role.LEVEL2, Role.NAME, Role.SCORE]
    over = "目标相关性(4分)\n6 目标明确性(4分)\n3 测算准确性(4分)\n3 分配合理性(4分)\n4\n"
    assert bracketed_point_rows(over, 0, len(over), columns) is None
    upside_down = "目标设定(2分) 目标相关性(4分)\n4 目标明确性(4分)\n3 测算准确性(4分)\n3\n"
    assert bracketed_point_rows(upside_down, 0, len(upside_down), columns) is None


def test_a_sheet_with_a_points_column_is_left_to_its_own_reader() -> None:
    text = "目标相关性(4分)\n4 目标明确性(4分)\n3 测算准确性(4分)\n3\n"
    assert bracketed_point_rows(text, 0, len(text), [Role.NAME, Role.WEIGHT, Role.SCORE]) is None
