"""CI gate: the rules backend's eval over every reviewed gold sample stays at or above eval/thresholds.toml.

Also keeps the labels honest: each gold file names the exact bytes it was labelled from, and each expected
finding names a figure its gold report has.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import GOLD, ROOT, SAMPLES
from jixiao.checks import run_checks
from jixiao.documents import load_document
from jixiao.evaluation import (
    below_thresholds,
    figure_slots,
    load_case,
    load_cases,
    load_thresholds,
    own_keys,
    run_eval,
)
from jixiao.evaluation.gold import gold_files
from jixiao.extract import get_extractor

THRESHOLDS = ROOT / "eval" / "thresholds.toml"


def test_the_labelled_set_has_every_reviewed_gold_with_its_sample() -> None:
    cases, notes = load_cases(GOLD, SAMPLES)
    assert len(cases) >= 14
    assert not [note for note in notes if "not reviewed" not in note], notes


@pytest.mark.parametrize("gold_path", gold_files(GOLD), ids=lambda p: p.stem)
def test_gold_was_labelled_from_the_sample_as_it_is(gold_path: Path) -> None:
    case = load_case(gold_path, SAMPLES)
    assert case.sample is not None, f"no sample for {case.stem}"
    assert hashlib.sha256(case.sample.read_bytes()).hexdigest() == case.report.source.sha256


@pytest.mark.parametrize("gold_path", gold_files(GOLD), ids=lambda p: p.stem)
def test_expected_findings_name_figures_of_their_gold(gold_path: Path) -> None:
    case = load_case(gold_path, SAMPLES)
    keys = own_keys(case.report)
    paths = {slot.path for slot in figure_slots(case.report, keys)}
    paths |= {f"indicators[{key}].{part}" for key in keys.indicators for part in ("name", "category")}
    for expected in case.expected_findings or []:
        assert expected.path is None or expected.path in paths, expected


def test_rules_backend_meets_the_thresholds() -> None:
    cases, _ = load_cases(GOLD, SAMPLES)
    run = run_eval(cases, get_extractor("rules"), backend="rules", checker=run_checks)
    limits = load_thresholds(THRESHOLDS, "rules")
    assert "facts.f1" in limits
    assert below_thresholds(run, limits) == []


@pytest.mark.parametrize("gold_path", gold_files(GOLD), ids=lambda p: p.stem)
def test_every_gold_figure_is_printed_in_its_sample(gold_path: Path) -> None:
    case = load_case(gold_path, SAMPLES)
    assert case.sample is not None
    text = load_document(case.sample).text
    missing = [slot.path for slot in figure_slots(case.report, own_keys(case.report)) if slot.figure.text not in text]
    assert missing == []
