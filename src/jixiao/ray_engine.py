"""`jixiao run --engine ray`: the same pipeline (load → extract → check → pack) as Ray tasks, on a local Ray
or on a cluster (`--address auto|ray://…`).

The driver writes. Each task runs `run_batch` over a few files into memory and returns their packed outcomes
(about 10 KB a report, compressed by the worker); the driver records each task's outcomes as it completes, in
the store, one transaction per report, exactly as the process pool does. Why not workers writing themselves:
claims, the single writer SQLite needs, and the run's tally stay in one place; workers need no database
credentials or network path to the store; and a report costs the driver about a millisecond to write against
tens of milliseconds (rules) to seconds (a model) to make, so one driver keeps up with a cluster far larger
than the reports/hour any model service sustains (benchmarks/ray_bench.py measures it).

Files are claimed by the driver (`jixiao.claims`) just before their task is submitted, so two runs (a process
run and a Ray run included) never do a file twice. In flight at once: for the rules backend two tasks per CPU
of the cluster; for a model backend `max_in_flight` requests in all: tasks × per-task concurrency never exceed
it, whatever the cluster's size, so a rate-limited endpoint sees at most that many.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

from jixiao.batch import DEFAULT_LIMITS, Failed, Job, Outcome, process_file, run_batch
from jixiao.errors import ConfigError
from jixiao.extract import Extractor
from jixiao.isolation import IsolatedRunner, Limits, WorkerLost
from jixiao.sinks import Collector

RULES_FILES_PER_TASK = 4  # small: results come back (and are written) every few files
TASKS_PER_CPU = 2  # one running, one queued, per CPU
LOCAL_OBJECT_STORE = 256 * 1024 * 1024  # a local Ray's shared memory: outcomes are small; the machine is shared


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise ConfigError("--engine ray needs Ray: pip install 'jixiao[ray]'") from None
    return ray


def run_files(
    files: list[str], job: Job, extractor: Extractor | None, concurrency: int, limits: Limits | None
) -> list[Outcome]:
    """What one Ray task does: the ordinary batch over `files`, kept in memory and returned to the driver.

    Each file still runs under `limits` in a capped process of its own (`jixiao.isolation`): for the rules
    backend through one runner kept for the life of the Ray worker, so a hostile file costs itself, not a task.
    """
    if extractor is None and job.backend == "rules" and limits is not None:
        runner = _isolated(limits)
        outcomes: list[Outcome] = []
        for file in files:
            result = runner(file, job)
            outcomes.append(Failed(file, result.reason, fatal=True) if isinstance(result, WorkerLost) else result)
        return outcomes
    sink = Collector()
    paths = [Path(file) for file in files]
    run_batch(sink, paths, job, workers=1, concurrency=concurrency, extractor=extractor, limits=limits)
    return sink.in_order()


@lru_cache(maxsize=2)
def _isolated(limits: Limits) -> IsolatedRunner:
    """One capped worker per Ray worker process and limits, started on its first file and kept."""
    from jixiao.batch import _worker_start

    return IsolatedRunner(process_file, workers=1, limits=limits, initializer=_worker_start)


@dataclass(frozen=True)
class RayEngine:
    """A batch engine for `run_batch(engine=…)`: Ray tasks instead of local worker processes."""

    address: str | None = None  # None: a local Ray with `workers` CPUs; "auto" or "ray://host:10001": a cluster
    workers: int = 2
    concurrency: int = 8  # model requests in flight per task (the llm backend's own bound)
    max_in_flight: int | None = None  # model requests in flight across the cluster
    limits: Limits | None = DEFAULT_LIMITS  # each file's memory and time (jixiao.isolation); None: uncapped

    def __call__(self, paths: Iterable[str], job: Job, extractor: Extractor | None) -> Iterator[Outcome]:
        ray = _ray()
        started_here = not ray.is_initialized()
        if started_here:
            self._start(ray)
        try:
            yield from self._run(ray, iter(paths), job, extractor)
        finally:
            if started_here:
                ray.shutdown()

    def _start(self, ray: Any) -> None:
        options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "logging_level": "ERROR"}
        # workers import jixiao as the driver does (a source checkout on PYTHONPATH included)
        if os.environ.get("PYTHONPATH"):
            options["runtime_env"] = {"env_vars": {"PYTHONPATH": os.environ["PYTHONPATH"]}}
        if self.address is None:
            ray.init(num_cpus=self.workers, object_store_memory=LOCAL_OBJECT_STORE, **options)
        else:
            try:
                ray.init(address=self.address, **options)
            except (ConnectionError, RuntimeError, ValueError) as error:
                raise ConfigError(f"--address {self.address}: cannot reach the Ray cluster: {error}") from None

    def shape(self, cpus: int, model: bool) -> tuple[int, int, int]:
        """(tasks in flight, files per task, requests per task) for a cluster of `cpus`."""
        if not model:
            return max(1, cpus * TASKS_PER_CPU), RULES_FILES_PER_TASK, 1
        tasks = max(1, cpus if self.max_in_flight is None else min(cpus, self.max_in_flight))
        per_task = max(
            1, self.concurrency if self.max_in_flight is None else min(self.concurrency, self.max_in_flight // tasks)
        )
        return tasks, per_task * 2, per_task

    def _run(self, ray: Any, paths: Iterator[str], job: Job, extractor: Extractor | None) -> Iterator[Outcome]:
        cpus = int(ray.cluster_resources().get("CPU", self.workers))
        tasks, files_per_task, per_task = self.shape(cpus, model=job.backend != "rules" or extractor is not None)
        remote = ray.remote(num_cpus=1, max_retries=2, retry_exceptions=False)(run_files)
        shared_job, shared_extractor = ray.put(job), ray.put(extractor)
        pending: dict[Any, list[str]] = {}

        def submit() -> bool:
            files = list(islice(paths, files_per_task))
            if files:
                pending[remote.remote(files, shared_job, shared_extractor, per_task, self.limits)] = files
            return bool(files)

        for _ in range(tasks):
            if not submit():
                break
        try:
            while pending:
                [ready], _ = ray.wait(list(pending), num_returns=1)
                files = pending.pop(ready)
                yield from self._outcomes(ray, ready, files)
                submit()
        finally:
            for reference in pending:  # interrupted or stopped: nothing more starts
                ray.cancel(reference, force=True)

    @staticmethod
    def _outcomes(ray: Any, reference: Any, files: list[str]) -> list[Outcome]:
        try:
            return list(ray.get(reference))
        except ray.exceptions.RayTaskError as error:
            if isinstance(error.cause, ConfigError):  # the endpoint refused the key: every file would fail alike
                raise error.cause from None
            reason = f"internal error in a Ray task: {type(error.cause).__name__}: {error.cause}"
        except ray.exceptions.RayError as error:  # a worker or node lost, after Ray's own retries
            reason = f"its Ray worker was lost: {type(error).__name__}"
        return [Failed(file, reason) for file in files]


__all__ = ["RayEngine", "run_files"]
