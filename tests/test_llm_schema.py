"""The response schema is half the prompt: every field is described, and drift is caught by a snapshot."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jixiao.extract.llm.schema import ReportDraft

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
