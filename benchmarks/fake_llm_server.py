"""A local OpenAI-compatible chat server on 127.0.0.1 that answers every request after a fixed delay.

For the llm half of the batch benchmark: the delay stands in for a model's answer time, so what remains of
a report's wall time is our own overhead. It answers tool calls (instructor's default mode) with the
function name the request asked for and a fixed, valid report draft. It counts requests and the peak
number in flight. Binds to loopback only, and stops when its context exits.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

DRAFT: dict[str, Any] = {
    "title": "2025年度就业补助资金绩效自评报告",
    "region": "扎兰屯市",
    "fund": "就业补助资金",
    "year": 2025,
    "funding": {
        "budget": {"total": {"text": "3877.67万元", "value": 3877.67, "unit": "万元"}},
        "executed": {"total": {"text": "3861.14万元", "value": 3861.14, "unit": "万元"}},
        "execution_rate": {"text": "99.57%", "value": 99.57, "unit": "%"},
    },
    "indicators": [
        {
            "level1": "产出指标",
            "level2": "数量指标",
            "name": "社会保险补贴人数",
            "target": {"text": "2300人", "value": 2300, "unit": "人"},
            "actual": {"text": "2781人", "value": 2781, "unit": "人"},
        }
    ],
}


@dataclass
class Counters:
    requests: int = 0
    in_flight: int = 0
    peak: int = 0
    prompt_tokens: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


TokenCounter = Callable[[dict[str, Any]], int]


def _handler(delay: float, counters: Counters, count: TokenCounter | None = None) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # keep the benchmark output clean
            pass

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
            with counters.lock:
                counters.requests += 1
                counters.in_flight += 1
                counters.peak = max(counters.peak, counters.in_flight)
            time.sleep(delay)
            with counters.lock:
                counters.in_flight -= 1
            self._answer(body)

        def _answer(self, body: dict[str, Any]) -> None:
            arguments = json.dumps(DRAFT, ensure_ascii=False)
            prompt = count(body) if count is not None else 1000
            with counters.lock:
                counters.prompt_tokens += prompt
            message: dict[str, Any] = {"role": "assistant", "content": None}
            tools = body.get("tools") or []
            if tools:
                name = tools[0]["function"]["name"]
                message["tool_calls"] = [
                    {"id": "call_1", "type": "function", "function": {"name": name, "arguments": arguments}}
                ]
                finish = "tool_calls"
            else:
                message["content"] = arguments
                finish = "stop"
            answer = {
                "id": "chatcmpl-bench",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": body.get("model", "bench-model"),
                "choices": [{"index": 0, "message": message, "finish_reason": finish}],
                "usage": {"prompt_tokens": prompt, "completion_tokens": 200, "total_tokens": prompt + 200},
            }
            data = json.dumps(answer, ensure_ascii=False).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


@contextmanager
def serve(delay: float, count: TokenCounter | None = None) -> Iterator[tuple[str, Counters]]:
    """Run the server in a thread; yield its base URL (…/v1) and its counters.

    `count` turns a request body into its prompt tokens (answered as usage); without it every request
    says 1000."""
    counters = Counters()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(delay, counters, count))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", counters
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":  # a server in its own process (so its CPU is not counted as the client's)
    import sys

    with serve(float(sys.argv[1]) if len(sys.argv) > 1 else 0.0) as (url, _):
        print(url, flush=True)
        threading.Event().wait()
