"""Table cells and rows of set 13's layouts (written by us, invented names and figures): a glyph the converter
lost after an amount, a second level the form names with its first's word or an older word, a date printed with
dots, a figure inside a piped phrase, a funding table in 元 that prints no unit."""

from __future__ import annotations

from jixiao.documents.normalize import normalize
from jixiao.documents.tables import Kind, Role, find_tables
from jixiao.documents.tables.cells import without_lost_glyph
from jixiao.documents.tables.table import Cell
from jixiao.vocabulary import level_number


def _rows(text: str, kind: Kind) -> list[dict[Role, str]]:
    normal, origin = normalize(text)
    tables = [table for table in find_tables(normal, origin) if table.kind is kind]
    return [{role: cell.text for role, cell in row.cells.items()} for table in tables for row in table.rows]


def test_a_question_mark_after_a_figure_is_no_part_of_it() -> None:
    assert without_lost_glyph(Cell("1,250,000.00?", 10, 23)) == Cell("1,250,000.00", 10, 22)
    assert without_lost_glyph(Cell("是否完成?", 0, 5)) == Cell("是否完成?", 0, 5)  # a question, no figure


def test_older_second_level_words_are_levels() -> None:
    assert level_number("环境效益") == 2
    rows = _rows(
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |\n"
        "产出指标 | 产出质量 | 验收合格率 | 100% | 100% |\n"
        "| 产出时效 | 完成时间 | 2023.1.1-10.31 | 2023.1.1-10.20 |\n"
        "效益指标 | 环境效益 | 垃圾分类覆盖 | 90% | 92% |\n",
        Kind.INDICATORS,
    )
    assert [(row[Role.LEVEL2], row[Role.NAME], row[Role.TARGET], row[Role.ACTUAL]) for row in rows] == [
        ("产出质量", "验收合格率", "100%", "100%"),
        ("产出时效", "完成时间", "2023.1.1-10.31", "2023.1.1-10.20"),
        ("环境效益", "垃圾分类覆盖", "90%", "92%"),
    ]


def test_a_figure_after_a_list_mark_inside_a_piped_phrase_is_the_phrases() -> None:
    rows = _rows(
        "一级指标 | 二级指标 | 指标名称 | 目标值 | 完成值 |\n"
        "产出指标 | 质量指标 | 服务对象年龄符合规定 | 18—65周岁 | 含未满18岁、65周岁以上学员 |\n"
        "| 时效指标 | 补助发放及时率 | 100% | 100% |\n",
        Kind.INDICATORS,
    )
    assert [row[Role.ACTUAL] for row in rows] == ["含未满18岁、65周岁以上学员", "100%"]


def test_an_indicator_table_ends_at_the_numbered_header_of_a_list_after_it() -> None:
    rows = _rows(
        "一级指标 | 二级指标 | 指标名称 | 目标值 | 完成值 |\n"
        "产出指标 | 数量指标 | 培训人数 | 500人 | 512人 |\n"
        "序号 | 机构性质 | 培训机构 | 补助标准(元/人) | 培训人数 |\n"
        "1 | 民办 | 某某职业培训学校 | 1500 | 260 |\n"
        "2 | 公办 | 某某技工学校 | 1500 | 252 |\n",
        Kind.INDICATORS,
    )
    assert [row[Role.NAME] for row in rows] == ["培训人数"]


def test_a_funding_table_of_bare_seven_digit_amounts_is_in_yuan() -> None:
    text = (
        "资金情况 |\n年初预算数 | 全年(调整)预算数 | 全年执行数 | 执行率 |\n"
        "年度总金额 | 1,480,000.00 | 1,526,300.00 | 1,498,210.40 | 98.16 |\n"
    )
    normal, origin = normalize(text)
    (table,) = [table for table in find_tables(normal, origin) if table.kind is Kind.FUNDING]
    assert table.money_unit == "元"
    small = text.replace("1,480,000.00", "148.00").replace("1,526,300.00", "152.63").replace("1,498,210.40", "149.82")
    normal, origin = normalize(small)
    (table,) = [table for table in find_tables(normal, origin) if table.kind is Kind.FUNDING]
    assert table.money_unit == "万元"


def test_lost_glyphs_after_squashed_amounts_are_no_cells() -> None:
    rows = _rows(
        "资金情况\n年初预算数 全年(调整)预算数 全年执行数 执行率 执行率权重 执行率得分\n"
        "年度总金额 1,480,000.00? 1,526,300.00? 1,498,210.40?\n"
        "其中:财政拨款 1,480,000.00? 1,526,300.00? 1,498,210.40? 98.16 10.00 9.82?\n",
        Kind.FUNDING,
    )
    assert [row.get(Role.EXECUTED) for row in rows[:2]] == ["1,498,210.40", "1,498,210.40"]
    assert (rows[1].get(Role.RATE), rows[1].get(Role.SCORE)) == ("98.16", "9.82")
