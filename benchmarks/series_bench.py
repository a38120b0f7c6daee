"""How long linking a store into series and checking every pair of consecutive years takes.

Builds a corpus of synthetic series from the two sample series (samples/series/: 青岭县 with planted problems,
柳溪旗 honest), each copied under other region names, runs `jixiao run`'s batch over it, then times
`refresh_series` cold (every report parsed, every pair compared), warm (nothing new) and after one file
changed, and `check_stored` (every report re-checked, across years too, nothing written).

    python benchmarks/series_bench.py [--regions 200]
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
import time
from pathlib import Path

from jixiao.batch import Job, run_batch
from jixiao.checks import run_checks
from jixiao.series import refresh_series
from jixiao.series.refresh import check_stored
from jixiao.sinks import StoreSink
from jixiao.store import Store

ROOT = Path(__file__).resolve().parents[1]
SERIES = ROOT / "samples" / "series"
TEMPLATES = {"qingling": ("青岭县", "青嶺縣"), "liuxi": ("柳溪旗",)}
FIRST = "东西南北中上下前后左右新旧大小高"
SECOND = "山河湖岭溪川原林泉湾桥塘坪沟峪"


def region_names(count: int) -> list[str]:
    stems = ("".join(pair) for pair in itertools.product(FIRST, SECOND, "阳安宁平和"))
    return [f"{stem}县" for stem in itertools.islice(stems, count)]


def write_corpus(folder: Path, regions: int) -> int:
    written = 0
    for index, region in enumerate(region_names(regions)):
        template = "qingling" if index % 2 == 0 else "liuxi"
        for source in sorted(SERIES.glob(f"{template}_*.txt")):
            text = source.read_text(encoding="utf-8")
            for name in TEMPLATES[template]:
                text = text.replace(name, region)
            (folder / f"{index:04d}_{source.name}").write_text(text, encoding="utf-8")
            written += 1
    return written


def timed(label: str, action):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = action()
    print(f"{label:<44} {time.perf_counter() - started:8.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        count = write_corpus(folder, args.regions)
        db = Path(tmp) / "j.db"
        with Store(db) as store:
            files = sorted(folder.iterdir())
            timed(
                f"run_batch ({count} reports, 2 workers)",
                lambda: run_batch(StoreSink(store), files, Job("rules", "rules", checker=run_checks)),
            )
            summary = timed("refresh_series, cold", lambda: refresh_series(store))
            print(
                f"  {len(summary.series)} series, {summary.pairs} pairs, {summary.compared_now} compared, "
                f"{summary.finding_count} findings across years"
            )
            warm = timed("refresh_series, nothing new", lambda: refresh_series(store))
            assert warm.compared_now == 0
            changed = files[2]
            changed.write_text(changed.read_text(encoding="utf-8").replace("4443人", "4501人"), encoding="utf-8")
            timed(
                "run_batch + refresh_series, one file changed",
                lambda: (
                    run_batch(StoreSink(store), files, Job("rules", "rules", checker=run_checks)),
                    refresh_series(store),
                ),
            )
            checked = timed("check_stored (re-check all, across years too)", lambda: check_stored(store))
            print(f"  {len(checked)} reports re-checked")


if __name__ == "__main__":
    main()
