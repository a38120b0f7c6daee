"""The eval's result file: what ran (backend, model, prompt version, commit, time), and every score.

Results are written to `eval/results/<timestamp>-<backend>.json` so that two runs can be compared
metric by metric (`jixiao eval --compare A.json B.json`).
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from jixiao.errors import InputError
from jixiao.evaluation.facts import FAMILIES
from jixiao.evaluation.findings import FindingsScore
from jixiao.evaluation.from_review import RulePrecision
from jixiao.evaluation.metrics import FactScore
from jixiao.evaluation.mutations import MutationScore


class SampleResult(BaseModel):
    stem: str
    sample: str
    error: str | None = Field(default=None, description="extraction failed: every gold fact counts as missed")
    facts: FactScore
    findings: FindingsScore | None = Field(default=None, description="checks on the extracted report")
    findings_on_gold: FindingsScore | None = Field(default=None, description="checks on the gold report")
    mutations: MutationScore | None = None
    seconds: float = 0.0


class EvalRun(BaseModel):
    backend: str
    suite: str = Field(default="own", description="own samples or real documents (evaluation.suites)")
    model: str | None = None
    prompt_version: str | None = None
    replayed: bool = Field(default=False, description="LLM answers replayed from cassettes, not a live model")
    git_commit: str | None = None
    timestamp: str
    schema_version: str
    samples: list[SampleResult] = Field(default_factory=list)
    overall: FactScore = Field(default_factory=FactScore)
    findings: FindingsScore | None = None
    findings_on_gold: FindingsScore | None = None
    mutations: MutationScore | None = None
    notes: list[str] = Field(default_factory=list)
    review: list[RulePrecision] = Field(
        default_factory=list, description="each rule's precision from review decisions (jixiao eval --db)"
    )

    @property
    def mode(self) -> str:
        """How to read the numbers: a live model, replayed cassettes, or a deterministic backend."""
        if self.replayed:
            return "replayed (cassettes, not model accuracy)"
        return "live model" if self.model else "deterministic"


def metric_values(run: EvalRun) -> dict[str, float | None]:
    """The run's headline numbers under the names thresholds and comparisons use."""
    values: dict[str, float | None] = {
        "facts.precision": run.overall.facts.precision,
        "facts.recall": run.overall.facts.recall,
        "facts.f1": run.overall.facts.f1,
    }
    for name in FAMILIES:
        counts = run.overall.families.get(name)
        values[f"family.{name}"] = counts.accuracy if counts else None
    for prefix, findings in (("findings", run.findings), ("findings_on_gold", run.findings_on_gold)):
        values[f"{prefix}.precision"] = findings.precision if findings else None
        values[f"{prefix}.recall"] = findings.recall if findings else None
        values[f"{prefix}.error_precision"] = findings.error_precision if findings else None
        values[f"{prefix}.warning_precision"] = findings.warning_precision if findings else None
    values["mutations.detected"] = run.mutations.total.rate if run.mutations else None
    return values


def write_run(run: EvalRun, results_dir: Path) -> Path:
    results_dir.mkdir(parents=True, exist_ok=True)
    stamp = run.timestamp.replace(":", "").replace("-", "")
    path = results_dir / f"{stamp}-{run.backend}-{run.suite}.json"
    path.write_text(run.model_dump_json(indent=1), encoding="utf-8")
    return path


def load_run(path: Path) -> EvalRun:
    try:
        return EvalRun.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read eval result ({error})") from error
    except (ValidationError, json.JSONDecodeError) as error:
        raise InputError(path, "not an eval result file (see jixiao eval)") from error


class Change(BaseModel):
    name: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before


def compare_runs(before: EvalRun, after: EvalRun) -> list[Change]:
    """Headline metrics, then the F1 of every sample either run scored."""
    old, new = metric_values(before), metric_values(after)
    changes = [Change(name=name, before=old.get(name), after=new.get(name)) for name in old]
    old_samples = {s.stem: s.facts.facts.f1 for s in before.samples}
    new_samples = {s.stem: s.facts.facts.f1 for s in after.samples}
    for stem in sorted(set(old_samples) | set(new_samples)):
        changes.append(Change(name=f"sample {stem} f1", before=old_samples.get(stem), after=new_samples.get(stem)))
    return changes
