"""The real-document gold: drafts and gold in step, findings pointing at gold figures, and the CI gate.

The texts are read where they are (../shared/real or $JIXIAO_REAL_DIR) and never copied into the project;
where they are absent the scoring test says so and skips, the label tests still run.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from jixiao.checks import run_checks
from jixiao.evaluation import below_thresholds, figure_slots, load_case, load_thresholds, run_eval
from jixiao.evaluation.gold import gold_document, gold_files, load_cases
from jixiao.evaluation.matching import own_keys
from jixiao.evaluation.suites import suite
from jixiao.extract import get_extractor

REAL = suite("real", ROOT)
DRAFTS = ROOT / "eval" / "real" / "drafts"
sys.path.insert(0, str(ROOT / "eval"))
import compact_gold  # noqa: E402


def test_every_real_gold_file_has_its_draft_and_is_reviewed() -> None:
    gold = {path.stem for path in gold_files(REAL.gold_dir)}
    drafts = {path.stem for path in DRAFTS.glob("*.yaml")}
    assert len(gold) >= 40
    assert gold == drafts
    for path in gold_files(REAL.gold_dir):
        assert json.loads(path.read_text(encoding="utf-8"))["gold"]["reviewed"], path


@pytest.mark.skipif(not REAL.samples_dir.is_dir(), reason=f"the real texts are not at {REAL.samples_dir}")
@pytest.mark.parametrize("draft", sorted(DRAFTS.glob("*.yaml")), ids=lambda p: p.stem)
def test_gold_is_what_its_draft_says(draft: Path) -> None:
    """The gold JSON is written from the draft: editing one without the other is caught here."""
    report, label = compact_gold.report_of(yaml.safe_load(draft.read_text(encoding="utf-8")))
    written = json.loads((REAL.gold_dir / f"{draft.stem}.json").read_text(encoding="utf-8"))
    made = gold_document(report, label)
    made.pop("schema_version"), written.pop("schema_version")  # the model grew since; the labels did not change
    assert made == written


@pytest.mark.parametrize("gold_path", gold_files(REAL.gold_dir), ids=lambda p: p.stem)
def test_expected_findings_name_figures_of_their_gold(gold_path: Path) -> None:
    case = load_case(gold_path, REAL.samples_dir)
    keys = own_keys(case.report)
    paths = {slot.path for slot in figure_slots(case.report, keys)}
    paths |= {f"indicators[{key}].{part}" for key in keys.indicators for part in ("name", "category")}
    for expected in case.expected_findings or []:
        assert expected.path is None or expected.path in paths, expected


@pytest.mark.skipif(not REAL.samples_dir.is_dir(), reason=f"the real texts are not at {REAL.samples_dir}")
def test_rules_backend_meets_the_real_thresholds() -> None:
    cases, notes = load_cases(REAL.gold_dir, REAL.samples_dir)
    assert len(cases) >= 40, notes
    run = run_eval(cases, get_extractor("rules"), backend="rules", checker=run_checks)
    limits = load_thresholds(ROOT / "eval" / "thresholds.toml", "rules", "real")
    assert "facts.f1" in limits
    assert below_thresholds(run, limits) == []
