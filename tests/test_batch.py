"""Batch runs: each report stored once, unchanged files skipped, failures kept and retried, parallel modes agree."""

from __future__ import annotations

import asyncio
import os
import shutil
import sqlite3
import sys
import threading
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES
from jixiao.batch import Job, run_batch
from jixiao.documents import Document
from jixiao.errors import ExtractionError
from jixiao.extract import extract_rules
from jixiao.model import FigureRef, Finding, Report, Severity
from jixiao.sinks import StoreSink
from jixiao.store import Store

sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import write_batch

RULES = Job(backend="rules", extractor="rules")


def flag_execution_rate(report: Report, text: str) -> list[Finding]:
    """A small real checker for these tests: flag a stated execution rate below 95%."""
    rate = report.funding.execution_rate
    if rate is None or rate.value is None or rate.value >= 95:
        return []
    return [
        Finding(
            rule="test.execution_rate",
            severity=Severity.WARNING,
            message_zh="执行率低于95%",
            message_en="execution rate below 95%",
            figures=[FigureRef(path="funding.execution_rate", text=rate.text, span=rate.span)],
            found=rate.value,
        )
    ]


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for path in SAMPLES.glob("seed_*.txt"):
        shutil.copy(path, folder / path.name)
    return folder


def files_in(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.txt"))


def test_second_run_skips_unchanged_files_and_stores_nothing_new(
    seeds: Path, tmp_path: Path, store_target: str
) -> None:
    with Store(store_target) as store:
        first = run_batch(StoreSink(store), files_in(seeds), RULES)
        second = run_batch(StoreSink(store), files_in(seeds), RULES)
        runs = [row[0] for row in store.database.rows("SELECT run_id FROM extractions")]
    assert (first.done, first.skipped) == (2, 0)
    assert (second.done, second.failed, second.skipped) == (0, 0, 2)
    assert runs == [1, 1]


def test_changed_file_is_redone_and_its_old_results_dropped(seeds: Path, tmp_path: Path, store_target: str) -> None:
    target = seeds / "seed_erguna_2024.txt"
    with Store(store_target) as store:
        run_batch(StoreSink(store), files_in(seeds), RULES)
        target.write_text(target.read_text(encoding="utf-8").replace("1435.89", "1535.89"), encoding="utf-8")
        again = run_batch(StoreSink(store), files_in(seeds), RULES)
        reports = {r.document.path: r.report for r in store.results()}
        assert store.count("documents") == store.count("extractions") == 2
    assert (again.done, again.skipped) == (1, 1)
    budget = reports[os.path.abspath(target)].funding.budget.total
    assert budget is not None and budget.value == pytest.approx(1535.89)


def test_touched_but_identical_file_is_skipped_by_hash(seeds: Path, tmp_path: Path, store_target: str) -> None:
    target = seeds / "seed_erguna_2024.txt"
    with Store(store_target) as store:
        run_batch(StoreSink(store), files_in(seeds), RULES)
        stat = target.stat()
        os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
        again = run_batch(StoreSink(store), files_in(seeds), RULES)
        stored = store.done_stats("rules")[os.path.abspath(target)][0]
    assert (again.done, again.skipped) == (0, 2)
    assert stored.mtime_ns == target.stat().st_mtime_ns  # so the next run skips it without hashing


def test_failure_is_stored_with_its_reason_and_retried_until_fixed(
    seeds: Path, tmp_path: Path, store_target: str
) -> None:
    bad = seeds / "broken.txt"
    bad.write_bytes(b"")
    with Store(store_target) as store:
        first = run_batch(StoreSink(store), files_in(seeds), RULES)
        failures = store.failures()
        second = run_batch(StoreSink(store), files_in(seeds), RULES)
        shutil.copy(seeds / "seed_erguna_2024.txt", bad)
        third = run_batch(StoreSink(store), files_in(seeds), RULES)
        assert store.failures() == []
        assert store.count("extractions") == 3
    assert (first.done, first.failed) == (2, 1)
    assert [(Path(f.path).name, f.reason) for f in failures] == [("broken.txt", "empty file")]
    assert (second.done, second.failed, second.skipped) == (0, 1, 2)
    assert (third.done, third.failed, third.skipped) == (1, 0, 2)


def test_checker_findings_are_stored_and_counted_as_flagged(tmp_path: Path, store_target: str) -> None:
    files = write_batch(tmp_path / "reports", 40, seed=3)
    job = Job(backend="rules", extractor="rules", checker=flag_execution_rate)
    with Store(store_target) as store:
        tally = run_batch(StoreSink(store), files, job, workers=1)
        flagged = [r for r in store.results() if r.findings]
        severities = {row[0] for row in store.database.rows("SELECT worst_severity FROM extractions")}
    assert tally.done == 40
    assert tally.flagged == len(flagged) > 0  # the 额尔古纳 variants state a 90% execution rate
    assert all(r.findings[0].rule == "test.execution_rate" for r in flagged)
    assert severities == {-1, Severity.WARNING.rank}


def test_process_pool_stores_the_same_reports_as_a_single_process(tmp_path: Path) -> None:
    files = write_batch(tmp_path / "reports", 60, seed=1)
    job = Job(backend="rules", extractor="rules", checker=flag_execution_rate)
    results = {}
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.db") as store:
            tally = run_batch(StoreSink(store), files, job, workers=workers)
            assert (tally.done, tally.failed) == (60, 0)
            results[workers] = {r.document.path: (r.report, r.findings) for r in store.results()}
    assert results[1] == results[2]


def test_sync_backend_in_threads_runs_reports_concurrently_up_to_the_limit(tmp_path: Path) -> None:
    files = write_batch(tmp_path / "reports", 24, seed=2)
    running = 0
    peak = 0
    calls = 0
    lock = threading.Lock()
    first_six = threading.Barrier(6, timeout=60)  # passed only when six calls are in flight at once, on any machine

    def slow_backend(document: Document) -> Report:
        nonlocal running, peak, calls
        with lock:
            running += 1
            calls += 1
            peak = max(peak, running)
            among_first_six = calls <= 6
        if among_first_six:
            first_six.wait()  # a limit below 6 breaks the barrier; one above 6 lets a seventh call in meanwhile
        with lock:
            running -= 1
        return extract_rules(document)

    with Store(tmp_path / "j.db") as store:
        job = Job(backend="llm", extractor="llm:fake:1")
        tally = run_batch(StoreSink(store), files, job, concurrency=6, extractor=slow_backend)
        assert store.extractors() == ["llm:fake:1"]
    assert tally.done == 24
    assert peak == 6


def test_store_can_be_read_while_a_run_writes_it(seeds: Path, tmp_path: Path) -> None:
    with Store(tmp_path / "j.db") as store:
        run_batch(StoreSink(store), files_in(seeds), RULES)
        reader = sqlite3.connect(tmp_path / "j.db")
        assert reader.execute("SELECT COUNT(*) FROM extractions").fetchone()[0] == 2
        reader.close()


class FakeAsyncExtractor:
    """An async backend like the llm one: a client per event loop, awaited extraction, the first calls held together."""

    def __init__(self, together: int) -> None:
        self.clients = 0
        self.running = 0
        self.peak = 0
        self.calls = 0
        self.together = together
        self.first_calls: asyncio.Barrier | None = None

    def client_factory(self) -> object:
        self.clients += 1
        return object()

    async def aextract(self, document: Document, client: object) -> Report:
        self.running += 1
        self.calls += 1
        self.peak = max(self.peak, self.running)
        if self.calls <= self.together:  # the first calls wait until `together` of them are in flight, on any machine
            self.first_calls = self.first_calls or asyncio.Barrier(self.together)
            await asyncio.wait_for(self.first_calls.wait(), timeout=60)
        await asyncio.sleep(0)
        self.running -= 1
        if "broken" in document.path:
            raise ExtractionError(document.path, "model answered garbage", attempts=3)
        return extract_rules(document)


def test_async_backend_is_awaited_with_one_client_and_bounded_concurrency(tmp_path: Path) -> None:
    files = write_batch(tmp_path / "reports", 20, seed=4)
    broken = files[0].with_name("broken.txt")
    shutil.copy(files[0], broken)
    fake = FakeAsyncExtractor(together=5)
    with Store(tmp_path / "j.db") as store:
        tally = run_batch(StoreSink(store), [*files, broken], Job("llm", "llm:fake:1"), concurrency=5, extractor=fake)
        failures = store.failures()
    assert (tally.done, tally.failed) == (20, 1)
    assert fake.peak == 5 and fake.clients == 1
    assert [f.reason for f in failures] == ["model answered garbage"]


def test_llm_backend_batch_against_a_local_openai_compatible_server(tmp_path: Path) -> None:
    from fake_llm_server import serve

    from jixiao.extract.llm import LlmExtractor
    from jixiao.settings import load_settings

    files = write_batch(tmp_path / "reports", 6, seed=9)
    with serve(0.5) as (url, counters):  # long enough for three requests to overlap on a busy machine
        settings = load_settings(base_url=url, api_key="test-key", model="fake", cache=False, max_concurrency=3)
        with Store(tmp_path / "j.db") as store:
            tally = run_batch(
                StoreSink(store), files, Job("llm", "llm:fake:v1"), concurrency=3, extractor=LlmExtractor(settings)
            )
            reports = [result.report for result in store.results()]
    assert (tally.done, tally.failed) == (6, 0)
    assert counters.requests == 6 and counters.peak == 3
    assert {report.extractor.backend for report in reports} == {"llm"}
    assert all(report.fund == "就业补助资金" for report in reports)


def test_store_keeps_text_and_report_packed_and_reads_plain_rows_of_older_stores(seeds: Path, tmp_path: Path) -> None:
    with Store(tmp_path / "j.db") as store:
        run_batch(StoreSink(store), files_in(seeds), RULES)
        kinds = store.database.rows("SELECT DISTINCT typeof(d.text), typeof(e.report) FROM documents d "
                                    "JOIN extractions e ON e.document_id = d.id")  # fmt: skip
        packed = {r.document.path: (r.document.text, r.report) for r in store.results()}
        # a store written before packing holds plain text in the same columns
        for path, (text, report) in packed.items():
            store.database.execute("UPDATE documents SET text = :text WHERE path = :path", text=text, path=path)
            store.database.execute(
                "UPDATE extractions SET report = :report "
                "WHERE document_id = (SELECT id FROM documents WHERE path = :path)",
                report=report.model_dump_json(),
                path=path,
            )
        plain = {r.document.path: (r.document.text, r.report) for r in store.results()}
    assert kinds == [("blob", "blob")]
    assert plain == packed
    assert all("就业补助资金" in text[:40] for text, _ in packed.values())


def test_a_later_success_under_another_backend_replaces_the_old_failure(seeds: Path, tmp_path: Path) -> None:
    def unreachable(document: Document) -> Report:
        raise ExtractionError(document.path, "request timed out after 5 attempt(s)")

    with Store(tmp_path / "j.db") as store:
        failed = run_batch(StoreSink(store), files_in(seeds), Job("llm", "llm:m:1"), extractor=unreachable)
        assert (failed.failed, len(store.failures())) == (2, 2)
        run_batch(StoreSink(store), files_in(seeds), RULES)
        assert store.failures() == []  # the index and the exports no longer call these files failed
        assert store.count("extractions") == 2
