"""The document text cut into segments for the review page: extracted figures, flagged figures, their sentences.

Spans point into the normalized text stored with each document. Marks may overlap (a flagged figure is
also an extracted one, and sits inside its sentence), so the text is cut at every mark boundary and each
piece carries the union of what covers it. The template escapes every piece: report text is untrusted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from jixiao.model import Finding, Report, figures_of

_SENTENCE_STOPS = "。；;！？!?\n"
_SENTENCE_REACH = 240  # a flagged figure's sentence is at most this far either side of it


@dataclass
class Segment:
    text: str
    start: int
    figure_paths: list[str] = field(default_factory=list)  # extracted figures covering this piece
    flagged_by: list[str] = field(default_factory=list)  # finding ids whose figure this piece is
    sentence_of: list[str] = field(default_factory=list)  # finding ids whose sentence this piece is in

    @property
    def title(self) -> str:
        return "、".join(self.figure_paths)


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    figure_path: str | None = None
    flagged_by: str | None = None
    sentence_of: str | None = None


def finding_id(index: int) -> str:
    return f"f{index + 1}"


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or table line) holding text[start:end], so a reviewer sees the figure in context."""
    left = start
    floor = max(0, start - _SENTENCE_REACH)
    while left > floor and text[left - 1] not in _SENTENCE_STOPS:
        left -= 1
    right = end
    ceiling = min(len(text), end + _SENTENCE_REACH)
    while right < ceiling and text[right] not in _SENTENCE_STOPS:
        right += 1
    if right < len(text) and text[right] != "\n":
        right += 1  # keep the full stop
    return left, right


def _marks(text: str, report: Report, findings: list[Finding]) -> list[_Mark]:
    marks: list[_Mark] = []
    for path, figure in figures_of(report):
        if figure.span is not None and figure.span.end <= len(text):
            marks.append(_Mark(figure.span.start, figure.span.end, figure_path=path))
    for index, finding in enumerate(findings):
        for ref in finding.figures:
            if ref.span is None or ref.elsewhere or ref.span.end > len(text):  # elsewhere: last year's report
                continue
            marks.append(_Mark(ref.span.start, ref.span.end, flagged_by=finding_id(index)))
            left, right = sentence_around(text, ref.span.start, ref.span.end)
            marks.append(_Mark(left, right, sentence_of=finding_id(index)))
    return [mark for mark in marks if mark.end > mark.start]


def segments(text: str, report: Report, findings: list[Finding]) -> list[Segment]:
    """The whole text as consecutive segments; joined, their texts give back `text` exactly."""
    marks = _marks(text, report, findings)
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    by_start = sorted(marks, key=lambda m: m.start)
    active: list[_Mark] = []
    result: list[Segment] = []
    next_mark = 0
    for start, end in pairwise(cuts):
        while next_mark < len(by_start) and by_start[next_mark].start <= start:
            active.append(by_start[next_mark])
            next_mark += 1
        active = [mark for mark in active if mark.end > start]
        segment = Segment(text=text[start:end], start=start)
        for mark in active:
            if mark.figure_path and mark.figure_path not in segment.figure_paths:
                segment.figure_paths.append(mark.figure_path)
            if mark.flagged_by and mark.flagged_by not in segment.flagged_by:
                segment.flagged_by.append(mark.flagged_by)
            if mark.sentence_of and mark.sentence_of not in segment.sentence_of:
                segment.sentence_of.append(mark.sentence_of)
        result.append(segment)
    return result
