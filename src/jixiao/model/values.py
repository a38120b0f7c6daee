"""Value objects: every figure the tool reports carries its verbatim text and where it stands."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Op(StrEnum):
    """Comparator of a target (指标性质)."""

    GE = "≥"
    LE = "≤"
    EQ = "="
    GT = ">"
    LT = "<"


class Kind(StrEnum):
    NUMBER = "number"
    PERCENT = "percent"
    DATE = "date"
    TEXT = "text"


class Grounding(StrEnum):
    """How a figure's span was established."""

    EXACT = "exact"  # the span holds exactly `text`
    # found once width, spacing and traditional characters are folded (since 1.5); `text` is the document's
    NORMALISED = "normalised"
    UNGROUNDED = "ungrounded"  # the text could not be found in the document (LLM output)
    # the span holds `text`, but inside a passage that gives orders to a model: not a statement (since 1.6)
    INSTRUCTED = "instructed"


class Span(BaseModel):
    """Half-open character offsets into `Document.text` (the normalized text)."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0, description="起始偏移（含）")
    end: int = Field(ge=0, description="结束偏移（不含）")

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        return self


class Figure(BaseModel):
    """One figure as printed, with its parsed number and its place in the document."""

    text: str = Field(description="原文（逐字摘录），如 “≥95%”“1,298.17万元”“12月底前”")
    value: float | None = Field(
        default=None,
        description="数值；金额统一折算为万元；纯文字值（长期、12月底前、有效提升）为 null",
    )
    unit: str | None = Field(default=None, description="value 的单位：人、户、个、%、万元、元/人/月 等")
    op: Op | None = Field(default=None, description="指标性质（比较符）：≥ ≤ = > <")
    kind: Kind = Field(default=Kind.NUMBER, description="number / percent / date / text")
    span: Span | None = Field(default=None, description="在规范化文本中的位置")
    grounding: Grounding = Field(default=Grounding.EXACT, description="定位状态")
    found_by: str | None = Field(default=None, description="抽取该值的版式/规则，供复核参考")


def value_of(figure: Figure | None) -> float | None:
    """The figure's number, or None when there is no figure (or it is words only)."""
    return None if figure is None else figure.value


class NamedFigure(BaseModel):
    """A labelled part of a figure, e.g. the 其中 items of a count."""

    name: str = Field(description="分项名称")
    figure: Figure = Field(description="分项的值（原文逐字摘录）")
