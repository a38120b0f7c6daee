"""Walking a report's figures with their paths (`funding.budget.total`, `indicators[3].actual`)."""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from functools import cache
from types import UnionType
from typing import Union, get_args, get_origin

from pydantic import BaseModel

from jixiao.model.values import Figure

# What a model said that is not a figure of the report (schema 1.5): never walked as one.
NOT_FIGURES = frozenset({"candidates", "disagreements"})


def figures_of(model: BaseModel, path: str = "") -> Iterator[tuple[str, Figure]]:
    """Every Figure in a model (a Report or any part of it), in field order, with its path.

    A report's candidates and disagreements hold figures too, but not the report's: they are left out."""
    for name in _walked_fields(type(model)):
        value = getattr(model, name)
        if isinstance(value, Figure):
            yield (f"{path}.{name}" if path else name), value
        elif isinstance(value, BaseModel):
            yield from figures_of(value, f"{path}.{name}" if path else name)
        elif isinstance(value, list) and value:
            here = f"{path}.{name}" if path else name
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from figures_of(item, f"{here}[{index}]")


def figures_in(model: BaseModel) -> list[Figure]:
    """The figures figures_of walks, in the same order, without their paths (coverage counts them per
    report: no path is built, no generator resumed per figure)."""
    found: list[Figure] = []
    _collect(model, found)
    return found


def _collect(model: BaseModel, found: list[Figure]) -> None:
    for name in _walked_fields(type(model)):
        value = getattr(model, name)
        if value is None:
            continue  # most figures of a report are unread: one test, not three
        if isinstance(value, Figure):
            found.append(value)
        elif isinstance(value, BaseModel):
            _collect(value, found)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, BaseModel):  # as in figures_of: an item is walked, never taken itself
                    _collect(item, found)


@cache
def _walked_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """A model class's fields in order, less the ones never walked (a path is built only for what is walked:
    most fields of a report are text or empty) and those whose type holds only text, numbers, flags or
    enum members (a title, a year, the notes: no figure can be in them, and a walk asks every report)."""
    return tuple(
        name
        for name, field in model.model_fields.items()
        if name not in NOT_FIGURES and not _holds_only_scalars(field.annotation)
    )


_SCALARS = (str, int, float, bool, type(None), Enum)


def _holds_only_scalars(annotation: object) -> bool:
    """Whether a field's type is a scalar, or a union or list of scalars (`str | None`, `list[str]`)."""
    if isinstance(annotation, type) and not get_args(annotation):
        return issubclass(annotation, _SCALARS)
    origin, arguments = get_origin(annotation), get_args(annotation)
    if origin not in (Union, UnionType, list) or not arguments:
        return False  # anything else may hold a model: walked
    return all(_holds_only_scalars(argument) for argument in arguments)
