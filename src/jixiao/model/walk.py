"""Walking a report's figures with their paths (`funding.budget.total`, `indicators[3].actual`)."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from jixiao.model.values import Figure

# What a model said that is not a figure of the report (schema 1.5): never walked as one.
NOT_FIGURES = frozenset({"candidates", "disagreements"})


def figures_of(model: BaseModel, path: str = "") -> Iterator[tuple[str, Figure]]:
    """Every Figure in a model (a Report or any part of it), in field order, with its path.

    A report's candidates and disagreements hold figures too, but not the report's: they are left out."""
    for name in type(model).model_fields:
        if name in NOT_FIGURES:
            continue
        value = getattr(model, name)
        here = f"{path}.{name}" if path else name
        if isinstance(value, Figure):
            yield here, value
        elif isinstance(value, BaseModel):
            yield from figures_of(value, here)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from figures_of(item, f"{here}[{index}]")
