"""A figure's place in a report in words a reader knows: `indicators[1].actual` -> 指标「城镇新增就业人数」实际完成值.

Exports and pages show these words; the machine path stays beside them in a column of its own, for scripts.
Figures a check of the extraction itself (rule `extraction.*`) doubts are collected here too, so every view
marks the same figures.
"""

from __future__ import annotations

import re

from jixiao.model import FigureRef, Finding, FundSource, Report

LINE_ZH = {"initial": "年初预算数", "budget": "预算数", "allocated": "下达数", "executed": "执行数"}
SOURCE_ZH = {
    FundSource.CENTRAL: "中央",
    FundSource.PROVINCIAL: "省级",
    FundSource.PREFECTURAL: "市级",
    FundSource.COUNTY: "县级",
    FundSource.LOCAL: "地方（未分级）",
    FundSource.APPROPRIATION: "本年财政拨款",
    FundSource.CARRYOVER: "上年结转结余",
    FundSource.OTHER: "其他资金",
}
TOTAL_ZH = "合计"
FIELD_ZH = {
    "name": "名称",
    "target": "指标值",
    "actual": "实际完成值",
    "completion": "完成率",
    "weight": "分值",
    "score": "得分",
    "amount": "金额",
    "share": "占比",
    "total": "合计",
    "execution_rate": "预算执行率",
    "execution_weight": "执行率分值",
    "execution_score": "执行率得分",
    "total_score": "自评总分",
    "grade": "自评等级",
    "title": "标题",
    "region": "地区",
    "year": "年度",
    "fund": "资金名称",
}
SUSPECT_PREFIX = "extraction."  # findings about the reading, not the report: their figures are marked, not facts

_ITEM = re.compile(r"^(indicators|spending)\[(\d+)\](?:\.breakdown\[(\d+)\])?(?:\.(\w+))?$")
_SOURCE = re.compile(r"^funding\.(\w+)\.by_source\[(\d+)\](?:\.(\w+))?$")
_LINE = re.compile(r"^funding\.(\w+)\.(\w+)$")


def describe(path: str, report: Report | None) -> str:
    """Words for a FigureRef path of `report`; a path it cannot place comes back as it is."""
    if path == "text":
        return "正文"
    item = _ITEM.match(path)
    if item and report is not None:
        kind, index, part, field = item[1], int(item[2]), item[3], item[4] or "name"
        items = report.indicators if kind == "indicators" else report.spending
        if index < len(items):
            found = items[index]
            label = found.name if kind == "indicators" else found.category  # type: ignore[union-attr]
            where = f"{'指标' if kind == 'indicators' else '支出'}「{label}」"
            if part is not None:
                where += f"其中第{int(part) + 1}项"
            return where + FIELD_ZH.get(field, field)
    source = _SOURCE.match(path)
    if source and report is not None and source[1] in LINE_ZH:
        sources = getattr(report.funding, source[1]).by_source
        index = int(source[2])
        if index < len(sources):
            return f"{LINE_ZH[source[1]]}「{sources[index].name}」金额"
    line = _LINE.match(path)
    if line and line[1] in LINE_ZH:
        return LINE_ZH[line[1]] + ("合计" if line[2] == "total" else FIELD_ZH.get(line[2], line[2]))
    if path.startswith("funding.") and path.removeprefix("funding.") in FIELD_ZH:
        return FIELD_ZH[path.removeprefix("funding.")]
    return FIELD_ZH.get(path, path)


def describe_ref(ref: FigureRef, report: Report | None) -> str:
    """`describe`, for a figure of this report or (a finding across years) of another year's report."""
    if ref.elsewhere:
        year = f"{ref.year}年" if ref.year else "另一份"
        return f"{year}报告：{ref.text}"
    return f"{describe(ref.path, report)} {ref.text}"


def suspect_paths(findings: list[Finding]) -> set[str]:
    """Paths of this report's figures that a check of the extraction doubts (rule `extraction.*`)."""
    return {
        ref.path
        for finding in findings
        if finding.rule.startswith(SUSPECT_PREFIX)
        for ref in finding.figures
        if not ref.elsewhere
    }


__all__ = ["LINE_ZH", "SOURCE_ZH", "SUSPECT_PREFIX", "TOTAL_ZH", "describe", "describe_ref", "suspect_paths"]
