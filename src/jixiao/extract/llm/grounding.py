"""Grounding: tie every figure a model returned to the place in the text it was reading that prints it.

A model can misquote, copy the prompt's example or invent. Each figure's `text` is looked up only inside the
windows the model was given (its chunk, or the unread passages in hybrid), first after an anchor such as
the indicator's name: found verbatim it is `exact`; found once width, spacing and traditional characters
are folded it is `normalised` and quotes the document's own characters; not found it is no fact at all but
a `Candidate` for a reviewer (counted, never exported or scored). Value, unit, comparator and kind are then
re-read from the verbatim text with the rules backend's number parser, so a figure never says "≥95%" while
holding 0.95.

The draft is walked generically (its classes are derived from the report model), so a field added to the
report model is grounded without a change here.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from pydantic import BaseModel

from jixiao.documents import Document
from jixiao.documents.normalize import normalize
from jixiao.documents.traditional import simplified
from jixiao.extract.llm.schema import FigureDraft
from jixiao.injection import mark_instructed
from jixiao.model import Candidate, ExtractorInfo, Figure, Grounding, Kind, Op, Report, SourceInfo, Span
from jixiao.numbers import parse_quantity, to_wan_yuan

FOUND_BY = "llm"
NOT_IN_TEXT = "not in the text the model was given"
COPIES_EXAMPLE = "copies a figure of the prompt's worked example"
UNNAMED = "its indicator is not named in the text the model read"
_MONEY_UNITS = {"元", "千元", "万元", "亿元"}
# Anchors for the funding lines when no row name is at hand (the words reports print beside them).
LINE_ANCHORS = {
    "initial": "年初",
    "budget": "预算",
    "allocated": "下达",
    "executed": "执行",
    "execution_rate": "执行率",
    "total_score": "总分",
    "grade": "等级",
}
# Rows that are nothing without their figure: dropped (their figure kept as a candidate) when it is not found.
REQUIRED_FIGURE = {"by_source": "amount", "breakdown": "figure"}


def fold_width(char: str) -> str:
    """One char at half width, whitespace gone (the document side: `match_text` is simplified already)."""
    code = ord(char)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    return "" if char.isspace() else char


@cache  # a few thousand distinct characters; opencc per call costs more than the lookup
def fold(char: str) -> str:
    """One char as grounding compares it: half width, simplified, whitespace gone."""
    folded = fold_width(char)
    return simplified(folded) if folded else ""


@dataclass(frozen=True)
class Window:
    """A stretch of `Document.text` the model was shown: its figures are looked for here and only here."""

    start: int
    end: int


@dataclass
class TextIndex:
    """The document text with a folded view (see `fold`) and the map from folded chars back to offsets.

    With `windows`, only their characters are folded: every search stays inside one window, so the rest of
    a long document need not be (hybrid's passages are a few hundred characters of it)."""

    text: str
    match_text: str
    windows: Sequence[Window] | None = None

    @cached_property
    def _folded(self) -> tuple[str, list[int]]:
        chars: list[str] = []
        offsets: list[int] = []
        stretches = [(w.start, w.end) for w in self.windows] if self.windows else [(0, len(self.match_text))]
        for start, end in sorted(set(stretches)):
            for offset in range(max(start, offsets[-1] + 1 if offsets else 0), min(end, len(self.match_text))):
                folded = fold_width(self.match_text[offset])
                if folded:
                    chars.append(folded)
                    offsets.append(offset)
        return "".join(chars), offsets

    def exact(self, needle: Needle, start: int, end: int) -> Span | None:
        position, found = self.text.find(needle.text, start, end), needle.text
        if position < 0 and needle.normalized:  # e.g. the model wrote a full-width ≥ the document folded
            position, found = self.text.find(needle.normalized, start, end), needle.normalized
        if position < 0:
            return None
        return Span(start=position, end=position + len(found))

    def folded(self, needle: Needle, start: int, end: int) -> Span | None:
        target = needle.folded
        if not target:
            return None
        folded, offsets = self._folded
        low, high = bisect_left(offsets, start), bisect_right(offsets, end - 1)
        position = folded.find(target, low, high)
        if position < 0:
            return None
        return Span(start=offsets[position], end=offsets[position + len(target) - 1] + 1)


class Needle:
    """A figure's text as looked for: verbatim, then normalised, then folded; each other form is made once,
    when first needed, however many windows it is looked for in."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def normalized(self) -> str | None:
        normalized = normalize(self.text)[0].strip()
        return normalized if normalized and normalized != self.text else None

    @cached_property
    def folded(self) -> str:
        return "".join(fold(char) for char in self.text)


@dataclass
class Grounder:
    """Grounds the figures of one answer against the windows the model read."""

    document: Document
    windows: Sequence[Window]
    example_figures: frozenset[str] = frozenset()
    found_by: str = FOUND_BY
    candidates: list[Candidate] = field(default_factory=list)

    @cached_property
    def index(self) -> TextIndex:
        return TextIndex(self.document.text, self.document.match_text, self.windows)

    def locate(self, text: str, anchor: str | None = None) -> tuple[Span, Grounding] | None:
        needle = Needle(text.strip())
        if not needle.text:
            return None
        for window in self.windows:
            for start in self._starts(window, anchor):
                span = self.index.exact(needle, start, window.end)
                if span is not None:
                    grounding = Grounding.EXACT if self.document.text[span.start : span.end] == needle.text else None
                    return span, grounding or Grounding.NORMALISED
                span = self.index.folded(needle, start, window.end)
                if span is not None:
                    return span, Grounding.NORMALISED
        return None

    def _starts(self, window: Window, anchor: str | None) -> list[int]:
        """Search after the anchor first (the figure next to its indicator name), then the whole window."""
        if anchor:
            at = self.document.match_text.find(simplified(anchor.strip()), window.start, window.end)
            if at > window.start:
                return [at, window.start]
        return [window.start]

    def figure(self, draft: Any, path: str, anchor: str | None) -> Figure | None:
        """The grounded figure, or None (and a candidate) when the windows do not print it."""
        found = self.locate(draft.text, anchor)
        if found is None:
            reason = COPIES_EXAMPLE if draft.text.strip() in self.example_figures else NOT_IN_TEXT
            self.candidates.append(
                Candidate(path=path, figure=_figure(draft, None, None, self.found_by), reason=reason)
            )
            return None
        span, grounding = found
        return _figure(draft, span, grounding, self.found_by, self.document.text[span.start : span.end])

    def unnamed(self, indicator: dict[str, Any]) -> None:
        """An indicator the windows do not name: each figure grounded for it is kept as a candidate only."""
        for name, value in indicator.items():
            if isinstance(value, Figure):
                path = f"indicators[{indicator.get('name')}].{name}"
                self.candidates.append(Candidate(path=path, figure=value, reason=UNNAMED))

    def ground(self, draft: BaseModel) -> dict[str, Any]:
        """The draft as report-model data: figures grounded, rows whose figure is missing dropped."""
        return self._node(draft, "", None)

    def _node(self, node: BaseModel, path: str, anchor: str | None) -> dict[str, Any]:
        anchor = _anchor_of(node) or anchor
        data: dict[str, Any] = {}
        for name in type(node).model_fields:
            value = getattr(node, name)
            here = f"{path}.{name}" if path else name
            data[name] = self._value(value, here, LINE_ANCHORS.get(name, anchor), name)
        return data

    def _value(self, value: Any, path: str, anchor: str | None, name: str) -> Any:
        if isinstance(value, FigureDraft):
            return self.figure(value, path, anchor)
        if isinstance(value, BaseModel):
            return self._node(value, path, anchor)
        if isinstance(value, list):
            return list(self._rows(value, path, anchor, REQUIRED_FIGURE.get(name)))
        return value

    def _rows(self, rows: Iterable[Any], path: str, anchor: str | None, required: str | None) -> Iterable[Any]:
        for row in rows:
            if not isinstance(row, BaseModel):
                yield row
                continue
            data = self._node(row, f"{path}[{_anchor_of(row) or '?'}]", anchor)
            if required is None or data.get(required) is not None:
                yield data


def _anchor_of(node: BaseModel) -> str | None:
    for name in ("name", "category"):
        value = getattr(node, name, None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _figure(
    draft: Any, span: Span | None, grounding: Grounding | None, found_by: str, text: str | None = None
) -> Figure:
    # Keep the document's own characters when found (the model may have changed width or script).
    text = text if text is not None else draft.text.strip()
    value, unit, op, kind = consistent_parts(text, draft)
    return Figure(
        text=text,
        value=value,
        unit=unit,
        op=op,
        kind=kind,
        span=span,
        grounding=grounding or Grounding.UNGROUNDED,
        found_by=found_by,
    )


def consistent_parts(text: str, draft: Any) -> tuple[float | None, str | None, Op | None, Kind]:
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


def to_report(
    draft: BaseModel,
    document: Document,
    extractor: ExtractorInfo,
    windows: Sequence[Window] | None = None,
    example_figures: frozenset[str] = frozenset(),
    *,
    named: bool = False,
) -> Report:
    """The Report a draft says, every figure grounded in `windows` (default: the whole text).

    An indicator the windows show neither by name nor by any figure is dropped. With `named` (hybrid, where a
    wrong fill would cost what rules got right) an indicator must be named in the windows: one that is not is
    dropped and its grounded figures become candidates (a 0.5B model filed a passage's figure under an
    indicator of the context it was shown).
    """
    grounder = Grounder(document, windows or [Window(0, len(document.text))], example_figures)
    data = grounder.ground(draft)
    kept = []
    for item in data.get("indicators", []):
        if named and grounder.locate(str(item.get("name") or "")) is None:
            grounder.unnamed(item)
        elif _attested(item, grounder):
            kept.append(item)
    data["indicators"] = kept
    report = Report(
        source=SourceInfo(path=document.path, sha256=document.sha256, format=document.format),
        extractor=extractor,
        candidates=grounder.candidates,
        **data,
    )
    mark_instructed(report, document.text)  # a figure the text told the model to report is there, not as fact
    return report


def note_candidates(report: Report) -> None:
    if report.candidates:
        report.notes.append(
            f"llm: {len(report.candidates)} figure(s) not found in the text the model read: kept as candidates "
            "for a reviewer, not as facts"
        )


def _attested(indicator: dict[str, Any], grounder: Grounder) -> bool:
    if any(isinstance(value, Figure) for value in indicator.values()) or indicator.get("breakdown"):
        return True
    return grounder.locate(str(indicator.get("name") or "")) is not None


__all__ = [
    "COPIES_EXAMPLE",
    "FOUND_BY",
    "NOT_IN_TEXT",
    "UNNAMED",
    "Grounder",
    "Needle",
    "TextIndex",
    "Window",
    "consistent_parts",
    "fold",
    "note_candidates",
    "to_report",
]
