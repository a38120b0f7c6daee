"""The layout eval's transforms for the table layouts of held-out sets 10–12, and the readings they made
(invented names and figures): each transform rewrites the layout and keeps every figure's printed text
(width and script aside)."""

from __future__ import annotations

import opencc

from jixiao.documents import Document
from jixiao.documents.normalize import normalize
from jixiao.documents.page_width import display_width, page_width
from jixiao.documents.traditional import simplified
from jixiao.evaluation.layouts import TRANSFORMS, lost_figures
from jixiao.evaluation.table_layouts import (
    fullwidth_cells,
    merged_cell_lines,
    merged_cells,
    page_breaks,
    spaced,
    split_targets,
    traditional,
)
from jixiao.extract.rules import extract_rules

TABLE = """附表：绩效目标自评表
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
产出指标 | 数量指标 | 养护农村公路里程 | ≥86公里 | 88.5公里 | 20 | 20 |
 | 质量指标 | 路面完好率 | ≥90% | 93.6% | 20 | 20 |
 |  | 桥梁检查合格率 | 100% | 100% | 10 | 10 |
效益指标 | 社会效益指标 | 沿线群众出行时间 | 明显缩短 | 明显缩短 | 20 | 18 |
满意度指标 | 服务对象满意度指标 | 沿线群众满意度 | ≥90% | 95% | 20 | 20 |
 |  | 养护单位满意度 | ≥85% | 91% | 10 | 10 |
合计 | 100 | 98 |
本项目总体完成年度目标。"""
FIGURES = ["≥86公里", "88.5公里", "≥90%", "93.6%", "100%", "明显缩短", "95%", "≥85%", "91%", "98"]


def test_spaced_pads_each_column_and_draws_no_bars() -> None:
    lines = spaced(TABLE).split("\n")
    assert "|" not in "\n".join(lines)
    assert lines[3].startswith(" " * 8) and "质量指标" in lines[3]  # the merged 一级 cell, a run of spaces
    assert [display_width(line[: line.index(" 20 ")]) for line in lines[2:4]] == [
        display_width(lines[1][: lines[1].index(" 分值")])
    ] * 2  # the 分值 column lines up (a Chinese character is two columns wide)


def test_merged_cells_come_out_once_on_their_first_row() -> None:
    lines = merged_cells(TABLE).split("\n")
    assert lines[3] == "质量指标 | 路面完好率 | ≥90% | 93.6% | 20 | 20 |"
    assert lines[4] == "桥梁检查合格率 | 100% | 100% | 10 | 10 |"
    assert "\n\n桥梁检查合格率\n\n100%\n\n" in merged_cell_lines(TABLE)


def test_a_target_is_split_into_comparator_number_and_unit_cells() -> None:
    lines = split_targets(TABLE).split("\n")
    assert lines[1] == "一级指标 | 二级指标 | 三级指标 | 年度指标值 |  |  | 实际完成值 | 分值 | 得分 |"
    assert lines[2] == "产出指标 | 数量指标 | 养护农村公路里程 | ≥ | 86 | 公里 | 88.5公里 | 20 | 20 |"
    assert lines[4].startswith(" |  | 桥梁检查合格率 |  | 100 | % | 100%")
    assert lines[5].startswith("效益指标 | 社会效益指标 | 沿线群众出行时间 | 明显缩短 |  |  | 明显缩短")
    assert lines[8] == "合计 | 100 | 98 |"


def test_a_table_whose_merged_cells_were_left_out_keeps_its_targets_whole() -> None:
    assert split_targets(merged_cells(TABLE)) == merged_cells(TABLE)


def test_a_page_break_prints_a_page_line_and_the_header_again() -> None:
    lines = page_breaks(TABLE).split("\n")
    assert lines[7] == "- 2 -" and lines[8] == lines[1]
    assert lines[1] == "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |"


def test_full_width_digits_stay_in_cells_and_traditional_script_is_everywhere() -> None:
    wide = fullwidth_cells(TABLE)
    assert "≥９０％ | ９３.６％" in wide and wide.endswith("本项目总体完成年度目标。")
    assert traditional(TABLE).startswith("附表：績效目標自評表") and simplified(traditional(TABLE)) == TABLE


def test_no_table_transform_loses_a_figure() -> None:
    for transform in TRANSFORMS:
        out = transform.rewrite(TABLE, FIGURES)
        assert lost_figures(TABLE, out, FIGURES) == [], transform.name


