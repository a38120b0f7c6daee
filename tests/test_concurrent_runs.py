"""Issue 15's done-when: two `jixiao run` at once on one store over 500 documents store every document exactly
once and lose none; a run killed with `kill -9` and then resumed: the same.

"Exactly once" is read off the runs table: a finished run's `done` counts every report it stored, so if any
report had been stored twice (the second replacing the first) some run's `done` would exceed the rows that still
carry its id. The 500 documents are the bundled seed reports varied (benchmarks/synthetic.py).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from jixiao.store import Store

sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import write_batch

DOCUMENTS = 500


def start_run(folder: Path, db: str, log: Path) -> subprocess.Popen[bytes]:
    """`jixiao run` in its own process, one worker (the machine is small; the claims are what is tested)."""
    command = [sys.executable, "-m", "jixiao", "run", str(folder), "--db", db, "--workers", "1"]
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with log.open("wb") as output:
        return subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=environment)


def finish(process: subprocess.Popen[bytes], log: Path) -> None:
    assert process.wait(timeout=600) == 0, log.read_text(encoding="utf-8")


def stored_per_run(db: str) -> tuple[dict[int, int], dict[int, int | None]]:
    """Extractions carrying each run's id, and each run's own count of what it stored (None: never finished)."""
    with Store(db) as store:
        stored = dict(store.database.rows("SELECT run_id, COUNT(*) FROM extractions GROUP BY run_id"))
        done = {run: (count if finished is not None else None) for run, count, finished in
                store.database.rows("SELECT id, done, finished_at FROM runs")}  # fmt: skip
    return stored, done


def assert_every_document_once(db: str, folder: Path) -> None:
    with Store(db) as store:
        paths = [
            row[0]
            for row in store.database.rows("SELECT d.path FROM documents d JOIN extractions e ON e.document_id = d.id")
        ]
        assert store.count("claims") == 0 and store.count("failures") == 0
    assert sorted(paths) == sorted(str(path) for path in folder.rglob("*.txt")) and len(paths) == DOCUMENTS
    stored, done = stored_per_run(db)
    for run, count in done.items():
        if count is not None:
            assert count == stored.get(run, 0), f"run {run} stored {count} reports but {stored.get(run, 0)} remain"


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("batch") / "reports"
    write_batch(folder, DOCUMENTS, seed=15)
    return folder


@pytest.mark.slow
def test_two_concurrent_runs_store_every_document_exactly_once(
    documents: Path, store_target: str, tmp_path: Path
) -> None:
    first = start_run(documents, store_target, tmp_path / "first.log")
    second = start_run(documents, store_target, tmp_path / "second.log")
    finish(first, tmp_path / "first.log")
    finish(second, tmp_path / "second.log")
    assert_every_document_once(store_target, documents)
    stored, _ = stored_per_run(store_target)
    assert len(stored) == 2 and min(stored.values()) > 0  # both runs did part of the batch
    assert sum(stored.values()) == DOCUMENTS


@pytest.mark.slow
def test_a_run_killed_mid_batch_then_resumed_loses_nothing_and_repeats_nothing(
    documents: Path, store_target: str, tmp_path: Path
) -> None:
    victim = start_run(documents, store_target, tmp_path / "victim.log")
    other = start_run(documents, store_target, tmp_path / "other.log")
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        with Store(store_target) as store:
            if store.count("extractions") >= DOCUMENTS // 5:
                break
        time.sleep(0.5)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    resumed = start_run(documents, store_target, tmp_path / "resumed.log")
    finish(other, tmp_path / "other.log")
    finish(resumed, tmp_path / "resumed.log")
    assert_every_document_once(store_target, documents)
    stored, done = stored_per_run(store_target)
    killed = [run for run, count in done.items() if count is None]
    assert len(killed) == 1 and stored.get(killed[0], 0) > 0  # the killed run's stored reports were kept
