"""Bulk runs: extract and check many reports in parallel, storing each as it finishes, resumable.

Workers (processes for the CPU-bound rules backend, threads under an asyncio semaphore for backends
that wait on a model service) only compute; the parent alone writes to the store, one transaction per
report. Before anything runs, `plan` drops every file that is already done and unchanged: it compares
size and mtime first and hashes a file only when those moved, so a no-change re-run costs one stat per file.
"""

from __future__ import annotations

import asyncio
import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from jixiao.documents import Document, load_document
from jixiao.errors import ExtractionError, InputError, JixiaoError
from jixiao.extract import Extractor, get_extractor
from jixiao.model import Finding, Report
from jixiao.store import Extracted, FileStat, Store

Checker = Callable[[Report, str], list[Finding]]
"""Checks one report against its normalized text; `jixiao.checks.run_checks` has this shape."""


@runtime_checkable
class AsyncExtractor(Protocol):
    """A backend with a native async API (the llm backend): one client per event loop, many reports at once."""

    def client_factory(self) -> Any: ...

    async def aextract(self, document: Document, client: Any) -> Report: ...


ASYNC_BACKENDS = frozenset({"llm", "hybrid"})  # backends that wait on a service: threads, not processes
CHUNK = 8  # files per process task: small enough to keep the progress bar live, big enough to amortize pickling
IN_FLIGHT_PER_WORKER = 4  # chunks queued per process, so memory stays flat whatever the batch size


@dataclass(frozen=True)
class Job:
    """What every worker needs to process a file. Must pickle: it crosses into worker processes."""

    backend: str
    extractor: str  # the key results are stored under (see store.extractor_key)
    checker: Checker | None = None


@dataclass(frozen=True)
class Failed:
    path: str
    reason: str


Outcome = Extracted | Failed


@dataclass
class Tally:
    """Counts shown on the progress bar and returned at the end of a run."""

    done: int = 0
    failed: int = 0
    flagged: int = 0  # done reports with at least one warning or error
    skipped: int = 0
    failures: list[Failed] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        if isinstance(outcome, Failed):
            self.failed += 1
            self.failures.append(outcome)
        else:
            self.done += 1
            self.flagged += outcome.worst_severity >= 1


@dataclass(frozen=True)
class Plan:
    todo: list[str]
    skipped: int


def process_file(path: str, job: Job, extractor: Extractor | None = None) -> Outcome:
    """Load, extract and check one file. Never raises: a bad file becomes a Failed with its reason."""
    try:
        stat = FileStat.of(Path(path))  # before reading, so a file changed mid-run is redone next time
        document = load_document(path)
        report = (extractor or _extractor_for(job.backend))(document)
        return _finish(path, stat, document, report, job)
    except Exception as error:
        return _failed(path, error)


def _finish(path: str, stat: FileStat, document: Document, report: Report, job: Job) -> Extracted:
    findings = job.checker(report, document.match_text) if job.checker is not None else []
    return Extracted.build(
        path=path, stat=stat, text=document.text, extractor=job.extractor, report=report, findings=findings
    )


def _failed(path: str, error: Exception) -> Failed:
    if isinstance(error, InputError | ExtractionError):
        return Failed(path, error.reason)
    if isinstance(error, JixiaoError | OSError):
        return Failed(path, str(error))
    # a bug on one odd file must not stop years of reports
    return Failed(path, f"internal error: {type(error).__name__}: {error}")


@lru_cache(maxsize=4)
def _extractor_for(backend: str) -> Extractor:
    """One extractor per backend per process (building one may load settings or prompts)."""
    return get_extractor(backend)


def process_chunk(paths: list[str], job: Job) -> list[Outcome]:
    return [process_file(path, job) for path in paths]


