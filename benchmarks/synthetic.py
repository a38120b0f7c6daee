"""Synthetic batches for benchmarks and batch tests: the seed reports with other regions, years and money.

Each report is a seed from samples/ with its region swapped, its years shifted and every 万元 amount scaled
by one random factor (so totals still roughly add up and the checks see realistic, mostly clean reports).
Deterministic for a given seed number, so a benchmark can be re-run on the same batch.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_FILES = sorted((ROOT / "samples").glob("seed_*.txt"))
SEED_REGIONS = ("扎兰屯市", "额尔古纳市")
REGIONS = (
    "牙克石市",
    "根河市",
    "满洲里市",
    "海拉尔区",
    "阿荣旗",
    "莫力达瓦达斡尔族自治旗",
    "鄂伦春自治旗",
    "鄂温克族自治旗",
    "陈巴尔虎旗",
    "新巴尔虎左旗",
    "新巴尔虎右旗",
    "乌兰浩特市",
    "阿尔山市",
    "科尔沁右翼前旗",
    "突泉县",
    "扎赉特旗",
    "霍林郭勒市",
    "开鲁县",
    "库伦旗",
    "奈曼旗",
    "扎鲁特旗",
    "锡林浩特市",
    "二连浩特市",
)
_MONEY = re.compile(r"(\d+(?:\.\d+)?)(\s*万元)")
_YEAR = re.compile(r"20(1[5-9]|2[0-9])(?=\s*年)")


def variant(text: str, rng: random.Random) -> str:
    """One synthetic report from a seed's text."""
    region = rng.choice(REGIONS)
    for seed_region in SEED_REGIONS:
        text = text.replace(seed_region, region)
    shift = rng.randint(-6, 1)
    text = _YEAR.sub(lambda m: str(2000 + int(m.group(1)) + shift), text)
    factor = rng.uniform(0.3, 3.0)
    return _MONEY.sub(lambda m: f"{float(m.group(1)) * factor:.2f}{m.group(2)}", text)


def write_batch(folder: Path, count: int, *, seed: int = 0) -> list[Path]:
    """Write `count` synthetic reports into `folder` (spread over sub-folders of 500, like real archives)."""
    rng = random.Random(seed)
    seeds = [path.read_text(encoding="utf-8") for path in SEED_FILES]
    written: list[Path] = []
    for number in range(count):
        target = folder / f"part{number // 500:03d}" / f"report_{number:06d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(variant(seeds[number % len(seeds)], rng), encoding="utf-8")
        written.append(target)
    return written
