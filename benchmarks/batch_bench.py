"""Batch benchmark: the rules batch (extract + check + store) before and after a change, in the same run.

    python benchmarks/batch_bench.py                          # this checkout alone, then the llm half
    python benchmarks/batch_bench.py --before 77c4065 3d57c2f --sizes 1000 10000 --before-sizes 1000 --no-llm

Both versions run the same batch in a fresh interpreter each (`run_batch` into a SQLite store, 2 worker
processes, the checks on), each from its own source tree (`--before REF` is unpacked from git), on the same
synthetic reports, so the figures compare like with like on this machine at this moment. (The whole `jixiao
run` command also links the store into series since issue 14: that step is timed apart, `series s`, and is
not part of the batch.) The machine is shared: wall-clock rates move with its load (printed before and
after); CPU time per report moves much less, and is the figure to compare.

- CPU per report: one process (`--workers 1`) over N and over N + 300 files; the difference divided by 300,
  so interpreter start and imports cancel out.
- reports/s: wall clock of the whole command at N files with 2 worker processes; CPU s: the whole process
  tree (parent, forkserver, workers), read from /proc every 50 ms.
- memory: peak resident memory of the parent, the largest worker and all together.
- store KB/report: size of the SQLite file (and its WAL) after the run, per report.
- re-run s: the same command again with nothing changed (every file skipped).

Prints figures; asserts nothing (speed goals are met here, never in timed unit tests).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

from synthetic import write_batch  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def _stat_fields(pid: int) -> list[str] | None:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
            return handle.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(root: int) -> list[int]:
    """`root` and every process below it."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = _stat_fields(int(entry))
            if fields is not None:
                parents[int(entry)] = int(fields[1])
    found, frontier = [root], [root]
    while frontier:
        pid = frontier.pop()
        children = [child for child, parent in parents.items() if parent == pid]
        found.extend(children)
        frontier.extend(children)
    return found


class Sampler(threading.Thread):
    """Peak RSS (parent, largest worker, all) and CPU seconds of a process tree, sampled every 50 ms."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.stop = threading.Event()
        self.parent_kb = self.worker_kb = self.total_kb = 0
        self.cpu_ticks: dict[int, int] = {}

    def run(self) -> None:
        while not self.stop.wait(0.05):
            pids = _tree(self.root)
            sizes = {pid: _rss_kb(pid) for pid in pids}
            for pid in pids:
                fields = _stat_fields(pid)
                if fields is not None:  # utime + stime of the process itself
                    self.cpu_ticks[pid] = max(self.cpu_ticks.get(pid, 0), int(fields[11]) + int(fields[12]))
            workers = [size for pid, size in sizes.items() if pid != self.root]
            self.parent_kb = max(self.parent_kb, sizes.get(self.root, 0))
            self.worker_kb = max(self.worker_kb, max(workers, default=0))
            self.total_kb = max(self.total_kb, sum(sizes.values()))

    @property
    def cpu_seconds(self) -> float:
        return sum(self.cpu_ticks.values()) / TICKS


@dataclass
class Measured:
    seconds: float
    cpu: float
    parent_mb: float
    worker_mb: float
    total_mb: float


BATCH = """
import sys
from pathlib import Path
from jixiao.batch import Job, run_batch
from jixiao.checks import run_checks
from jixiao.store import Store
try:  # the one batch engine (issue 16) takes a sink; before it, the store itself
    from jixiao.sinks import StoreSink
except ImportError:
    StoreSink = lambda store: store
folder, db, workers = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
with Store(db) as store:
    tally = run_batch(StoreSink(store), sorted(folder.rglob("*.txt")), Job("rules", "rules", checker=run_checks),
                      workers=workers)
assert tally.failed == 0, tally.failures[:3]
"""


def jixiao_run(src: Path, folder: Path, db: Path, workers: int) -> Measured:
    """The rules batch from the source tree `src` in a fresh interpreter, timed, with its process tree sampled."""
    environment = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, "-c", BATCH, str(folder), str(db), str(workers)]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = Sampler(process.pid)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    sampler.stop.set()
    sampler.join()
    if status != 0:
        problem = process.stderr.read().decode()[-2000:] if process.stderr else ""
        raise SystemExit(f"the batch failed ({src}): {problem}")
    # the parent's own CPU exactly (wait4); the other processes as last sampled
    others = sum(ticks for pid, ticks in sampler.cpu_ticks.items() if pid != process.pid) / TICKS
    return Measured(
        seconds=seconds,
        cpu=usage.ru_utime + usage.ru_stime + others,
        parent_mb=sampler.parent_kb / 1024,
        worker_mb=sampler.worker_kb / 1024,
        total_mb=sampler.total_kb / 1024,
    )


STAGES = """
import gc, sys, time
from pathlib import Path
from jixiao.checks import run_checks
from jixiao.documents import load_document
from jixiao.extract.rules import extract_rules
from jixiao.store import Extracted, FileStat
files = sorted(Path(sys.argv[1]).rglob("*.txt"))
for path in files[:5]:  # warm-up: regexes compiled, rules registered
    document = load_document(path)
    run_checks(extract_rules(document), document.match_text)
gc.freeze()
gc.set_threshold(50_000, 50, 100)  # as in the batch's worker processes
spent = dict(load=0.0, extract=0.0, check=0.0, pack=0.0)
for path in files:
    clock = time.process_time()
    document = load_document(path)
    spent["load"] += time.process_time() - clock
    clock = time.process_time()
    report = extract_rules(document)
    spent["extract"] += time.process_time() - clock
    clock = time.process_time()
    findings = run_checks(report, document.match_text)
    spent["check"] += time.process_time() - clock
    clock = time.process_time()
    Extracted.build(path=str(path), stat=FileStat.of(path), text=document.text, extractor="rules", report=report,
                    findings=findings)
    spent["pack"] += time.process_time() - clock
