"""What a second reader said that did not become a fact: candidates and disagreements (since 1.5).

A language model can misread or invent. Its figure becomes a fact of the report only when the document
prints it (grounding `exact` or `normalised`) and no rules figure says otherwise. Everything else is kept
here, for a reviewer to see and for the counts, and is never exported or scored as extracted.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from jixiao.model.values import Figure


class Candidate(BaseModel):
    """A figure a model gave that is not a fact: the document does not print it (or it copies the prompt)."""

    path: str = Field(description="它本应填入的位置，如 indicators[城镇新增就业人数].actual、funding.budget.total")
    figure: Figure = Field(description="模型给出的值（grounding = ungrounded，无 span）")
    reason: str = Field(description="为何不作为事实：not in the text / copies the prompt's example …")


class Disagreement(BaseModel):
    """Two readers give different figures for one field; the rules figure is kept, the other shown beside it."""

    path: str = Field(description="保留值在报告中的位置，如 indicators[3].actual")
    kept: Figure = Field(description="保留的读数（规则后端）")
    other: Figure = Field(description="另一读数（模型），已在原文中定位")


__all__ = ["Candidate", "Disagreement"]
