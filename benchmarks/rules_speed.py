"""Speed of the rules backend (load + extract) on the bundled text samples, and its growth with length.

Times are CPU time of this process, so other load on the machine does not distort them. The reader keeps
bounded caches of what repeats (cell shapes, header plans); the rounds over the same samples read them warm,
so a second figure clears every cache before each round, as a batch of distinct reports meets them.

The batch goal (bulk-runs issue) is ≥ 200 reports/s on 2 cores for extract + check + store, so
extraction alone must stay well above 100 reports/s on one core.

    python benchmarks/rules_speed.py [rounds] [more texts: .txt files or folders of them]

To compare two versions of the code on the same texts, run this script with each tree's `src` first on
PYTHONPATH (the script only needs `load_document` and `extract`, which every version has), alternately and
several times on a shared machine:

    PYTHONPATH=/path/to/old/src python benchmarks/rules_speed.py 7 ../shared/real
    PYTHONPATH=src python benchmarks/rules_speed.py 7 ../shared/real
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from reading_texts import clear_caches, texts

from jixiao.documents import Document, load_document
from jixiao.extract import extract

ROOT = Path(__file__).resolve().parents[1]


def _per_second(documents: list[Document], rounds: int, *, cold: bool = False) -> float:
    return 1000 / _ms_per_report(documents, rounds, cold=cold)


def _ms_per_report(documents: list[Document], rounds: int, *, cold: bool = False, best: bool = False) -> float:
    """CPU ms per report over `rounds` rounds: their mean, or the least round (`best`, the figure least
    touched by other load)."""
    times = []
    for _ in range(rounds):
        if cold:
            clear_caches()
        started = time.process_time()
        for document in documents:
            extract(document, "rules")
        times.append(time.process_time() - started)
    spent = min(times) if best else sum(times) / rounds
    return spent * 1000 / len(documents)


def main(rounds: int, more: list[Path]) -> None:
    paths = sorted((ROOT / "samples").glob("*.txt"))
    started = time.process_time()
    documents = [load_document(path) for path in paths]
    load_rate = len(paths) / (time.process_time() - started)
    print(f"{len(paths)} text samples; load {load_rate:.0f} reports/s")
    print(f"extract (rules, one core): {_per_second(documents, rounds):.0f} reports/s")
    cold = _per_second(documents, rounds, cold=True)
    print(f"extract (rules, one core, caches cleared each round): {cold:.0f} reports/s")
    if more:
        every = documents + [load_document(path) for path in more]
        _per_second(every, 1)  # a first round: imports and lazily built patterns are not what is measured
        warm = _ms_per_report(every, rounds, best=True)
        cold_ms = _ms_per_report(every, rounds, cold=True, best=True)
        print(f"{len(every)} texts (samples and {len(more)} more), least CPU of {rounds} rounds: "
              f"{warm:.2f} ms per report warm, {cold_ms:.2f} ms with every cache cleared first")  # fmt: skip
    for copies in (1, 10, 40):
        raw = "\n".join(document.raw_text for document in documents) * copies
        long = Document.from_text(raw, path="long.txt", format="txt", sha256="-")
        started = time.process_time()
        extract(long, "rules")
        elapsed = time.process_time() - started
        size = len(long.text)
        print(f"one document of {size:>9,} chars: {elapsed * 1000:8.1f} ms ({size / elapsed:,.0f} chars/s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20, texts(sys.argv[2:]))
