"""Batch benchmark: extract + check + store throughput, peak memory and no-change re-runs; llm concurrency.

    python benchmarks/batch_bench.py                      # rules at N = 1,000 and 10,000, then the llm half
    python benchmarks/batch_bench.py --sizes 1000 --no-llm

Prints figures; asserts nothing (speed goals are met here, never in timed unit tests). Each rules run is
a fresh interpreter, so its peak RSS is its own; a thread samples /proc for the parent and its worker
processes. Targets (2 cores): >= 200 reports/s, memory flat as N grows, no-change re-run of 10,000 < 5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

from synthetic import write_batch  # noqa: E402


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                    parents[int(entry)] = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = [], [root]
    while frontier:
        pid = frontier.pop()
        children = [child for child, parent in parents.items() if parent == pid]
        found.extend(children)
        frontier.extend(children)
    return found


class MemorySampler(threading.Thread):
    """Peak RSS of this process, of the largest worker, and of all of them together."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.parent_kb = self.worker_kb = self.total_kb = 0

    def run(self) -> None:
        me = os.getpid()
        while not self.stop.wait(0.1):
            parent = _rss_kb(me)
            workers = [_rss_kb(pid) for pid in _descendants(me)]
            self.parent_kb = max(self.parent_kb, parent)
            self.worker_kb = max(self.worker_kb, max(workers, default=0))
            self.total_kb = max(self.total_kb, parent + sum(workers))


def child_run(folder: str, db: str, workers: int) -> None:
    """One timed batch in this (fresh) interpreter; prints a JSON line of figures."""
    from jixiao.batch import Job, run_batch
    from jixiao.checks import run_checks
    from jixiao.store import Store

    sampler = MemorySampler()
    sampler.start()
    files = sorted(Path(folder).rglob("*.txt"))
    started = time.perf_counter()
    with Store(db) as store:
        tally = run_batch(store, files, Job("rules", "rules", checker=run_checks), workers=workers)
    seconds = time.perf_counter() - started
    sampler.stop.set()
    sampler.join()
    figures = {
        "seconds": seconds,
        "done": tally.done,
        "failed": tally.failed,
        "flagged": tally.flagged,
        "skipped": tally.skipped,
        "parent_mb": sampler.parent_kb / 1024,
        "worker_mb": sampler.worker_kb / 1024,
        "total_mb": sampler.total_kb / 1024,
    }
    print(json.dumps(figures))


