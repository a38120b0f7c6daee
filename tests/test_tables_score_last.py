"""A docx preview's glued indicator rows with no 分值 column (name, target, actual, score run together), read
only in the shapes that say where the cells are (written by us, invented names and figures)."""

from __future__ import annotations

from jixiao.documents.normalize import normalize
from jixiao.documents.tables import Kind, Role, Table, find_tables
from jixiao.documents.tables.score_last_rows import score_last_rows

_HEADER = "年度绩效目标(80分)一级指标二级指标三级指标年初目标值 (A)实际完成值 (B)得分"
_CELLS = (Role.LEVEL1, Role.LEVEL2, Role.NAME, Role.TARGET, Role.ACTUAL, Role.SCORE)


def _indicator_rows(body: str) -> list[tuple[str, ...]]:
    text, origin = normalize(_HEADER + body + "总分100偏差大或目标未完成原因分析无")
    (table,) = [table for table in find_tables(text, origin) if table.kind is Kind.INDICATORS]
    return _rows(table)


def _rows(table: Table) -> list[tuple[str, ...]]:
    return [tuple(row.text(role) for role in _CELLS) for row in table.rows if Role.NAME in row.cells]


def test_a_value_printed_twice_before_the_score_is_the_target_and_the_actual() -> None:
    # `产出 指标`: the preview broke the level cell at a space; cells are read without it
    rows = _indicator_rows("产出 指标数量指标巡查河道里程按月巡查按月巡查10每月补助标准300元300元300元10")
    assert rows == [
        ("产出指标", "数量指标", "巡查河道里程", "按月巡查", "按月巡查", "10"),
        ("产出指标", "数量指标", "每月补助标准300元", "300元", "300元", "10"),
    ]


def test_a_name_ending_in_its_own_value_keeps_it_and_the_two_values_follow() -> None:
    rows = _indicator_rows("产出指标质量指标确保补助资金专款专用专款专用专款专用15巡查记录完整率100%100%15")
    assert rows[0][2:] == ("确保补助资金专款专用", "专款专用", "专款专用", "15")


def test_two_figures_of_one_unit_glued_are_the_target_then_the_actual() -> None:
    rows = _indicator_rows("效益 指标经济效益带动村集体增收≥20万元23.5万元10社会效益受益群众人数≥800人860人10")
    assert rows == [
        ("效益指标", "经济效益", "带动村集体增收", "≥20万元", "23.5万元", "10"),
        ("效益指标", "社会效益", "受益群众人数", "≥800人", "860人", "10"),
    ]


def test_a_short_second_level_opens_a_level_only_after_a_score() -> None:
    rows = _indicator_rows(
        "产出指标数量指标成本控制不超过预算不超过预算10巡查次数12次12次10"
        "成本每公里管护费800元800元800元10时效当年完成巡查当年当年10"
    )
    assert [(level2, name) for _, level2, name, *_ in rows] == [
        ("数量指标", "成本控制"),  # right after a level word: the name opens with 成本
        ("数量指标", "巡查次数"),
        ("成本", "每公里管护费800元"),
        ("时效", "当年完成巡查"),
    ]


def test_a_name_going_on_from_a_short_level_word_after_a_score_stays_a_name() -> None:
    rows = _indicator_rows("产出指标数量指标巡查次数12次12次10成本控制不超过预算不超过预算10")
    assert [(level2, name) for _, level2, name, *_ in rows] == [("数量指标", "巡查次数"), ("数量指标", "成本控制")]


def test_ocr_debris_of_a_first_level_gives_way_to_the_level_its_second_level_implies() -> None:
    rows = _indicator_rows(
        "出标产指数量指标补助河道数8820质量指标巡查合格率95%95%20益标效指意指斥满度打服务对象满意度沿河群众满意度90%290%40"
    )
    assert rows == [
        ("产出指标", "数量指标", "补助河道数", "8", "8", "20"),  # 8820: a bare number twice, then the score
        ("产出指标", "质量指标", "巡查合格率", "95%", "95%", "20"),
        # 290%: the actual's ≥ read as a 2 by OCR, left unread
        ("满意度指标", "服务对象满意度", "沿河群众满意度", "90%", "", "40"),
    ]


def test_a_row_whose_values_say_no_cut_is_skipped_to_the_next_level() -> None:
    rows = _indicator_rows(
        "产出指标数量指标巡查河道里程12次12次10管护人数1518人10质量指标巡查合格率95%95%10时效指标当年完成当年当年10"
    )
    # `1518人`: 15 and 18人, or 151 and 8人: nothing says; the rest of its level is not guessed either
    assert [name for _, _, name, *_ in rows] == ["巡查河道里程", "巡查合格率", "当年完成"]


def test_a_page_number_a_preview_put_inside_a_cell_is_read_past() -> None:
    rows = _indicator_rows("产出指标数量指标完成2021-2023\n2、河道巡查100%100%10质量指标巡查合格率95%95%10")
    assert rows[0][2:] == ("完成2021-2023河道巡查", "100%", "100%", "10")


def test_fewer_than_two_rows_are_left_to_the_aligner() -> None:
    text = "产出指标数量指标巡查次数12次12次10"
    assert score_last_rows(text, 0, len(text)) is None
