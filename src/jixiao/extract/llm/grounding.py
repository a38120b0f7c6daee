"""Grounding: tie every figure the model returned to the place in the document that printed it.

A model can misquote or invent. Each figure's `text` is looked up in `Document.text` (first after an anchor
such as the indicator's name, then anywhere); found, it gets its span; not found, it is kept but marked
`ungrounded` with no span, so the checks and the reviewer see it. Value, unit, comparator and kind are then
re-read from the verbatim text with the same parser the rules backend uses, so a figure never says
"≥95%" while holding 0.95.
"""

from __future__ import annotations

from jixiao.documents import Document
from jixiao.documents.normalize import normalize
from jixiao.extract.llm.schema import FigureDraft, FundingLineDraft, IndicatorDraft, ReportDraft
from jixiao.model import (
    ExtractorInfo,
    Figure,
    Funding,
    FundingLine,
    Grounding,
    Indicator,
    Kind,
    Op,
    Report,
    SourceAmount,
    SourceInfo,
    Span,
    SpendingItem,
    figures_of,
)
from jixiao.numbers import parse_quantity, to_wan_yuan

FOUND_BY = "llm"
_MONEY_UNITS = {"元", "千元", "万元", "亿元"}


def locate(text: str, document: str, anchor: str | None = None) -> Span | None:
    """Span of `text` in `document`, preferring the first occurrence after `anchor`; None when absent."""
    needle = text.strip()
    if not needle:
        return None
    candidates = [needle]
    normalized = normalize(needle)[0].strip()
    if normalized and normalized != needle:
        candidates.append(normalized)
    start = document.find(anchor) if anchor else -1
    for candidate in candidates:
        position = document.find(candidate, start) if start >= 0 else -1
        if position < 0:
            position = document.find(candidate)
        if position >= 0:
            return Span(start=position, end=position + len(candidate))
    return None


def ground_figure(draft: FigureDraft, document: str, anchor: str | None = None) -> Figure:
    span = locate(draft.text, document, anchor)
    # Keep the document's own characters when found (normalization may differ from what the model wrote).
    text = document[span.start : span.end] if span else draft.text.strip()
    value, unit, op, kind = _consistent_parts(text, draft)
    return Figure(
        text=text,
        value=value,
        unit=unit,
        op=op,
        kind=kind,
        span=span,
        grounding=Grounding.EXACT if span else Grounding.UNGROUNDED,
        found_by=FOUND_BY,
    )


def _consistent_parts(text: str, draft: FigureDraft) -> tuple[float | None, str | None, Op | None, Kind]:
    """Parts read from the verbatim text when it is a quantity; the model's own reading otherwise."""
    quantity = parse_quantity(text)
    if quantity.kind is Kind.DATE:
        return None, None, quantity.op, Kind.DATE
    if quantity.kind is not Kind.TEXT and quantity.value is not None:
        if quantity.unit in _MONEY_UNITS:
            return to_wan_yuan(quantity.value, quantity.unit), "万元", quantity.op, quantity.kind
        return quantity.value, quantity.unit, quantity.op, quantity.kind
    if draft.value is None:
        return None, None, draft.op, Kind.TEXT
    kind = Kind.PERCENT if draft.unit in ("%", "百分比") else Kind.NUMBER
    return draft.value, draft.unit, draft.op, kind


def _maybe(draft: FigureDraft | None, document: str, anchor: str | None = None) -> Figure | None:
    return ground_figure(draft, document, anchor) if draft is not None else None


def _funding_line(draft: FundingLineDraft, document: str, anchor: str | None) -> FundingLine:
    return FundingLine(
        total=_maybe(draft.total, document, anchor),
        by_source=[
            SourceAmount(source=row.source, name=row.name, amount=ground_figure(row.amount, document, row.name))
            for row in draft.by_source
        ],
    )


def _indicator(draft: IndicatorDraft, document: str) -> Indicator:
    anchor = draft.name
    return Indicator(
        level1=draft.level1,
        level2=draft.level2,
        name=draft.name,
        target=_maybe(draft.target, document, anchor),
        actual=_maybe(draft.actual, document, anchor),
        completion=_maybe(draft.completion, document, anchor),
        weight=_maybe(draft.weight, document, anchor),
        score=_maybe(draft.score, document, anchor),
        deviation_reason=draft.deviation_reason,
    )


def to_report(draft: ReportDraft, document: Document, extractor: ExtractorInfo) -> Report:
    """The Report for `document` from the model's draft, every figure grounded against the document text."""
    text = document.text
    funding = draft.funding
    report = Report(
        source=SourceInfo(path=document.path, sha256=document.sha256, format=document.format),
        extractor=extractor,
        title=draft.title,
        region=draft.region,
        fund=draft.fund,
        year=draft.year,
        funding=Funding(
            budget=_funding_line(funding.budget, text, "预算"),
            allocated=_funding_line(funding.allocated, text, "下达"),
            executed=_funding_line(funding.executed, text, "支出"),
            execution_rate=_maybe(funding.execution_rate, text, "执行率"),
        ),
        spending=[
            SpendingItem(
                category=item.category,
                amount=_maybe(item.amount, text, item.category),
                share=_maybe(item.share, text, item.category),
            )
            for item in draft.spending
        ],
        indicators=[_indicator(item, text) for item in draft.indicators],
        total_score=_maybe(draft.total_score, text, "总分"),
        grade=_maybe(draft.grade, text, "等级"),
    )
    ungrounded = sum(1 for _, figure in figures_of(report) if figure.grounding is Grounding.UNGROUNDED)
    if ungrounded:
        report.notes.append(f"llm: {ungrounded} figure(s) not found in the document text (grounding = ungrounded)")
    return report


__all__ = ["FOUND_BY", "ground_figure", "locate", "to_report"]
