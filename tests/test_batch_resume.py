"""Resume after kill -9: every report stored exactly once, nothing finished before the kill done again."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, ctrl_c_as_in_a_terminal

sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import write_batch

BATCH = 400


def stored_rows(db: Path) -> list[tuple[int, str, int, float]]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(
            "SELECT e.id, d.path, e.run_id, e.created_at FROM extractions e JOIN documents d ON d.id = e.document_id"
        ).fetchall()
    except sqlite3.OperationalError:  # the run has not created its tables yet
        return []
    finally:
        connection.close()


def jixiao_run(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen(
        [sys.executable, "-m", "jixiao", "run", str(folder), "--db", str(db), "--workers", "2"],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, so the kill takes its workers too
        preexec_fn=ctrl_c_as_in_a_terminal,
    )


def test_kill_9_mid_run_then_resume_stores_each_report_once(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    write_batch(folder, BATCH, seed=7)
    db = tmp_path / "jixiao.db"

    process = jixiao_run(folder, db)
    deadline = time.monotonic() + 120
    while len(stored_rows(db)) < 25 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    before = stored_rows(db)
    assert 25 <= len(before) < BATCH

    resumed = jixiao_run(folder, db)
    out, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err.decode()
    after = stored_rows(db)

    paths = [row[1] for row in after]
    assert len(paths) == len(set(paths)) == BATCH
    assert set(before) <= set(after)  # same ids, same run, same timestamps: not redone
    assert {row[2] for row in after if row not in before} == {2}
    assert f"{BATCH - len(before)} done" in out.decode()
    assert f"{len(before)} unchanged and skipped" in out.decode()
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()


def test_ctrl_c_says_what_was_kept_and_the_next_run_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    write_batch(folder, BATCH, seed=8)
    db = tmp_path / "jixiao.db"
    process = jixiao_run(folder, db)
    deadline = time.monotonic() + 120
    while len(stored_rows(db)) < 25 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "the run finished before it could be interrupted"
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends: to the whole foreground group
    _, err = process.communicate(timeout=120)
    if process.returncode == 0 and len(stored_rows(db)) == BATCH:
        pytest.skip("the run had stored every report when the signal came: too fast to interrupt here")
    assert process.returncode == 130, err.decode()
    assert "interrupted (Ctrl-C): every report finished before it is in the store" in err.decode()
    assert "Traceback" not in err.decode()
    kept = stored_rows(db)
    assert 25 <= len(kept) < BATCH
    resumed = jixiao_run(folder, db)
    out, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err.decode()
    assert f"{len(kept)} unchanged and skipped" in out.decode()
