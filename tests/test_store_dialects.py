"""The store on both dialects: schema versions and upgrades in place, append-only decisions, claims between runs,
and the messages a store that cannot be opened gives. (The batch, export, review and workbench tests run over
both dialects through the `store_target` fixture.)"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

from conftest import SAMPLES
from jixiao import migrations
from jixiao.batch import Job, run_batch
from jixiao.claims import ClaimCounts
from jixiao.errors import ConfigError
from jixiao.review.decisions import Action, DecisionDraft, DecisionLog
from jixiao.series import SeriesTables, refresh_series
from jixiao.sinks import StoreSink
from jixiao.store import Store

RULES = Job(backend="rules", extractor="rules")
# The batch tables as jixiao wrote them before schema versions existed (store.py of main, 2026-11).
OLD_SCHEMA = """
CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL, format TEXT NOT NULL, text BLOB NOT NULL);
CREATE TABLE runs (id INTEGER PRIMARY KEY, started_at REAL NOT NULL, finished_at REAL, extractor TEXT NOT NULL,
    files INTEGER NOT NULL DEFAULT 0, done INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0);
CREATE TABLE extractions (id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, extractor TEXT NOT NULL,
    backend TEXT NOT NULL, model TEXT, prompt_version TEXT, run_id INTEGER NOT NULL REFERENCES runs(id),
    created_at REAL NOT NULL, worst_severity INTEGER NOT NULL DEFAULT -1, report BLOB NOT NULL,
    UNIQUE (document_id, extractor));
CREATE TABLE findings (id INTEGER PRIMARY KEY,
    extraction_id INTEGER NOT NULL REFERENCES extractions(id) ON DELETE CASCADE, rule TEXT NOT NULL,
    severity TEXT NOT NULL, finding BLOB NOT NULL);
