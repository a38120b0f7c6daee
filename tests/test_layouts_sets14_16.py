"""The layout eval's transforms for the layouts of held-out sets 14–16, its combinations, and the readings they
made (invented names and figures): each transform rewrites the layout and keeps every figure's printed text."""

from __future__ import annotations

import opencc

from jixiao.documents import Document
from jixiao.documents.normalize import normalize
from jixiao.documents.page_width import page_width
from jixiao.documents.tables.removed_spaces import removed_spaces
from jixiao.documents.traditional import simplified
from jixiao.evaluation.form_layouts import directions, glossed, operator_codes, pipe_runs, space_cells, unit_column
from jixiao.evaluation.layouts import PAIRS, TRANSFORMS, lost_figures, transform_named, wrapped
from jixiao.extract.rules import extract_rules

TABLE = """附表：绩效目标自评表
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
产出指标 | 数量指标 | 疏浚沟渠长度 | ≥42公里 | 43.5公里 | 20 | 20 |
 | 质量指标 | 工程验收合格率 | ≥95% | 97.2% | 20 | 20 |
 |  | 水质达标率 | 100% | 100% | 10 | 10 |
效益指标 | 社会效益指标 | 沿岸群众出行条件 | 明显改善 | 明显改善 | 20 | 18 |
 | 生态效益指标 | 黑臭水体数量 | ≤2处 | 1处 | 10 | 10 |
满意度指标 | 服务对象满意度指标 | 沿岸群众满意度 | ≥90% | 94% | 20 | 20 |
合计 | 100 | 98 |
本项目总体完成年度目标。"""
FIGURES = ["≥42公里", "43.5公里", "≥95%", "97.2%", "100%", "明显改善", "≤2处", "1处", "≥90%", "94%", "98"]


Reading = tuple[float | None, str | None, str | None]


def _read(raw: str) -> dict[str, tuple[Reading | str | None, ...]]:
    """Each indicator's target and actual as read: value, unit and comparator (a word target's text)."""
    report = extract_rules(Document.from_text(raw, path="a.txt", format="txt", sha256="0"))
    return {
        i.name: tuple(
            (figure.value, figure.unit, figure.op) if figure and figure.value is not None else figure and figure.text
            for figure in (i.target, i.actual)
        )
        for i in report.indicators
    }


def test_pipe_runs_print_the_empty_cells_a_row_ends_with_as_one_run_of_bars() -> None:
    lines = pipe_runs(TABLE).split("\n")
    at = lines.index("工程验收合格率 |")
    assert lines[at - 3 : at] == ["20 |", "|", "质量指标 |"]  # the leading empty cell a lone bar
    assert lines[lines.index("合计 |") + 3] == "本项目总体完成年度目标。"
    assert pipe_runs("名称 | 甲 | | |\n").split("\n")[:3] == ["名称 |", "甲 |", "|||"]


def test_space_cells_print_one_cell_a_paragraph_and_a_blank_cell_as_one_space() -> None:
    text = space_cells(TABLE)
    assert "|" not in text and "\n20\n\n \n\n质量指标\n\n工程验收合格率\n\n" in text


def test_directions_put_nature_and_direction_before_the_target_and_no_comparator_where_none_was() -> None:
    lines = directions(TABLE).split("\n")
    assert lines[1] == "一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标方向 | 年度指标值 | 实际完成值 | 分值 | 得分 |"
    assert lines[2] == "产出指标 | 数量指标 | 疏浚沟渠长度 | 正向 | 大于等于 | 42公里 | 43.5公里 | 20 | 20 |"
    assert "| 水质达标率 | 正向 |  | 100% |" in lines[4]
    assert "| 明显改善 | 定性 |" not in lines[5] and "| 定性 |  | 明显改善 | 明显改善 |" in lines[5]
    assert "| 反向 | 小于等于 | 2处 | 1处 |" in lines[6]
    assert lines[8] == "合计 | 100 | 98 |"


