"""Coverage: every report says how much of what its document prints was read, and where the rest is."""

from __future__ import annotations

from pathlib import Path

from jixiao.checks import run_checks
from jixiao.documents import load_document
from jixiao.extract.rules import extract_rules
from jixiao.model import Report, Severity

HEADER = "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"


def _extract(tmp_path: Path, text: str) -> tuple[str, Report]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    document = load_document(path)
    return document.text, extract_rules(document)


def test_a_table_read_whole_has_full_coverage_and_no_unread_passage(tmp_path: Path) -> None:
    _, report = _extract(tmp_path, HEADER + "产出指标 | 数量指标 | 新增就业人数 | ≥800人 | 812人 | 20 | 20 |\n")
    assert report.coverage is not None
    assert report.coverage.figures == 4 and report.coverage.read == 4
    assert report.coverage.unread == []


def test_a_row_whose_name_cannot_be_an_indicator_is_an_unread_passage(tmp_path: Path) -> None:
    text, report = _extract(
        tmp_path,
        HEADER
        + "产出指标 | 数量指标 | 新增就业人数 | ≥800人 | 812人 | 20 | 20 |\n"
        + " |  | 1、项目立项符合规定，得1分；否则不得分。 | ≥1个 | 1个 | 5 | 5 |\n",
    )
    assert report.coverage is not None
    assert [indicator.name for indicator in report.indicators] == ["新增就业人数"]
    assert report.coverage.read == 4 and report.coverage.figures == 8
    [passage] = report.coverage.unread
    assert "≥1个" in text[passage.start : passage.end]


def test_a_sentence_stating_an_amount_nobody_read_is_an_unread_passage(tmp_path: Path) -> None:
    sentence = "据测算项目资金缺口约88.5万元，需下年度统筹解决"  # no figure of the model: unread
    text, report = _extract(tmp_path, f"某县2023年度项目支出绩效自评报告\n{sentence}。\n")
    assert report.coverage is not None and report.coverage.read < report.coverage.figures
    assert any("88.5万元" in text[span.start : span.end] for span in report.coverage.unread)


def test_figures_a_sentence_restates_count_as_read(tmp_path: Path) -> None:
    table = HEADER + "产出指标 | 数量指标 | 新增就业人数 | ≥800人 | 812人 | 20 | 20 |\n"
    _, report = _extract(tmp_path, table + "三、存在问题\n新增就业人数年度完成812人，超过目标。\n")
    assert report.coverage is not None and report.coverage.unread == []


def test_unread_passages_are_one_info_finding_about_the_extraction_never_the_report(tmp_path: Path) -> None:
    sentence = "据测算项目资金缺口约88.5万元，需下年度统筹解决"  # no figure of the model: unread
    text, report = _extract(tmp_path, f"某县2023年度项目支出绩效自评报告\n{sentence}。\n")
    [finding] = [f for f in run_checks(report, text) if f.rule == "extraction.unread"]
    assert finding.severity is Severity.INFO
    assert finding.figures and finding.figures[0].span is not None
    assert "88.5万元" in finding.figures[0].text


def test_only_numbers_with_a_counted_unit_are_figures_of_the_prose(tmp_path: Path) -> None:
    dates = "项目资金按照〔2022〕15号文件要求于2023年9月下达完成"  # a document number, a year, a month: no figure
    rate = "全年预算执行率为96.5%"  # an amount, rate or count: a figure, here read by no reader
    text, report = _extract(tmp_path, f"某县2023年度项目支出绩效自评报告\n{dates}。\n{rate}，资金缺口 12 万元。\n")
    assert report.coverage is not None
    unread = [text[span.start : span.end] for span in report.coverage.unread]
    assert not any("〔2022〕" in passage for passage in unread)
    assert report.coverage.figures == 2
