"""`jixiao run --engine ray`: the same pipeline as Ray tasks on a local Ray with 2 CPUs; the driver writes what
the tasks send back, and a model backend's requests in flight are capped across the cluster."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from jixiao.batch import Job, run_batch
from jixiao.checks import run_checks
from jixiao.cli import app
from jixiao.sinks import StoreSink
from jixiao.store import Store

sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import write_batch

runner = CliRunner()
RULES = Job("rules", "rules", checker=run_checks)


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    """One local Ray (2 CPUs) for the module: starting one costs seconds; RayEngine joins it."""
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install -e '.[ray]')")
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        object_store_memory=256 * 1024 * 1024,
        runtime_env={"env_vars": {"PYTHONPATH": str(ROOT / "src")}},
    )
    yield
    ray.shutdown()


def stored(db: str | Path, folder: Path) -> dict[str, tuple[str, list[str]]]:
    """Each report (as JSON, less what says when and by which run) with its findings' rules, by relative path."""
    with Store(db) as store:
        return {
            str(Path(r.document.path).relative_to(folder)): (
                r.report.model_dump_json(),
                sorted(f.rule for f in r.findings),
            )
            for r in store.results()
        }


@pytest.mark.slow
def test_ray_tasks_store_the_same_reports_as_the_process_pool(
    local_ray: None, tmp_path: Path, store_target: str
) -> None:
    from jixiao.ray_engine import RayEngine

    folder = tmp_path / "reports"
    files = write_batch(folder, 24, seed=4)
    with Store(tmp_path / "pool.db") as store:
        pool = run_batch(StoreSink(store), files, RULES, workers=2)
    with Store(store_target) as store:
        on_ray = run_batch(StoreSink(store), files, RULES, engine=RayEngine(workers=2))
        assert store.count("claims") == 0
        again = run_batch(StoreSink(store), files, RULES, engine=RayEngine(workers=2))
    assert (pool.done, on_ray.done, on_ray.failed, again.skipped) == (24, 24, 0, 24)
    assert stored(store_target, folder) == stored(tmp_path / "pool.db", folder)


@pytest.mark.slow
def test_model_requests_in_flight_are_capped_across_the_cluster(local_ray: None, tmp_path: Path) -> None:
    from fake_llm_server import serve

    from jixiao.extract.llm import LlmExtractor
    from jixiao.ray_engine import RayEngine
    from jixiao.settings import load_settings

    files = write_batch(tmp_path / "reports", 12, seed=5)
    with serve(0.3) as (url, counters):
        settings = load_settings(base_url=url, api_key="test-key", model="fake", cache=False)
        engine = RayEngine(workers=2, concurrency=3, max_in_flight=4)  # uncapped: 2 tasks x 3 = 6 at once
        with Store(tmp_path / "j.db") as store:
            tally = run_batch(
                StoreSink(store), files, Job("llm", "llm:fake:v1"), extractor=LlmExtractor(settings), engine=engine
            )
    assert (tally.done, tally.failed) == (12, 0)
    assert counters.requests == 12 and 2 <= counters.peak <= 4


def test_the_ray_options_need_the_ray_engine(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(tmp_path), "--db", str(tmp_path / "j.db"), "--max-in-flight", "4"])
    assert result.exit_code == 2 and "--engine ray" in result.output
    result = runner.invoke(app, ["run", str(tmp_path), "--db", str(tmp_path / "j.db"), "--engine", "spark"])
    assert result.exit_code == 2 and "unknown engine" in result.output


@pytest.mark.slow
def test_jixiao_run_on_ray_stores_every_report(local_ray: None, tmp_path: Path) -> None:
    write_batch(tmp_path / "reports", 10, seed=6)
    db = tmp_path / "j.db"
    result = runner.invoke(app, ["run", str(tmp_path / "reports"), "--db", str(db), "--engine", "ray"])
    assert result.exit_code == 0, result.output
    assert "10 done" in result.output
    with Store(db) as store:
        assert store.count("extractions") == 10 and store.count("claims") == 0
