"""The report model is the contract between stages: its JSON Schema changes only on purpose.

After a deliberate change (and a SCHEMA_VERSION bump), regenerate the snapshot:
    python -m jixiao schema > tests/snapshots/report_schema.json
"""

from __future__ import annotations

import json
from pathlib import Path

from jixiao.batch import Job, run_batch
from jixiao.model import SCHEMA_VERSION, Report
from jixiao.sinks import FolderSink, StoreSink
from jixiao.store import Store, unpack

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


def test_every_report_written_and_stored_says_its_schema_version(tmp_path: Path) -> None:
    """A consumer reads the version from the JSON itself: `extract` and the store must never leave it out."""
    seed = Path(__file__).parents[1] / "samples" / "seed_zalantun_2025.txt"
    run_batch(FolderSink(tmp_path / "out"), [seed], Job("rules", "rules"))
    written = json.loads((tmp_path / "out" / "seed_zalantun_2025.json").read_text(encoding="utf-8"))
    with Store(tmp_path / "j.db") as store:
        run_batch(StoreSink(store), [seed], Job("rules", "rules"))
        ((packed,),) = store.database.rows("SELECT report FROM extractions")
    assert written["schema_version"] == json.loads(unpack(packed))["schema_version"] == SCHEMA_VERSION
