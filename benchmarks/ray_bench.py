"""The same batch on the process pool and on a local Ray (2 workers), and what one report costs, for issue 15.

    python benchmarks/ray_bench.py [--files 2000] [--postgresql URL] [--model-seconds 5 30]

Prints, on one batch of synthetic reports (benchmarks/synthetic.py, the rules backend with the checks):
- the rate of the process pool (2 workers) and of a local Ray with 2 CPUs, side by side: wall seconds with and
  without Ray's start-up, reports/s;
- per-report cost: CPU in one process (interpreter start excluded), the driver's cost to write one report
  (SQLite, and PostgreSQL when a URL is given), and our own CPU per llm report against a zero-delay local
  OpenAI-compatible server (benchmarks/fake_llm_server.py) on Ray;
- from those, an estimate of reports/hour on N workers for the rules and the llm backends.
The machine is shared: rates move with its load (printed). Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

from fake_llm_server import serve  # noqa: E402
from synthetic import write_batch  # noqa: E402

from jixiao.batch import Job, Outcome, process_file, run_batch  # noqa: E402
from jixiao.checks import run_checks  # noqa: E402
from jixiao.ray_engine import RayEngine  # noqa: E402
from jixiao.sinks import StoreSink  # noqa: E402
from jixiao.store import Store  # noqa: E402

RULES = Job("rules", "rules", checker=run_checks)


def load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def timed_batch(files: list[Path], db: str, engine: RayEngine | None) -> tuple[float, int]:
    started = time.perf_counter()
    with Store(db) as store:
        tally = run_batch(StoreSink(store), files, RULES, workers=2, engine=engine)
    return time.perf_counter() - started, tally.done


def ray_start_seconds() -> float:
    import ray

    started = time.perf_counter()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, object_store_memory=256 * 1024 * 1024,
             runtime_env={"env_vars": {"PYTHONPATH": str(ROOT / "src")}})  # fmt: skip
    ray.get(ray.remote(lambda: None).remote())
    return time.perf_counter() - started


def cpu_per_report(files: list[Path]) -> float:
    """CPU seconds per report in this process (imports and the first report's warm-up left out)."""
    process_file(str(files[0]), RULES)
    started = time.process_time()
    for file in files[1:]:
        process_file(str(file), RULES)
    return (time.process_time() - started) / (len(files) - 1)


def write_cost(outcomes: list[Outcome], db: str) -> float:
    """Wall seconds per report for the driver to store finished outcomes (one transaction each)."""
    with Store(db) as store:
        sink = StoreSink(store)
        sink.plan([], RULES)
        started = time.perf_counter()
        for outcome in outcomes:
            sink.put(outcome)
        return (time.perf_counter() - started) / len(outcomes)


def llm_overhead(folder: Path, reports: int) -> tuple[float, float]:
    """(wall s, our CPU s per report) for the llm backend on Ray against a zero-delay server."""
    import ray

    from jixiao.extract.llm import LlmExtractor
    from jixiao.settings import load_settings

    files = write_batch(folder, reports, seed=8)
    with serve(0.0) as (url, _):
        settings = load_settings(base_url=url, api_key="bench", model="fake", cache=False)
        cpu_before = _cluster_cpu(ray)
        started = time.perf_counter()
        with Store(str(folder / "llm.db")) as store:
            run_batch(StoreSink(store), files, Job("llm", "llm:fake:v1"), extractor=LlmExtractor(settings),
                      engine=RayEngine(workers=2, concurrency=4, max_in_flight=8))  # fmt: skip
        wall = time.perf_counter() - started
        return wall, (_cluster_cpu(ray) - cpu_before) / reports


def _cluster_cpu(ray: object) -> float:
    """CPU seconds of this process and every Ray worker process so far (from /proc)."""
    total = time.process_time()
    ticks = os.sysconf("SC_CLK_TCK")
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
            if b"ray::" not in command and b"default_worker.py" not in command:
                continue
            fields = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
        except OSError:
            continue
    return total


def estimate(per_worker: float, rules_cpu: float, write_s: float, llm_cpu: float, model_seconds: list[float]) -> None:
    """Reports/hour from the measured costs. Rules: N workers at the rate one Ray worker reached here, and at
    the one-process CPU cost (an idle CPU), both capped by the single driver's writes. LLM: what the model
    service answers (requests in flight / seconds per answer), and the CPUs our own work then needs."""
    driver_cap = 3600 / write_s
    print(f"\nestimate; the driver writes at most {driver_cap:,.0f} reports/h ({write_s * 1000:.2f} ms each)")
    print("| workers | rules reports/h, as measured here | rules reports/h, idle CPUs |")
    print("|---:|---:|---:|")
    for workers in (2, 8, 32, 128, 512):
        measured = min(workers * per_worker * 3600, driver_cap)
        ideal = min(workers * 3600 / rules_cpu, driver_cap)
        print(f"| {workers} | {measured:,.0f} | {ideal:,.0f} |")
    print("| --max-in-flight | " + " | ".join(f"llm reports/h at {s:g} s an answer (CPUs we need)" for s in model_seconds) + " |")
    print("|---:|" + "---:|" * len(model_seconds))
    for in_flight in (8, 32, 128, 512, 2048):
        cells = []
        for seconds in model_seconds:
            rate = min(in_flight / seconds * 3600, driver_cap)
            cells.append(f"{rate:,.0f} ({rate / 3600 * llm_cpu:.1f})")
        print(f"| {in_flight} | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--postgresql", help="also time the driver's writes on this PostgreSQL store")
    parser.add_argument("--model-seconds", type=float, nargs="+", default=[5.0, 30.0])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        files = write_batch(folder / "reports", args.files, seed=15)
        print(f"{len(files)} synthetic reports; load average {load()}")
        pool_s, pool_done = timed_batch(files, str(folder / "pool.db"), None)
        print(f"process pool, 2 workers: {pool_s:.1f} s, {pool_done / pool_s:.1f} reports/s (load {load()})")
        start_s = ray_start_seconds()
        ray_s, ray_done = timed_batch(files, str(folder / "ray.db"), RayEngine(workers=2))
        print(f"local Ray, 2 CPUs:       {ray_s:.1f} s, {ray_done / ray_s:.1f} reports/s (load {load()}); "
              f"Ray start {start_s:.1f} s, so {ray_done / (ray_s + start_s):.1f} reports/s with it")  # fmt: skip
        sample = files[:201]
        rules_cpu = cpu_per_report(sample)
        outcomes = [process_file(str(file), RULES) for file in sample[:200]]
        write_s = write_cost(outcomes, str(folder / "writes.db"))
        print(f"rules: {rules_cpu * 1000:.1f} ms CPU per report in one process; "
              f"driver write {write_s * 1000:.2f} ms per report (SQLite)")  # fmt: skip
        if args.postgresql:
            pg_write = write_cost(outcomes, args.postgresql)
            print(f"driver write on PostgreSQL: {pg_write * 1000:.2f} ms per report")
            write_s = max(write_s, pg_write)
        llm_wall, llm_cpu = llm_overhead(folder / "llm", 96)
        print(f"llm on Ray, zero-delay server: 96 reports in {llm_wall:.1f} s; our CPU {llm_cpu * 1000:.0f} ms per report")
        estimate(ray_done / ray_s / 2, rules_cpu, write_s, llm_cpu, args.model_seconds)


if __name__ == "__main__":
    main()
