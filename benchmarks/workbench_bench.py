"""Workbench benchmark: how long the queue and an item page take on a store of N synthetic reports.

    python benchmarks/workbench_bench.py                 # N = 1,000 and 5,000
    python benchmarks/workbench_bench.py --sizes 2000

Prints figures; asserts nothing. The first queue parses every stored report; later ones read the store's
index and the decisions and rebuild only the documents whose decisions moved (corrections rerun their checks).
The item page reads one report, then the queue for its previous/next links. Decisions on a tenth of the
documents with a flagged finding, and a correction on every twentieth, show what reviewing costs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

from starlette.testclient import TestClient  # noqa: E402
from synthetic import write_batch  # noqa: E402

from jixiao.batch import Job, run_batch  # noqa: E402
from jixiao.checks import run_checks  # noqa: E402
from jixiao.review.corrections import figure_slots  # noqa: E402
from jixiao.review.decisions import (  # noqa: E402
    Action,
    Correction,
    CorrectionKind,
    DecisionDraft,
    DecisionLog,
    finding_key,
)
from jixiao.sinks import StoreSink  # noqa: E402
from jixiao.store import Store  # noqa: E402
from jixiao.workbench import Access, create_app  # noqa: E402


def _timed(client: TestClient, url: str, repeat: int = 3) -> float:
    seconds = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        seconds.append(time.perf_counter() - started)
        assert response.status_code == 200, response.text[:500]
    return statistics.median(seconds)


def _decide_some(db: Path) -> tuple[int, int]:
    """Confirm every tenth flagged finding, and correct a figure in every twentieth document with one."""
    decided = corrected = 0
    with Store(db) as store:
        log = DecisionLog(store.database)
        for number, result in enumerate(store.results(with_text=False)):
            flagged = [f for f in result.findings if f.severity.rank >= 1]
            if not flagged or number % 10:
                continue
            base = {
                "reviewer": "bench",
                "document_sha256": result.document.sha256,
                "document_path": result.document.path,
                "extractor": result.extractor,
                "finding_key": finding_key(flagged[0]),
                "rule": flagged[0].rule,
            }
            log.record([DecisionDraft(**base, action=Action.CONFIRM)])
            decided += 1
            if number % 20 == 0:
                slot = next(s for s in figure_slots(result.report) if s.figure is not None)
                change = Correction(kind=CorrectionKind.REMOVE, before=slot.figure, after=None)
                log.record([DecisionDraft(**base, action=Action.CORRECT, figure_path=slot.path, correction=change)])
                corrected += 1
    return decided, corrected


def bench(size: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        files = write_batch(Path(folder) / "reports", size)
        db = Path(folder) / "bench.db"
        started = time.perf_counter()
        with Store(db) as store:
            run_batch(StoreSink(store), files, Job("rules", "rules", checker=run_checks), workers=2)
        batch = time.perf_counter() - started
        client = TestClient(create_app(db, Access(reviewer="bench"), allowed_hosts=["testserver"]))
        cold = _timed(client, "/queue", repeat=1)  # every report parsed
        warm = _timed(client, "/queue")  # nothing changed: rows kept
        decided, corrected = _decide_some(db)
        after = _timed(client, "/queue", repeat=1)  # the decided documents rebuilt, the corrected ones rechecked
        filtered = _timed(client, "/queue?state=confirmed")
        page = client.get("/queue").text
        item = page.split('class="open" href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
        item_page = _timed(client, item)
        print(
            f"| {size:,} | {batch:.1f} | {cold:.2f} | {warm:.2f} | {decided} / {corrected} | {after:.2f} "
            f"| {filtered:.2f} | {item_page:.2f} |",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    sizes = parser.parse_args().sizes
    print(
        "| N reports | batch s | queue, first s | queue again s | decisions / corrections | queue after them s "
        "| filtered queue s | item page s |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        bench(size)


if __name__ == "__main__":
    main()
