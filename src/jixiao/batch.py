"""The one batch engine: `extract`, `run`, `check` and `eval` all run their files through `run_batch`.

What happens to each finished file is the sink's business (a JSON folder, the store, a list in memory: see
`jixiao.sinks`); how files run at once is the backend's: worker processes for the CPU-bound rules backend,
asyncio for a backend that waits on a model service. Every file is read in a worker process under a memory
and a time cap (`jixiao.isolation`): a file that kills its worker or overruns fails alone, as `Failed(fatal)`,
and the store holds it back until it changes. Workers only compute (load, extract, check, pack); the parent
alone hands outcomes to the sink, in completion order, so a store has one writer and a `kill -9` loses at most
the files in flight.
"""

from __future__ import annotations

import asyncio
import gc
import pickle
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from jixiao.documents import Document, load_document
from jixiao.errors import ConfigError, ExtractionError, InputError, JixiaoError
from jixiao.extract import Extractor, get_extractor
from jixiao.inputs import REPORT_SUFFIX, load_saved_report
from jixiao.isolation import IsolatedRunner, Limits, WorkerLost
from jixiao.model import Finding, ReadingStatus, Report
from jixiao.store import Extracted, FileStat

Checker = Callable[[Report, str | None], list[Finding]]
"""Checks one report against its matching text (None when the text is not known); `run_checks` has this shape."""


@runtime_checkable
class AsyncExtractor(Protocol):
    """A backend with a native async API (the llm backend): one client per event loop, many reports at once."""

    def client_factory(self) -> Any: ...

    async def aextract(self, document: Document, client: Any) -> Report: ...


@runtime_checkable
class ReadsFirst(Protocol):
    """An async backend that reads with `rules` before asking a model (hybrid): that CPU-bound pass runs in
    the file's worker, under the caps, and `aextract` is handed its report."""

    rules: Callable[[Document], Report]

    async def aextract(self, document: Document, client: Any, read: Report | None = None) -> Report: ...


FILES_PER_WORKER = 8  # a batch this small per worker is not worth starting another worker for
IN_FLIGHT_PER_WORKER = 2  # files queued per worker, so memory stays flat whatever the batch size
DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Job:
    """What every worker needs to process a file. Must pickle: it crosses into worker processes."""

    backend: str  # the resolved backend (never `auto`)
    extractor: str  # the key results are stored under (see store.extractor_key)
    checker: Checker | None = None


@dataclass(frozen=True)
class Failed:
    path: str
    reason: str
    fatal: bool = False  # it took its worker down or overran its time: held back until the file changes


Outcome = Extracted | Failed
Engine = Callable[[Iterable[str], Job, Extractor | None], Iterator[Outcome]]
"""Runs files somewhere else than this machine's processes (a Ray cluster) and yields their outcomes."""


@dataclass
class Tally:
    """Counts shown on the progress bar and returned at the end of a run."""

    done: int = 0
    failed: int = 0
    flagged: int = 0  # done reports with at least one warning or error
    skipped: int = 0
    held: int = 0  # not tried: they took their worker down in an earlier run and have not changed since
    failures: list[Failed] = field(default_factory=list)
    statuses: Counter[ReadingStatus] = field(default_factory=Counter)  # reading status of each file this run

    def add(self, outcome: Outcome) -> None:
        if isinstance(outcome, Failed):
            self.failed += 1
            self.failures.append(outcome)
            self.statuses[ReadingStatus.FAILED] += 1
        else:
            self.done += 1
            self.flagged += outcome.worst_severity >= 1
            self.statuses[outcome.status] += 1


@dataclass(frozen=True)
class Plan:
    todo: list[str]
    skipped: int
    held: int = 0  # files held back (see Tally.held)
    # When runs share a store (`jixiao.claims`): `todo` in rounds, each file claimed as it is handed out; a round
    # is asked for only once the one before is done and written, so no run waits while holding files. None: all.
    claim: Callable[[list[str]], Iterator[Iterable[str]]] | None = None


class Sink(Protocol):
    """Where outcomes go. `plan` may drop files already done (the store does); `put` takes each outcome."""

    def plan(self, files: Sequence[Path], job: Job) -> Plan: ...

    def put(self, outcome: Outcome) -> None: ...

    def close(self, tally: Tally) -> None: ...


