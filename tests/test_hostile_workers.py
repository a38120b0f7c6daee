"""Each file is read in a worker under a memory and a time cap: a bomb, a file that runs for minutes or a dead
worker is one file's failure; the batch finishes, the file is held back until it changes, nothing is left."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from hostile import (
    answer,
    flate_bomb_pdf,
    good_reports,
    jixiao_env,
    model_service,
    run_jixiao,
    session_processes,
    slow_report,
    stored,
)
from jixiao.isolation import IsolatedRunner, Limits, WorkerLost

CAPS = {"JIXIAO_FILE_MEMORY_MB": "700", "JIXIAO_FILE_TIMEOUT": "4"}


def test_a_decompression_bomb_fails_alone_within_the_memory_cap(tmp_path: Path) -> None:
    good = good_reports(tmp_path / "reports")
    bomb = flate_bomb_pdf(tmp_path / "reports" / "bomb.pdf", 1_500)  # 1.5 GB of content in a 1.5 MB file
    ran = run_jixiao("run", "reports", "--db", "j.db", cwd=tmp_path, env=jixiao_env(**CAPS), timeout=300)
    assert ran.returncode == 1, ran.stderr
    assert len(ran.error_lines) == 1 and str(bomb) in ran.error_lines[0], ran.stderr
    assert "memory" in ran.error_lines[0] or "took longer than 4 s" in ran.error_lines[0], ran.error_lines
    assert stored(tmp_path / "j.db")["done"] == [str(path) for path in good]
    assert ran.peak_mb < 900, f"peak {ran.peak_mb:.0f} MB"  # without the cap it grew past 1.5 GB
    assert ran.left_running == []
    assert [line.split(": ")[0] for line in stored(tmp_path / "j.db")["failed"]] == [str(bomb)]

    again = run_jixiao("run", "reports", "--db", "j.db", cwd=tmp_path, env=jixiao_env(**CAPS), timeout=300)
    assert again.returncode == 1 and len(again.error_lines) <= 1, again.stderr  # the bomb fails again or is held
    assert "2 unchanged and skipped" in again.stdout, again.stdout  # the run finishes; the good ones stay done
    assert again.left_running == []


def test_a_file_that_runs_for_minutes_is_stopped_and_held_back_until_it_changes(tmp_path: Path) -> None:
    good = good_reports(tmp_path / "reports")
    slow = slow_report(tmp_path / "reports" / "slow.txt")
    env = jixiao_env(**CAPS)
    first = run_jixiao("run", "reports", "--db", "j.db", cwd=tmp_path, env=env, timeout=300)
    assert first.returncode == 1, first.stderr
    assert first.error_lines == [f"error: {slow}: took longer than 4 s (the per-file time cap); stopped"]
    assert stored(tmp_path / "j.db")["done"] == [str(path) for path in good]
    assert first.seconds < 60 and first.left_running == []

    again = run_jixiao("run", "reports", "--db", "j.db", cwd=tmp_path, env=env, timeout=300)
    assert again.returncode == 1 and again.error_lines == [], again.stderr
    assert "1 held back" in again.stdout and "0 done" in again.stdout, again.stdout

    with slow.open("a", encoding="utf-8") as handle:
        handle.write("\n指标9999：指标值≥1人，实际完成1人。")
    changed = run_jixiao("run", "reports", "--db", "j.db", cwd=tmp_path, env=env, timeout=300)
    assert len(changed.error_lines) == 1 and "took longer than 4 s" in changed.error_lines[0]  # tried again


def test_a_worker_killed_under_a_file_costs_that_file_only(tmp_path: Path) -> None:
    """The kernel's OOM killer (or anyone) ends the worker: the batch goes on and records why."""
    good = good_reports(tmp_path / "reports", count=3)
    slow = slow_report(tmp_path / "reports" / "zz_slow.txt")  # sorted last: the good ones are done first
    process = subprocess.Popen(
        [sys.executable, "-m", "jixiao", "run", "reports", "--db", "j.db", "--workers", "1"],
        cwd=tmp_path,
        env=jixiao_env(JIXIAO_FILE_TIMEOUT="300"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        workers = _workers_busy_after(tmp_path / "j.db", done=3, session=process.pid)
        for pid in workers:
            os.kill(pid, signal.SIGKILL)
        _, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    errors = [line for line in stderr.decode().splitlines() if line.startswith("error: ")]
    assert process.returncode == 1, stderr.decode()
    assert errors == [f"error: {slow}: its worker was killed (SIGKILL: out of memory?)"]
    assert stored(tmp_path / "j.db")["done"] == [str(path) for path in good]
    assert session_processes(process.pid) == []


def _workers_busy_after(db: Path, *, done: int, session: int) -> list[int]:
    """Wait until `done` files are stored, then return the pids of the session's worker processes."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if db.exists():
            try:
                with sqlite3.connect(db) as connection:
                    count = connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            except sqlite3.Error:
                count = 0
            if count >= done:
                workers = _forked_workers(session)
                if workers:
                    return workers
        time.sleep(0.2)
    raise AssertionError("the good files were never stored")


def _forked_workers(session: int) -> list[int]:
    """Processes of the session whose parent is the fork server (the workers)."""
    parents: dict[int, int] = {}
    commands: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text(encoding="utf-8")
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[3]) != session:
                continue
            parents[int(entry.name)] = int(fields[1])
            commands[int(entry.name)] = (entry / "cmdline").read_bytes().decode(errors="replace")
        except (OSError, ValueError):
            continue
    servers = {pid for pid, command in commands.items() if "forkserver" in command and parents.get(pid) == session}
    return [pid for pid, parent in parents.items() if parent in servers]


def test_kill_9_of_jixiao_leaves_no_worker_behind(tmp_path: Path) -> None:
    good_reports(tmp_path / "reports", count=2)
    slow_report(tmp_path / "reports" / "slow_a.txt")
    slow_report(tmp_path / "reports" / "slow_b.txt")
    process = subprocess.Popen(
        [sys.executable, "-m", "jixiao", "run", "reports", "--db", "j.db"],
        cwd=tmp_path,
        env=jixiao_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _workers_busy_after(tmp_path / "j.db", done=2, session=process.pid)
        process.kill()
        process.wait(timeout=30)
        assert session_processes(process.pid, grace=10) == []
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def test_extract_and_check_read_under_the_caps_too(tmp_path: Path) -> None:
    good_reports(tmp_path / "reports")
    slow = slow_report(tmp_path / "reports" / "slow.txt")
    for command in (["extract", "reports", "--out", "out"], ["check", "reports"]):
        ran = run_jixiao(*command, cwd=tmp_path, env=jixiao_env(**CAPS), timeout=300)
        assert ran.returncode == 1, ran.stderr
        assert ran.error_lines == ["error: reports/slow.txt: took longer than 4 s (the per-file time cap); stopped"]
        assert ran.left_running == []
    assert sorted(path.name for path in (tmp_path / "out").glob("*.json")) == ["good_0.json", "good_1.json"]
    assert slow.exists()


def answer_nothing(handler: BaseHTTPRequestHandler, body: bytes) -> None:
    """A model that finds nothing: whatever tool it is asked to call, it calls with no arguments."""
    tools = json.loads(body).get("tools") or [{"function": {"name": "GapDraft"}}]
    call = {"id": "c", "type": "function", "function": {"name": tools[0]["function"]["name"], "arguments": "{}"}}
    message = {"role": "assistant", "content": None, "tool_calls": [call]}
    choice = {"index": 0, "finish_reason": "tool_calls", "message": message}
    completion = {"id": "x", "object": "chat.completion", "created": 0, "model": "m", "choices": [choice]}
    answer(handler, 200, json.dumps(completion).encode())


def test_the_hybrid_backend_reads_with_rules_under_the_caps_too(tmp_path: Path) -> None:
    """Hybrid reads each file with the rules before it asks a model: that pass runs in the file's worker too
    (it ran in jixiao itself, uncapped: 20+ s on the slow report, every other file waiting)."""
    good_reports(tmp_path / "reports")
    slow_report(tmp_path / "reports" / "slow.txt")
    with model_service(answer_nothing) as service:
        ran = run_jixiao(
            "extract", "reports", "--out", "out", "--backend", "hybrid", "--base-url", service.url,
            cwd=tmp_path, env=jixiao_env(**CAPS), timeout=300,
        )  # fmt: skip
    assert ran.returncode == 1, ran.stderr
    assert ran.error_lines == ["error: reports/slow.txt: took longer than 4 s (the per-file time cap); stopped"]
    assert sorted(path.name for path in (tmp_path / "out").glob("*.json")) == ["good_0.json", "good_1.json"]
    assert ran.left_running == []


# --- the runner itself --------------------------------------------------------------------------------


def _allocate(megabytes: int) -> int:
    return len(bytearray(megabytes << 20))


def _crash() -> None:
    import ctypes

    ctypes.string_at(0)


def _refuse(path: str) -> None:
    from jixiao.errors import InputError

    raise InputError(path, "not a report")


def test_the_runner_turns_each_kind_of_death_into_a_reason() -> None:
    with IsolatedRunner(_allocate, limits=Limits(memory_mb=400, seconds=30)) as runner:
        assert runner(10) == 10 << 20
        assert runner(1_000) == WorkerLost("ran out of memory (the per-file memory cap); stopped")
        assert runner(10) == 10 << 20  # a fresh worker took over
    with IsolatedRunner(_crash, limits=Limits(seconds=30)) as runner:
        assert runner() == WorkerLost("crashed its worker (SIGSEGV)")
    with IsolatedRunner(time.sleep, limits=Limits(seconds=1)) as runner:
        assert runner(30) == WorkerLost("took longer than 1 s (the per-file time cap); stopped")


def test_an_error_raised_in_the_worker_arrives_as_itself() -> None:
    from jixiao.errors import InputError

    with IsolatedRunner(_refuse) as runner, pytest.raises(InputError) as raised:
        runner("x.txt")
    assert (raised.value.path, raised.value.reason) == ("x.txt", "not a report")
