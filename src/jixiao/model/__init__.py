"""The report model and findings: the contract every stage shares."""

from jixiao.model.findings import Confidence, FigureRef, Finding, Severity
from jixiao.model.readings import Candidate, Disagreement
from jixiao.model.report import (
    SCHEMA_VERSION,
    Coverage,
    ExtractorInfo,
    Funding,
    FundingLine,
    FundSource,
    Indicator,
    Report,
    SourceAmount,
    SourceInfo,
    SpendingItem,
    TokenUsage,
)
from jixiao.model.status import STATUS_ZH, ReadingStatus, has_facts, reading_status
from jixiao.model.values import Figure, Grounding, Kind, NamedFigure, Op, Span, value_of
from jixiao.model.walk import figures_in, figures_of

__all__ = [
    "SCHEMA_VERSION",
    "STATUS_ZH",
    "Candidate",
    "Confidence",
    "Coverage",
    "Disagreement",
    "ExtractorInfo",
    "Figure",
    "FigureRef",
    "Finding",
    "FundSource",
    "Funding",
    "FundingLine",
    "Grounding",
    "Indicator",
    "Kind",
    "NamedFigure",
    "Op",
    "ReadingStatus",
    "Report",
    "Severity",
    "SourceAmount",
    "SourceInfo",
    "Span",
    "SpendingItem",
    "TokenUsage",
    "figures_in",
    "figures_of",
    "has_facts",
    "reading_status",
    "value_of",
]
