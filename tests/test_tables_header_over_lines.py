"""A squashed header line (cells a single space apart) that a PDF page's width broke inside a word: the line
and the next, joined at the break, are the table's header."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents.tables.table import Cell, Role
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


def _lines(text: str) -> list[Cell]:
    found, start = [], 0
    for line in text.split("\n")[:-1]:
        found.append(Cell(line, start, start + len(line)))
        start += len(line) + 1
    return found


def _texts(text: str) -> list[str] | None:
    found = header_over_lines(text, *_lines(text))
    return None if found is None else [cell.text for cell, _ in found[0]]


def test_a_header_broken_inside_its_last_word_reads_across_the_break() -> None:
    text = "三级指标 年度指标值 实际完成值 分值 得分 得分计算方\n法\n"
    found = header_over_lines(text, *_lines(text))
    assert found is not None and found[1] == 1
    assert [cell.text for cell, _ in found[0]][-3:] == ["分值", "得分", "得分计算方\n法"]
    assert [role for _, role in found[0]][-2:] == [Role.SCORE, Role.NOTE]
    assert all(text[cell.start : cell.end] == cell.text for cell, _ in found[0])
    text = "三级指标 年度指标值 实际完成值 分值 得分\n计算方法 偏差原因\n"  # broken after a header word
    assert (_texts(text) or [])[-2:] == ["得分\n计算方法", "偏差原因"]


def test_a_wrapped_two_line_header_broken_by_the_page_reads_its_stubs_tails_on_the_third_line() -> None:
    text = "一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析及改\n进措施\n指标值 完成值\n"
    found = header_over_lines(text, *_lines(text))
    assert found is not None and found[1] == 2
    assert [(cell.text, role) for cell, role in found[0]][3:] == [
        ("年度", Role.TARGET),
        ("实际", Role.ACTUAL),
        ("分值", Role.WEIGHT),
        ("得分", Role.SCORE),
        ("偏差原因分析及改\n进措施", Role.REASON),
    ]


def test_two_whole_header_lines_or_a_row_after_the_header_are_left_as_they_are() -> None:
    assert _texts("三级指标 年度指标值 实际完成值\n分值 得分\n") is None  # the break fell between two words
    assert _texts("三级指标 年度指标值 实际完成值 分值 得分\n全年开放天数 300天\n") is None  # the first row
    assert _texts("读者满意度 ≥90% 93% 10 10\n实际完成值 分值\n") is None  # a row, then header words


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
