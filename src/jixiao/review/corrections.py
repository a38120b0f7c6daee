"""Corrections: a reviewer's edits of figures, applied to a copy of the extracted report.

A correction names a figure slot by its path (`funding.budget.total`, `indicators[3].actual`, the paths
findings use) and holds the figure as it was and as it should be. Applied in order, the latest correction
of each slot wins. A correction whose `before` no longer matches the extracted figure at its path (the
extraction changed under it) is not applied: it is returned as stale for the reviewer to look at again.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel

from jixiao.errors import JixiaoError
from jixiao.model import Figure, Grounding, Indicator, Report, SourceAmount, Span, SpendingItem
from jixiao.numbers import parse_quantity, to_wan_yuan
from jixiao.review.decisions import Action, Correction, CorrectionKind, Decision

_STEP = re.compile(r"(?P<name>[a-z_]+)(?:\[(?P<index>\d+)\])?")
_MONEY_SLOT = re.compile(
    r"^(funding\.(initial|budget|allocated|executed)\.(total|by_source\[\d+\]\.amount)|spending\[\d+\]\.amount)$"
)
_MONEY_UNITS = ("万元", "元", "亿元", "千元")
_SEARCH_REACH = 400  # an edited figure is looked for this far around where the old one stood


class PathError(JixiaoError):
    """A path that names no figure slot of the report."""


def _steps(path: str) -> list[tuple[str, int | None]]:
    steps = []
    for part in path.split("."):
        match = _STEP.fullmatch(part)
        if match is None:
            raise PathError(f"not a figure path: {path!r}")
        steps.append((match["name"], int(match["index"]) if match["index"] is not None else None))
    return steps


def _is_figure_field(model: type[BaseModel], name: str) -> bool:
    annotation = model.model_fields[name].annotation
    if annotation is Figure:
        return True
    return typing.get_origin(annotation) in (typing.Union, types.UnionType) and Figure in typing.get_args(annotation)


def _optional(model: type[BaseModel], name: str) -> bool:
    return type(None) in typing.get_args(model.model_fields[name].annotation)


def _walk(report: Report, path: str) -> tuple[BaseModel, str]:
    """The model holding the slot and the slot's field name; PathError when the path leads nowhere."""
    steps = _steps(path)
    node: BaseModel = report
    for position, (name, index) in enumerate(steps):
        if name not in type(node).model_fields:
            raise PathError(f"{path}: no field {name!r}")
        last = position == len(steps) - 1
        if last:
            if index is not None or not _is_figure_field(type(node), name):
                raise PathError(f"{path}: not a figure slot")
            return node, name
        value = getattr(node, name)
        if index is not None:
            if not isinstance(value, list) or index >= len(value):
                raise PathError(f"{path}: no item {index} in {name}")
            value = value[index]
        if not isinstance(value, BaseModel):
            raise PathError(f"{path}: {name} holds no figures")
        node = value
    raise PathError(f"not a figure path: {path!r}")


def figure_at(report: Report, path: str) -> Figure | None:
    holder, name = _walk(report, path)
    value = getattr(holder, name)
    return value if isinstance(value, Figure) else None


def set_figure(report: Report, path: str, figure: Figure | None) -> None:
    holder, name = _walk(report, path)
    if figure is None and not _optional(type(holder), name):
        raise PathError(f"{path}: this figure cannot be removed, only edited")
    setattr(holder, name, figure)


def removable(report: Report, path: str) -> bool:
    """Whether the slot may be empty (an indicator's 其中 item must keep a figure)."""
    holder, name = _walk(report, path)
    return _optional(type(holder), name)


@dataclass(frozen=True)
class Slot:
    """A place a figure can go, shown to the reviewer by its label."""

    path: str
    label: str
    figure: Figure | None


def _item_name(item: BaseModel) -> str:
    if isinstance(item, Indicator):
        return item.name
    if isinstance(item, SpendingItem):
        return item.category
    if isinstance(item, SourceAmount):
        return item.name
    return ""


def _label(model: type[BaseModel], name: str) -> str:
    description = model.model_fields[name].description or name
    return re.split(r"[（(/]", description, maxsplit=1)[0].strip() or name


