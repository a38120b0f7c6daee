"""The second reader with the real Qwen2.5-Coder-0.5B model, replayed from cassettes, scored on labelled findings.

The cassettes hold real exchanges with the 0.5B model served by llama.cpp (`--model-file`, tools mode). The
figures below are what that model's answers score against our labels; they measure the model through the
whole pipeline (items, prompt, grounding of quotes, rule mapping). Re-record (needs jixiao[local] and
`jixiao models fetch-test-model`; slow on a busy 2-core machine):

    pytest tests/test_second_reader_replayed.py --record-mode=rewrite
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from conftest import GOLD, SAMPLES
from jixiao.documents import load_document
from jixiao.evaluation.findings import FindingsScore, raised_by_reader, score_reader
from jixiao.evaluation.gold import load_case
from jixiao.evaluation.matching import own_keys
from jixiao.extract.llm import OpenAICompletionClient
from jixiao.extract.llm.local_server import ensure_server
from jixiao.extract.llm.model_fetch import fetched_model_path
from jixiao.extract.llm.provider import endpoint_from
from jixiao.second_reader import SecondReader
from jixiao.settings import load_settings

# Short reports only: one call of the 0.5B model took minutes on the shared 2-core machine. seed_zalantun_2025
# (41 items, two labelled findings) is labelled too and left out of the recording for its length.
READER_SET = ["n_heting_2020", "n_luming_2021", "n_tongxi_2024"]
MODEL = "qwen2.5-coder-0.5b-instruct-q4_k_m"
REPLAY_URL = "http://127.0.0.1:9/v1"


@pytest.fixture(scope="module")
def reader_endpoint(record_mode: str) -> str:
    if record_mode == "none":
        return REPLAY_URL
    model = fetched_model_path()
    if model is None:
        pytest.skip("recording needs the test model: jixiao models fetch-test-model")
    return ensure_server(load_settings(model_file=model, n_ctx=4096)).base_url


@pytest.mark.vcr
def test_second_reader_precision_and_recall_on_labelled_findings(reader_endpoint: str, vcr: Any) -> None:
    settings = load_settings(
        api_key="sk-test", base_url=reader_endpoint, model=MODEL, cache=False, max_tokens=300, timeout=3600
    )
    reader = SecondReader(settings)
    total = FindingsScore()
    for stem in READER_SET:
        case = load_case(GOLD / f"{stem}.json", SAMPLES)
        assert case.sample is not None and case.expected_findings is not None
        document = load_document(case.sample)
        client = OpenAICompletionClient(endpoint_from(settings), settings)
        reading = asyncio.run(reader.read(case.report, document, client))
        for finding in reading.findings:  # whatever the model said, what reaches a reviewer is quoted and capped
            assert finding.source == "llm" and finding.severity.value in ("info", "warning")
        found = raised_by_reader(reading.findings, case.report, own_keys(case.report))
        score = score_reader(case.expected_findings, found)
        print(f"{stem}: expected {score.expected}, raised {score.raised}, met {score.expected_met}", end=", ")
        print(f"dropped {reading.dropped}")
        total = total.add(score)
    print(f"second reader, Qwen2.5-Coder-0.5B: precision {total.precision:.2f}, recall {total.recall:.2f}")
    assert total.expected == 1
    if vcr.record_mode == "none":  # what the recorded answers of the 0.5B model score (README, "The second reader")
        assert (total.raised, total.raised_correct, total.expected_met) == (2, 0, 0)
    if vcr.record_mode == "none":
        assert vcr.all_played
