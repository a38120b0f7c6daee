"""A transfer-payment 自评表 dumped a cell per line that prints an indicator's name again between its target and
its actual (a merged cell): one indicator, not two; and a text value of the 提高 family is a value."""

from __future__ import annotations

from jixiao.documents.normalize import normalize
from jixiao.documents.tables import find_tables
from jixiao.vocabulary import is_text_value

NAME_TWICE = """一级指标

二级指标

三级指标

年度指标值

全年完成值

未完成原因和改进措施

产出指标

数量指标

新建农村污水处理站

6个

新建农村污水处理站

4个

两处站点用地未落实,明年续建。

质量指标

出水达标率

≥90%

92%
"""


def test_a_name_printed_again_after_its_target_is_no_row_of_its_own() -> None:
    text, origin = normalize(NAME_TWICE)
    (table,) = find_tables(text, origin)
    rows = [{role.value: cell.text for role, cell in row.cells.items()} for row in table.rows]
    assert [(row["name"], row.get("target"), row.get("actual")) for row in rows] == [
        ("新建农村污水处理站", "6个", "4个"),
        ("出水达标率", "≥90%", "92%"),
    ]
    assert rows[0]["reason"] == "两处站点用地未落实,明年续建。"


def test_a_text_value_printed_as_target_and_actual_stays_two_cells() -> None:
    met = NAME_TWICE.replace("6个\n\n新建农村污水处理站\n\n4个", "按时完成\n\n按时完成")
    text, origin = normalize(met)
    (table,) = find_tables(text, origin)
    first = {role.value: cell.text for role, cell in table.rows[0].cells.items()}
    assert (first["name"], first["target"], first["actual"]) == ("新建农村污水处理站", "按时完成", "按时完成")


def test_words_of_the_raise_family_are_text_values() -> None:
    assert is_text_value("逐步提高") and is_text_value("程度较高") and is_text_value("明显提高")
    assert not is_text_value("提高群众满意度")
