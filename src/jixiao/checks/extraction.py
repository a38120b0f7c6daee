"""What the tool did not read, or may have misread: findings about the extraction, never about the report.

A reviewer must tell "the report is wrong" from "the tool did not read this": these rules say the second,
with the passages to look at. They judge no arithmetic. `extraction.unread` lists what the rules backend left
unread (info). The hybrid backend (report schema 1.4) records two more things: a field the rules backend and
the model read differently (the rules figure was kept), and the figures a model gave that the document does
not print (kept out of the report as candidates). Those come from the model's side, so their findings say
`source: llm` and are never above warning.
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
    for path, reason in suspects(ctx.report, ctx.text).items():
        figure = figures[path]
        yield ctx.finding(
            f"可能误读：{reason}",
            f"the tool may have misread {figure.text}",
            [ref(path, figure)],
            confidence=Confidence.LOW,
        )


@rule("extraction.disagreement", Severity.WARNING)
def disagreement(context: CheckContext) -> Iterator[Finding]:
    """规则与模型对同一字段读数不一致：保留规则读数，两者并列供复核（hybrid 后端）。"""
    for item in context.report.disagreements:
        other = FigureRef(path=item.path, text=item.other.text, span=item.other.span)  # the model's reading
        finding = context.finding(
            f"规则读数“{item.kept.text}”与模型读数“{item.other.text}”不一致（保留规则读数），请复核 {item.path}",
            f"rules read '{item.kept.text}' but the model read '{item.other.text}' for {item.path} "
            "(the rules figure is kept): check which the document means",
            [ref(item.path, item.kept), other],
            expected=item.other.value,
            found=item.kept.value,
        )
        yield finding.model_copy(update={"source": "llm"})


@rule("extraction.candidates", Severity.INFO)
def candidates(context: CheckContext) -> Iterator[Finding]:
    """模型给出原文中找不到的值：不作为事实采用，列出供复核（hybrid / llm 后端）。"""
    report = context.report
    if not report.candidates:
        return
    shown = "；".join(f"{c.path} = {c.figure.text}" for c in report.candidates[:10])
    more = f" 等 {len(report.candidates)} 个" if len(report.candidates) > 10 else ""
    finding = context.finding(
        f"模型给出 {len(report.candidates)} 个原文中找不到的值，未作为事实采用：{shown}{more}",
        f"the model gave {len(report.candidates)} figure(s) the document does not print; not used as facts",
    )
    yield finding.model_copy(update={"source": "llm"})
