"""Figures from rebuilt tables in the rules backend: spans, merged op/unit, units, blanks, merging, samples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import GOLD, SAMPLES
from jixiao.checks import run_checks
from jixiao.checks.plausibility import confidence
from jixiao.documents import Document, load_document
from jixiao.documents.tables import Cell, find_tables
from jixiao.extract import extract
from jixiao.extract.rules.cells import cell_figure
from jixiao.model import Confidence, Figure, Kind, Op, Report, figures_of

TABLE_SAMPLES = sorted(path.stem for path in SAMPLES.glob("t[1-5]_*.txt"))
FIGURE_FIELDS = ("text", "value", "unit", "op", "kind")


def _report(raw: str, tmp_path: Path, name: str = "r.txt") -> tuple[Document, Report]:
    path = tmp_path / name
    path.write_text(raw, encoding="utf-8")
    document = load_document(path)
    return document, extract(document, "rules")


def _figure(figure: dict[str, Any] | Figure | None) -> tuple[Any, ...] | None:
    if figure is None:
        return None
    data = figure.model_dump(mode="json") if isinstance(figure, Figure) else figure
    return tuple(data[field] for field in FIGURE_FIELDS)


OP_UNIT_TABLE = (
    "一级指标 | 二级指标 | 三级指标 | 指标性质 | 年度指标值 | 度量单位 | 实际完成值 | 分值 | 得分 |\n"
    "产出指标 | 质量指标 | 发放准确率 | ≥ | 95 | 百分比 | 97.5 | 10 | 10 |\n"
)


def test_op_and_unit_columns_merge_into_the_figure_that_spans_the_value_cell(tmp_path: Path) -> None:
    document, report = _report(OP_UNIT_TABLE, tmp_path)
    target = report.indicators[0].target
    assert target is not None and target.span is not None
    assert (target.text, target.value, target.op, target.unit, target.kind) == ("95", 95.0, Op.GE, "%", Kind.PERCENT)
    assert document.text[target.span.start : target.span.end] == "95"
    assert target.found_by == "table.t1.indicator+op+unit"


def test_a_table_in_yuan_is_converted_to_wan_yuan_with_the_text_as_printed(tmp_path: Path) -> None:
    raw = (
        "资金投入情况（元） | 全年预算数(A) | 全年执行数(B) | 预算执行率 |\n"
        "年度资金总额 | 1,234,500.00 | 1,000,000 | 81.0% |\n"
    )
    _, report = _report(raw, tmp_path)
    total = report.funding.budget.total
    assert total is not None and (total.text, total.value, total.unit) == ("1,234,500.00", 123.45, "万元")


def test_template_instructions_and_dashes_are_blank_cells(tmp_path: Path) -> None:
    raw = (
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
        "产出指标 | 数量指标 | 取证率 | ≥60% | - | 10 | | 说明偏差原因及改进措施（100字以内） |\n"
    )
    _, report = _report(raw, tmp_path)
    indicator = report.indicators[0]
    assert (indicator.actual, indicator.score, indicator.deviation_reason) == (None, None, None)
    assert indicator.weight is not None and indicator.weight.value == 10


@pytest.mark.parametrize(
    ("printed", "value", "unit", "op"),
    [
        ("95%及以上", 95.0, "%", Op.GE),
        ("不低于90%", 90.0, "%", Op.GE),
        ("3.17(万人)", 3.17, "万人", None),
        ("36,620万元", 36620.0, "万元", None),
        ("36.400000", 36.4, None, None),
        ("≥100百分比", 100.0, "%", Op.GE),
        ("9O%", 90.0, "%", None),
        ("1 623人", 1623.0, "人", None),
        ("完成", None, None, None),
    ],
)
def test_cell_values_as_printed_in_real_tables(
    printed: str, value: float | None, unit: str | None, op: Op | None
) -> None:
    from jixiao.documents.tables import Cell

    figure = cell_figure(Cell(printed, 0, len(printed)), "test")
    assert figure is not None
    assert (figure.text, figure.value, figure.unit, figure.op) == (printed, value, unit, op)


def test_an_indicator_in_both_narrative_and_table_is_one_with_the_tables_numbers(tmp_path: Path) -> None:
    raw = (
        "某县2024年就业补助资金绩效自评报告\n"
        "二、绩效指标完成情况\n"
        "1、数量指标：城镇新增就业人数指标值1200人，全年实际完成值1264人。\n"
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
        "产出指标 | 数量指标 | 城镇新增就业人数 | ≥1200人 | 1264人 | 20 | 20 |\n"
    )
    _, report = _report(raw, tmp_path)
    assert [indicator.name for indicator in report.indicators] == ["城镇新增就业人数"]
    indicator = report.indicators[0]
    assert indicator.target is not None and indicator.target.text == "≥1200人"
    assert indicator.score is not None and indicator.score.found_by == "table.t1.indicator"


def test_the_cut_last_cell_of_a_truncated_table_is_not_read(tmp_path: Path) -> None:
    raw = "三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n新增就业 | ≥1人 | 1人 | 5 | 5 |\n培训合格率 | ≥90% | 9"
    _, report = _report(raw, tmp_path)
    assert report.truncated
    last = report.indicators[-1]
    assert last.name == "培训合格率" and last.target is not None and last.actual is None


def test_a_name_cut_by_the_end_of_the_text_is_kept_with_its_levels(tmp_path: Path) -> None:
    raw = (
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
        "产出指标 | 数量指标 | 新建站点数量 | 4个 | 4个 | 10 | 10 |\n"
        "满意度指标 | 服务对象满意度指标 | 居民满"
    )
    _, report = _report(raw, tmp_path)
    assert report.truncated
    last = report.indicators[-1]
    assert (last.level1, last.level2, last.name) == ("满意度指标", "服务对象满意度指标", "居民满")
    assert all(figure is None for figure in (last.target, last.actual, last.weight, last.score))
    no_levels = "三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n新增就业 | ≥1人 | 1人 | 5 | 5 |\n培训合"
    _, report = _report(no_levels, tmp_path)
    assert [indicator.name for indicator in report.indicators] == ["新增就业"]  # a cut word alone is no row


def test_the_seed_reports_hold_no_tables() -> None:
    for seed in ("seed_erguna_2024", "seed_zalantun_2025"):
        document = load_document(SAMPLES / f"{seed}.txt")
        assert find_tables(document.match_text, document.origin) == []


@pytest.mark.parametrize("stem", TABLE_SAMPLES)
def test_table_sample_indicators_match_gold(stem: str) -> None:
    # A gold row with a name only (a scoring sheet's 三级 row printing no figure) is not required to be read:
    # it states a category, no figure; read, it must match like any other, and no row may be added.
    gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    report = extract(load_document(SAMPLES / f"{stem}.txt"), "rules")
    have = [
        (i.level1, i.level2, i.name, *(_figure(getattr(i, f)) for f in ("target", "actual", "weight", "score")))
        for i in report.indicators
    ]
    labelled = [
        (i["level1"], i["level2"], i["name"], *(_figure(i[f]) for f in ("target", "actual", "weight", "score")))
        for i in gold["indicators"]
    ]
    kept = [k for k, row in enumerate(labelled) if any(row[3:]) or row in have]
    assert have == [labelled[k] for k in kept]
    assert [bool(i.deviation_reason) for i in report.indicators] == [
        bool(gold["indicators"][k]["deviation_reason"]) for k in kept
    ]


@pytest.mark.parametrize("stem", TABLE_SAMPLES)
def test_table_sample_scores_and_truncation_match_gold(stem: str) -> None:
    gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    report = extract(load_document(SAMPLES / f"{stem}.txt"), "rules")
    assert _figure(report.total_score) == _figure(gold["total_score"])
    assert _figure(report.grade) == _figure(gold["grade"])
    assert report.truncated == gold["truncated"]
    for field in ("execution_rate", "execution_weight", "execution_score"):
        assert _figure(getattr(report.funding, field)) == _figure(gold["funding"][field]), field


@pytest.mark.parametrize("stem", TABLE_SAMPLES)
def test_table_sample_funding_tables_match_gold(stem: str) -> None:
    gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    report = extract(load_document(SAMPLES / f"{stem}.txt"), "rules").model_dump(mode="json")
    for line in ("budget", "executed"):
        rows = [(r["source"], r["name"], _figure(r["amount"])) for r in report["funding"][line]["by_source"]]
        assert rows == [(r["source"], r["name"], _figure(r["amount"])) for r in gold["funding"][line]["by_source"]]
    assert _figure(report["funding"]["budget"]["total"]) == _figure(gold["funding"]["budget"]["total"])


@pytest.mark.parametrize("stem", TABLE_SAMPLES)
def test_every_table_sample_figure_quotes_its_span(stem: str) -> None:
    document = load_document(SAMPLES / f"{stem}.txt")
    report = extract(document, "rules")
    figures = [figure for _, figure in figures_of(report)]
    assert figures
    for figure in figures:
        assert figure.span is not None and figure.found_by
        assert document.text[figure.span.start : figure.span.end] == figure.text


def test_a_cell_holding_only_a_unit_is_text_not_a_crash() -> None:
    from jixiao.documents.tables import Cell

    figure = cell_figure(Cell("万人", 0, 2), "test")
    assert figure is not None and (figure.value, figure.kind) == (None, Kind.TEXT)


@pytest.mark.parametrize("stem", TABLE_SAMPLES)
def test_a_table_sample_cut_anywhere_still_extracts(stem: str, tmp_path: Path) -> None:
    raw = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
    for cut in range(len(raw) // 7, len(raw), len(raw) // 7):
        path = tmp_path / f"{stem}_{cut}.txt"
        path.write_text(raw[:cut], encoding="utf-8")
        report = extract(load_document(path), "rules")
        assert report.source.path == str(path)


def test_an_execution_rate_line_inside_the_indicator_block_is_the_execution_score(tmp_path: Path) -> None:
    raw = (
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
        "预算执行率 | 100% | 95.06% | 10 | 9.51 |\n"
        "产出指标 | 数量指标 | 新增就业人数 | ≥800人 | 812人 | 20 | 20 |\n"
    )
    _, report = _report(raw, tmp_path)
    assert [indicator.name for indicator in report.indicators] == ["新增就业人数"]
    rate, weight, score = report.funding.execution_rate, report.funding.execution_weight, report.funding.execution_score
    assert rate is not None and weight is not None and score is not None
    assert (rate.text, weight.value, score.value) == ("95.06%", 10.0, 9.51)


def test_reports_say_when_figures_came_from_ocr_text_or_a_glued_split() -> None:
    ocr = extract(load_document(SAMPLES / "t5_jingtang_2021.txt"), "rules")
    glued = extract(load_document(SAMPLES / "t4_yanhe_2023.txt"), "rules")
    assert any("OCR" in note for note in ocr.notes) and any("截断" in note for note in ocr.notes)
    assert any("glued_split" in note for note in glued.notes)
    assert not any("OCR" in note for note in glued.notes)


def test_a_glued_department_sheet_gives_names_without_the_cells_glued_around_them(tmp_path: Path) -> None:
    raw = (
        "部门整体绩效自评表\n"
        "指标名称计量单位指标性质年初指标值调整指标值全年完成值得分系数(%)指标权重(分)指标得分(分)是否核心指标"
        "一般性支出压减率%定量指标5%4%100%33否会议培训次数次定量指标≤4次3次100%1010是"
        "档案管理规范性性标定指好好100%22否\n"  # 定性指标 as OCR read it over the cell's two lines
    )
    _, report = _report(raw, tmp_path)
    assert [(i.name, i.target and i.target.text, i.weight and i.weight.text) for i in report.indicators] == [
        ("一般性支出压减率", "5%", "3"),
        ("会议培训次数", "≤4次", "10"),
        ("档案管理规范性", "好", "2"),
    ]
    # 得分 = 分值 × 得分系数 on each row: the row's own arithmetic confirms the cut (medium confidence)
    assert all(i.score is not None and i.score.found_by == "table.t4.checked" for i in report.indicators)
    assert all(confidence(i.target) is Confidence.MEDIUM for i in report.indicators)


def test_a_glued_row_its_coefficient_contradicts_stays_a_low_confidence_split(tmp_path: Path) -> None:
    raw = (
        "部门整体绩效自评表\n"
        "指标名称计量单位指标性质年初指标值调整指标值全年完成值得分系数(%)指标权重(分)指标得分(分)是否核心指标"
        "一般性支出压减率%定量指标5%4%80%33否会议培训次数次定量指标≤4次3次100%1010是\n"
    )
    _, report = _report(raw, tmp_path)
    found_by = [(i.name, i.score and i.score.found_by) for i in report.indicators]
    assert found_by == [("一般性支出压减率", "table.t4.glued_split"), ("会议培训次数", "table.t4.checked")]
    assert confidence(report.indicators[0].target) is Confidence.LOW


def test_headerless_rows_are_marked_as_a_guess_and_never_accused(tmp_path: Path) -> None:
    rows = [
        ("产出指标", "数量指标", "新建村级文化广场", "12个", "9个"),
        ("产出指标", "质量指标", "验收合格率", "100%", "80%"),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%"),
    ]
    raw = "".join("|   " + "\n        |\n     ".join(row) + "\n        |\n  ||||\n" for row in rows)
    document, report = _report(raw, tmp_path)
    assert [(i.name, i.actual and i.actual.text) for i in report.indicators] == [(r[2], r[4]) for r in rows]
    assert {i.actual.found_by for i in report.indicators if i.actual} == {"table.headerless.indicator"}
    assert all(confidence(i.actual) is Confidence.LOW for i in report.indicators if i.actual)
    assert not [f for f in run_checks(report, document.match_text) if f.severity.value in ("warning", "error")]


# Sichuan's 2023 部门预算项目支出绩效自评表 (invented figures)
SICHUAN_FUNDING = (
    "项目名称 | 61020315T000001234567-村级河道保洁补助 |\n"
    "预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 |\n"
    "总额 | 40.00 | 45.50 | 44.10 | 96.92% | 10 | 9.69 | 1.预算执行率=预算执行数/调整后预算数,未达到90%的需说明原因 |\n"
    "其中:财政资金 | 40.00 | 45.50 | 44.10 | 96.92% | / | / | |\n"
    "财政专户管理资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | / | |\n"
    "单位资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | / | |\n"
    "其他资金 | | | | | / | / | |\n"
)


def test_the_row_label_column_headed_as_an_annual_budget_is_not_a_budget_column(tmp_path: Path) -> None:
    _, report = _report(SICHUAN_FUNDING, tmp_path)
    totals = (report.funding.initial.total, report.funding.budget.total, report.funding.executed.total)
    assert [figure.text if figure else None for figure in totals] == ["40.00", "45.50", "44.10"]


def test_the_sichuan_source_rows_are_read_past_a_note_in_the_total_rows_reason_cell(tmp_path: Path) -> None:
    _, report = _report(SICHUAN_FUNDING, tmp_path)
    sources = [(item.source.value, item.name, item.amount.text) for item in report.funding.budget.by_source]
    assert sources == [
        ("appropriation", "财政资金", "45.50"),
        ("other", "财政专户管理资金", "0.00"),
        ("other", "单位资金", "0.00"),
    ]


def test_the_fund_of_a_coded_project_name_is_the_name_without_its_code(tmp_path: Path) -> None:
    _, report = _report(SICHUAN_FUNDING, tmp_path)
    assert report.fund == "村级河道保洁补助"


def test_public_money_in_prose_is_not_a_source_row(tmp_path: Path) -> None:
    raw = "某局2023年项目支出绩效自评报告\n我局2023年安排专项资金项目共计12个，财政资金356.20万元。\n"
    _, report = _report(raw, tmp_path)
    assert report.funding.budget.by_source == []


def test_a_sum_row_with_the_full_100_and_a_blank_score_cell_is_no_total_score(tmp_path: Path) -> None:
    raw = (
        "一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |\n"
        "产出指标 | 数量指标 | 保洁河道里程 | ≥ | 35 | 公里 | | 90 | | |\n"
        "合计 | 100 | | | | | | | | |\n"
    )
    _, report = _report(raw, tmp_path)
    assert report.total_score is None
    scored = raw.replace("| 90 | | |\n合计 | 100 | |", "| 90 | 90 | |\n合计 | 100 | 100 |")
    _, report = _report(scored, tmp_path)
    assert report.total_score is not None and report.total_score.text == "100"


def test_a_row_cut_after_a_number_between_pipes_gets_no_invented_weight_and_score(tmp_path: Path) -> None:
    raw = (
        "一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |\n"
        "产出指标 | 数量指标 | 保洁河道里程 | ≥ | 35 | 公里 | 36 | 40 | 40 | |\n"
        "产出指标 | 质量指标 | 保洁验收合格率 | = | 100 |\n"
    )
    _, report = _report(raw, tmp_path)
    assert report.truncated
    last = report.indicators[-1]
    assert last.name == "保洁验收合格率" and last.weight is None and last.score is None


# a web table flattened with spaces for its borders (invented figures)
WEB_TABLE = (
    "青川县妇幼保健院孕产妇健康服务补助转移支付区域(项目)绩效目标自评表\n"
    "(2022年度)\n"
    "转移(项目)名称 孕产妇健康服务补助\n"
    "地方主管部门 青川县卫生健康局 资金使用单位 青川县妇幼保健院\n"
    "项目资金(万元) 全年预算数(A) 全年执行数(B) 执行率(B/A)\n"
    "年度资金总额: 84.00 80.64 96%\n"
    " 其中:中央补助 60.00 60.00 100%\n"
    "       地方资金 24.00 20.64 86%\n"
    "一级指标 二级指标 三级指标 年度指标值 全年完成值 未完成原因和改进措施\n"
    "数量指标  指标1:孕产妇免费产检人次 完成产检4200人次。 本年度共完成产检4315人次。\n"
    " 指标2:高危孕产妇专案管理率 ≥95% 97%\n"
    "质量指标  指标1:产检信息录入准确率 100% 99%\n"
)


def test_a_label_value_line_above_a_spaced_funding_header_keeps_the_funding_block(tmp_path: Path) -> None:
    _, report = _report(WEB_TABLE, tmp_path)
    assert report.funding.budget.total is not None and report.funding.budget.total.text == "84.00"
    executed = [(item.source.value, item.amount.text) for item in report.funding.executed.by_source]
    assert executed == [("central", "60.00"), ("local", "20.64")]


def test_sentence_cells_of_a_spaced_row_are_read_whole_and_numbered_names_open_rows(tmp_path: Path) -> None:
    _, report = _report(WEB_TABLE, tmp_path)
    by_name = {indicator.name: indicator for indicator in report.indicators}
    first = by_name["指标1:孕产妇免费产检人次"]
    assert first.target is not None and first.target.text == "完成产检4200人次。"
    assert first.actual is not None and first.actual.text == "本年度共完成产检4315人次。"
    second = by_name["指标2:高危孕产妇专案管理率"]
    assert second.target is not None and second.target.text == "≥95%" and second.level2 == "数量指标"


def test_template_rows_and_the_next_forms_head_are_no_indicators(tmp_path: Path) -> None:
    raw = (
        "项目支出绩效目标表 | |||||\n"
        "项目名称 | 乡村阅览室图书补充 | ||||\n"
        "绩 效 指 标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | |\n"
        "产出指标 | 数量指标 | 指标1:补充图书册数 | 6000册 | ||\n"
        "指标2: | |||||\n"
        "…… | |||||\n"
        "效益指标 | 社会效益指标 | 阅览室开放天数 | ≥250天 | ||\n"
        "生态效益指标 | … | ||||\n"
        "满意度指标 | 服务对象满意度指标 | 读者满意度 | ≥90% | ||\n"
        "… |\n"
        "项目支出绩效自评表 | |||||||||\n"
        "(2022年度) | |||||||||\n"
        "项目名称 | 乡村阅览室图书补充 | ||||||||\n"
        "主管部门 | 柳河镇人民政府 | 项目实施单位 | 柳河镇文化站 | ||||||\n"
    )
    _, report = _report(raw, tmp_path)
    assert [indicator.name for indicator in report.indicators] == ["指标1:补充图书册数", "阅览室开放天数", "读者满意度"]


def test_a_glued_scoring_sheet_is_trusted_for_warnings_and_its_blank_targets_are_no_finding(tmp_path: Path) -> None:
    raw = (
        "一级指标二级指标三级指标分值指标值全年实际值得分未完成原因分析及改进措施"
        "项目决策(10分)项目立项依据充分性4一符合县级发展规划4绩效目标明确性6一目标清晰量化6"
        "项目产出(40分)数量指标(20分)改造校舍面积201800平方米1800平方米20"
        "时效指标(20分)工程完工时间202022年10月完成2022年10月完成15\n"
    )
    document, report = _report(raw, tmp_path)
    assert [i.name for i in report.indicators] == ["依据充分性", "明确性", "改造校舍面积", "工程完工时间"]
    assert {confidence(i.score) for i in report.indicators if i.score} == {Confidence.MEDIUM}
    loud = [(f.rule, f.figures[0].path) for f in run_checks(report, document.match_text) if f.severity.value != "info"]
    assert loud == [("scoring.indicator_score", "indicators[3].score")]  # a deadline kept, yet 15 of 20


def test_a_cell_holding_a_pipe_or_a_line_break_is_never_a_value() -> None:
    assert cell_figure(Cell("335 | 15 | 15 | 无 |\n| 合作实训企业数 | ≥ | 12", 0, 30), "table.t1.indicator") is None
    assert cell_figure(Cell("≥95%\n100%", 0, 9), "table.t1.indicator") is None
    figure = cell_figure(Cell("≥95%", 0, 4), "table.t1.indicator")
    assert figure is not None and figure.value == 95.0


def test_a_name_may_open_with_the_quantity_it_counts_but_not_with_a_stray_score() -> None:
    from jixiao.extract.rules.tables import is_name

    assert is_name("3000吨玉米、300吨成品油储备到位率")
    assert is_name("2022年度读书活动场次")
    assert not is_name("5明确性(5分)")
    assert not is_name("10分资金到位率")
    assert not is_name("95%群众满意")


def test_pieces_of_cells_are_no_name() -> None:
    from jixiao.extract.rules.tables import is_name

    assert is_name("监测资料整编率(季度)")
    assert not is_name("、提供三级指标完成程度的佐证资料")  # the rest of a criterion cell
    assert not is_name("年度绩效目标)")  # a heading's tail
    assert not is_name("已完成100%")  # a status with its figure
    assert not is_name("指标1发放种薯800万粒指标2建设基地")  # two template rows run together


def test_a_colon_inside_a_names_own_brackets_explains_it() -> None:
    from jixiao.extract.rules.tables import is_name

    assert is_name("资金结余率(计算方法为:结余数/预算数)")
    assert is_name("设备完好率（计算公式：完好台数/总台数）")
    assert is_name("培训覆盖率(口径:在册人员)")
    assert not is_name("指标说明:结余数/预算数")  # a label and its text
    assert not is_name("评分标准(满分5分):按时完成得5分")  # the colon outside the brackets


def test_a_funding_row_naming_several_levels_is_no_source(tmp_path: Path) -> None:
    raw = (
        "项目资金(万元) | 全年预算数(A) | 全年执行数(B) | 执行率(B/A) |\n"
        "年度资金总额 | 80 | 80 | 100% |\n"
        "其中:中央、省、市补助县级资金 | 80 | 80 | 100% |\n"
        "其中:县级资金 | 0 | 0 | - |\n"
    )
    _, report = _report(raw, tmp_path)
    assert report.funding.budget.total is not None and report.funding.budget.total.value == 80
    assert [(s.source.value, s.name) for s in report.funding.budget.by_source] == [("county", "县级资金")]
    glued = raw.replace("中央、省、市补助县级资金", "中央补助省级补助")  # two labels glued: neither's amount
    _, report = _report(glued, tmp_path, "glued.txt")
    assert [(s.source.value, s.name) for s in report.funding.budget.by_source] == [("county", "县级资金")]


def test_a_template_row_label_left_blank_is_no_indicator() -> None:
    from jixiao.extract.rules.tables import is_name

    assert not is_name("指标2")
    assert not is_name("指标3:")
    assert is_name("指标1工程完工率")


def test_a_traditional_glued_funding_line_with_romanisation_is_read(tmp_path: Path) -> None:
    raw = (
        "農(nóng)機購置補(bǔ)貼資金績效目標(biāo)自評表(2023年度)資金投入情況(萬元)全年預(yù)算數(shù)(A)"
        "全年執(zhí)行數(shù)(B)預(yù)算執(zhí)行率(B/A×100%)年度資金總額:260260100%其中:中央財政資金260260100%其他資金\n"
        "注:本表數(shù)據(jù)由實(shí)施單位據實填寫(xiě)。\n"
    )
    _, report = _report(raw, tmp_path)
    funding = report.funding
    assert funding.budget.total is not None and (funding.budget.total.text, funding.budget.total.value) == ("260", 260)
    assert funding.executed.total is not None and funding.executed.total.value == 260
    assert funding.execution_rate is not None and funding.execution_rate.text == "100%"  # not the 100% of B/A×100%
    assert [(s.source.value, s.amount.value) for s in funding.budget.by_source] == [("central", 260)]


def test_a_scrambled_doc_preview_reads_its_funding_line_and_leaves_broken_text_rows_unread(tmp_path: Path) -> None:
    raw = (
        "2021年区级会展扶持资金项目自评表\n单位名称:某区商务局 预算执行 情况(万元) (20 分) 一级指标"
        " 项目实施单位 会展服务中心 预算数 (A) 执行数(B) 执行率(B/A) 得分 (20 分*执行率) 60.00 57.00 95% 19"
        " 三级指标 年初目标值 (A) 实际完成值 (B) 得分 举办展会场次 6 6 10 展会品牌影响 获得行业 认可 行业认可"
        " 度提升 10 总分\n"
    )
    _, report = _report(raw, tmp_path)
    funding = report.funding
    assert funding.budget.total is not None and funding.budget.total.value == 60
    assert funding.executed.total is not None and funding.executed.total.value == 57
    weight = funding.execution_weight  # from the 得分 header: 20 points times the rate
    assert weight is not None and weight.value == 20 and weight.found_by.endswith(".header")
    assert funding.execution_score is not None and funding.execution_score.value == 19
    assert [(i.name, _figure(i.target), _figure(i.actual)) for i in report.indicators] == [
        ("举办展会场次", ("6", 6.0, None, None, "number"), ("6", 6.0, None, None, "number")),
    ]  # `获得行业 | 认可 | 行业认可 | 度提升`: pieces of two text cells, read as no row


def test_rows_of_a_per_recipient_execution_table_are_no_sources(tmp_path: Path) -> None:
    """A table of what each body spent: `省曲艺研究中心` and `市区小计` open on level words but name a recipient
    and a subtotal, not provincial or city money; only the 合计 row is read (as the totals)."""
    raw = (
        "单位名称 | 全年预算数 | 全年执行数 | 预算执行率 |\n"
        "省曲艺研究中心 | 120.00 | 96.00 | 80.00% |\n"
        "省青少年宫 | 60.00 | 60.00 | 100.00% |\n"
        "市区小计 | 300.00 | 285.00 | 95.00% |\n"
        "合计 | 480.00 | 441.00 | 91.88% |\n"
    )
    _, report = _report(raw, tmp_path)
    budget, executed = report.funding.budget, report.funding.executed
    assert [line.total.value if line.total else None for line in (budget, executed)] == [480, 441]
    assert budget.by_source == [] and executed.by_source == []
    sources = raw.replace("省曲艺研究中心", "其中:省级补助资金").replace("省青少年宫", "市级配套")
    _, report = _report(sources, tmp_path, "s.txt")
    assert [(s.source.value, s.name) for s in report.funding.budget.by_source] == [
        ("provincial", "省级补助资金"),
        ("prefectural", "市级配套"),
    ]


def test_a_progress_column_gives_each_indicator_its_completion(tmp_path: Path) -> None:
    from test_tables import CELL_PER_LINE

    _, report = _report(CELL_PER_LINE, tmp_path)
    done = {
        ind.name: (ind.completion.text, ind.completion.value) if ind.completion else None for ind in report.indicators
    }
    assert done["培训合格率"] == ("98%", 98.0) and done["成本"] == ("100%", 100.0)
    assert all(ind.actual is None for ind in report.indicators)  # progress is no actual value


def test_the_second_forms_funding_is_left_when_the_first_read_only_its_sources() -> None:
    from jixiao.extract.rules.tables import extract_tables

    header = "项目资金(万元)年初预算数全年预算数全年执行数分值执行率得分\n"
    first = header + "年度资金总额404010100%\n其中:当年财政拨款404040100%\n"  # its total row reads no way
    second = header + "年度资金总额50505010100%\n其中:当年财政拨款505050100%\n"
    text = first + "年度总体目标 更新设备。\n" + second
    funding = extract_tables(find_tables(text), text).funding
    assert funding is not None and funding.budget.total is None
    assert [source.amount.text for source in funding.budget.by_source] == ["40"]