def _child(folder: Path, db: Path, workers: int) -> dict[str, float]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, __file__, "--child", str(folder), str(db), str(workers)]
    output = subprocess.run(command, env=environment, capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def _cli_seconds(folder: Path, db: Path) -> float:
    """Wall time of `jixiao run` as a user types it (interpreter start and imports included)."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "jixiao", "run", str(folder), "--db", str(db)],
        env=environment,
        capture_output=True,
        check=True,
    )
    return time.perf_counter() - started


def cpu_per_report(count: int = 200) -> float:
    """CPU seconds per report for extract + check + store in one process: the figure machine load cannot move."""
    from jixiao.batch import Job, run_batch
    from jixiao.checks import run_checks
    from jixiao.store import Store

    with tempfile.TemporaryDirectory(prefix="jixiao-cpu-") as temporary:
        files = write_batch(Path(temporary) / "reports", count, seed=5)
        with Store(Path(temporary) / "cpu.db") as store:
            run_batch(store, files[:4], Job("rules", "rules", checker=run_checks), workers=1)  # warm-up
            started = time.process_time()
            run_batch(store, files[4:], Job("rules", "rules", checker=run_checks), workers=1)
            return (time.process_time() - started) / (count - 4)


def bench_rules(sizes: list[int], workers: int) -> None:
    print(f"rules backend, extract + check + store, {workers} worker processes, {os.cpu_count()} cores")
    print(
        f"load average before: {' '.join(f'{v:.1f}' for v in os.getloadavg())}",
        "(other work on the machine slows the wall-clock rates)",
    )
    cpu = cpu_per_report()
    print(
        f"CPU time per report, one process: {cpu * 1000:.1f} ms",
        f"-> at most {workers / cpu:.0f} reports/s on {workers} idle cores",
    )
    print(
        f"{'N':>7} {'s':>7} {'reports/s':>10} {'flagged':>8} {'parent MB':>10} {'worker MB':>10} "
        f"{'total MB':>9} {'re-run s':>9} {'re-run CLI s':>13} {'db MB':>7}"
    )
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="jixiao-bench-") as temporary:
            folder = Path(temporary) / "reports"
            write_batch(folder, size, seed=size)
            db = Path(temporary) / "bench.db"
            first = _child(folder, db, workers)
            again = _child(folder, db, workers)
            cli = _cli_seconds(folder, db)
            assert first["done"] == size and again["skipped"] == size, (first, again)
            print(
                f"{size:>7} {first['seconds']:>7.1f} {size / first['seconds']:>10.0f} {first['flagged']:>8.0f} "
                f"{first['parent_mb']:>10.0f} {first['worker_mb']:>10.0f} {first['total_mb']:>9.0f} "
                f"{again['seconds']:>9.2f} {cli:>13.2f} {db.stat().st_size / 1e6:>7.0f}"
            )
    print(f"load average after: {' '.join(f'{v:.1f}' for v in os.getloadavg())}")


def bench_llm(count: int, delay: float, levels: list[int]) -> None:
    import asyncio  # noqa: F401  (the llm half runs on asyncio inside run_batch)

    from fake_llm_server import serve

    from jixiao.batch import Job, run_batch
    from jixiao.extract.llm import LlmExtractor
    from jixiao.settings import load_settings
    from jixiao.store import Store

    with tempfile.TemporaryDirectory(prefix="jixiao-llm-bench-") as temporary:
        files = write_batch(Path(temporary) / "reports", count, seed=11)

        def one_run(answer_delay: float, concurrency: int, batch: list[Path]) -> tuple[float, int]:
            with serve(answer_delay) as (url, counters):
                settings = load_settings(
                    base_url=url, api_key="bench-key", model="bench", cache=False, max_concurrency=concurrency
                )
                db = Path(tempfile.mkdtemp(dir=temporary)) / "llm.db"
                with Store(db) as store:
                    started = time.perf_counter()
                    tally = run_batch(
                        store, batch, Job("llm", "llm:bench"), concurrency=concurrency, extractor=LlmExtractor(settings)
                    )
                    seconds = time.perf_counter() - started
                assert tally.done == len(batch), tally.failures[:3]
                return seconds, counters.peak

        one_run(0.0, 1, files[:2])  # warm-up: imports openai/instructor, builds schemas
        zero, _ = one_run(0.0, 1, files)
        print(f"\nllm backend against a local OpenAI-compatible server, {count} reports, no cache")
        print(f"our own overhead with a zero-delay server, one at a time: {zero / count * 1000:.1f} ms per report")
        print(f"server answer delay {delay * 1000:.0f} ms per request")
        print(
            f"{'concurrency':>11} {'s':>7} {'reports/s':>10} {'ideal/s':>8} {'peak in flight':>15} {'overhead ms':>12}"
        )
        for level in levels:
            seconds, peak = one_run(delay, level, files)
            overhead = seconds * level / count - delay  # per report, beyond the server's delay
            print(
                f"{level:>11} {seconds:>7.2f} {count / seconds:>10.1f} {level / delay:>8.1f} {peak:>15} "
                f"{overhead * 1000:>12.1f}"
            )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child_run(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-llm", action="store_true")
    parser.add_argument("--llm-reports", type=int, default=64)
    parser.add_argument("--llm-delay", type=float, default=0.25)
    parser.add_argument("--llm-levels", type=int, nargs="+", default=[1, 2, 4, 8, 16])
    arguments = parser.parse_args()
    bench_rules(arguments.sizes, arguments.workers)
    if not arguments.no_llm:
        bench_llm(arguments.llm_reports, arguments.llm_delay, arguments.llm_levels)


if __name__ == "__main__":
    main()
