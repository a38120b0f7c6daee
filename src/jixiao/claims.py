"""Claims: two runs on one store (or a run and its resume) never do a document twice, and lose none.

A run queues the files it plans to do as rows of `claims` (path, extractor), then takes them a few at a time
just before it starts them: `SELECT … FOR UPDATE SKIP LOCKED` on PostgreSQL, so two runs taking at the same
moment pass over each other's rows instead of waiting; on SQLite the same statements run under
`BEGIN IMMEDIATE`, one writer at a time, which gives the same guarantee on one machine. A claim ends in the
transaction that stores the file's result or failure (the row is deleted), so "no row" means "finished".

A claim is held by a run that is alive: one that has not finished, whose heartbeat (every `lease / 3` s from a
thread of the run) is younger than `lease`, and, for a run on this very machine, whose process still exists.
A run killed with `kill -9` therefore loses its claims at once to a run on the same machine and after `lease`
seconds to one elsewhere. A file another live run holds is deferred and looked at again at the end; a run
returns only when every file it was given is finished, by itself or by another.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import BindParameter, Connection, bindparam, text
from sqlalchemy.exc import OperationalError

from jixiao.database import Database

Done = Callable[[Connection, list[str], str], set[str]]
"""Those of the paths already stored for the extractor as the files are now (`Store.stored_as_now`)."""

DEFAULT_LEASE = 60.0  # seconds a silent run keeps its claims (a heartbeat every 20 s)
TAKE = 16  # files taken per transaction: few round trips, yet a second run still gets its share
_ENQUEUE_BATCH = 1000

_BEAT = "UPDATE runs SET heartbeat_at = :now WHERE id = :id"
_FINISH = "DELETE FROM claims WHERE path = :path AND extractor = :extractor"
_PATHS: BindParameter[Any] = bindparam("paths", expanding=True)
_QUEUED = text("SELECT path FROM claims WHERE extractor = :extractor AND path IN :paths").bindparams(_PATHS)
# A claim row no live run holds: free, ours, its run gone or finished, silent too long, or dead on this host.
_FREE = (
    "SELECT c.path FROM claims c LEFT JOIN runs r ON r.id = c.run_id "
    "WHERE c.extractor = :extractor AND c.path IN :paths AND (c.run_id IS NULL OR c.run_id = :me OR r.id IS NULL "
    "OR r.finished_at IS NOT NULL OR r.heartbeat_at IS NULL OR r.heartbeat_at < :stale OR c.run_id IN :dead)"
)
_DELETE = text("DELETE FROM claims WHERE extractor = :extractor AND path IN :paths").bindparams(_PATHS)
_TAKE = text(
    "UPDATE claims SET run_id = :me, claimed_at = :now WHERE extractor = :extractor AND path IN :paths"
).bindparams(_PATHS)


@dataclass
class ClaimCounts:
    """What claiming did besides handing out files: shown by `jixiao run` when several runs share a store."""

    elsewhere: int = 0  # finished by another run while this one waited or planned
    waited: float = 0.0  # seconds spent waiting for files another live run held


@dataclass
class Claims:
    """The claims table of one store."""

    database: Database
    lease: float = DEFAULT_LEASE
    _beats: dict[int, threading.Event] = field(default_factory=dict)

    # --- runs ---------------------------------------------------------------------------------

    def start_run(self, extractor: str, files: int) -> int:
        """A new run, alive from now on (its heartbeat thread starts with `alive`)."""
        with self.database.write() as db:
            now = time.time()
            return int(
                db.execute(
                    text(
                        "INSERT INTO runs (started_at, extractor, files, heartbeat_at, host, pid) "
                        "VALUES (:now, :extractor, :files, :now, :host, :pid) RETURNING id"
                    ),
                    {
                        "now": now,
                        "extractor": extractor,
                        "files": files,
                        "host": socket.gethostname(),
                        "pid": os.getpid(),
                    },
                ).scalar_one()
            )

    def alive(self, run_id: int) -> None:
        """Beat for `run_id` from a daemon thread until `release`."""
        stop = threading.Event()
        self._beats[run_id] = stop

        def beat() -> None:
            while not stop.wait(self.lease / 3):
                try:
                    self.database.execute(
                        "UPDATE runs SET heartbeat_at = :now WHERE id = :id", now=time.time(), id=run_id
                    )
                except Exception:  # a missed beat costs a claim only after `lease`; the next one may get through
                    continue

        threading.Thread(target=beat, name=f"jixiao-heartbeat-{run_id}", daemon=True).start()

    def release(self, run_id: int) -> None:
        """The run is over (done, stopped or failed): what it still holds is free for others at once."""
        stop = self._beats.pop(run_id, None)
        if stop is not None:
            stop.set()
        self.database.execute("UPDATE claims SET run_id = NULL WHERE run_id = :id", id=run_id)

    # --- queueing and taking ------------------------------------------------------------------

    def enqueue(self, paths: Sequence[str], extractor: str) -> None:
        """Queue `paths` (already queued ones stay as they are). Sorted, so two runs queueing the same files
        lock them in the same order and never deadlock."""
        ordered = sorted(set(paths))
        for start in range(0, len(ordered), _ENQUEUE_BATCH):
            batch = ordered[start : start + _ENQUEUE_BATCH]
            self.database.execute_many(
                "INSERT INTO claims (path, extractor) VALUES (:path, :extractor) ON CONFLICT DO NOTHING",
                [{"path": path, "extractor": extractor} for path in batch],
            )

    def take(
        self, paths: Sequence[str], extractor: str, run_id: int, done: Done
    ) -> tuple[list[str], list[str], list[str]]:
        """Try to claim `paths`: returns (taken, finished, held elsewhere).

        `done(db, paths, extractor)` names those of them already stored as they are now (another run did them
        since this one planned): they are finished, not taken. A path with no claim row was finished by another run.
        """
        for attempt in range(5):
            try:
                return self._take(paths, extractor, run_id, done)
            except OperationalError as error:  # PostgreSQL: a deadlock or serialisation failure is worth a retry
                if attempt == 4 or getattr(error.orig, "sqlstate", None) not in {"40P01", "40001"}:
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def _take(
        self, paths: Sequence[str], extractor: str, run_id: int, done: Done
    ) -> tuple[list[str], list[str], list[str]]:
        wanted = sorted(set(paths))
        lock = " FOR UPDATE OF c SKIP LOCKED" if self.database.dialect == "postgresql" else ""
        where = {"extractor": extractor, "paths": wanted}
        with self.database.write() as db:
            present = {row[0] for row in db.execute(_QUEUED, where)}
            free = db.execute(
                text(_FREE + lock).bindparams(_PATHS, bindparam("dead", expanding=True)),
                {
                    **where,
                    "me": run_id,
                    "stale": time.time() - self.lease,
                    "dead": _dead_local_runs(db),
                },
            )
            free_paths = sorted(row[0] for row in free)
            finished_now = done(db, free_paths, extractor) if free_paths else set()
            taken = [path for path in free_paths if path not in finished_now]
            if finished_now:
                db.execute(_DELETE, {"extractor": extractor, "paths": sorted(finished_now)})
            if taken:
                db.execute(_TAKE, {"extractor": extractor, "paths": taken, "me": run_id, "now": time.time()})
        finished = [path for path in wanted if path not in present] + sorted(finished_now)
        kept = set(taken) | finished_now
        held = [path for path in wanted if path in present and path not in kept]
        return taken, finished, held

    def claimed(
        self,
        paths: Sequence[str],
        extractor: str,
        run_id: int,
        done: Done,
        counts: ClaimCounts,
        poll: float = 1.0,
    ) -> Iterator[Iterable[str]]:
        """The paths this run may do, in rounds; each file is claimed just before it is handed out.

        The first round takes what is free and never waits. The files another live run held come in later
        rounds, once that run has stored them (they are then dropped) or died. The caller asks for a round only
        when the one before is done and written, so a run waits only while it holds nothing: two runs can never
        wait for each other. The rounds end when every path is finished, by this run or another.
        """
        self.enqueue(paths, extractor)
        deferred: list[str] = []

        def first() -> Iterator[str]:
            for start in range(0, len(paths), TAKE):
                taken, finished, held = self.take(paths[start : start + TAKE], extractor, run_id, done)
                counts.elsewhere += len(finished)
                deferred.extend(held)
                yield from taken

        yield first()
        while deferred:
            started = time.perf_counter()
            time.sleep(min(poll, self.lease / 4))
            counts.waited += time.perf_counter() - started
            now_taken: list[str] = []
            still: list[str] = []
            for start in range(0, len(deferred), TAKE):
                taken, finished, held = self.take(deferred[start : start + TAKE], extractor, run_id, done)
                counts.elsewhere += len(finished)
                now_taken += taken
                still += held
            deferred = still
            if now_taken:
                yield now_taken

    @staticmethod
    def finish(db: Connection, path: str, extractor: str) -> None:
        """End a file's claim inside the transaction that stores its outcome."""
        db.execute(
            text("DELETE FROM claims WHERE path = :path AND extractor = :extractor"),
            {"path": path, "extractor": extractor},
        )


def _dead_local_runs(db: Connection) -> list[int]:
    """Unfinished runs started on this machine whose process is gone (killed): their claims are free at once."""
    rows = db.execute(
        text("SELECT id, pid FROM runs WHERE finished_at IS NULL AND host = :host AND pid IS NOT NULL"),
        {"host": socket.gethostname()},
    )
    return [run for run, pid in rows if not _process_exists(int(pid))]


def _process_exists(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A killed child not yet reaped still has a pid (its parent, a test, has not waited for it yet)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8")
    except OSError:
        return False
    return status.rpartition(")")[2].split()[:1] == ["Z"]


__all__ = ["DEFAULT_LEASE", "ClaimCounts", "Claims"]
