"""What the tool did not read, or may have misread: findings about the extraction, never about the report.

A reviewer must tell "the report is wrong" from "the tool did not read this": these rules say the second,
at info level, with the passages to look at.
"""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.checks.engine import CheckContext, rule, text_ref
from jixiao.model import FigureRef, Finding, Severity, Span

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
