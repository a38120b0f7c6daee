"""Shared fixtures: paths to the bundled samples and gold labels."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path
from typing import Any

import pytest
import yaml

from store_targets import store_target

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
__all__ = ["store_target"]  # the fixture, over both store dialects
GOLD = ROOT / "eval" / "gold"
SEEDS = ["seed_erguna_2024", "seed_zalantun_2025"]
SEED_FILES = [SAMPLES / f"{seed}.txt" for seed in SEEDS]  # samples/ also holds written samples; these are real


def ctrl_c_as_in_a_terminal() -> None:
    """A child's `preexec_fn`: SIGINT back to its default. A suite started in the background (`cmd &` in a
    script, nohup) inherits SIGINT ignored, and a child that ignores Ctrl-C would just run on to the end."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture(autouse=True)
def isolated_settings(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test sees the developer's keys or endpoints, and every test gets an empty LLM cache."""
    for name in list(os.environ):
        if name.startswith(("JIXIAO_", "OPENAI_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("JIXIAO_CACHE_DIR", str(tmp_path_factory.mktemp("llm-cache")))


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture
def gold_dir() -> Path:
    return GOLD


# --- Cassettes (STYLE habit 9): readable YAML, no secrets, replay only unless --record-mode is given. ---

_KEPT_REQUEST_HEADERS = {"content-type"}
_KEPT_RESPONSE_HEADERS = {"content-type", "retry-after", "retry-after-ms"}


def _readable_json(body: object) -> object:
    """Bytes to text, and JSON re-dumped with Chinese unescaped so a reviewer can read the cassette."""
    if isinstance(body, bytes):
        body = body.decode("utf-8", errors="replace")
    if isinstance(body, str):
        try:
            return json.dumps(json.loads(body), ensure_ascii=False)
        except ValueError:
            return body
    return body


def _scrub_request(request: Any) -> Any:
    request.headers = {k: v for k, v in request.headers.items() if k.lower() in _KEPT_REQUEST_HEADERS}
    request.body = _readable_json(request.body)
    return request


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    response["headers"] = {k: v for k, v in headers.items() if k.lower() in _KEPT_RESPONSE_HEADERS}
    # vcrpy runs this hook on playback too, where httpx needs bytes; the serializer writes them as text.
    body = _readable_json(response["body"]["string"])
    response["body"]["string"] = body.encode("utf-8") if isinstance(body, str) else body
    return response


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "filter_headers": ["authorization", "api-key", "x-api-key", "cookie", "set-cookie"],
        "filter_query_parameters": ["api-key", "key"],
        "before_record_request": _scrub_request,
        "before_record_response": _scrub_response,
        "decode_compressed_response": True,
        # Host and port differ between recording (a local server on a free port) and replay.
        "match_on": ["method", "path"],
    }


class _UnicodeYaml:
    """vcrpy serializer writing YAML with Chinese left as Chinese (allow_unicode)."""

    @staticmethod
    def serialize(cassette: dict[str, Any]) -> str:
        return yaml.safe_dump(cassette, allow_unicode=True, sort_keys=False, width=120)

    @staticmethod
    def deserialize(text: str) -> dict[str, Any]:
        cassette: dict[str, Any] = yaml.safe_load(text)
        for interaction in cassette.get("interactions", []):
            body = interaction["response"]["body"]
            if isinstance(body.get("string"), str):  # httpx streams want bytes back
                body["string"] = body["string"].encode("utf-8")
        return cassette


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    vcr.register_serializer("yaml", _UnicodeYaml)