def process_file(path: str, job: Job, extractor: Extractor | None = None) -> Outcome:
    """Load, extract and check one file. A bad file becomes a Failed with its reason; only a ConfigError, which
    is about the setup (an endpoint that refuses the key or cannot be reached) and would fail every file the
    same way, is raised: it stops the batch.

    A saved report (`.json`, for `jixiao check`) is read instead of extracted, and checked against its
    source document's text when that is still there and unchanged.
    """
    try:
        stat = FileStat.of(Path(path))  # before reading, so a file changed mid-run is redone next time
        if path.lower().endswith(REPORT_SUFFIX):
            report, text = load_saved_report(Path(path))
            return _finish(path, stat, report, text or "", text, job)
        document = load_document(path)
        report = (extractor or _extractor_for(job.backend))(document)
        return _finish(path, stat, report, document.text, document.match_text, job)
    except ConfigError:
        raise
    except Exception as error:
        return _failed(path, error)


def _finish(path: str, stat: FileStat, report: Report, text: str, match_text: str | None, job: Job) -> Extracted:
    findings = job.checker(report, match_text) if job.checker is not None else []
    return Extracted.build(path=path, stat=stat, text=text, extractor=job.extractor, report=report, findings=findings)


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


def run_batch(
    sink: Sink,
    files: Sequence[Path],
    job: Job,
    *,
    workers: int = 2,
    concurrency: int = 8,
    extractor: Extractor | None = None,
    on_start: Callable[[int, int], None] | None = None,
    on_outcome: Callable[[Outcome, Tally], None] | None = None,
    limits: Limits | None = DEFAULT_LIMITS,
    engine: Engine | None = None,
) -> Tally:
    """Run `job` over `files`, handing each outcome to `sink` as it arrives. Returns the counts of this run.

    `extractor` replaces the backend's default one (e.g. an llm extractor built from explicit settings);
    `on_start(todo, skipped)` is called once the plan is known; `on_outcome` after the sink took each outcome.
    The sink is closed with the counts even when the run is interrupted (Ctrl-C), so what was done is kept.
    `limits` caps each file's worker (memory, time); None reads every file in this process, uncapped (for
    code that calls the engine on files it trusts, and for tests that patch this process).
    `engine` runs the files elsewhere (`jixiao.ray_engine.RayEngine`); outcomes still come back here to the sink.
    """
    work = sink.plan(files, job)
    if on_start is not None:
        on_start(len(work.todo), work.skipped)
    tally = Tally(skipped=work.skipped, held=work.held)
    rounds: Iterable[Iterable[str]] = work.claim(work.todo) if work.claim is not None else [work.todo]

    def record(outcome: Outcome) -> None:
        sink.put(outcome)
        tally.add(outcome)
        if on_outcome is not None:
            on_outcome(outcome, tally)

    def dispatch(paths: Iterable[str]) -> None:
        if engine is not None:
            for outcome in engine(paths, job, extractor):
                record(outcome)
        elif extractor is not None or job.backend != "rules":
            chosen = extractor or _extractor_for(job.backend)
            if work.todo:
                asyncio.run(_run_async(paths, job, chosen, concurrency, record, _loader(workers, limits)))
        elif limits is None:
            with _few_collections():
                for path in paths:
                    record(process_file(path, job))
        elif work.todo:
            needed = -(-len(work.todo) // FILES_PER_WORKER)
            for outcome in _run_isolated(paths, job, max(1, min(workers, needed)), limits):
                record(outcome)

    try:
        for paths in rounds:
            dispatch(paths)
    finally:
        sink.close(tally)
    return tally


@contextmanager
def _few_collections() -> Iterator[None]:
    """Extraction builds many short-lived objects and almost no cycles, so the cyclic GC mostly re-scans the
    imported modules: freeze those out of its sight and collect less often (measured: 15-20 % less CPU per
    report, same peak memory over 300 reports)."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _worker_start() -> None:
    """Each worker process: the checks imported up front, then `_few_collections` for its whole life."""
    from jixiao.checks import all_rules

    all_rules()
    _few_collections().__enter__()


def _run_isolated(paths: Iterable[str], job: Job, workers: int, limits: Limits) -> Iterator[Outcome]:
    """Outcomes in completion order, each file in a worker process under `limits`, at most
    workers × IN_FLIGHT_PER_WORKER files queued. A worker lost to a file is that file's fatal failure."""
    runner = IsolatedRunner(process_file, workers=workers, limits=limits, initializer=_worker_start)

    def one(path: str) -> Outcome:
        result = runner(path, job)
        return Failed(path, result.reason, fatal=True) if isinstance(result, WorkerLost) else result

    queue = iter(paths)
    threads = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="jixiao-file")
    pending: set[Future[Outcome]] = {
        threads.submit(one, path) for path in islice(queue, workers * IN_FLIGHT_PER_WORKER)
    }
    try:
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                following = next(queue, None)
                if following is not None:
                    pending.add(threads.submit(one, following))
                yield future.result()
    except BaseException:  # interrupted (Ctrl-C) or stopped (a ConfigError): no file waits for a worker
        runner.terminate()
        raise
    finally:
        for future in pending:  # do not start what is queued
            future.cancel()
        threads.shutdown(wait=True)
        runner.close()