def test_operator_codes_and_a_unit_column_split_the_target_into_cells() -> None:
    lines = unit_column(operator_codes(TABLE)).split("\n")
    assert lines[1] == "一级指标 | 二级指标 | 三级指标 | 指标性质 | 年度指标值 | 计量单位 | 实际完成值 | 分值 | 得分 |"
    assert lines[2] == "产出指标 | 数量指标 | 疏浚沟渠长度 | 004 >= | 42 | 公里 | 43.5公里 | 20 | 20 |"
    assert "| 005 <= | 2 | 处 | 1处 |" in lines[6]


def test_a_target_already_split_into_cells_is_left_as_it_is() -> None:
    split = "三级指标 | 指标性质 | 指标值 | 度量单位 | 实际完成值 | 分值 | 得分 |\n"
    split += "培训人次 | ≥ | 120 | 人次 | 126 | 10 | 10 |"
    assert directions(split) == split and unit_column(split) == split


def test_glosses_follow_characters_outside_figures_and_not_twice() -> None:
    text = glossed("项目资金预算执行率100%，补(bǔ)助完成。", keep=["100%"])
    assert text.startswith("项(xiàng)目(mù)资(zī)金(jīn)预(yù)算(suàn)执(zhí)行(xíng)率100%")
    assert "补(bǔ)助(zhù)完(wán)成(chéng)" in text
    assert glossed(opencc.OpenCC("s2t").convert("项目资金")) == "項(xiàng)目(mù)資(zī)金(jīn)"


def test_no_new_transform_or_pair_loses_a_figure_and_every_pair_names_transforms() -> None:
    names = {t.name for t in TRANSFORMS}
    for pair in PAIRS:
        assert set(pair) <= names
        out = transform_named("+".join(pair)).rewrite(TABLE, FIGURES)
        assert lost_figures(TABLE, out, FIGURES) == [], pair
    assert transform_named("squashed+wrapped").rewrite(TABLE, FIGURES) == wrapped(
        transform_named("squashed").rewrite(TABLE, FIGURES), FIGURES
    )


def test_lost_figures_fold_a_comparator_spelt_out_but_not_a_dropped_one() -> None:
    assert lost_figures("目标≥95%", "目标 大于等于 | 95%", ["≥95%"]) == []
    assert lost_figures("目标≤3天", "目标 005 <= | 3天", ["≤3天"]) == []
    assert lost_figures("目标≥95%", "目标 95%", ["≥95%"]) == ["≥95%"]


def test_directions_and_unit_columns_read_as_the_table_did() -> None:
    assert _read(directions(TABLE)) == _read(TABLE) == _read(unit_column(TABLE))
    assert _read(TABLE)["黑臭水体数量"] == ((2, "处", "≤"), (1, "处", None))
    assert _read(TABLE)["水质达标率"][0] == (100, "%", None) and _read(TABLE)["沿岸群众出行条件"][0] == "明显改善"


def test_a_bracketed_gloss_goes_whatever_follows_it_and_a_bare_one_before_a_quote() -> None:
    assert normalize("項(xiàng)Fl資金到位")[0] == "項Fl資金到位"
    assert normalize("数量指标(biāo)“疏浚沟渠长度”")[0] == "数量指标“疏浚沟渠长度”"
    assert normalize("推广app应用(yìng)")[0] == "推广app应用"


def test_glosses_read_as_the_text_without_them() -> None:
    assert _read(glossed(TABLE, FIGURES)) == _read(TABLE)
    traditional = opencc.OpenCC("s2t").convert(TABLE)
    assert _read(glossed(traditional, FIGURES)) == _read(traditional)


def _wrap(text: str, width: int) -> list[str]:
    return wrapped(text, width=width).split("\n")


PROSE = "本年度疏浚沟渠四十二公里，完成全部治理任务，沿岸群众出行条件明显改善，黑臭水体减少到一处。" * 6


def test_glosses_added_after_a_page_was_wrapped_take_no_width() -> None:
    lines = _wrap(PROSE, 60)
    assert page_width([glossed(line) for line in lines]) == page_width(lines) is not None
    assert page_width(_wrap(glossed(PROSE), 60)) in range(56, 61)  # glossed, then wrapped: as printed