def figure_slots(model: BaseModel, path: str = "", label: str = "") -> Iterator[Slot]:
    """Every figure slot of a report, filled or empty, with a Chinese label (for the reviewer's choice)."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        here = f"{path}.{name}" if path else name
        here_label = f"{label} · {_label(type(model), name)}" if label else _label(type(model), name)
        if _is_figure_field(type(model), name):
            yield Slot(here, here_label, value)
        elif isinstance(value, BaseModel):
            yield from figure_slots(value, here, here_label)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    item_label = f"{here_label} {index + 1} {_item_name(item)}".rstrip()
                    yield from figure_slots(item, f"{here}[{index}]", item_label)


def figure_from_text(
    text: str, span: Span | None, path: str, *, found_by: str, value: float | None = None, unit: str | None = None
) -> Figure:
    """A figure as the reviewer gives it: its printed text parsed as the rules backend would (money in 万元),
    the reviewer's own value and unit winning over the parsed ones."""
    printed = text.strip()
    quantity = parse_quantity(printed)
    parsed_value, parsed_unit = quantity.value, quantity.unit
    if _MONEY_SLOT.match(path) and parsed_value is not None and (parsed_unit in _MONEY_UNITS or parsed_unit is None):
        parsed_value, parsed_unit = to_wan_yuan(parsed_value, parsed_unit), "万元"
    return Figure(
        text=printed,
        value=value if value is not None else parsed_value,
        unit=unit if unit else parsed_unit,
        op=quantity.op,
        kind=quantity.kind,
        span=span,
        grounding=Grounding.EXACT if span is not None else Grounding.UNGROUNDED,
        found_by=found_by,
    )


def locate_near(document: str, text: str, near: Span | None) -> Span | None:
    """Where an edited figure's text is printed: at the old span, close to it, or anywhere once; else None."""
    wanted = text.strip()
    if not wanted:
        return None
    if near is not None:
        if document[near.start : near.end] == wanted:
            return near
        low = max(0, near.start - _SEARCH_REACH)
        found = document.find(wanted, low, min(len(document), near.end + _SEARCH_REACH))
        if found >= 0:
            return Span(start=found, end=found + len(wanted))
    found = document.find(wanted)
    if found >= 0 and document.find(wanted, found + 1) < 0:
        return Span(start=found, end=found + len(wanted))
    return None


def _same_figure(a: Figure | None, b: Figure | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.text, a.value, a.span) == (b.text, b.value, b.span)


@dataclass
class Corrected:
    """A report with the reviewers' corrections applied, and what was applied or left out."""

    report: Report
    applied: dict[str, Decision] = field(default_factory=dict)  # slot path -> the correction that set it
    stale: list[Decision] = field(default_factory=list)  # corrections whose figure changed underneath


def apply_corrections(extracted: Report, decisions: Sequence[Decision]) -> Corrected:
    """The extracted report (left untouched) with the latest correction of each slot applied.

    Without corrections the report returned is `extracted` itself, not a copy: do not change it."""
    latest: dict[str, Decision] = {}
    for decision in decisions:
        if decision.action is Action.CORRECT and decision.figure_path and decision.correction is not None:
            latest[decision.figure_path] = decision
    if not latest:
        return Corrected(report=extracted)  # nothing to apply: no copy (the queue builds one per document)
    corrected = Corrected(report=extracted.model_copy(deep=True))
    for path, decision in latest.items():
        correction: Correction = decision.correction  # type: ignore[assignment]
        try:
            current = figure_at(extracted, path)
            if not _same_figure(current, correction.before):
                corrected.stale.append(decision)
                continue
            set_figure(corrected.report, path, correction.after)
        except PathError:
            corrected.stale.append(decision)
            continue
        corrected.applied[path] = decision
    return corrected


def correction_kind(before: Figure | None, after: Figure | None) -> CorrectionKind:
    if after is None:
        return CorrectionKind.REMOVE
    return CorrectionKind.EDIT if before is not None else CorrectionKind.ADD
