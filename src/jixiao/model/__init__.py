"""The report model and findings: the contract every stage shares."""

from jixiao.model.findings import FigureRef, Finding, Severity
from jixiao.model.report import (
    SCHEMA_VERSION,
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
from jixiao.model.values import Figure, Grounding, Kind, NamedFigure, Op, Span
from jixiao.model.walk import figures_of

__all__ = [
    "SCHEMA_VERSION",
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
    "Report",
    "Severity",
    "SourceAmount",
    "SourceInfo",
    "Span",
    "SpendingItem",
    "TokenUsage",
    "figures_of",
]
