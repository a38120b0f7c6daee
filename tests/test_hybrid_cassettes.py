"""Hybrid through the real openai + instructor boundary, replayed from a cassette of the real Qwen model.

The cassette holds a real exchange with Qwen2.5-Coder-0.5B-Instruct (Q4_K_M) served by llama.cpp: the rules
report's unread passage goes out with the gap prompt and schema; what comes back is whatever that model
said. The test checks the plumbing (what was sent, grounding in the passage, merge without overwriting),
never the model's accuracy. Re-record (needs jixiao[local] and `jixiao models fetch-test-model`):

    pytest tests/test_hybrid_cassettes.py --record-mode=rewrite
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from jixiao.extract.hybrid import HybridExtractor
from jixiao.extract.llm import OpenAICompletionClient, load_prompt
from jixiao.extract.llm.local_server import ensure_server
from jixiao.extract.llm.model_fetch import fetched_model_path
from jixiao.extract.llm.provider import endpoint_from
from jixiao.extract.llm.schema import GapDraft
from jixiao.extract.rules import extract_rules
from jixiao.model import Grounding, figures_of
from jixiao.settings import load_settings
from test_hybrid import TEXT, TRAINING, document, rules_with

MODEL = "qwen2.5-coder-0.5b-instruct-q4_k_m"
REPLAY_URL = "http://127.0.0.1:9/v1"


CASSETTE = Path(__file__).parent / "cassettes" / "test_hybrid_cassettes"


@pytest.fixture(scope="module")
def qwen_endpoint(record_mode: str) -> str:
    if record_mode == "none":
        if not any(CASSETTE.glob("*.yaml")):
            pytest.skip("no recording of the Qwen model yet: see the module docstring to record it")
        return REPLAY_URL
    model = fetched_model_path()
    if model is None:
        pytest.skip("recording needs the test model: jixiao models fetch-test-model")
    return ensure_server(load_settings(model_file=model, n_ctx=4096)).base_url


@pytest.mark.vcr
def test_hybrid_sends_the_unread_passage_and_merges_the_grounded_answer(qwen_endpoint: str, vcr: Any) -> None:
    settings = load_settings(
        api_key="sk-test", base_url=qwen_endpoint, model=MODEL, cache=False, max_tokens=300, timeout=3600
    )

    def make() -> OpenAICompletionClient:
        return OpenAICompletionClient(endpoint_from(settings), settings)

    extractor = HybridExtractor(settings, client_factory=make, rules=rules_with(TRAINING))
    doc = document()
    report = extractor(doc)
    [request] = [json.loads(r.body) for r in vcr.requests]
    system = load_prompt("extract_gaps").messages("")[0]["content"]
    assert request["messages"][0]["content"] == system, "the gap prompt changed since recording: re-record"
    assert request["tools"][0]["function"]["parameters"]["$defs"] == GapDraft.model_json_schema()["$defs"]
    user = request["messages"][1]["content"]
    assert TRAINING in user and "全县筹集就业补助资金" not in user
    usage = report.extractor.usage
    assert usage is not None and usage.calls == 1 and usage.prompt_tokens > 1000
    rules = dict(figures_of(extract_rules(doc)))
    passage = (TEXT.index(TRAINING), TEXT.index(TRAINING) + len(TRAINING))
    for path, figure in figures_of(report):
        if figure.found_by == "llm":  # the model's figures stand in the passage it was shown
            assert figure.span is not None and passage[0] <= figure.span.start < passage[1]
            assert figure.grounding in (Grounding.EXACT, Grounding.NORMALISED)
        else:
            assert rules[path] == figure
    if vcr.record_mode == "none":
        assert vcr.all_played
