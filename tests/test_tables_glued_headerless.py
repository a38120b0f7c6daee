"""A squashed tail of an indicator table with no header: a level word, then rows that glue a name to a target
opened by a comparator and print one number after a space (written by us, invented names and figures)."""

from __future__ import annotations

from jixiao.documents.normalize import normalize
from jixiao.documents.tables import Kind, Role, find_tables
from jixiao.documents.tables.headerless import glued_rows
from jixiao.documents.tables.removed_spaces import removed_spaces

_CELLS = (Role.LEVEL1, Role.LEVEL2, Role.NAME, Role.TARGET)


def _rows(raw: str) -> list[tuple[str, ...]]:
    text, origin = normalize(raw)
    tables = [table for table in find_tables(text, origin) if table.kind is Kind.INDICATORS]
    return [tuple(row.text(role) for role in _CELLS) for table in tables for row in table.rows]


def test_each_comparator_ends_a_name_and_levels_carry_down() -> None:
    rows = _rows(
        "产出指标数量指标补贴发放率=100% 15 走访核查户数≥60户 15 时效指标按季发放率≥95% 15 "
        "效益指标社会效益指标群众投诉率(计算方法为:投诉件数/受理件数)≤2% 15 合计60 评价结论按时发放。\n"
    )
    assert rows == [
        ("产出指标", "数量指标", "补贴发放率", "=100%"),
        ("产出指标", "数量指标", "走访核查户数", "≥60户"),
        ("产出指标", "时效指标", "按季发放率", "≥95%"),
        ("效益指标", "社会效益指标", "群众投诉率(计算方法为:投诉件数/受理件数)", "≤2%"),
    ]


def test_the_number_after_each_target_is_left_unread() -> None:
    raw = "产出指标数量指标补贴发放率=100% 15 走访核查户数≥60户 15 时效指标按季发放率≥95% 15\n"
    text, origin = normalize(raw)
    table = glued_rows(text, removed_spaces(text, origin), [])
    assert table is not None
    assert [text[start:end] for start, end in table.skipped] == ["15", "15", "15"]
    assert all(Role.WEIGHT not in row.cells and Role.SCORE not in row.cells for row in table.rows)


def test_fewer_than_three_rows_are_no_table() -> None:
    assert _rows("产出指标数量指标补贴发放率=100% 15 走访核查户数≥60户 15 评价结论按时发放。\n") == []


def test_a_sentence_with_a_figure_glued_after_its_target_is_no_row() -> None:
    # no space before the number: `≥95%2023年` is prose, not a target and a cell
    rows = _rows("产出指标数量指标补贴发放率=100%15项走访核查户数≥60户15户时效指标按季发放率≥95%2023年完成。\n")
    assert rows == []
