"""The metamorphic eval's layout transforms rewrite the layout and keep every figure's printed text."""

from __future__ import annotations

from jixiao.evaluation.layouts import (
    TRANSFORMS,
    bare_cell_lines,
    cell_lines,
    debris,
    flattened,
    lost_figures,
    squashed,
    wrapped,
)

ROWS = "资金情况\n全年预算数(A) | 全年执行数(B) | 执行率 | ||\n年度资金总额 | 84.5 | 80.2 | 94.91% | ||\n合计完成。"
FIGURES = ["84.5", "80.2", "94.91%"]


def test_cell_lines_put_each_cell_on_its_line_and_empty_cells_on_a_lone_bar() -> None:
    lines = cell_lines(ROWS).split("\n")
    assert lines[:6] == ["资金情况", "全年预算数(A) |", "全年执行数(B) |", "执行率 |", "|", "|"]
    assert "84.5 |" in lines and lines[-1] == "合计完成。"


def test_bare_cells_drop_the_bars_and_part_cells_by_blank_lines() -> None:
    text = bare_cell_lines(ROWS)
    assert "|" not in text and "年度资金总额\n\n84.5\n\n80.2" in text
    # a dump of one cell per line, whose lone bars close the cell above: not rows to rewrite
    one_per_line = "|   产出指标\n    | \n  数量指标\n    | \n  培训人次\n    | \n  ||||\n"
    assert bare_cell_lines(one_per_line) == squashed(one_per_line) == one_per_line


def test_squashed_and_flattened_rows_are_a_space_apart() -> None:
    assert squashed(ROWS).split("\n")[2] == "年度资金总额 84.5 80.2 94.91%"
    assert flattened(ROWS).split("\n") == [
        "资金情况",
        "全年预算数(A) 全年执行数(B) 执行率 年度资金总额 84.5 80.2 94.91%",
        "合计完成。",
    ]


def test_wrapping_never_cuts_a_kept_figure_or_a_number() -> None:
    prose = "本年度项目资金共计到位" + "资金" * 5 + "1234.56万元，执行率为98.76%，较上年提高了三个百分点，效果良好。"
    for width in range(8, 30):
        lines = wrapped(prose, ["1234.56万元"], width=2 * width).split("\n")
        assert "".join(lines) == prose and len(lines) > 1
        assert any("1234.56万元" in line for line in lines)
        assert any("98.76%" in line for line in lines)


def test_pipe_rows_are_not_wrapped() -> None:
    assert wrapped(ROWS, FIGURES, width=20).split("\n")[1:3] == ROWS.split("\n")[1:3]


def test_debris_glues_word_metadata_before_the_first_line() -> None:
    first = debris("\n标题\n正文").split("\n")[0]
    assert first.endswith("False False False 标题")


def test_no_transform_loses_a_figure() -> None:
    for transform in TRANSFORMS:
        out = transform.rewrite(ROWS, FIGURES)
        assert lost_figures(ROWS, out, FIGURES) == [], transform.name


def test_a_lost_figure_is_named() -> None:
    assert lost_figures(ROWS, ROWS.replace("80.2", "8O.2"), FIGURES) == ["80.2"]
