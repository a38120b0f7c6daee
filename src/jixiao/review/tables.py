"""Flat tables of stored results, the shape finance staff work with: reports, funding, spending, indicators, findings.

Every exporter (xlsx, csv, parquet) writes these same tables, so a column means the same thing everywhere.
Headers are Chinese (the users' language); numbers stay numbers (money in 万元, percentages as 99.57),
and the verbatim text of a figure sits beside its value so a reader can see what the report printed.

Every table starts with the same key columns — 报告序号, 文件, 地区, 年度, 资金名称, 读取状态 — so any sheet
pivots by region, year or fund on its own, and no row of a report that was not (fully) read looks like a
clean one. A figure a check of the extraction doubts is named in the row's 存疑 column; reviewers'
corrections fill the 更正 columns (`corrected_cells`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from jixiao.model import (
    STATUS_ZH,
    Figure,
    Finding,
    FundingLine,
    ReadingStatus,
    Report,
    Severity,
    reading_status,
    value_of,
)
from jixiao.review.corrected_cells import (
    corrected_text,
    corrected_value,
    correction,
    corrections_under,
    document_review,
)
from jixiao.review.decisions import DISMISS_REASONS_ZH, finding_key
from jixiao.review.figure_words import SOURCE_ZH, TOTAL_ZH, describe, describe_ref, suspect_paths
from jixiao.review.states import STATE_ZH, ReviewItem, State
from jixiao.store import StoredFailure, StoredResult

Cell = str | int | float | None
Row = list[Cell]

SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
LINE_ZH = {"initial": "年初预算", "budget": "预算", "allocated": "下达", "executed": "执行"}  # the 环节 column


@dataclass(frozen=True)
class Column:
    header: str  # Chinese header shown to the user
    key: str  # ASCII name for parquet and code
    number: bool = False  # numeric column, written as a number, never as text
    integer: bool = False  # a count or id (parquet int64 rather than float64)


@dataclass(frozen=True)
class Table:
    name: str  # file / sheet key: reports, funding, …
    title: str  # sheet title (Chinese)
    columns: tuple[Column, ...]
    rows: Callable[[StoredResult], Iterator[Row]]


def _text(figure: Figure | None) -> str | None:
    return None if figure is None else figure.text


def worst_severity(findings: list[Finding]) -> str | None:
    if not findings:
        return None
    return SEVERITY_ZH[max(findings, key=lambda f: f.severity.rank).severity]


_KEY = (
    Column("报告序号", "report_id", number=True, integer=True),
    Column("文件", "file"),
    Column("地区", "region"),
    Column("年度", "year", number=True, integer=True),
    Column("资金名称", "fund"),
    Column("读取状态", "status"),
)
_SUSPECT = Column("存疑（抽取待核）", "suspect")


def _key(result: StoredResult) -> Row:
    report = result.report
    status = STATUS_ZH[reading_status(report)]
    return [result.extraction_id, result.document.path, report.region, report.year, report.fund, status]


def _suspect(paths: set[str], report: Report, *fields: str) -> str | None:
    """The figures of this row that a check of the extraction doubts, in words."""
    return "、".join(describe(field, report) for field in fields if field in paths) or None


_REPORT_FIGURES = (
    "funding.budget.total",
    "funding.allocated.total",
    "funding.executed.total",
    "funding.execution_rate",
    "total_score",
    "title",
    "region",
    "year",
    "fund",
)


def _report_rows(result: StoredResult) -> Iterator[Row]:
    report = result.report
    funding = report.funding
    coverage = report.coverage.share if report.coverage is not None else None
    yield [
        *_key(result),
        report.title,
        value_of(funding.budget.total),
        value_of(funding.allocated.total),
        value_of(funding.executed.total),
        value_of(funding.execution_rate),
        len(report.indicators),
        len(result.findings),
        worst_severity(result.findings),
        None if coverage is None else round(coverage * 100, 1),
        _suspect(suspect_paths(result.findings), report, *_REPORT_FIGURES),
        _extractor_name(report),
        result.document.format,
        result.document.sha256,
        *_review_summary(result),
    ]


def _review_summary(result: StoredResult) -> Row:
    """Findings still waiting for a reviewer, and who has reviewed the report."""
    review = document_review(result)
    if review is None:
        return [None, None]
    return [sum(1 for item in review.items if item.state is State.OPEN), "、".join(review.reviewers) or None]


def _extractor_name(report: Report) -> str:
    info = report.extractor
    return " / ".join(part for part in (info.backend, info.model, info.prompt_version) if part)


def _funding_rows(result: StoredResult) -> Iterator[Row]:
    key, report, doubted = _key(result), result.report, suspect_paths(result.findings)
    for line_name, line_zh in LINE_ZH.items():
        line: FundingLine = getattr(report.funding, line_name)
        total = f"funding.{line_name}.total"
        if line.total is not None or correction(result, total)[0]:
            yield [
                *key,
                line_zh,
                TOTAL_ZH,
                TOTAL_ZH,
                value_of(line.total),
                _text(line.total),
                corrected_value(result, total),
                corrected_text(result, total),
                _suspect(doubted, report, total),
            ]
        for index, part in enumerate(line.by_source):
            amount = f"funding.{line_name}.by_source[{index}].amount"
            yield [
                *key,
                line_zh,
                SOURCE_ZH[part.source],
                part.name,
                part.amount.value,
                part.amount.text,
                corrected_value(result, amount),
                corrected_text(result, amount),
                _suspect(doubted, report, amount, amount.removesuffix(".amount")),
            ]


def _spending_rows(result: StoredResult) -> Iterator[Row]:
    key, report, doubted = _key(result), result.report, suspect_paths(result.findings)
    for index, item in enumerate(report.spending):
        yield [
            *key,
            item.category,
            value_of(item.amount),
            _text(item.amount),
            value_of(item.share),
            _text(item.share),
            corrected_value(result, f"spending[{index}].amount"),
            corrected_value(result, f"spending[{index}].share"),
            corrections_under(result, f"spending[{index}]."),
            _suspect(doubted, report, f"spending[{index}].amount", f"spending[{index}].share"),
        ]


_INDICATOR_FIELDS = ("name", "target", "actual", "completion", "weight", "score")


def _indicator_rows(result: StoredResult) -> Iterator[Row]:
    key, report, doubted = _key(result), result.report, suspect_paths(result.findings)
    for index, item in enumerate(report.indicators):
        target = item.target
        here = f"indicators[{index}]"
        yield [
            *key,
            item.program,
            item.level1,
            item.level2,
            item.name,
            target.op.value if target is not None and target.op is not None else None,
            value_of(target),
            _text(target),
            target.unit if target is not None else None,
            value_of(item.actual),
            _text(item.actual),
            value_of(item.completion),
            value_of(item.weight),
            value_of(item.score),
            item.deviation_reason,
            corrected_value(result, f"{here}.target"),
            corrected_value(result, f"{here}.actual"),
            corrected_value(result, f"{here}.completion"),
            corrections_under(result, f"{here}."),
            _suspect(doubted, report, *(f"{here}.{field}" for field in _INDICATOR_FIELDS)),
        ]


def _finding_rows(result: StoredResult) -> Iterator[Row]:
    review = document_review(result)
    items = {item.key: item for item in review.items} if review else {}
    stored = {finding_key(finding) for finding in result.findings}
    rechecked = review is not None and bool(review.corrected.applied)
    new = [item.finding for key, item in items.items() if key not in stored]
    row_key = _key(result)
    for finding in [*result.findings, *new]:
        item = items.get(finding_key(finding))
        yield [
            *row_key,
            finding.rule,
            SEVERITY_ZH[finding.severity],
            finding.message_zh,
            finding.message_en,
            "；".join(describe_ref(ref, result.report) for ref in finding.figures),
            "；".join(ref.path for ref in finding.figures),
            finding.expected,
            finding.found,
            *_finding_review(item, rechecked, finding_key(finding) in stored),
        ]


# Reviewers' notes are free text a spreadsheet could read as a formula: every writer passes each cell through
# jixiao.review.spreadsheet.safe_cell, these columns included (tests/test_review_gold.py).
def _finding_review(item: ReviewItem | None, rechecked: bool, extracted: bool) -> Row:
    """State, reviewer, reason and note of a finding, and (after corrections) whether the checks still raise it."""
    if item is None:
        return [None, None, None, None, None]
    decision = item.decision
    after = None
    if rechecked:
        after = "新提出" if not extracted else ("仍提出" if item.raised_now else "不再提出")
    return [
        STATE_ZH[item.state],
        decision.reviewer if decision else None,
        DISMISS_REASONS_ZH[decision.reason] if decision and decision.reason else None,
        (decision.note or None) if decision else None,
        after,
    ]


TABLES: tuple[Table, ...] = (
    Table(
        "reports",
        "报告",
        (
            *_KEY,
            Column("标题", "title"),
            Column("预算数（万元）", "budget", number=True),
            Column("下达数（万元）", "allocated", number=True),
            Column("执行数（万元）", "executed", number=True),
            Column("执行率（%）", "execution_rate", number=True),
            Column("指标数", "indicators", number=True, integer=True),
            Column("发现数", "findings", number=True, integer=True),
            Column("最严重发现", "worst_severity"),
            Column("读数覆盖（%）", "coverage", number=True),
            _SUSPECT,
            Column("抽取方式", "extractor"),
            Column("格式", "format"),
            Column("SHA-256", "sha256"),
            Column("待复核发现数", "open_findings", number=True, integer=True),
            Column("复核人", "reviewers"),
        ),
        _report_rows,
    ),
    Table(
        "funding",
        "资金来源",
        (
            *_KEY,
            Column("环节", "line"),
            Column("来源层级", "source"),
            Column("来源名称", "source_name"),
            Column("金额（万元）", "amount", number=True),
            Column("原文", "amount_text"),
            Column("更正金额（万元）", "corrected_amount", number=True),
            Column("更正原文", "corrected_text"),
            _SUSPECT,
        ),
        _funding_rows,
    ),
    Table(
        "spending",
        "支出结构",
        (
            *_KEY,
            Column("支出类别", "category"),
            Column("金额（万元）", "amount", number=True),
            Column("金额原文", "amount_text"),
            Column("占比（%）", "share", number=True),
            Column("占比原文", "share_text"),
            Column("更正金额（万元）", "corrected_amount", number=True),
            Column("更正占比（%）", "corrected_share", number=True),
            Column("更正说明", "corrections"),
            _SUSPECT,
        ),
        _spending_rows,
    ),
    Table(
        "indicators",
        "绩效指标",
        (
            *_KEY,
            Column("资金/子项目", "program"),
            Column("一级指标", "level1"),
            Column("二级指标", "level2"),
            Column("三级指标", "name"),
            Column("指标性质", "op"),
            Column("指标值", "target", number=True),
            Column("指标值原文", "target_text"),
            Column("单位", "unit"),
            Column("实际完成值", "actual", number=True),
            Column("实际完成原文", "actual_text"),
            Column("完成率（%）", "completion", number=True),
            Column("分值", "weight", number=True),
            Column("得分", "score", number=True),
            Column("偏差原因", "deviation_reason"),
            Column("更正指标值", "corrected_target", number=True),
            Column("更正实际完成值", "corrected_actual", number=True),
            Column("更正完成率（%）", "corrected_completion", number=True),
            Column("更正说明", "corrections"),
            _SUSPECT,
        ),
        _indicator_rows,
    ),
    Table(
        "findings",
        "核查发现",
        (
            *_KEY,
            Column("规则", "rule"),
            Column("严重程度", "severity"),
            Column("说明", "message_zh"),
            Column("Explanation", "message_en"),
            Column("涉及数字", "figures"),
            Column("数字路径", "figure_paths"),
            Column("应为", "expected", number=True),
            Column("报告所载", "found", number=True),
            Column("复核状态", "review_state"),
            Column("复核人", "reviewer"),
            Column("排除理由", "dismiss_reason"),
            Column("复核说明", "review_note"),
            Column("更正后核查", "after_correction"),
        ),
        _finding_rows,
    ),
)


UNREAD_TITLE = "未读取文档"
UNREAD_COLUMNS = (
    Column("文件", "file"),
    Column("读取状态", "status"),
    Column("原因", "reason"),
    Column("抽取方式", "extractor"),
)
NOTHING_REASON = "文件已读取，但未找到资金、指标或得分（可能是通知、公告或扫描件，或版式尚不能识别）"


def unread_row(result: StoredResult) -> Row | None:
    """A row of the sheet of documents not read, for a report in which nothing was found; else None."""
    if reading_status(result.report) is not ReadingStatus.NOTHING:
        return None
    return [result.document.path, STATUS_ZH[ReadingStatus.NOTHING], NOTHING_REASON, _extractor_name(result.report)]


def failure_row(failure: StoredFailure) -> Row:
    return [failure.path, STATUS_ZH[ReadingStatus.FAILED], failure.reason, failure.extractor]
