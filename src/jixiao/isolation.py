"""Each file is read in a worker process of its own under a memory cap and a wall-clock cap.

A decompression bomb, a parser gone quadratic or a crash in a C library must cost one file, never the
batch. So the work on a file runs in a worker process whose address space is capped (`RLIMIT_AS`) and whose
answer is awaited at most `seconds`: a worker that overruns is killed; one that dies (killed by the kernel,
a segfault, an abort) is replaced; either way the caller gets a `WorkerLost` for that file and the next
file goes to a fresh worker. Loader-level caps (documents/archive.py, …) refuse most bombs before any of
this is needed; these caps catch what they cannot foresee.

No worker outlives jixiao, even after `kill -9`: workers are forked by the stdlib fork server (started from
the main thread, its imports done once), which the kernel kills when jixiao dies (`PR_SET_PDEATHSIG`, set by
`jixiao._forkserver_guard` as it starts), and each worker is killed the same way when the fork server dies.
A worker also exits when its pipe to jixiao closes.

`IsolatedRunner` is thread-safe: a caller thread borrows an idle worker for one call. The batch engine drives
it from a few threads; a single command (extract, check) from one.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import queue
import resource
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing import forkserver
from multiprocessing.connection import Connection
from typing import Any

DEFAULT_MEMORY_MB = 2048  # address space per worker; a report's worst honest file needs a few hundred MB
DEFAULT_SECONDS = 120.0  # per file; a 500-page PDF reads in well under a minute
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class Limits:
    """What one file may cost: address space of its worker (MB) and wall-clock time (s). None: no cap."""

    memory_mb: int | None = DEFAULT_MEMORY_MB
    seconds: float | None = DEFAULT_SECONDS


@dataclass(frozen=True)
class WorkerLost:
    """The file took its worker down or overran its time; `reason` says how, for the file's error line."""

    reason: str


class _Died(Exception):
    pass


def die_with_parent() -> None:
    """Ask the kernel to SIGKILL this process when its parent (the fork server) dies. Linux only."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the pipe's end-of-file still ends the worker
        return


def _serve(connection: Connection, memory_mb: int | None, initializer: Callable[[], None] | None) -> None:
    """The worker's loop: receive (function, arguments), send back ("ok", result), ("raise", the exception)
    or ("lost", why) before exiting."""
    parent = os.getppid()
    die_with_parent()
    if os.getppid() != parent:  # the parent died before the request above took effect
        os._exit(0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it ends us through the pipe
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a file that crashes a parser leaves no core dump behind
    if memory_mb is not None:
        cap = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    if initializer is not None:
        initializer()
    while True:
        try:
            function, arguments = connection.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        try:
            answer: tuple[str, Any] = ("ok", function(*arguments))
        except MemoryError:
            answer = ("lost", "ran out of memory")
        except Exception as error:  # raised again in the caller, as it was (a ConfigError stops the batch there)
            answer = ("raise", error)
        try:
            connection.send(answer)
        except MemoryError:
            answer = ("lost", "ran out of memory")
            connection.send(answer)
        except Exception as error:  # an exception that does not pickle: its words are enough
            answer = ("raise", RuntimeError(f"{type(error).__name__}: {error}"))
            connection.send(answer)
        if answer[0] == "lost":
            return  # a process that hit its memory cap may be in any state: a fresh one takes the next file


class _Worker:
    def __init__(self, context: Any, limits: Limits, initializer: Callable[[], None] | None) -> None:
        ours, theirs = context.Pipe(duplex=True)
        self.process = context.Process(target=_serve, args=(theirs, limits.memory_mb, initializer), daemon=True)
        self.process.start()
        theirs.close()
        self.connection: Connection = ours

    def call(self, function: Callable[..., Any], arguments: tuple[Any, ...], seconds: float | None) -> Any:
        try:
            self.connection.send((function, arguments))
            if not self.connection.poll(seconds):
                self.kill()
                raise _Died(f"took longer than {seconds:g} s (the per-file time cap); stopped")
            kind, value = self.connection.recv()
        except (EOFError, OSError, BrokenPipeError):
            raise _Died(self._death()) from None
        if kind == "lost":
            self.kill()
            raise _Died(f"{value} (the per-file memory cap); stopped")
        if kind == "raise":
            raise value
        return value

    def _death(self) -> str:
        self.process.join(timeout=5)
        code = self.process.exitcode
        self.kill()
        if code is not None and code < 0:
            name = signal.Signals(-code).name if -code in signal.Signals._value2member_map_ else str(-code)
            if -code == signal.SIGKILL:
                return "its worker was killed (SIGKILL: out of memory?)"
            return f"crashed its worker ({name})"
        return f"its worker exited unexpectedly (exit status {code})"

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.connection.close()


class IsolatedRunner:
    """Calls `function(*arguments)` in worker processes under `limits`; thread-safe; at most `workers` alive."""

    def __init__(
        self,
        function: Callable[..., Any],
        *,
        workers: int = 1,
        limits: Limits | None = None,
        initializer: Callable[[], None] | None = None,
    ) -> None:
        self.function = function
        self.limits = limits or Limits()
        self.initializer = initializer
        # forkserver, not fork: the parent runs threads (progress bar, callers), and forking them can deadlock.
        # Workers fork from a server that has already imported the readers, so a replacement starts at once.
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["jixiao._forkserver_guard", "jixiao.batch", "jixiao.checks"])
        forkserver.ensure_running()  # from this thread, which lives as long as jixiao: the guard is tied to it
        self._slots = threading.Semaphore(max(1, workers))
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._all: set[_Worker] = set()

    def __call__(self, *arguments: Any) -> Any:
        """The function's result, or a WorkerLost when the call took its worker down or overran its time."""
        with self._slots:
            worker = self._borrow()
            try:
                result = worker.call(self.function, arguments, self.limits.seconds)
            except _Died as death:
                self._retire(worker)
                return WorkerLost(str(death))
            except Exception:  # the function's own exception, passed on: the worker is fine
                self._idle.put(worker)
                raise
            except BaseException:  # interrupted while waiting (Ctrl-C): the worker's state is unknown
                self._retire(worker)
                raise
            self._idle.put(worker)
            return result

    def _borrow(self) -> _Worker:
        """An idle worker, or a new one (a slot is held, so at most `workers` are ever alive)."""
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            worker = _Worker(self._context, self.limits, self.initializer)
            with self._lock:
                self._all.add(worker)
            return worker

    def _retire(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)

    def terminate(self) -> None:
        """Kill every worker now (the batch was interrupted): a caller waiting on one gets a WorkerLost."""
        with self._lock:
            workers = list(self._all)
        for worker in workers:
            if worker.process.is_alive():
                worker.process.kill()

    def close(self) -> None:
        """End the workers: each sees its pipe close and returns; one that does not within 5 s is killed."""
        with self._lock:
            workers, self._all = self._all, set()
        for worker in workers:
            worker.connection.close()  # end of file: the worker returns from its loop
        for worker in workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(timeout=5)

    def __enter__(self) -> IsolatedRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["DEFAULT_MEMORY_MB", "DEFAULT_SECONDS", "IsolatedRunner", "Limits", "WorkerLost"]
