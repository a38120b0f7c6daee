"""Extraction: what two readers of one report did not agree on (hybrid backend, since report schema 1.4).

These rules judge no arithmetic. They put in front of a reviewer what the extraction itself recorded: a field
the rules backend and the model read differently (the rules figure was kept), and the figures a model gave
that the document does not print (kept out of the report as candidates). Both come from the model's side,
so their findings say `source: llm` and are never above warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.checks.engine import CheckContext, ref, rule
from jixiao.model import FigureRef, Finding, Severity


@rule("extraction.disagreement", Severity.WARNING)
def disagreement(context: CheckContext) -> Iterator[Finding]:
    """Rules and the model read one field differently: the rules figure is kept, both are shown for review."""
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
    """The model gave figures the document does not print: they are not facts, listed for a reviewer."""
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
