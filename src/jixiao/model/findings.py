"""Findings: what the checks tell a reviewer about a report."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from jixiao.model.values import Span


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class FigureRef(BaseModel):
    """A figure a finding is about, located so the review page can highlight it.

    A finding across years (rule family `years`) quotes figures of two reports. A figure of the other
    report names it in `source_path` (its span points into that report's text, not this one's); both
    reports' figures carry their `year` (since 1.4).
    """

    path: str = Field(description="位置，如 funding.budget.total 或 indicators[3].actual")
    text: str
    span: Span | None = None
    year: int | None = Field(default=None, description="该数字所在报告的年度（跨年度发现）")
    source_path: str | None = Field(
        default=None, description="该数字在另一份报告中时，该报告的文件路径（span 指向该报告的文本）；null 为本报告"
    )

    @property
    def elsewhere(self) -> bool:
        """The figure stands in another report than the finding's own (its span is not in this text)."""
        return self.source_path is not None


class Confidence(StrEnum):
    """How sure the tool is that it read a finding's figures right (from how each was found, since 1.7).

    high: cells of a table read in an exact layout (pipes, a cell per line, a loader's grid); medium: prose
    phrases, squashed text; low: a heuristic split (glued cells, repaired OCR digits) or text a model gave.
    An error against the report needs high confidence.
    """

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        return {"low": 0, "medium": 1, "high": 2}[self.value]


class Finding(BaseModel):
    rule: str = Field(description="规则编号，如 funding.sources_sum")
    severity: Severity
    message_zh: str
    message_en: str
    figures: list[FigureRef] = Field(default_factory=list)
    expected: float | None = Field(default=None, description="按规则应为的值")
    found: float | None = Field(default=None, description="报告所载的值")
    source: str = Field(default="rules", description="谁提出：rules（确定性规则）或 llm（模型复核，最高为 warning）")
    confidence: Confidence | None = Field(
        default=None, description="数字读取的可信度（high/medium/low；由各数字的读取方式定，since 1.7）"
    )