def test_a_gloss_and_a_shared_pages_number_dropped_together_inside_a_cell_cut_no_cell() -> None:
    page = "产出指标(biāo)数量指标疏浚沟渠长度42公里43.5公里2020" * 8  # a shared page's line: 200 chars or more
    raw = f"《自评表.docx》由会员分享\n1、{page}指标(biāo)\n3、资(zī)金到位及时性高高100%22否\n"
    text, origin = normalize(raw)
    assert "指标资金到位及时性" in text
    at = text.index("资金到位及时性")
    gap = removed_spaces(text, origin, raw)
    assert not gap(at) and not gap(at + 1)


def test_a_traditional_reports_publisher_line_names_its_place() -> None:
    raw = "發佈機構: 楓嶺區文化體育局\n全民閱讀專項資金2024年度績效自評報告\n"
    raw += "發佈時間:2025-03-02 來源:楓嶺區文化體育局\n\n"
    raw += "一、基本情況\n2024年全民閱讀專項資金預算36萬元，全年執行34.2萬元，執行率95%。\n"
    report = extract_rules(Document.from_text(raw, path="a.txt", format="txt", sha256="0"))
    assert report.region == "枫岭区" == simplified("楓嶺區")


NUMBERED = """2023年度项目支出绩效自评表
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 得分 |
产出指标 | 数量指标 | 一、河道清淤整治 | ≥18公里 | 18.6公里 | 20 |
 |  | 1、主河道清淤 | ≥12公里 | 12.4公里 | 10 |
 |  | 2、支流清淤 | ≥6公里 | 6.2公里 | 10 |
 | 质量指标 | 清淤验收合格率 | ≥95% | 98% | 20 |
二、存在的问题
部分河段淤积反复，需加强日常养护。"""


def test_a_numbered_name_cell_of_a_dump_one_cell_a_paragraph_does_not_end_its_table() -> None:
    piped = _read(NUMBERED)
    assert piped["一、河道清淤整治"] == ((18, "公里", "≥"), (18.6, "公里", None))
    assert _read(space_cells(NUMBERED)) == piped
    assert "存在的问题" not in "".join(piped)


def test_levels_after_empty_the_level_cells_and_print_them_after_the_rows() -> None:
    lines = transform_named("levels_after").rewrite(TABLE, FIGURES).split("\n")
    assert lines[2] == " |  | 疏浚沟渠长度 | ≥42公里 | 43.5公里 | 20 | 20 |"
    assert lines[9].startswith("产出指标 | 数量指标 | 质量指标 | 效益指标 | 社会效益指标 |")
    assert lines[8] == "合计 | 100 | 98 |" and lines[10] == "本项目总体完成年度目标。"


def test_scored_prose_writes_a_heading_per_level_with_its_points_and_a_line_per_indicator() -> None:
    lines = transform_named("scored_prose").rewrite(TABLE, FIGURES).split("\n")
    assert lines[1:3] == [
        "（一）产出指标（50分）",
        "1.数量指标：疏浚沟渠长度，年度指标值≥42公里，实际完成值43.5公里，分值20分，得分20分。",
    ]
    assert "（三）满意度指标（20分）" in lines and lines[-2:] == ["合计 | 100 | 98 |", "本项目总体完成年度目标。"]
    assert _read("\n".join(lines)) == _read(TABLE)


TWICE = """石门县2023年度农机购置补贴资金绩效自评报告
一、绩效目标完成情况
数量指标：补贴机具台数目标值1200台，实际完成1236台；质量指标：补贴资金兑付率目标值100%，实际完成100%。
二、指标得分情况
（一）产出指标（30分）
1.数量指标：补贴机具台数，年度指标值≥1200台，实际完成值1236台，分值20分，得分20分。
2.质量指标：补贴资金兑付率，年度指标值100%，实际完成值100%，分值10分，得分10分。
"""


def test_an_indicator_a_report_states_twice_in_prose_is_one_with_what_both_mentions_state() -> None:
    report = extract_rules(Document.from_text(TWICE, path="a.txt", format="txt", sha256="0"))
    named = [indicator for indicator in report.indicators if indicator.name == "补贴机具台数"]
    assert len(named) == 1
    twin = named[0]
    assert twin.target is not None and (twin.target.value, twin.target.op) == (1200, "≥")
    assert twin.weight is not None and twin.score is not None and (twin.weight.value, twin.score.value) == (20, 20)
    assert len(report.indicators) == 2
