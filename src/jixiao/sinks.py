"""Where a batch's outcomes go: the store (`jixiao run`), a folder of JSON (`jixiao extract`), or a list in
memory (`jixiao check`, `jixiao eval`). Each is a `jixiao.batch.Sink`.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from jixiao.batch import Failed, Job, Outcome, Plan, Tally
from jixiao.claims import ClaimCounts
from jixiao.model import ReadingStatus, Report, reading_status, value_of
from jixiao.output_folder import OutputFolder
from jixiao.store import FileStat, Store


def file_sha256(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def _stat_or_none(path: str) -> FileStat | None:
    try:
        return FileStat.of(Path(path))
    except OSError:
        return None


class StoreSink:
    """Resumable: `plan` drops every file already done and unchanged; each outcome is one transaction.

    Planning compares size and mtime first and hashes a file only when those moved, so a no-change re-run
    costs one stat per file.
    """

    def __init__(self, store: Store, *, retry_held: bool = False) -> None:
        self.store = store
        self.retry_held = retry_held  # try again the files held back (after raising the caps, say)
        self.run_id = 0
        self.extractor = ""
        self.claims = ClaimCounts()  # what other runs on the same store did meanwhile

    def plan(self, files: Sequence[Path], job: Job) -> Plan:
        done = self.store.done_stats(job.extractor)
        held_back = {} if self.retry_held else self.store.held_back(job.extractor)
        todo: list[str] = []
        skipped = held = 0
        for file in files:
            path = os.path.abspath(file)
            known = done.get(path)
            if known is None:
                if path in held_back and _stat_or_none(path) == held_back[path]:
                    held += 1  # it took its worker down before and has not changed: not again, not first
                else:
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
                self.store.touch(path, stat)
                skipped += 1
            else:
                todo.append(path)
        self.extractor = job.extractor
        self.run_id = self.store.start_run(job.extractor, len(files))
        return Plan(todo=todo, skipped=skipped, held=held, claim=self._claimed)

    def _claimed(self, todo: list[str]) -> Iterator[Iterable[str]]:
        """`todo` in rounds, each file as this run claims it: another run on the same store never does it too."""
        self.store.claims.alive(self.run_id)
        return self.store.claims.claimed(todo, self.extractor, self.run_id, self.store.stored_as_now, self.claims)

    def put(self, outcome: Outcome) -> None:
        if isinstance(outcome, Failed):
            held = _stat_or_none(outcome.path) if outcome.fatal else None
            self.store.save_failure(
                path=outcome.path, extractor=self.extractor, reason=outcome.reason, run_id=self.run_id, held=held
            )
        else:
            self.store.save_result(outcome, self.run_id)

    def close(self, tally: Tally) -> None:
        self.store.finish_run(self.run_id, done=tally.done, failed=tally.failed, skipped=tally.skipped)


class Collector:
    """Every outcome kept in memory, in the order the files were given (for printing, or for scoring)."""

    def __init__(self) -> None:
        self.outcomes: dict[str, Outcome] = {}
        self.order: list[str] = []

    def plan(self, files: Sequence[Path], job: Job) -> Plan:
        self.order = [str(file) for file in files]
        return Plan(todo=list(self.order), skipped=0)

    def put(self, outcome: Outcome) -> None:
        self.outcomes[outcome.path] = outcome

    def close(self, tally: Tally) -> None:
        pass

    def in_order(self) -> list[Outcome]:
        return [self.outcomes[path] for path in self.order if path in self.outcomes]


class ReportLine(NamedTuple):
    """What a summary table shows of one report: a few fields, not the report (memory stays flat)."""

    name: str
    status: ReadingStatus
    region: str | None
    year: int | None
    fund: str | None
    budget: float | None
    executed: float | None
    rate: str | None
    indicators: int

    @classmethod
    def of(cls, name: str, report: Report) -> ReportLine:
        funding = report.funding
        budget, executed, rate = funding.budget.total, funding.executed.total, funding.execution_rate
        return cls(
            name=name,
            status=reading_status(report),
            region=report.region,
            year=report.year,
            fund=report.fund,
            budget=value_of(budget),
            executed=value_of(executed),
            rate=rate.text if rate is not None else None,
            indicators=len(report.indicators),
        )


class FolderSink:
    """One pretty-printed `<stem>.json` per report in `out`, written the moment it is done; a line of each kept
    for the summary, in input order."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.folder: OutputFolder | None = None
        self.order: list[str] = []
        self.lines: dict[str, ReportLine] = {}
        self.plain: set[str] = set()  # paths written as `<stem>.json`: the first of each stem, in input order

    def plan(self, files: Sequence[Path], job: Job) -> Plan:
        self.folder = OutputFolder.claim(self.out)  # a folder of the user's own is refused before any work
        stems: set[str] = set()
        for file in files:
            if file.stem not in stems:
                stems.add(file.stem)
                self.plain.add(str(file))
        self.order = [str(file) for file in files]
        return Plan(todo=list(self.order), skipped=0)

    def put(self, outcome: Outcome) -> None:
        if isinstance(outcome, Failed):
            return
        report = outcome.report
        stem = Path(outcome.path).stem
        # two inputs with one stem: the later one is told apart by its content hash, whatever finished first
        name = f"{stem}.json" if outcome.path in self.plain else f"{stem}-{report.source.sha256[:8]}.json"
        assert self.folder is not None, "plan() claims the folder before any outcome arrives"
        self.folder.write_text(name, report.model_dump_json(indent=2))
        self.lines[outcome.path] = ReportLine.of(Path(outcome.path).name, report)

    def close(self, tally: Tally) -> None:
        pass

    def in_order(self) -> list[ReportLine]:
        return [self.lines[path] for path in self.order if path in self.lines]


__all__ = ["Collector", "FolderSink", "ReportLine", "StoreSink", "file_sha256"]
