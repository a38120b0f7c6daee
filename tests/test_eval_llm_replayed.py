"""The eval drives the llm backend end to end, offline, from a recorded cassette; its numbers say replayed.

The cassette holds real exchanges with SmolLM2-135M-Instruct (see test_llm_cassettes): a tiny English model
reading Chinese, so the score measures the plumbing (eval → llm backend → validation → grounding → scoring),
never extraction quality. Re-record: `pytest tests/test_eval_llm_replayed.py --record-mode=rewrite`.
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import GOLD, SAMPLES
from jixiao.checks import run_checks
from jixiao.evaluation import load_cases, run_eval
from jixiao.extract import get_extractor
from test_llm_cassettes import TEST_MODEL, all_played, endpoint, settings_for  # noqa: F401  (fixtures)

SAMPLE = "n_luming_2021"


@pytest.mark.vcr
def test_llm_backend_eval_runs_offline_and_is_labelled_replayed(endpoint: str, all_played: Any) -> None:  # noqa: F811
    settings = settings_for(endpoint, max_tokens=700, max_retries=1, timeout=1200)
    cases = [case for case in load_cases(GOLD, SAMPLES)[0] if case.stem == SAMPLE]
    run = run_eval(
        cases,
        get_extractor("llm", settings),
        backend="llm",
        model=settings.model,
        replayed=True,
        checker=run_checks,
    )
    assert (run.backend, run.model, run.replayed) == ("llm", TEST_MODEL, True)
    assert run.mode == "replayed (cassettes, not model accuracy)"
    [sample] = run.samples
    assert sample.facts.facts.gold == 30  # the gold's facts, whatever the model answered
    assert (sample.error is None) == (run.prompt_version is not None)
    assert 0.0 <= run.overall.facts.f1 <= 1.0