def file_sha256(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def plan(store: Store, files: Sequence[Path], extractor: str) -> Plan:
    """Files still to do: new, changed, or failed before. Unchanged done files are skipped."""
    done = store.done_stats(extractor)
    todo: list[str] = []
    skipped = 0
    for file in files:
        path = os.path.abspath(file)
        known = done.get(path)
        if known is None:
            todo.append(path)
            continue
        try:
            stat = FileStat.of(Path(path))
        except OSError:
            todo.append(path)  # gone or unreadable: the worker records why
            continue
        stored_stat, stored_sha = known
        if stat == stored_stat:
            skipped += 1
        elif file_sha256(path) == stored_sha:  # touched but not changed (copied, checked out again)
            store.touch(path, stat)
            skipped += 1
        else:
            todo.append(path)
    return Plan(todo=todo, skipped=skipped)


def run_batch(
    store: Store,
    files: Sequence[Path],
    job: Job,
    *,
    workers: int = 2,
    concurrency: int = 8,
    extractor: Extractor | None = None,
    on_start: Callable[[int, int], None] | None = None,
    on_outcome: Callable[[Outcome, Tally], None] | None = None,
) -> Tally:
    """Run `job` over `files`, storing each result as it arrives. Returns the counts of this run.

    `extractor` replaces the backend's default one (e.g. an llm extractor built from explicit settings);
    `on_start(todo, skipped)` is called once the plan is known; `on_outcome` after each stored result.
    """
    work = plan(store, files, job.extractor)
    if on_start is not None:
        on_start(len(work.todo), work.skipped)
    tally = Tally(skipped=work.skipped)
    run_id = store.start_run(job.extractor, len(files))

    def record(outcome: Outcome) -> None:
        if isinstance(outcome, Failed):
            store.save_failure(path=outcome.path, extractor=job.extractor, reason=outcome.reason, run_id=run_id)
        else:
            store.save_result(outcome, run_id)
        tally.add(outcome)
        if on_outcome is not None:
            on_outcome(outcome, tally)

    if job.backend in ASYNC_BACKENDS or extractor is not None:
        chosen = extractor or _extractor_for(job.backend)
        if work.todo:
            asyncio.run(_run_async(work.todo, job, chosen, concurrency, record))
    elif workers <= 1 or len(work.todo) <= CHUNK:
        for path in work.todo:
            record(process_file(path, job))
    else:
        for outcome in _run_processes(work.todo, job, workers):
            record(outcome)
    store.finish_run(run_id, done=tally.done, failed=tally.failed, skipped=tally.skipped)
    return tally


def _chunks(paths: list[str], size: int) -> Iterator[list[str]]:
    iterator = iter(paths)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _run_processes(paths: list[str], job: Job, workers: int) -> Iterator[Outcome]:
    """Outcomes in completion order, with at most workers × IN_FLIGHT_PER_WORKER chunks queued."""
    # forkserver, not fork: the parent runs a progress-bar thread, and forking a threaded process can deadlock.
    context = multiprocessing.get_context("forkserver")
    chunks = _chunks(paths, CHUNK)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: set[Future[list[Outcome]]] = set()
        for chunk in islice(chunks, workers * IN_FLIGHT_PER_WORKER):
            pending.add(pool.submit(process_chunk, chunk, job))
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                next_chunk = next(chunks, None)
                if next_chunk is not None:
                    pending.add(pool.submit(process_chunk, next_chunk, job))
                yield from future.result()


async def _run_async(
    paths: list[str], job: Job, extractor: Extractor, concurrency: int, record: Callable[[Outcome], None]
) -> None:
    """At most `concurrency` files in flight; results are recorded on the event loop, one at a time.

    A backend with an async API is awaited directly (one shared client); any other runs in threads.
    """
    loop = asyncio.get_running_loop()
    queue = iter(paths)
    client = extractor.client_factory() if isinstance(extractor, AsyncExtractor) else None
    # Our own pool: asyncio's default executor has min(32, cores + 4) threads, which would cap concurrency.
    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="jixiao-batch") as threads:

        async def one(path: str) -> Outcome:
            if not isinstance(extractor, AsyncExtractor):
                return await loop.run_in_executor(threads, process_file, path, job, extractor)
            try:
                stat = FileStat.of(Path(path))
                document = await loop.run_in_executor(threads, load_document, path)
                report = await extractor.aextract(document, client)
                return _finish(path, stat, document, report, job)
            except Exception as error:
                return _failed(path, error)

        async def worker() -> None:
            for path in queue:  # shared iterator: each worker takes the next file when it is free
                record(await one(path))

        try:
            await asyncio.gather(*(worker() for _ in range(max(1, concurrency))))
        finally:
            close = getattr(client, "aclose", None)  # close the client on the loop that opened it
            if close is not None:
                await close()