REPORT = """当前位置:会计资料网 > 法规库 > 地方法规 > 正文

西岭县财政局 西岭县交通运输局关于2021年度农村公路养护资金绩效自评报告

西财文〔2022〕18号
字号 大号 标准 小号

类      别:地方法规
颁发日期:2022-05-10

一、基本情况
2021年农村公路养护资金全年预算386.50万元，全年执行372.14万元，执行率96.28%。
"""


def test_a_traditional_text_loses_its_site_chrome_as_a_simplified_one_does() -> None:
    raw = opencc.OpenCC("s2t").convert(REPORT)
    text, _ = normalize(raw, simplified(raw))
    assert "當前位置" not in text and "\n西嶺縣財政局 西嶺縣交通運輸局關於2021年度" in text
    assert simplified(text) == normalize(REPORT)[0]
    report = extract_rules(Document.from_text(raw, path="a.txt", format="txt", sha256="0"))
    assert (report.region, report.fund, report.year) == ("西岭县", "农村公路养护资金", 2021)


def test_a_sharing_sites_summary_label_is_no_title() -> None:
    raw = "版权说明:本文档由用户提供并上传\n文档简介\n1、项目支出绩效自评表 项目名称 乡村道路养护补助 主管部门 临河县\n"
    text, _ = normalize(raw)
    assert "文档简介" not in text and "本文档由" not in text


BROKEN = """绩效目标自评表
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
产出指标 | 数量指标 | 养护农村公路里程 | ≥86公里 | 88.5公里 | 20 | 20 |
 |  | 新建错车道 | ≥12处 | 12处 | 10 | 10 |
第 2 页 共 3 页
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
 |  | 更换路侧护栏 | ≥3.5公里 | 3.6公里 | 10 | 10 |
 | 质量指标 | 路面完好率 | ≥90% | 93.6% | 20 | 20 |
- 3 -
{header}
 |  | 桥梁检查合格率 | 100% | 100% | 10 | 10 |
满意度指标 | 服务对象满意度指标 | 沿线群众满意度 | ≥90% | 95% | 20 | 20 |
"""


def _categories(raw: str) -> dict[str, tuple[str | None, str | None]]:
    report = extract_rules(Document.from_text(raw, path="a.txt", format="txt", sha256="0"))
    return {indicator.name: (indicator.level1, indicator.level2) for indicator in report.indicators}


def test_a_header_printed_again_after_a_page_break_continues_the_levels_above_it() -> None:
    header = "二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |"  # the repeat may lack a wrapped 一级 cell
    categories = _categories(BROKEN.format(header=header))
    assert categories["更换路侧护栏"] == ("产出指标", "数量指标")
    assert categories["桥梁检查合格率"] == ("产出指标", "质量指标")
    assert categories["沿线群众满意度"] == ("满意度指标", "服务对象满意度指标")


def test_a_table_after_a_paragraph_starts_its_own_levels() -> None:
    raw = BROKEN.format(header="").replace("第 2 页 共 3 页", "以下为第二个项目的指标。")
    assert _categories(raw)["更换路侧护栏"] == (None, None)


PADDED_FUNDING = """资金投入情况（元）        全年预算数(A)  全年执行数(B)  预算执行率
年度资金总额:             6,418,200.00   6,105,730.40   95.13%
其中：中央财政资金        4,000,000.00   4,000,000.00   100%
省级财政资金              1,500,000.00   1,322,400.00   88.16%
县级财政资金              918,200.00     783,330.40     85.31%
"""


def test_a_padded_funding_table_in_yuan_is_read_its_thousands_separators_are_no_clause_marks() -> None:
    report = extract_rules(Document.from_text(PADDED_FUNDING, path="a.txt", format="txt", sha256="0"))
    executed = report.funding.executed
    assert executed.total is not None and executed.total.text == "6,105,730.40"
    assert [source.amount.text for source in executed.by_source] == ["4,000,000.00", "1,322,400.00", "783,330.40"]


def test_rows_padded_to_their_columns_are_not_lines_a_page_wrapped() -> None:
    padded = spaced(TABLE)
    assert page_width(padded.split("\n")) is None
    assert _categories(padded) == _categories(TABLE)


def test_a_traditional_text_that_closes_with_the_forms_signature_fields_is_not_cut() -> None:
    raw = "西岭县2021年度农村公路养护资金绩效自评表\n全年预算386.50万元，全年执行372.14万元，执行率96.28%。\n"
    raw += "评价结论及时、足额完成。存在问题暂无改进措施暂无项目负责人:财务负责人:\n"
    for text in (raw, opencc.OpenCC("s2t").convert(raw)):
        assert not extract_rules(Document.from_text(text, path="a.txt", format="txt", sha256="0")).truncated
