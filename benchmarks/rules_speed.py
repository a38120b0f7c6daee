"""Speed of the rules backend (load + extract) on the bundled text samples, and its growth with length.

Times are CPU time of this process, so other load on the machine does not distort them. The reader keeps
bounded caches of what repeats (cell shapes, header plans); the rounds over the same samples read them warm,
so a second figure clears every cache before each round, as a batch of distinct reports meets them.

The batch goal (bulk-runs issue) is ≥ 200 reports/s on 2 cores for extract + check + store, so
extraction alone must stay well above 100 reports/s on one core.

    python benchmarks/rules_speed.py [rounds]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from jixiao.documents import Document, load_document
from jixiao.extract import extract

ROOT = Path(__file__).resolve().parents[1]


def _clear_caches() -> None:
    for name, module in list(sys.modules.items()):
        if name.startswith("jixiao"):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def _per_second(documents: list[Document], rounds: int, *, cold: bool = False) -> float:
    elapsed = 0.0
    for _ in range(rounds):
        if cold:
            _clear_caches()
        started = time.process_time()
        for document in documents:
            extract(document, "rules")
        elapsed += time.process_time() - started
    return rounds * len(documents) / elapsed


def main(rounds: int) -> None:
    paths = sorted((ROOT / "samples").glob("*.txt"))
    started = time.process_time()
    documents = [load_document(path) for path in paths]
    load_rate = len(paths) / (time.process_time() - started)
    print(f"{len(paths)} text samples; load {load_rate:.0f} reports/s")
    print(f"extract (rules, one core): {_per_second(documents, rounds):.0f} reports/s")
    cold = _per_second(documents, rounds, cold=True)
    print(f"extract (rules, one core, caches cleared each round): {cold:.0f} reports/s")
    for copies in (1, 10, 40):
        raw = "\n".join(document.raw_text for document in documents) * copies
        long = Document.from_text(raw, path="long.txt", format="txt", sha256="-")
        started = time.process_time()
        extract(long, "rules")
        elapsed = time.process_time() - started
        size = len(long.text)
        print(f"one document of {size:>9,} chars: {elapsed * 1000:8.1f} ms ({size / elapsed:,.0f} chars/s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
