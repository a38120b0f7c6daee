"""The report model is the contract between stages: its JSON Schema changes only on purpose.

After a deliberate change (and a SCHEMA_VERSION bump), regenerate the snapshot:
    python -m jixiao schema > tests/snapshots/report_schema.json
"""

from __future__ import annotations

import json
from pathlib import Path

from jixiao.model import SCHEMA_VERSION, Report

SNAPSHOT = Path(__file__).parent / "snapshots" / "report_schema.json"


def test_report_schema_matches_the_snapshot() -> None:
    assert Report.model_json_schema() == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_every_field_is_described_or_a_plain_container() -> None:
    schema = Report.model_json_schema()
    undescribed = [
        f"{model}.{name}"
        for model, definition in [("Report", schema), *schema["$defs"].items()]
        for name, field in definition.get("properties", {}).items()
        if "description" not in field and model in ("Report", "Indicator", "Figure", "Funding", "SpendingItem")
    ]
    assert undescribed == []


def test_the_schema_version_is_in_every_report() -> None:
    assert Report.model_fields["schema_version"].default == SCHEMA_VERSION
