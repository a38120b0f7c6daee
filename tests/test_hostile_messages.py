"""What jixiao prints, stores and renders: no secret in it, and no file name that can forge or recolour a line."""

from __future__ import annotations

import json
import sqlite3
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from hostile import answer, good_reports, jixiao_env, model_service, run_jixiao, stored
from jixiao.cli.app import escaped
from jixiao.redaction import redact, register_secret

KEY = "zp-live-7f3a9c1e5b2d4f60"  # no recognisable shape: masked because it is the configured key
PASSWORD = "hunter2-in-the-url"

# Key-shaped test tokens are assembled here, never written whole: a secret scanner reading the repo must not
# take a test's fake for a leaked key.
FAKE_PROJECT_KEY = "-".join(["sk", "proj", "fake" * 4])
FAKE_JWT = ".".join(["eyJ" + "hbGciOiJIUzI1NiJ9", "payload", "sig"])


def echo_the_key(handler: BaseHTTPRequestHandler, body: bytes) -> None:
    """A provider that echoes the caller's credentials in its error body (some do)."""
    auth = handler.headers.get("Authorization", "")
    message = f"Invalid request. Header was '{auth}'; key {auth.removeprefix('Bearer ')} is not allowed"
    answer(handler, 400, json.dumps({"error": {"message": message, "type": "invalid_request_error"}}).encode())


def everything_written(tmp_path: Path) -> str:
    """Every byte under tmp_path (store, its WAL, review pages), as text."""
    return "\n".join(
        path.read_bytes().decode("utf-8", errors="replace") for path in tmp_path.rglob("*") if path.is_file()
    )


def test_a_key_echoed_by_the_provider_reaches_no_output_store_or_page(tmp_path: Path) -> None:
    good_reports(tmp_path / "reports", count=1)
    with model_service(echo_the_key) as service:
        base_url = service.url.replace("http://", f"http://admin:{PASSWORD}@")
        env = jixiao_env(JIXIAO_API_KEY=KEY, JIXIAO_TRANSPORT_RETRIES="0", JIXIAO_MAX_RETRIES="0")
        ran = run_jixiao("run", "reports", "--db", "j.db", "--backend", "llm", "--base-url", base_url, cwd=tmp_path,
                         env=env)  # fmt: skip
        reviewed = run_jixiao("review", "--db", "j.db", "--out", "review", cwd=tmp_path, env=env)
    assert service.requests, "the provider was asked"
    assert ran.returncode == 1 and reviewed.returncode == 0, ran.stderr + reviewed.stderr
    assert len(ran.error_lines) == 1 and "good_0.txt" in ran.error_lines[0] and "(400)" in ran.error_lines[0]
    failures = stored(tmp_path / "j.db")["failed"]
    assert len(failures) == 1 and "***" in failures[0]
    for where, text in {
        "stdout/stderr": ran.stdout + ran.stderr,
        "files": everything_written(tmp_path) + (tmp_path / "review" / "index.html").read_text(encoding="utf-8"),
    }.items():
        assert KEY not in text, where
        assert PASSWORD not in text, where


def test_an_old_store_with_a_key_in_a_failure_is_masked_when_read(tmp_path: Path) -> None:
    good_reports(tmp_path / "reports", count=1)
    assert run_jixiao("run", "reports", "--db", "j.db", cwd=tmp_path).returncode == 0
    connection = sqlite3.connect(tmp_path / "j.db")
    connection.execute(
        "INSERT INTO failures (path, extractor, reason, run_id, created_at) VALUES (?, 'llm', ?, 1, 0)",
        ("/x/old.txt", f"401 from https://u:p@api.example/v1: Incorrect API key provided: {FAKE_PROJECT_KEY}"),
    )
    connection.commit()
    connection.close()
    assert run_jixiao("review", "--db", "j.db", "--out", "review", cwd=tmp_path).returncode == 0
    index = (tmp_path / "review" / "index.html").read_text(encoding="utf-8")
    assert "Incorrect API key provided: sk-***" in index and "https://***@api.example" in index
    assert FAKE_PROJECT_KEY[8:] not in index and "u:p@" not in index


@pytest.mark.parametrize(
    ("secret", "masked"),
    [
        (f"Authorization: Bearer {FAKE_JWT}", "Authorization: Bearer ***"),
        (f"Incorrect API key provided: {FAKE_PROJECT_KEY}", "Incorrect API key provided: sk-***"),
        ("cannot connect to https://user:pa55word@llm.example/v1", "cannot connect to https://***@llm.example/v1"),
        ("GET https://api.example/v1?api_key=abcd1234efgh&x=1", "GET https://api.example/v1?api_key=***&x=1"),
        ('{"api_key": "abcd1234efgh"}', '{"api_key": "***"}'),
    ],
)
def test_key_shaped_tokens_are_masked_whoever_they_belong_to(secret: str, masked: str) -> None:
    assert redact(secret) == masked


def test_the_configured_key_is_masked_whatever_its_shape() -> None:
    register_secret("q1w2e3r4t5-zhipu.KEY")
    assert redact("bad key q1w2e3r4t5-zhipu.KEY for model") == "bad key *** for model"


def test_ordinary_reasons_are_left_alone() -> None:
    reason = "not a readable .docx (corrupt or truncated): There is no item named 'word/document.xml' in the archive"
    assert redact(reason) == reason
    assert (
        redact("token usage: 1200 prompt tokens, max_tokens=4000") == "token usage: 1200 prompt tokens, max_tokens=4000"
    )


# --- file names ------------------------------------------------------------------------------------------

FORGED = "bad\nerror: all reports are fine.txt"
RECOLOURED = "\x1b]0;pwned\x07\x1b[2J\x1b[31mred\u202etxt.exe.txt"


@pytest.mark.parametrize("command", [["run", "in", "--db", "j.db"], ["extract", "in", "--out", "out"], ["check", "in"]])
def test_file_names_are_printed_escaped_never_interpreted(tmp_path: Path, command: list[str]) -> None:
    good_reports(tmp_path / "in", count=1)
    for name in (FORGED, RECOLOURED):
        (tmp_path / "in" / name).write_bytes(b"")  # empty: each fails with one error line naming it
    ran = run_jixiao(*command, cwd=tmp_path)
    assert ran.returncode != 0
    assert len(ran.error_lines) == 2, ran.stderr
    assert "error: all reports are fine" not in ran.stderr.replace(escaped(FORGED), "")
    assert "\x1b" not in ran.stderr + ran.stdout and "\u202e" not in ran.stderr + ran.stdout
    assert any(escaped(FORGED) in line for line in ran.error_lines)
    assert any(r"\x1b]0;pwned\x07\x1b[2J\x1b[31mred\u202etxt.exe.txt" in line for line in ran.error_lines)


def test_report_text_with_rich_markup_prints_as_text(tmp_path: Path) -> None:
    """Bracketed text in a report or its name ([/], [red]) is neither markup nor a crash."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = (Path(__file__).parent / "data" / "short_report.txt").read_text(encoding="utf-8")
    text = text.replace("某县", "[/]某县[red]").replace("城镇新增就业人数", "[/bold]城镇新增就业人数")
    (folder / "[red]x[blink].txt").write_text(text.replace("实际完成210人", "实际完成150人"), encoding="utf-8")
    ran = run_jixiao("check", "in", cwd=tmp_path)
    assert ran.returncode in (0, 1), ran.stderr
    assert "[red]x[blink].txt" in ran.stdout and "Traceback" not in ran.stderr
