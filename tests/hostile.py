"""Helpers of the hostile-input tests: good reports to read beside the hostile files, what a store holds,
and a local model service that misbehaves on purpose. The hostile files themselves and the measured runner
live in benchmarks/hostile_files.py (the benchmark uses them too)."""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from hostile_files import *  # noqa: E402, F403  (the builders and run_jixiao, re-exported for the tests)

GOOD_REPORT = Path(__file__).parent / "data" / "short_report.txt"


def good_reports(folder: Path, count: int = 2) -> list[Path]:
    """Ordinary reports that must still be read beside the hostile ones."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"good_{number}.txt"
        path.write_text(GOOD_REPORT.read_text(encoding="utf-8").replace("某县", f"第{number}县"), encoding="utf-8")
        paths.append(path)
    return paths


def stored(db: Path) -> dict[str, list[str]]:
    """What a store holds: the paths done and the failures with their reasons."""
    connection = sqlite3.connect(db)
    try:
        done = [row[0] for row in connection.execute("SELECT path FROM documents ORDER BY path")]
        failed = [f"{p}: {r}" for p, r in connection.execute("SELECT path, reason FROM failures ORDER BY path")]
    finally:
        connection.close()
    return {"done": done, "failed": failed}


# --- a hostile model service --------------------------------------------------------------------------


@dataclass
class Service:
    """A local HTTP service standing in for a model provider; `behave(handler)` answers each request."""

    url: str
    requests: list[dict[str, object]]


@contextmanager
def model_service(behave: Callable[[BaseHTTPRequestHandler, bytes], None]) -> Iterator[Service]:
    """Serve on 127.0.0.1 with a free port; every POST body is read, recorded, and answered by `behave`."""
    requests: list[dict[str, object]] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            requests.append({"path": self.path, "headers": dict(self.headers), "size": len(body)})
            try:
                behave(self, body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Service(url=f"http://127.0.0.1:{server.server_address[1]}/v1", requests=requests)
    finally:
        server.shutdown()
        server.server_close()


def answer(handler: BaseHTTPRequestHandler, status: int, body: bytes, content_type: str = "application/json") -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)
