"""Writes the hand-written cassettes of tests/test_llm_cassettes.py (run: python tests/cassettes/write_handwritten.py).

These are the error cases a real server cannot be made to produce on demand (429, 500, 401, output that fails
validation). The successful answers in them are written in the exact shape llama.cpp's server answers, with
hand-made arguments; every file starts with a `# HAND-WRITTEN` comment and its name ends in `_handwritten`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent / "test_llm_cassettes"
URI = "http://127.0.0.1:9/v1/chat/completions"
MODEL = "SmolLM2-135M-Instruct.Q4_1"

GOOD = {
    "title": "某县2024年度就业补助资金绩效自评报告",
    "region": "某县",
    "fund": "就业补助资金",
    "year": 2024,
    "funding": {
        "budget": {"total": {"text": "150.00万元", "value": 150.0, "unit": "万元", "op": None}, "by_source": []},
        "executed": {"total": {"text": "140.00万元", "value": 140.0, "unit": "万元", "op": None}, "by_source": []},
        "execution_rate": {"text": "93.33%", "value": 93.33, "unit": "%", "op": None},
    },
    "indicators": [
        {
            "level1": "产出指标",
            "name": "城镇新增就业人数",
            "target": {"text": "≥200人", "value": 200, "unit": "人", "op": "≥"},
            "actual": {"text": "210人", "value": 210, "unit": "人", "op": None},
        }
    ],
}


def completion(arguments: str, number: int, *, json_mode: bool = False) -> dict[str, Any]:
    call = {"name": "ReportDraft", "arguments": arguments}
    message: dict[str, Any] = {
        "content": None,
        "tool_calls": [{"id": f"call_handwritten_{number}", "type": "function", "function": call}],
        "role": "assistant",
    }
    if json_mode:  # json mode: the answer is the message text
        message = {"content": arguments, "role": "assistant"}
    return {
        "id": f"chatcmpl-handwritten-{number}",
        "object": "chat.completion",
        "created": 1795500000,
        "model": MODEL,
        "choices": [
            {
                "index": 0,
                "message": message,
                "logprobs": None,
                "finish_reason": "stop" if json_mode else "tool_calls",
            }
        ],
        "usage": {"prompt_tokens": 1900, "completion_tokens": 150, "total_tokens": 2050},
    }


def interaction(status: int, message: str, body: dict[str, Any], headers: dict[str, str] | None = None) -> dict:
    return {
        "request": {"method": "POST", "uri": URI, "body": "(hand-written: request not recorded)", "headers": {}},
        "response": {
            "status": {"code": status, "message": message},
            "headers": {"content-type": ["application/json"], **{k: [v] for k, v in (headers or {}).items()}},
            "body": {"string": json.dumps(body, ensure_ascii=False)},
        },
    }


def ok(arguments: dict[str, Any] | str, number: int) -> dict:
    text = arguments if isinstance(arguments, str) else json.dumps(arguments, ensure_ascii=False)
    return interaction(200, "OK", completion(text, number))


def error(status: int, message: str, text: str, headers: dict[str, str] | None = None) -> dict:
    return interaction(status, message, {"error": {"message": text, "type": "server_error"}}, headers)


CASSETTES = {
    "test_json_mode_answer_in_message_content_handwritten": (
        "json mode (e.g. DeepSeek with JIXIAO_MODE=json): the answer is JSON in the message content",
        [interaction(200, "OK", completion(json.dumps(GOOD, ensure_ascii=False), 1, json_mode=True))],
    ),
    "test_invalid_output_is_reasked_and_fixed_handwritten": (
        "the first answer gives year as words (fails int validation); the re-ask's answer fixes it",
        [ok({**GOOD, "year": "二〇二四年度"}, 1), ok(GOOD, 2)],
    ),
    "test_rate_limit_429_is_retried_after_the_servers_wait_handwritten": (
        "429 with Retry-After: 2, then a good answer",
        [error(429, "Too Many Requests", "Rate limit reached", {"retry-after": "2"}), ok(GOOD, 1)],
    ),
    "test_server_error_500_is_retried_with_backoff_handwritten": (
        "two 500/503 answers, then a good answer",
        [
            error(500, "Internal Server Error", "internal error"),
            error(503, "Service Unavailable", "overloaded"),
            ok(GOOD, 1),
        ],
    ),
    "test_unauthorized_fails_at_once_handwritten": (
        "401: the key is refused; no retry may follow",
        [error(401, "Unauthorized", "Incorrect API key provided")],
    ),
    "test_garbage_never_validates_and_the_batch_goes_on_handwritten": (
        "three answers that are not JSON for report a (1 try + 2 re-asks), then a good answer for report b",
        [
            ok("这不是JSON，模型在胡言乱语 {{{", 1),
            ok("仍然不是JSON ]]", 2),
            ok("还是不是JSON", 3),
            ok({**GOOD, "title": "某旗2024年度就业补助资金绩效自评报告", "region": "某旗"}, 4),
        ],
    ),
}


def main() -> None:
    HERE.mkdir(parents=True, exist_ok=True)
    for name, (what, interactions) in CASSETTES.items():
        header = f"# HAND-WRITTEN cassette (tests/cassettes/write_handwritten.py), not a recording: {what}.\n"
        text = yaml.safe_dump({"version": 1, "interactions": interactions}, allow_unicode=True, sort_keys=False)
        (HERE / f"{name}.yaml").write_text(header + text, encoding="utf-8")


if __name__ == "__main__":
    main()
