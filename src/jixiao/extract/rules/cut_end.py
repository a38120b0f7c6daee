"""A figure the excerpt's end cuts: `…实际完成40` as the last characters of a cut text may be 40户 or 405.

A published excerpt stops where the site or the search result stopped, often inside a number. A figure whose
printed span reaches the end of a truncated text cannot be surely read (its digits or its unit may go on):
it is left out, the fact that holds it stays (an indicator keeps its name and target). A word (the grade
`优秀`) is no such figure.
"""

from __future__ import annotations

from pydantic import BaseModel

from jixiao.model import Figure, Report


def drop_cut_figures(report: Report, text: str) -> None:
    """Blank every optional figure of `report` whose span ends where the truncated `text` ends."""
    if not report.truncated:
        return
    _blank(report, len(text.rstrip()))


def _cut(figure: Figure, end: int) -> bool:
    """A number that runs to the cut (a word such as the grade `优秀` is whole however the text ends)."""
    return figure.span is not None and figure.span.end >= end and figure.value is not None


def _blank(model: BaseModel, end: int) -> None:
    fields = type(model).model_fields
    for name, info in fields.items():
        value = getattr(model, name)
        if isinstance(value, Figure):
            if _cut(value, end) and not info.is_required():
                setattr(model, name, None)
        elif isinstance(value, BaseModel):
            _blank(value, end)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, BaseModel):
                    _blank(item, end)
