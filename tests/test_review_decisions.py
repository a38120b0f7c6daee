"""Review decisions are data: appended, never changed, kept across re-runs, and first come first served."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

from jixiao.batch import Job, run_batch
from jixiao.checks import run_checks
from jixiao.review.decisions import (
    Action,
    DecisionConflict,
    DecisionDraft,
    DecisionLog,
    DismissReason,
    finding_key,
)
from jixiao.review.states import State, review_document
from jixiao.sinks import StoreSink
from jixiao.store import Store, StoredResult
from review_fixtures import build_store, misreading_extractor


def _draft(reviewer: str = "alice", action: Action = Action.CONFIRM, key: str = "rule.x@a") -> DecisionDraft:
    return DecisionDraft(
        reviewer=reviewer,
        document_sha256="0" * 64,
        document_path="docs/a.txt",
        extractor="rules",
        action=action,
        finding_key=key,
        rule="rule.x",
        reason=DismissReason.MISREAD if action is Action.DISMISS else None,
    )


@pytest.fixture
def log(tmp_path: Path) -> DecisionLog:
    return DecisionLog(Store(tmp_path / "j.db").database)


def test_a_decision_reads_back_with_who_when_what_and_why(log: DecisionLog) -> None:
    recorded = log.record([_draft(action=Action.DISMISS)])[0]
    stored = log.all()[0]
    assert stored == recorded
    assert (stored.reviewer, stored.action, stored.reason, stored.document_sha256) == (
        "alice",
        Action.DISMISS,
        DismissReason.MISREAD,
        "0" * 64,
    )
    assert stored.created_at > 0


def test_the_table_refuses_updates_and_deletes(log: DecisionLog) -> None:
    log.record([_draft()])
    with pytest.raises(DBAPIError, match="append-only"):
        log.database.execute("UPDATE review_decisions SET reviewer = 'mallory'")
    with pytest.raises(DBAPIError, match="append-only"):
        log.database.execute("DELETE FROM review_decisions")
    assert [d.reviewer for d in log.all()] == ["alice"]


def test_a_decision_on_an_item_that_moved_on_is_refused_and_names_the_winner(log: DecisionLog) -> None:
    first = log.record([_draft("alice", Action.DISMISS)], seen_item=0)[0]
    with pytest.raises(DecisionConflict) as conflict:
        log.record([_draft("bob", Action.CONFIRM)], seen_item=0)
    assert conflict.value.winner == first
    assert [d.reviewer for d in log.all()] == ["alice"]
    # Having seen alice's decision, bob may still record his own.
    log.record([_draft("bob", Action.CONFIRM)], seen_item=first.id)
    assert [d.reviewer for d in log.all()] == ["alice", "bob"]


def test_two_reviewers_deciding_at_the_same_moment_one_wins_and_the_other_is_told(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    Store(db).close()
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def decide(name: str) -> None:
        with Store(db) as store:
            log = DecisionLog(store.database)
            start.wait()
            try:
                log.record([_draft(name)], seen_item=0)
                outcomes[name] = "recorded"
            except DecisionConflict as conflict:
                outcomes[name] = f"told: {conflict.winner.reviewer} won"

    threads = [threading.Thread(target=decide, args=(name,)) for name in ("alice", "bob")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winner = next(name for name, outcome in outcomes.items() if outcome == "recorded")
    loser = next(name for name in outcomes if name != winner)
    assert outcomes == {winner: "recorded", loser: f"told: {winner} won"}
    with Store(db) as store:
        assert [d.reviewer for d in DecisionLog(store.database).all()] == [winner]


def test_a_finding_keeps_its_key_across_runs_of_the_batch(tmp_path: Path) -> None:
    db = build_store(tmp_path)
    with Store(db) as store:
        keys = {finding_key(f) for r in store.results() for f in r.findings}
    with Store(db) as store:
        store.database.execute("DELETE FROM documents")  # force a full re-extraction
        run_batch(StoreSink(store), sorted((tmp_path / "docs").iterdir()), Job("rules", "rules", checker=run_checks),
                  extractor=misreading_extractor)  # fmt: skip
        assert {finding_key(f) for r in store.results() for f in r.findings} == keys
    assert "indicators.completion@indicators[0].actual,indicators[0].completion,indicators[0].target" in keys


def _kaiyang(store: Store) -> StoredResult:
    return next(r for r in store.results() if r.document.path.endswith("kaiyang_2024.txt"))


def test_decisions_survive_a_rerun_and_go_stale_when_the_document_changes(tmp_path: Path) -> None:
    db = build_store(tmp_path)
    docs = sorted((tmp_path / "docs").iterdir())
    job = Job("rules", "rules", checker=run_checks)
    with Store(db) as store:
        result = _kaiyang(store)
        completion = next(f for f in result.findings if f.rule == "indicators.completion")
        DecisionLog(store.database).record(
            [
                _draft().model_copy(
                    update={"document_sha256": result.document.sha256, "finding_key": finding_key(completion)}
                )
            ]
        )
        run_batch(StoreSink(store), docs, job, extractor=misreading_extractor)  # nothing changed: everything skipped
        log = DecisionLog(store.database)
        result = _kaiyang(store)
        review = review_document(result, log.for_document(result.document.sha256, "rules"), run_checks)
        assert review.item(finding_key(completion)).state is State.CONFIRMED  # type: ignore[union-attr]

        kaiyang = next(path for path in docs if path.name == "kaiyang_2024.txt")
        kaiyang.write_text(kaiyang.read_text(encoding="utf-8").replace("完成率110%", "完成率104%"), encoding="utf-8")
        run_batch(StoreSink(store), docs, job, extractor=misreading_extractor)
        changed = _kaiyang(store)
        assert changed.document.sha256 != result.document.sha256
        assert log.for_document(changed.document.sha256, "rules") == []  # nothing carried onto the new text
        assert [d.document_sha256 for d in log.all()] == [result.document.sha256]  # kept, now stale
