"""Prose shapes of held-out set 3, one class each, on invented paragraphs."""

from __future__ import annotations

from jixiao.documents.normalize import normalize
from jixiao.extract.rules.header import read_header
from jixiao.extract.rules.scored_headings import read_scored_headings

_SHEET = (
    "一、决策(20分)\n"
    "(一)项目立项(9分)\n"
    "(1)立项依据充分性(4分)\n"
    "项目符合本县发展规划，经集体研究决定，程序完整。自评得4分。\n"
    "(2)绩效目标合理性(5分):\n"
    "目标与年度任务匹配，部分指标未量化。自评得3.5分。\n"
    "(二)资金落实(11分):\n"
    "今年落实项目资金860万元，资金到位率100%。自评得11分。\n"
    "二、过程(30分)\n"
    "(一)项目管理(12分)\n"
    "(1)制度健全性(6分)\n"
    "我单位制定了项目管理办法。自评得6分。\n"
    "(2)制度执行有效性(6分)\n"
    "对项目开展定期巡查，对发现的问题"
)


def _sheet(raw: str) -> list[tuple[str | None, str | None, str, str | None, str | None]]:
    text, _ = normalize(raw)
    return [
        (i.level1, i.level2, i.name, i.weight.text if i.weight else None, i.score.text if i.score else None)
        for i in read_scored_headings(text)
    ]


def test_a_scoring_sheet_in_prose_gives_items_with_points_and_scores() -> None:
    assert _sheet(_SHEET) == [
        ("决策", "项目立项", "立项依据充分性", "4", "4"),
        ("决策", "项目立项", "绩效目标合理性", "5", "3.5"),
        ("决策", None, "资金落实", "11", "11"),  # a second level with no items, scored in its own text
        ("过程", "项目管理", "制度健全性", "6", "6"),
        ("过程", "项目管理", "制度执行有效性", "6", None),  # cut before its score
    ]


def test_headings_with_points_but_no_score_given_are_no_sheet() -> None:
    assert _sheet(_SHEET.replace("自评得", "得到")) == []
    # a report's own outline with points, one heading only
    assert _sheet("(二)资金管理(10分)\n资金使用规范。自评得10分。\n") == []


def test_a_sentence_that_names_a_form_is_no_title() -> None:
    text, _ = normalize("一、投入(14分)\n设立某县教师培训专项资金区域绩效目标表。\n")
    assert read_header(text).title is None