CREATE TABLE failures (id INTEGER PRIMARY KEY, path TEXT NOT NULL, extractor TEXT NOT NULL, reason TEXT NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs(id), created_at REAL NOT NULL, UNIQUE (path, extractor));
"""


@pytest.fixture
def seeds(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "reports"
    folder.mkdir()
    for path in SAMPLES.glob("seed_*.txt"):
        shutil.copy(path, folder / path.name)
    return sorted(folder.glob("*.txt"))


def test_a_new_store_is_at_the_latest_schema_version_and_opening_it_again_changes_nothing(store_target: str) -> None:
    with Store(store_target) as store:
        versions = store.database.rows("SELECT version FROM schema_migrations ORDER BY version")
        dialect = store.database.dialect
    with Store(store_target) as store:
        again = store.database.rows("SELECT version FROM schema_migrations ORDER BY version")
    assert [v for (v,) in versions] == [m.version for m in migrations.migrations(dialect)]
    assert again == versions and versions[-1][0] == migrations.latest_version(dialect) >= 2


def test_a_sqlite_store_written_before_schema_versions_is_upgraded_in_place(tmp_path: Path, seeds: list[Path]) -> None:
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as old:
        old.executescript(OLD_SCHEMA)
        old.execute("INSERT INTO runs (started_at, extractor, files) VALUES (1.0, 'rules', 1)")
        old.execute("INSERT INTO failures VALUES (1, 'x.txt', 'rules', 'bad', 1, 1.0)")
    old.close()
    with Store(db) as store:
        kept = store.failures()
        tally = run_batch(StoreSink(store), seeds, RULES)  # the new tables (claims, decisions, series) are there
        version = store.database.rows("SELECT MAX(version) FROM schema_migrations")[0][0]
        columns = {row[1] for row in store.database.rows("PRAGMA table_info(runs)")}
    assert [(f.path, f.reason) for f in kept] == [("x.txt", "bad")]
    assert tally.done == 2 and version == migrations.latest_version("sqlite")
    assert {"heartbeat_at", "host", "pid"} <= columns


def test_review_decisions_are_append_only_on_either_dialect(store_target: str) -> None:
    with Store(store_target) as store:
        log = DecisionLog(store.database)
        log.record([DecisionDraft(reviewer="alice", document_sha256="0" * 64, document_path="a.txt",
                                  extractor="rules", action=Action.CONFIRM, finding_key="k", rule="r")])  # fmt: skip
        with pytest.raises(DBAPIError, match="append-only"):
            store.database.execute("UPDATE review_decisions SET reviewer = 'mallory'")
        with pytest.raises(DBAPIError, match="append-only"):
            store.database.execute("DELETE FROM review_decisions")
        assert [d.reviewer for d in log.all()] == ["alice"]


def test_series_are_linked_and_kept_on_either_dialect(store_target: str, tmp_path: Path) -> None:
    reports = tmp_path / "series"
    shutil.copytree(SAMPLES / "series", reports)
    with Store(store_target) as store:
        run_batch(StoreSink(store), sorted(reports.iterdir()), RULES)
        first = refresh_series(store)
        again = refresh_series(store)
        stored = SeriesTables(store.database).pairs()
    assert [(s.region, s.years) for s in first.series] == [
        ("柳溪旗", [2021, 2022, 2023]),
        ("青岭县", [2021, 2022, 2023]),
    ]
    assert first.compared_now == 4 == len(stored) and again.compared_now == 0


def test_two_runs_on_one_store_take_disjoint_files_and_a_dead_runs_claims_are_taken_over(
    store_target: str, seeds: list[Path]
) -> None:
    paths = [str(path) for path in seeds]
    with Store(store_target) as store:
        claims = store.claims
        first, second = store.start_run("rules", 2), store.start_run("rules", 2)
        claims.enqueue(paths, "rules")
        taken, finished, held = claims.take(paths[:1], "rules", first, store.stored_as_now)
        assert (taken, finished, held) == (paths[:1], [], [])
        taken, finished, held = claims.take(paths, "rules", second, store.stored_as_now)
        assert (taken, finished, held) == (paths[1:], [], paths[:1])  # the first run holds its file
        # the first run goes silent: once its heartbeat is older than the lease, its file is free
        store.database.execute(
            "UPDATE runs SET heartbeat_at = :old, pid = NULL WHERE id = :id", old=time.time() - 3600, id=first
        )
        taken, _, held = claims.take(paths[:1], "rules", second, store.stored_as_now)
        assert (taken, held) == (paths[:1], [])


def test_a_run_defers_a_file_another_live_run_holds_and_ends_when_that_run_stored_it(
    store_target: str, seeds: list[Path]
) -> None:
    paths = [str(path) for path in seeds]
    with Store(store_target) as store:
        other = store.start_run("rules", 1)
        store.claims.enqueue(paths[:1], "rules")
        store.claims.take(paths[:1], "rules", other, store.stored_as_now)
        sink = StoreSink(store)
        counts = ClaimCounts()
        handed: list[str] = []
        sink.plan(seeds, RULES)
        rounds = store.claims.claimed(paths, "rules", sink.run_id, store.stored_as_now, counts, poll=0.05)
        for path in (path for round in rounds for path in round):
            handed.append(path)
            if len(handed) == 1:
                # meanwhile the other run (alive: this process) hands its file on, and a third run stores it
                store.database.execute("UPDATE claims SET run_id = NULL WHERE run_id = :id", id=other)
                run_batch(StoreSink(store), seeds[:1], RULES)
        assert handed == paths[1:] and counts.elsewhere == 1
        assert store.count("claims") == 1  # paths[1] was handed out, not stored in this test


def test_a_server_that_cannot_be_reached_is_a_config_error_without_the_password() -> None:
    with pytest.raises(ConfigError) as error:
        Store("postgresql://jixiao:s3cret-pw@127.0.0.1:1/nowhere")
    assert "cannot open the store" in str(error.value) and "s3cret-pw" not in str(error.value)
    assert "***" in str(error.value)


def test_a_store_in_a_missing_folder_is_a_config_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such folder"):
        Store(tmp_path / "missing" / "j.db")


def test_the_store_file_a_run_creates_is_sqlite_by_default(tmp_path: Path, seeds: list[Path]) -> None:
    with Store(tmp_path / "j.db") as store:
        run_batch(StoreSink(store), seeds, RULES)
    assert (tmp_path / "j.db").read_bytes()[:16] == b"SQLite format 3\x00"
    assert os.path.getsize(tmp_path / "j.db") > 0
