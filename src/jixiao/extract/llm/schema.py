"""What the model is asked to return: derived from the report model, field for field, descriptions included.

The draft models are built from `jixiao.model` once, at import, so the two can never drift (the first draft
restated the report model by hand and lost `program` and `breakdown`). A draft keeps every field of the
report model except those only jixiao can know (`OMITTED`: source, extractor, spans, grounding, coverage …);
every Figure becomes a FigureDraft, every string gets a length cap (a small model under a JSON-Schema
grammar cannot then repeat one string forever), every list a row cap.

Two response models come out of the one derivation: `ReportDraft` for a whole document (`--backend llm`),
and `GapDraft`, the same without the header fields, for the passages the rules backend left unread
(`--backend hybrid`): the model is not asked again for what rules already read.
"""

from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, create_model
from pydantic.fields import FieldInfo

from jixiao.model import Figure, Report

MAX_INDICATORS = 80  # a report has 10–40; the cap stops a small model from repeating rows until the context ends
MAX_ROWS = 20
# Far above what a report prints (a figure is a few characters, a name a few dozen).
SHORT = 80
LONG = 1000
STRING_CAPS = {"title": 200, "deviation_reason": LONG, "unit": 20, "text": SHORT}
LIST_CAPS = {"indicators": MAX_INDICATORS}

# Fields of the report model the model is not asked for, by model: jixiao sets them itself.
OMITTED: dict[str, frozenset[str]] = {
    "Report": frozenset(
        {"schema_version", "source", "extractor", "truncated", "coverage", "candidates", "disagreements", "notes"}
    ),
    "Figure": frozenset({"kind", "span", "grounding", "found_by"}),
}
# Left out of the gap schema as well: the header rules read from the title (hybrid never asks for it), and what
# unread table rows and passages almost never hold (年初预算数, reasons, 其中 items): every field the gap schema
# carries costs prompt tokens on every hybrid call, since the chat template prints the schema.
HEADER_FIELDS = frozenset({"title", "region", "fund", "year"})
GAP_OMITTED: dict[str, frozenset[str]] = {
    "Report": OMITTED["Report"] | HEADER_FIELDS,
    "Funding": frozenset({"initial"}),
    "Indicator": frozenset({"deviation_reason", "breakdown"}),
}

REPORT_DOC = "绩效自评报告中的数据。只摘录文档中出现的内容；文档没有的字段留空。"
GAP_DOC = "规则未能读出的段落与表格行中的数据。只摘录这些段落中出现的内容；没有的字段留空。"


class _Deriver:
    """Turns report-model classes into draft classes, one draft class per model class."""

    def __init__(self, dropped: dict[str, frozenset[str]] | None = None, base: _Deriver | None = None) -> None:
        self.drafts: dict[type[BaseModel], type[BaseModel]] = {}
        self.dropped = dropped or {}
        self.base = base  # drafts of models this deriver drops nothing from are the base's (one FigureDraft)

    def draft(self, model: type[BaseModel], *, name: str | None = None) -> Any:
        if name is None and model in self.drafts:
            return self.drafts[model]
        if name is None and self.base is not None and not self._drops_below(model):
            return self.base.draft(model)
        omitted = OMITTED.get(model.__name__, frozenset()) | self.dropped.get(model.__name__, frozenset())
        fields = {
            field_name: self._field(field_name, info)
            for field_name, info in model.model_fields.items()
            if field_name not in omitted
        }
        draft: type[BaseModel] = create_model(  # type: ignore[call-overload]
            name or f"{model.__name__}Draft", __doc__=model.__doc__, __config__=_CONFIG, **fields
        )
        if name is None:
            self.drafts[model] = draft
        return draft

    def _drops_below(self, model: type[BaseModel], seen: frozenset[type[BaseModel]] = frozenset()) -> bool:
        """Whether this deriver drops a field of `model` or of a model it contains."""
        if model.__name__ in self.dropped:
            return True
        nested = {arg for info in model.model_fields.values() for arg in _models_in(info.annotation)} - seen
        return any(self._drops_below(inner, seen | {model}) for inner in nested)

    def _annotation(self, annotation: Any) -> Any:
        origin = get_origin(annotation)
        if origin in (Union, types.UnionType):
            parts = tuple(self._annotation(arg) for arg in get_args(annotation))
            return Union[parts]  # noqa: UP007 (built from a tuple)
        if origin is list:
            return list[self._annotation(get_args(annotation)[0])]  # type: ignore[misc]
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return self.draft(annotation)
        return annotation

    def _field(self, name: str, info: FieldInfo) -> tuple[Any, Any]:
        annotation = self._annotation(info.annotation)
        extra: dict[str, Any] = {"description": info.description}
        if _holds(info.annotation, str):
            extra["max_length"] = STRING_CAPS.get(name, SHORT)
        elif get_origin(info.annotation) is list:
            extra["max_length"] = LIST_CAPS.get(name, MAX_ROWS)
        if info.default_factory is not None:
            factory = info.default_factory
            drafted = self._annotation(factory) if isinstance(factory, type) else None
            extra["default_factory"] = drafted if drafted is not None and drafted is not factory else factory
        elif not info.is_required():
            extra["default"] = info.default
        return annotation, Field(**extra)


def _compact(schema: dict[str, Any]) -> None:
    """Drop generated property titles ("By Source") and `default: null`: tokens the model reads and never
    needs (the chat template prints the schema into every prompt; optional fields stay optional)."""
    for spec in schema.get("properties", {}).values():
        spec.pop("title", None)
        if "default" in spec and spec["default"] is None:
            del spec["default"]


_CONFIG = ConfigDict(json_schema_extra=_compact)


def _models_in(annotation: Any) -> set[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {annotation}
    return {model for arg in get_args(annotation) for model in _models_in(arg)}


def _holds(annotation: Any, kind: type) -> bool:
    """`str` or `str | None` (not a list of strings)."""
    if annotation is kind:
        return True
    return get_origin(annotation) in (Union, types.UnionType) and kind in get_args(annotation)


_DERIVER = _Deriver()
ReportDraft: type[BaseModel] = _DERIVER.draft(Report)
ReportDraft.__doc__ = REPORT_DOC
GapDraft: type[BaseModel] = _Deriver(GAP_OMITTED, base=_DERIVER).draft(Report, name="GapDraft")
GapDraft.__doc__ = GAP_DOC
FigureDraft: type[BaseModel] = _DERIVER.draft(Figure)
DRAFT_OF: dict[type[BaseModel], type[BaseModel]] = dict(_DERIVER.drafts)

# Built once: instructor and the cache key both need the JSON Schema, and building it costs milliseconds.
for _draft in (ReportDraft, GapDraft):
    _draft.model_rebuild(force=True)
RESPONSE_MODELS: dict[str, type[BaseModel]] = {ReportDraft.__name__: ReportDraft, GapDraft.__name__: GapDraft}
SCHEMAS: dict[str, dict[str, Any]] = {
    ReportDraft.__name__: ReportDraft.model_json_schema(),
    GapDraft.__name__: GapDraft.model_json_schema(),
}

__all__ = ["DRAFT_OF", "GAP_OMITTED", "OMITTED", "RESPONSE_MODELS", "SCHEMAS", "FigureDraft", "GapDraft", "ReportDraft"]
