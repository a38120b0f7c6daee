"""A squashed header line (cells a single space apart) that a PDF page's width broke inside a word: the line
and the next, joined at the break, are the table's header."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents.tables.table import Cell
from jixiao.documents.tables.wrapped_header import header_over_lines
from jixiao.model import Figure
from reading import rules_report

BROKEN_HEADER = """图书馆免费开放项目支出绩效自评表
一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因 得分计算方
法
产出指标 数量指标 全年开放天数 300天 306天 20 20
质量指标 读者借阅量 8000册次 8420册次 20 20
效益指标 社会效益指标 读者满意度 ≥90% 93% 10 10
"""


def _lines(text: str) -> tuple[Cell, Cell]:
    first_end = text.index("\n")
    second_end = text.index("\n", first_end + 1)
    return Cell(text[:first_end], 0, first_end), Cell(text[first_end + 1 : second_end], first_end + 1, second_end)


def test_a_header_broken_inside_its_last_word_reads_across_the_break() -> None:
    text = "三级指标 年度指标值 实际完成值 分值 得分 得分计算方\n法\n"
    cells = header_over_lines(text, *_lines(text))
    assert cells is not None
    assert [cell.text for cell in cells] == ["三级指标", "年度指标值", "实际完成值", "分值", "得分", "得分计算方\n法"]
    assert all(text[cell.start : cell.end] == cell.text for cell in cells)
    text = "三级指标 年度指标值 实际完成值 分值 得分\n计算方法 偏差原因\n"  # broken after a header word
    cells = header_over_lines(text, *_lines(text))
    assert cells is not None and [cell.text for cell in cells][-2:] == ["得分\n计算方法", "偏差原因"]


def test_two_whole_header_lines_or_a_row_after_the_header_are_left_as_they_are() -> None:
    text = "三级指标 年度指标值 实际完成值\n分值 得分\n"  # the break fell between two words
    assert header_over_lines(text, *_lines(text)) is None
    text = "三级指标 年度指标值 实际完成值 分值 得分\n全年开放天数 300天\n"  # the first row
    assert header_over_lines(text, *_lines(text)) is None
    text = "读者满意度 ≥90% 93% 10 10\n实际完成值 分值\n"  # a row, then header words
    assert header_over_lines(text, *_lines(text)) is None


def _shown(figure: Figure | None) -> str | None:
    return figure.text if figure else None


def test_the_rows_under_a_header_broken_by_the_page_are_read(tmp_path: Path) -> None:
    report = rules_report(tmp_path, BROKEN_HEADER)
    rows = [(i.name, *map(_shown, (i.target, i.actual, i.weight, i.score))) for i in report.indicators]
    assert rows == [
        ("全年开放天数", "300天", "306天", "20", "20"),
        ("读者借阅量", "8000册次", "8420册次", "20", "20"),
        ("读者满意度", "≥90%", "93%", "10", "10"),
    ]
