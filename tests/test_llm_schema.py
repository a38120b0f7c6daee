"""The response schema is half the prompt: every field is described, and drift is caught by a snapshot."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from jixiao.extract.llm.schema import DRAFT_OF, OMITTED, SCHEMAS, GapDraft, ReportDraft

SNAPSHOT = Path(__file__).parent / "snapshots" / "report_draft_schema.json"


def _properties(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    found = [("ReportDraft", name, spec) for name, spec in schema["properties"].items()]
    for model, definition in schema.get("$defs", {}).items():
        found.extend((model, name, spec) for name, spec in definition.get("properties", {}).items())
    return found


def test_every_field_has_a_description() -> None:
    missing = [
        f"{model}.{name}"
        for model, name, spec in _properties(ReportDraft.model_json_schema())
        if not spec.get("description")
    ]
    assert missing == []


def test_schema_matches_the_snapshot() -> None:
    """Changing the schema changes what the model is asked: update the snapshot and bump the prompt version."""
    current = json.dumps(ReportDraft.model_json_schema(), ensure_ascii=False, indent=1, sort_keys=True)
    assert current + "\n" == SNAPSHOT.read_text(encoding="utf-8")


def _fields(model: type[BaseModel]) -> dict[str, str | None]:
    return {name: info.description for name, info in model.model_fields.items()}


def test_the_draft_matches_the_report_model_field_for_field_descriptions_included() -> None:
    """Every report-model class has a draft with the same fields (less those jixiao sets) and descriptions."""
    pairs = [(model, draft) for model, draft in DRAFT_OF.items()]
    assert {model.__name__ for model, _ in pairs} >= {
        "Report",
        "Funding",
        "FundingLine",
        "SourceAmount",
        "SpendingItem",
        "Indicator",
        "NamedFigure",
        "Figure",
    }
    for model, draft in pairs:
        expected = {
            name: description
            for name, description in _fields(model).items()
            if name not in OMITTED.get(model.__name__, frozenset())
        }
        assert _fields(draft) == expected, model.__name__


def test_programme_breakdown_weight_and_score_are_asked_for() -> None:
    indicator = ReportDraft.model_json_schema()["$defs"]["IndicatorDraft"]["properties"]
    assert {"program", "breakdown", "weight", "score", "deviation_reason"} <= set(indicator)
    assert "execution_score" in ReportDraft.model_json_schema()["$defs"]["FundingDraft"]["properties"]


def test_the_gap_schema_is_the_report_schema_less_the_header_and_what_passages_rarely_hold() -> None:
    assert set(GapDraft.model_fields) == set(ReportDraft.model_fields) - {"title", "region", "fund", "year"}
    gap, full = GapDraft.model_json_schema()["$defs"], ReportDraft.model_json_schema()["$defs"]
    assert set(gap["IndicatorDraft"]["properties"]) == set(full["IndicatorDraft"]["properties"]) - {
        "deviation_reason",
        "breakdown",
    }
    assert set(gap["FundingDraft"]["properties"]) == set(full["FundingDraft"]["properties"]) - {"initial"}
    for name, spec in gap["IndicatorDraft"]["properties"].items():  # same descriptions: one derivation
        assert spec == full["IndicatorDraft"]["properties"][name]


def test_every_string_and_list_is_capped_so_a_small_model_cannot_loop() -> None:
    text = json.dumps(ReportDraft.model_json_schema())
    schema = ReportDraft.model_json_schema()
    for definition in [schema, *schema["$defs"].values()]:
        for name, spec in definition.get("properties", {}).items():
            options = spec.get("anyOf", [spec])
            for option in options:
                if option.get("type") == "string":
                    assert "maxLength" in option, name
                if option.get("type") == "array":
                    assert "maxItems" in option, name
    assert '"title": "By Source"' not in text  # generated titles are left out


def test_the_schemas_are_built_once() -> None:
    assert SCHEMAS["ReportDraft"] == ReportDraft.model_json_schema()
    assert SCHEMAS["GapDraft"] == GapDraft.model_json_schema()


def test_both_schemas_share_one_figure_draft() -> None:
    """Grounding recognises a figure by its draft class: the gap schema must not make a second one."""
    from jixiao.extract.llm.schema import FigureDraft

    assert GapDraft.model_fields["total_score"].annotation == FigureDraft | None


def test_instructors_async_validator_check_walks_each_model_once_and_still_refuses() -> None:
    """instructor walked the response model six times per request; remembered, a passing model is walked once
    and a model with an async validator is still refused every time."""
    from instructor.v2.core import patch
    from instructor.v2.validation import async_validators

    from jixiao.extract.llm.client import prepared, remember_async_validator_check

    check = remember_async_validator_check()
    assert check is not None and async_validators.reject_async_validators is check
    assert remember_async_validator_check() is check  # installed once, whoever makes a client
    assert patch.reject_async_validators is check  # where instructor's create looks it up

    class WithAsync(BaseModel):
        name: str

        @async_validators.async_field_validator("name")
        async def checked(self, value: str) -> None: ...

    class Plain(BaseModel):  # a class no other test has asked with, so its first walk is this test's
        name: str

    walked: list[Any] = []
    original = check.walk
    check.walk = lambda model: (walked.append(model), original(model))[1]
    try:
        for _ in range(3):
            check(prepared(Plain))
        for _ in range(2):
            with pytest.raises(ValueError, match="async validators"):
                check(WithAsync)
    finally:
        check.walk = original
    assert walked == [prepared(Plain), WithAsync, WithAsync]
