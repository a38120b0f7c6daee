"""Gold labels: hand-checked reports under `eval/gold/`, one per sample, plus their expected findings.

`eval/gold/<stem>.json` is a Report (spans, found_by and grounding left out) with a top-level `gold` block
`{"reviewed": bool, "labelled_by": "...", "notes": "..."}`; the Report model ignores the block. The sample
is `samples/<stem>.<ext>` (stems are unique across extensions). `eval/gold/<stem>.findings.json`, when
present, lists the findings a reviewer expects: `[{"rule": "...", "path": "..."}]`, where `path` is the
stable fact path of the figure the finding names (see `facts`), e.g. `funding.budget.total` or
`indicators[就业补助资金/城镇新增就业人数].actual`, or null for a finding about the report as a whole.
Only reviewed gold is scored: a draft (`reviewed: false`) is skipped with a note.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from jixiao.errors import InputError
from jixiao.model import Report

FINDINGS_SUFFIX = ".findings.json"


class GoldLabel(BaseModel):
    reviewed: bool = Field(description="已人工核对（false 为草稿，不计分）")
    labelled_by: str = Field(description="标注人或来源，如 hand、draft:rules")
    notes: str = Field(default="", description="标注说明")


class ExpectedFinding(BaseModel):
    rule: str = Field(description="规则编号")
    path: str | None = Field(default=None, description="所指数值的稳定路径；null 表示整篇报告")
    severity: str | None = Field(default=None, description="审核人认为应有的级别：error / warning（缺省按规则）")
    note: str = Field(default="", description="为何应提出（审核人的理由）")


@dataclass
class GoldCase:
    stem: str
    gold_path: Path
    report: Report
    label: GoldLabel
    sample: Path | None
    expected_findings: list[ExpectedFinding] | None = None  # None: no findings file
    problems: list[str] = field(default_factory=list)


def find_sample(samples_dir: Path, stem: str) -> Path | None:
    """The sample with this stem, whatever its extension."""
    found = sorted(p for p in samples_dir.glob(f"{stem}.*") if p.is_file() and p.stem == stem)
    return found[0] if found else None


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(path, f"cannot read gold JSON ({error})") from error


def load_expected_findings(path: Path) -> list[ExpectedFinding]:
    data = _read_json(path)
    if not isinstance(data, list):
        raise InputError(path, "expected a JSON list of {rule, path}")
    try:
        return [ExpectedFinding.model_validate(item) for item in data]
    except ValidationError as error:
        raise InputError(path, f"invalid expected finding: {error.errors()[0]['msg']}") from error


def load_case(gold_path: Path, samples_dir: Path) -> GoldCase:
    """One gold file, its label block, its sample and its expected findings (if any)."""
    data = _read_json(gold_path)
    if not isinstance(data, dict) or "gold" not in data:
        raise InputError(gold_path, "not a gold file (no top-level 'gold' block)")
    try:
        label = GoldLabel.model_validate(data["gold"])
        report = Report.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise InputError(gold_path, f"invalid gold report at {where}: {first['msg']}") from error
    stem = gold_path.name.removesuffix(".json")
    findings_path = gold_path.with_name(stem + FINDINGS_SUFFIX)
    expected = load_expected_findings(findings_path) if findings_path.exists() else None
    return GoldCase(stem, gold_path, report, label, find_sample(samples_dir, stem), expected)


def gold_files(gold_dir: Path) -> list[Path]:
    return sorted(p for p in gold_dir.glob("*.json") if not p.name.endswith(FINDINGS_SUFFIX))


def load_cases(gold_dir: Path, samples_dir: Path) -> tuple[list[GoldCase], list[str]]:
    """Reviewed cases with a sample, and a note for each gold file left out (draft, no sample, unreadable)."""
    cases: list[GoldCase] = []
    notes: list[str] = []
    for path in gold_files(gold_dir):
        try:
            case = load_case(path, samples_dir)
        except InputError as error:
            notes.append(str(error))
            continue
        if not case.label.reviewed:
            notes.append(f"{path}: not reviewed (gold.reviewed is false), left out of the scores")
        elif case.sample is None:
            notes.append(f"{path}: no sample named {case.stem}.* in {samples_dir}, left out")
        elif hashlib.sha256(case.sample.read_bytes()).hexdigest() != case.report.source.sha256:
            notes.append(f"{path}: {case.sample} changed since it was labelled (SHA-256 differs), left out")
        else:
            cases.append(case)
    return cases, notes


_DROPPED = {"span", "found_by", "grounding", "candidates", "disagreements"}  # never gold: what a model said


def _strip(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _strip(value) for key, value in node.items() if key not in _DROPPED}
    if isinstance(node, list):
        return [_strip(item) for item in node]
    return node


def gold_document(report: Report, label: GoldLabel) -> dict[str, Any]:
    """A report as a gold file holds it: the gold block first, then the report without spans."""
    return {"gold": label.model_dump(), **_strip(report.model_dump(mode="json"))}


def is_reviewed(gold_path: Path) -> bool:
    """Whether an existing gold file says a person has checked it (unreadable files count as reviewed)."""
    try:
        data = json.loads(gold_path.read_text(encoding="utf-8"))
        return bool(data["gold"]["reviewed"])
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError):
        return True
