"""What the tool did not read, or may have misread: findings about the extraction, never about the report.

A reviewer must tell "the report is wrong" from "the tool did not read this": these rules say the second,
at info level, with the passages to look at.
"""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.checks.engine import CheckContext, ref, rule, text_ref
from jixiao.checks.plausibility import suspects
from jixiao.model import Confidence, FigureRef, Finding, Severity, Span, figures_of

_SHOWN = 120  # characters of a passage quoted in a finding


@rule("extraction.unread", Severity.INFO)
def unread(ctx: CheckContext) -> Iterator[Finding]:
    """表格行或资金、指标段落中印有数字却未读出：列出位置，供人工补读（或交给 LLM 补读）。"""
    coverage = ctx.report.coverage
    if coverage is None or not coverage.unread:
        return
    share = coverage.share
    shown = f"{share:.0%}" if share is not None else "–"
    figures = [_passage(ctx.text, span) for span in coverage.unread]
    yield ctx.finding(
        f"{len(coverage.unread)} 处表格行或段落印有数字但未读出（已读 {coverage.read}/{coverage.figures}，{shown}）",
        f"{len(coverage.unread)} table rows or passages with figures were not read ({coverage.read}/"
        f"{coverage.figures} figures read, {shown})",
        figures,
    )


def _passage(text: str | None, span: Span) -> FigureRef:
    if text is None:
        return FigureRef(path="text", text="", span=span)
    end = min(span.end, span.start + _SHOWN)
    return text_ref(text, span.start, end)


@rule("extraction.suspect", Severity.INFO)
def suspect(ctx: CheckContext) -> Iterator[Finding]:
    """本工具可能误读的数字（执行率上万、金额由粘连单元格拼成、同一来源读到两次…）：标出供复核，不据此判定报告有误。"""
    figures = dict(figures_of(ctx.report))
    for path, reason in suspects(ctx.report).items():
        figure = figures[path]
        yield ctx.finding(
            f"可能误读：{reason}",
            f"the tool may have misread {figure.text}",
            [ref(path, figure)],
            confidence=Confidence.LOW,
        )
