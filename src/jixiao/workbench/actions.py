"""What a reviewer's form becomes: decision drafts, validated against the document and its report.

Nothing a browser sends is trusted: a figure added from a selection takes its text from the stored
document at the posted offsets (never the posted text), paths must name a slot of the report, and a
dismissal without a listed reason must say why.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.errors import JixiaoError
from jixiao.model import Figure, Span
from jixiao.review.corrections import (
    PathError,
    correction_kind,
    figure_at,
    figure_from_text,
    locate_near,
    removable,
)
from jixiao.review.decisions import Action, Correction, CorrectionKind, DecisionDraft, DismissReason
from jixiao.review.states import DocumentReview

MAX_SELECTION = 200  # a figure is a few characters; a long selection is a slip of the mouse


class FormError(JixiaoError):
    """A form a reviewer must fix; the message says what (shown on the page, escaped)."""


@dataclass(frozen=True)
class CorrectionForm:
    kind: str  # edit | remove | add
    path: str
    new_path: str = ""  # edit: move the figure to another slot
    text: str = ""  # edit: the figure as printed
    value: str = ""  # the number, when the text alone does not give it
    unit: str = ""
    start: str = ""  # add: the selection in the document
    end: str = ""
    note: str = ""


def _base(review: DocumentReview, reviewer: str, key: str | None, rule: str | None) -> dict[str, object]:
    document = review.result.document
    return {
        "reviewer": reviewer,
        "document_sha256": document.sha256,
        "document_path": document.path,
        "extractor": review.result.extractor,
        "finding_key": key,
        "rule": rule,
    }


def decision_draft(
    review: DocumentReview, key: str, reviewer: str, action: str, reason: str, note: str
) -> DecisionDraft:
    item = review.item(key)
    if item is None:
        raise FormError("this finding is not raised on this document any more")
    try:
        chosen = Action(action)
    except ValueError:
        raise FormError(f"unknown action {action!r}") from None
    if chosen is Action.CORRECT:
        raise FormError("a correction names the figure it changes (use the correction form)")
    why = None
    if chosen is Action.DISMISS:
        try:
            why = DismissReason(reason) if reason else None
        except ValueError:
            raise FormError(f"unknown reason {reason!r}") from None
        if why is None and not note.strip():
            raise FormError("a dismissal needs a reason: pick one or write it")
        why = why or DismissReason.OTHER
        if why is DismissReason.OTHER and not note.strip():
            raise FormError("'other' needs a few words saying why")
    first_path = item.finding.figures[0].path if item.finding.figures else None
    return DecisionDraft(
        **_base(review, reviewer, key, item.finding.rule),  # type: ignore[arg-type]
        action=chosen,
        figure_path=first_path,
        reason=why,
        note=note.strip(),
    )


def _number(raw: str) -> float | None:
    cleaned = raw.strip().replace(",", "")
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        raise FormError(f"not a number: {raw!r}") from None


def _extracted(review: DocumentReview, path: str) -> Figure | None:
    try:
        return figure_at(review.result.report, path)
    except PathError as error:
        raise FormError(str(error)) from None


def _check_slot(review: DocumentReview, path: str) -> None:
    try:
        figure_at(review.report, path)
    except PathError as error:
        raise FormError(str(error)) from None


def _selection(text: str, start_raw: str, end_raw: str) -> Span:
    try:
        start, end = int(start_raw), int(end_raw)
    except ValueError:
        raise FormError("select the figure in the document first") from None
    if not 0 <= start < end <= len(text):
        raise FormError("the selection is not inside the document")
    if end - start > MAX_SELECTION:
        raise FormError(f"the selection is {end - start} characters long; select just the figure")
    return Span(start=start, end=end)


def _trimmed(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise FormError("the selection holds only spaces")
    return Span(start=start, end=end)


def _added(text: str, form: CorrectionForm, found_by: str) -> Figure:
    """The figure the reviewer selected: its text is the stored document's, at the posted offsets."""
    chosen = _trimmed(text, _selection(text, form.start, form.end))
    printed = text[chosen.start : chosen.end]
    return figure_from_text(
        printed, chosen, form.path, found_by=found_by, value=_number(form.value), unit=form.unit.strip() or None
    )


def _edited(review: DocumentReview, form: CorrectionForm, target: str, found_by: str) -> Figure:
    shown = figure_at(review.report, form.path)
    printed = form.text.strip() or (shown.text if shown else "")
    if not printed:
        raise FormError("give the figure as printed")
    where = locate_near(review.result.document.text, printed, shown.span if shown else None)
    return figure_from_text(
        printed, where, target, found_by=found_by, value=_number(form.value), unit=form.unit.strip() or None
    )


def correction_drafts(
    review: DocumentReview, key: str | None, reviewer: str, form: CorrectionForm
) -> list[DecisionDraft]:
    """One draft per slot changed (a move is a removal and an addition, recorded together)."""
    found = review.item(key) if key else None
    base = _base(review, reviewer, key, found.finding.rule if found else None)
    found_by = f"review:{reviewer}"
    _check_slot(review, form.path)
    before = _extracted(review, form.path)
    target = form.new_path.strip() or form.path

    def draft(path: str, was: Figure | None, after: Figure | None) -> DecisionDraft:
        return DecisionDraft(
            **base,  # type: ignore[arg-type]
            action=Action.CORRECT,
            figure_path=path,
            note=form.note.strip(),
            correction=Correction(kind=correction_kind(was, after), before=was, after=after),
        )

    if form.kind not in set(CorrectionKind):
        raise FormError(f"unknown correction {form.kind!r}")
    if (form.kind == CorrectionKind.REMOVE or target != form.path) and not removable(review.report, form.path):
        raise FormError(f"{form.path}: this figure cannot be removed or moved, only edited")
    if form.kind == CorrectionKind.REMOVE:
        return [draft(form.path, before, None)]
    if form.kind == CorrectionKind.ADD:
        return [draft(form.path, before, _added(review.result.document.text, form, found_by))]
    edited = _edited(review, form, target, found_by)
    if target == form.path:
        return [draft(form.path, before, edited)]
    _check_slot(review, target)
    return [draft(form.path, before, None), draft(target, _extracted(review, target), edited)]
