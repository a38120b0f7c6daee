"""A document's reading status: what every view of a report says before it shows any figure.

An empty report must never look like a clean one (nothing found is not "no problem found"), so every
console line, page and export names one of these, in this order of precedence.
"""

from __future__ import annotations

from enum import StrEnum

from jixiao.model.report import Report


class ReadingStatus(StrEnum):
    FAILED = "failed"  # the file could not be read or extracted: no report
    NOTHING = "nothing"  # read, but no funding figure, indicator or score was found
    TRUNCATED = "truncated"  # the document stops mid-table or mid-sentence
    PARTLY = "partly"  # tables or passages with figures were left unread (see coverage)
    READ = "read"


STATUS_ZH = {
    ReadingStatus.FAILED: "读取失败",
    ReadingStatus.NOTHING: "未找到数据",
    ReadingStatus.TRUNCATED: "文档截断",
    ReadingStatus.PARTLY: "部分读取",
    ReadingStatus.READ: "已读取",
}


def has_facts(report: Report) -> bool:
    funding = report.funding
    lines = (funding.initial, funding.budget, funding.allocated, funding.executed)
    money = any(line.total is not None or line.by_source for line in lines)
    return bool(money or report.indicators or report.spending or report.total_score or funding.execution_rate)


def reading_status(report: Report | None) -> ReadingStatus:
    if report is None:
        return ReadingStatus.FAILED
    if not has_facts(report):
        return ReadingStatus.NOTHING
    if report.truncated:
        return ReadingStatus.TRUNCATED
    if report.coverage is not None and report.coverage.unread:
        return ReadingStatus.PARTLY
    return ReadingStatus.READ
