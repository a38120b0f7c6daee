"""How long each loader takes on the format samples, and on a large workbook and page.

Run: `PYTHONPATH=src python benchmarks/load_formats.py`. Prints milliseconds per document and the peak
resident memory, so a change to a loader can be compared before and after (no thresholds here).
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

from jixiao.documents import load_document

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _timed(path: Path, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        load_document(path)
    return (time.perf_counter() - start) / repeat * 1000


def _large_workbook(folder: Path, rows: int) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for index in range(rows):
        sheet.append([f"指标{index}", "≥95%", 0.972, 20, 19.5, "产出指标", "数量指标", 820.5, "说明"])
    path = folder / f"large-{rows}.xlsx"
    workbook.save(path)
    return path


def _large_page(folder: Path, copies: int) -> Path:
    page = (SAMPLES / "fmt_html_qinghe_2023.html").read_bytes()
    body_start, body_end = page.index(b"<h1>"), page.index(b"</td></tr></table><script>")
    path = folder / f"large-{copies}.html"
    path.write_bytes(page[:body_start] + page[body_start:body_end] * copies + page[body_end:])
    return path


def main() -> None:
    print(f"{'document':40} {'ms/doc':>10}")
    for path in sorted(SAMPLES.glob("fmt_*.*")):
        print(f"{path.name:40} {_timed(path, 5):10.1f}")
    with tempfile.TemporaryDirectory() as folder:
        for path in (_large_workbook(Path(folder), 20_000), _large_page(Path(folder), 200)):
            size = path.stat().st_size / 1e6
            print(f"{path.name + f' ({size:.1f} MB)':40} {_timed(path, 1):10.1f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MB", file=sys.stdout)


if __name__ == "__main__":
    main()
