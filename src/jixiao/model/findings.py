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
    """A figure a finding is about, located so the review page can highlight it."""

    path: str = Field(description="位置，如 funding.budget.total 或 indicators[3].actual")
    text: str
    span: Span | None = None


class Finding(BaseModel):
    rule: str = Field(description="规则编号，如 funding.sources_sum")
    severity: Severity
    message_zh: str
    message_en: str
    figures: list[FigureRef] = Field(default_factory=list)
    expected: float | None = Field(default=None, description="按规则应为的值")
    found: float | None = Field(default=None, description="报告所载的值")
    source: str = Field(default="rules", description="谁提出：rules（确定性规则）或 llm（模型复核，最高为 warning）")
