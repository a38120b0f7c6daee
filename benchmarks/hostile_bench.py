"""Hostile-input benchmark: what each case of issue 17 costs `jixiao extract` now, one file beside a good one.

    python benchmarks/hostile_bench.py                     # every case, default caps
    python benchmarks/hostile_bench.py --memory-mb 700 --timeout 10 --cases pdf_flate_bomb slow_report

Each case is built in a temporary folder (sizes as in the issue where that is cheap to build), then
`python -m jixiao extract FOLDER --out OUT` runs in a session of its own. Printed per case: the file's size on
disk, the wall time of the whole command, the peak resident memory of its largest process (workers
included), the error line the file got, whether the good file beside it was written, and how many processes
of the run were left alive. Before this work (issue 17, measured then): the docx bomb grew past 3 GB and ended
in a MemoryError traceback, the PDF bomb reached 4 GB, the shared strings ran minutes at 1+ GB, 100,000
nested <div>s took 31 s and the stray closing tags 327 s.

Prints figures; asserts nothing (speed and memory goals are met here, never in timed unit tests).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

import hostile_files as h  # noqa: E402

GOOD = ROOT / "tests" / "data" / "short_report.txt"

CASES: dict[str, tuple[str, Callable[[Path], Path]]] = {
    "docx_zip_bomb": ("bomb.docx", lambda p: h.zero_bomb_docx(p, 1_024)),  # 1 GB of zeros in about 1 MB
    "docx_billion_laughs": ("laughs.docx", h.billion_laughs_docx),
    "docx_vertical_merge": ("merge.docx", lambda p: h.long_vertical_merge_docx(p, 3_000)),
    "pdf_flate_bomb": ("bomb.pdf", lambda p: h.flate_bomb_pdf(p, 6_000)),  # 6 GB of content in 6 MB
    "xlsx_shared_strings": ("strings.xlsx", lambda p: h.shared_strings_xlsx(p, 20_000_000)),
    "html_nested_divs": ("nested.html", lambda p: h.nested_html(p, 100_000)),
    "html_stray_closing": ("stray.html", lambda p: h.stray_closing_html(p, 5_000, 250_000)),
    "html_rowspans": ("spans.html", lambda p: h.spanning_html(p, 3_000, 100)),
    "slow_report": ("slow.txt", h.slow_report),
}


def run_case(name: str, memory_mb: int | None, timeout: float | None) -> str:
    filename, build = CASES[name]
    with tempfile.TemporaryDirectory(prefix="jixiao-hostile-") as scratch:
        folder = Path(scratch)
        (folder / "in").mkdir()
        (folder / "in" / "good.txt").write_bytes(GOOD.read_bytes())
        path = build(folder / "in" / filename)
        extra = {}
        if memory_mb is not None:
            extra["JIXIAO_FILE_MEMORY_MB"] = str(memory_mb)
        if timeout is not None:
            extra["JIXIAO_FILE_TIMEOUT"] = str(timeout)
        env = h.jixiao_env(**extra)
        env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
        ran = h.run_jixiao("extract", "in", "--out", "out", cwd=folder, env=env, timeout=1_800)
        line = next((line for line in ran.error_lines if filename in line), "(no error line)")
        reason = line.split(f"{filename}: ", 1)[-1]
        written = (folder / "out" / "good.json").is_file()
        return (
            f"| {name} | {path.stat().st_size / 1e6:,.2f} MB | {ran.seconds:,.1f} s | {ran.peak_mb:,.0f} MB | "
            f"{reason[:90]} | {'yes' if written else 'NO'} | {len(ran.left_running)} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", nargs="+", choices=sorted(CASES), default=list(CASES))
    parser.add_argument("--memory-mb", type=int, default=None, help="JIXIAO_FILE_MEMORY_MB (default: settings)")
    parser.add_argument("--timeout", type=float, default=None, help="JIXIAO_FILE_TIMEOUT (default: settings)")
    arguments = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    print("| case | on disk | wall | peak memory | error line | good file written | left running |")
    print("|---|---:|---:|---:|---|---|---:|")
    for name in arguments.cases:
        print(run_case(name, arguments.memory_mb, arguments.timeout), flush=True)
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