def _loader(workers: int, limits: Limits | None) -> IsolatedRunner | None:
    """Documents for a model service are loaded (and read by rules first, for hybrid) under the same caps as
    any other file."""
    return None if limits is None else IsolatedRunner(_load_for_model, workers=max(1, workers), limits=limits)


def _load_for_model(path: str, first: Callable[[Document], Report] | None) -> tuple[Document, Report | None]:
    """In the file's worker: the document, and the backend's first reading of it when it has one."""
    document = load_document(path)
    return document, first(document) if first is not None else None


def _first_pass(extractor: Extractor) -> Callable[[Document], Report] | None:
    """The extractor's rules pass, when it can cross into a worker (a test's closure cannot: it runs here)."""
    if not isinstance(extractor, ReadsFirst):
        return None
    try:
        pickle.dumps(extractor.rules)
    except (pickle.PicklingError, AttributeError, TypeError):
        return None
    return extractor.rules


async def _run_async(
    paths: Iterable[str],
    job: Job,
    extractor: Extractor,
    concurrency: int,
    record: Callable[[Outcome], None],
    loader: IsolatedRunner | None,
) -> None:
    """At most `concurrency` files in flight; results are recorded on the event loop, one at a time.

    A backend with an async API is awaited directly (one shared client); any other runs in threads.
    """
    loop = asyncio.get_running_loop()
    queue = iter(paths)
    client = extractor.client_factory() if isinstance(extractor, AsyncExtractor) else None
    first = _first_pass(extractor)
    # Our own pool: asyncio's default executor has min(32, cores + 4) threads, which would cap concurrency.
    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="jixiao-batch") as threads:

        async def one(path: str) -> Outcome:
            if not isinstance(extractor, AsyncExtractor) or path.lower().endswith(REPORT_SUFFIX):
                return await loop.run_in_executor(threads, process_file, path, job, extractor)
            try:
                stat = FileStat.of(Path(path))
                if loader is None:
                    document = await loop.run_in_executor(threads, load_document, path)
                    read = None
                else:
                    loaded = await loop.run_in_executor(threads, loader, path, first)
                    if isinstance(loaded, WorkerLost):
                        return Failed(path, loaded.reason, fatal=True)
                    document, read = loaded
                if read is not None and isinstance(extractor, ReadsFirst):
                    report = await extractor.aextract(document, client, read)
                else:
                    report = await extractor.aextract(document, client)
                return _finish(path, stat, report, document.text, document.match_text, job)
            except ConfigError:
                raise
            except Exception as error:
                return _failed(path, error)

        async def worker() -> None:
            for path in queue:  # shared iterator: each worker takes the next file when it is free
                record(await one(path))

        try:
            async with asyncio.TaskGroup() as group:  # a ConfigError in one cancels the others and is raised
                for _ in range(max(1, concurrency)):
                    group.create_task(worker())
        except* ConfigError as stop:
            raise stop.exceptions[0] from None
        finally:
            close = getattr(client, "aclose", None)  # close the client on the loop that opened it
            if close is not None:
                await close()
            if loader is not None:
                loader.close()


__all__ = [
    "DEFAULT_LIMITS",
    "AsyncExtractor",
    "Checker",
    "Engine",
    "Failed",
    "Job",
    "Outcome",
    "Plan",
    "ReadsFirst",
    "Sink",
    "Tally",
    "process_file",
    "run_batch",
]