print(" ".join(f"{stage} {seconds / len(files) * 1000:.2f}" for stage, seconds in spent.items()))
"""


def where_time_goes(src: Path, folder: Path) -> str:
    """CPU ms per report of each stage in one process: load (decode, normalize), extract (the rules backend),
    check, pack (the report and findings to JSON, zlib). The store's writes in the parent come on top."""
    environment = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", STAGES, str(folder)], env=environment, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def series_seconds(src: Path, db: Path) -> float | None:
    """Wall time of linking a filled store into series and checking pairs of years (what `jixiao run` adds
    after the batch since issue 14); None for a version without series."""
    environment = {**os.environ, "PYTHONPATH": str(src)}
    code = "import sys\nfrom jixiao.series import refresh_series\nfrom jixiao.store import Store\n"
    code += "with Store(sys.argv[1]) as store:\n    refresh_series(store)\n"
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, str(db)], env=environment, capture_output=True, check=False)
    return time.perf_counter() - started if done.returncode == 0 else None


def source_tree(ref: str, into: Path) -> Path:
    """The `src/` folder of the commit `ref`, unpacked from git into `into`."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "src"], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def store_kb(db: Path) -> float:
    return sum(path.stat().st_size for path in db.parent.glob(db.name + "*")) / 1024


def cpu_per_report(src: Path, workdir: Path) -> float:
    """CPU ms per report in one process, start-up and imports cancelled out (N and N + 300 files)."""
    small, large = workdir / "small", workdir / "large"
    write_batch(small, 20, seed=5)
    write_batch(large, 320, seed=5)
    first = jixiao_run(src, small, workdir / "small.db", workers=1)
    second = jixiao_run(src, large, workdir / "large.db", workers=1)
    return (second.cpu - first.cpu) / 300 * 1000


def bench_rules(versions: dict[str, Path], sizes: dict[str, list[int]], workers: int) -> None:
    print(f"rules backend, `jixiao run`: extract + check + store, {workers} worker processes, {os.cpu_count()} cores")
    print(f"load average before: {' '.join(f'{v:.1f}' for v in os.getloadavg())} (1, 5, 15 min)")
    with tempfile.TemporaryDirectory(prefix="jixiao-bench-") as temporary:
        work = Path(temporary)
        for name, src in versions.items():
            cpu = cpu_per_report(src, work / f"cpu-{name}")
            stages = where_time_goes(src, work / f"cpu-{name}" / "large")
            print(f"{name:>8}: CPU ms per report by stage, one process: {stages}")
            ceiling = workers * 1000 / cpu
            print(
                f"{name:>8}: CPU per report, one process: {cpu:.2f} ms -> at most {ceiling:,.0f}/s on {workers} cores"
            )
        print(
            f"{'version':>8} {'N':>7} {'s':>7} {'reports/s':>10} {'CPU s':>7} {'CPU ms/rep':>10} {'parent MB':>10} "
            f"{'worker MB':>10} {'total MB':>9} {'store KB/rep':>12} {'re-run s':>9} {'series s':>9}"
        )
        for name, src in versions.items():
            for size in sizes[name]:
                folder = work / f"reports-{size}"
                if not folder.exists():
                    write_batch(folder, size, seed=size)
                db = work / f"{name}-{size}.db"
                first = jixiao_run(src, folder, db, workers)
                again = jixiao_run(src, folder, db, workers)
                size_kb = store_kb(db)
                series = series_seconds(src, db)
                print(
                    f"{name:>8} {size:>7} {first.seconds:>7.1f} {size / first.seconds:>10.0f} {first.cpu:>7.1f} "
                    f"{first.cpu / size * 1000:>10.2f} {first.parent_mb:>10.0f} {first.worker_mb:>10.0f} "
                    f"{first.total_mb:>9.0f} {size_kb / size:>12.1f} {again.seconds:>9.2f} "
                    f"{'–' if series is None else f'{series:.1f}':>9}"
                )
    print(f"load average after: {' '.join(f'{v:.1f}' for v in os.getloadavg())}")


def bench_llm(count: int, delay: float, levels: list[int]) -> None:
    from fake_llm_server import serve

    from jixiao.batch import Job, run_batch
    from jixiao.extract.llm import LlmExtractor
    from jixiao.settings import load_settings
    from jixiao.sinks import StoreSink
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
                        StoreSink(store),
                        batch,
                        Job("llm", "llm:bench"),
                        concurrency=concurrency,
                        extractor=LlmExtractor(settings),
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
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000], help="batch sizes for this checkout")
    parser.add_argument(
        "--before", nargs="*", default=[], help="git refs to compare with (e.g. a commit before a change)"
    )
    parser.add_argument("--before-sizes", type=int, nargs="*", default=[1000], help="batch sizes for --before")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-llm", action="store_true")
    parser.add_argument("--llm-reports", type=int, default=64)
    parser.add_argument("--llm-delay", type=float, default=0.25)
    parser.add_argument("--llm-levels", type=int, nargs="+", default=[1, 2, 4, 8, 16])
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jixiao-before-") as before_dir:
        versions: dict[str, Path] = {}
        sizes: dict[str, list[int]] = {}
        for ref in arguments.before:
            versions[ref] = source_tree(ref, Path(before_dir) / ref)
            sizes[ref] = arguments.before_sizes
        versions["after"] = ROOT / "src"
        sizes["after"] = arguments.sizes
        bench_rules(versions, sizes, arguments.workers)
    if not arguments.no_llm:
        bench_llm(arguments.llm_reports, arguments.llm_delay, arguments.llm_levels)


if __name__ == "__main__":
    main()
