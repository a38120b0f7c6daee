"""A 自评表 printed row by row with its cells a single space apart (T3 without pipes): a two-line header whose
wrapped cells' tails stand on the second line, levels a space apart, a text target met and printed again,
a row's 分值 and 得分 on a line of their own, and a rate printed as a fraction."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents import load_document
from jixiao.documents.tables import Kind, Role, Table
from jixiao.documents.tables.table import Cell
from jixiao.documents.tables.twice_printed import points_pair, rejoined_twice, repeated_tail
from jixiao.documents.tables.wrapped_header import wrapped_header
from jixiao.extract import extract
from reading import tables_of

SPACED_FORM = """河道保洁专项资金绩效自评表(2023年度)
项目名称 河道保洁专项资金
项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分
(万元) 年度资金总额 40 40 36.5 10 0.912 9
其中:当年财政拨款 40 40 36.5 10 0.912 9
绩效指标 一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析及改进措施
指标值 完成值
产出指标 数量指标 指标1:保洁河段 完成城东三条河段的日常保洁与垃圾清运 完成城东三条河段的日常保洁与垃圾清运
8 8
指标2:清运垃圾量 1200吨 1260吨 8 8
指标3:保洁等级 县级示范河道 县级示范河道 8 7
时效指标 保洁作业 完成时间为2023年11月30日 完成时间为2023年11月30日 6 6
效益指标 社会效益指标 河道环境改善 水面洁净,群众满意 程度较高 20 18
"""


def _rows(table: Table) -> list[dict[str, str]]:
    return [{role.value: cell.text for role, cell in row.cells.items()} for row in table.rows]


def test_a_wrapped_two_line_header_reads_its_stubs_with_their_tails() -> None:
    text = "绩效指标 一级指标 三级指标 年度 实际 分值 得分\n指标值 完成值\n"
    first_end = text.index("\n")
    header = wrapped_header(
        text, Cell(text[:first_end], 0, first_end), Cell("指标值 完成值", first_end + 1, first_end + 8)
    )
    assert header is not None
    assert [(cell.text, role) for cell, role in header] == [
        ("绩效指标", None),
        ("一级指标", Role.LEVEL1),
        ("三级指标", Role.NAME),
        ("年度", Role.TARGET),
        ("实际", Role.ACTUAL),
        ("分值", Role.WEIGHT),
        ("得分", Role.SCORE),
    ]


def test_a_second_line_that_does_not_finish_the_stubs_is_no_wrapped_header() -> None:
    text = "一级指标 三级指标 年度 实际 分值\n指标值 完成值 备注\n"  # three tails for two stubs
    first_end = text.index("\n")
    second = Cell(text[first_end + 1 : -1], first_end + 1, len(text) - 1)
    assert wrapped_header(text, Cell(text[:first_end], 0, first_end), second) is None
    text = "河道 保洁 年度 实际 分值\n指标值 完成值\n"  # a row of words, not a header
    first_end = text.index("\n")
    second = Cell("指标值 完成值", first_end + 1, first_end + 8)
    assert wrapped_header(text, Cell(text[:first_end], 0, first_end), second) is None


def test_a_text_printed_twice_is_a_target_and_its_actual() -> None:
    cell = Cell("指标1:保洁河段 完成三条河段的保洁 完成三条河段的保洁", 10, 38)
    tail = repeated_tail(cell)
    assert tail is not None
    assert [part.text for part in tail] == ["指标1:保洁河段", "完成三条河段的保洁", "完成三条河段的保洁"]
    assert [(part.start, part.end) for part in tail] == [(10, 18), (19, 28), (29, 38)]
    assert repeated_tail(Cell("指标1:保洁河段 完成保洁 完成清运", 0, 18)) is None
    assert repeated_tail(Cell("保洁河段 是 是", 0, 8)) is None  # too short to be a text printed twice


def test_a_line_of_two_small_numbers_is_a_weight_and_a_score() -> None:
    pair = points_pair(Cell("8 7", 5, 8))
    assert pair is not None and [(c.text, c.start, c.end) for c in pair] == [("8", 5, 6), ("7", 7, 8)]
    assert points_pair(Cell("8 7 6", 0, 5)) is None
    assert points_pair(Cell("1200 7", 0, 6)) is None


def test_a_word_glued_to_its_date_printed_twice_stays_one_cell_each_time() -> None:
    text = "作业 完成时间为2023年11月30日 完成时间为2023年11月30日"
    parts = [
        Cell("作业", 0, 2),
        Cell("完成时间为", 3, 8),
        Cell("2023年11月30日", 8, 19),
        Cell("完成时间为", 20, 25),
        Cell("2023年11月30日", 25, 36),
    ]
    assert [c.text for c in rejoined_twice(text, parts)] == ["作业", *["完成时间为2023年11月30日"] * 2]
    different = [*parts[:4], Cell("2023年12月31日", 25, 36)]
    assert rejoined_twice(text, different) == different


def test_a_spaced_form_reads_its_funding_and_every_indicator_row() -> None:
    funding, indicators = tables_of(SPACED_FORM)
    assert funding.kind is Kind.FUNDING and Role.RATE in funding.columns
    assert _rows(funding)[0]["rate"] == "0.912" and _rows(funding)[0]["score"] == "9"
    assert indicators.columns[:5] == [Role.LEVEL1, Role.LEVEL2, Role.NAME, Role.TARGET, Role.ACTUAL]
    rows = _rows(indicators)
    assert [row["name"] for row in rows] == [
        "指标1:保洁河段",
        "指标2:清运垃圾量",
        "指标3:保洁等级",
        "保洁作业",
        "河道环境改善",
    ]
    assert rows[0]["target"] == rows[0]["actual"] == "完成城东三条河段的日常保洁与垃圾清运"
    assert (rows[0]["weight"], rows[0]["score"]) == ("8", "8")
    assert rows[2]["target"] == rows[2]["actual"] == "县级示范河道"
    assert rows[3]["target"] == "完成时间为2023年11月30日" and rows[3]["score"] == "6"
    assert (rows[4]["level2"], rows[4]["actual"], rows[4]["score"]) == ("社会效益指标", "程度较高", "18")


def test_a_rate_printed_as_a_fraction_is_read_as_a_percent_when_the_amounts_agree(tmp_path: Path) -> None:
    path = tmp_path / "spaced.txt"
    path.write_text(SPACED_FORM, encoding="utf-8")
    report = extract(load_document(path), "rules")
    rate = report.funding.execution_rate
    assert rate is not None and (rate.text, rate.value, rate.unit) == ("0.912", 91.2, "%")  # 36.5 / 40 = 0.9125
    path.write_text(SPACED_FORM.replace("0.912", "0.85"), encoding="utf-8")
    unconfirmed = extract(load_document(path), "rules").funding.execution_rate
    assert unconfirmed is not None and unconfirmed.value == 0.85  # no amounts agree: left as printed
    names = {indicator.name: indicator for indicator in report.indicators}
    assert names["指标3:保洁等级"].target is not None and names["指标3:保洁等级"].target.text == "县级示范河道"
