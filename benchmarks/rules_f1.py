"""Field F1 of the rules backend against hand-labelled gold (a stopgap until `jixiao eval` lands).

Every filled field of a gold report is one expected fact: header fields, each funding figure (by line and
source), each indicator field (matched by name), total score, grade, truncated. A fact is found when the
extraction has the same field with the same figure (text, value, unit, op, kind). Extra fields the gold
leaves empty count against precision.

    python benchmarks/rules_f1.py [stem ...]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from jixiao.documents import load_document
from jixiao.extract import extract

ROOT = Path(__file__).resolve().parents[1]
FIGURE = ("text", "value", "unit", "op", "kind")


def _figure(figure: dict[str, Any] | None) -> tuple[Any, ...] | None:
    if figure is None:
        return None
    value = figure["value"]
    return (figure["text"], None if value is None else round(value, 6), figure["unit"], figure["op"], figure["kind"])


def facts(report: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key in ("title", "region", "fund", "year", "truncated"):
        found[key] = report[key] or None
    funding = report["funding"]
    for line in ("budget", "allocated", "executed"):
        found[f"{line}.total"] = _figure(funding[line]["total"])
        for row in funding[line]["by_source"]:
            found[f"{line}.{row['source']}.{row['name']}"] = _figure(row["amount"])
    for key in ("execution_rate", "execution_weight", "execution_score"):
        found[key] = _figure(funding[key])
    seen: dict[str, int] = {}
    for indicator in report["indicators"]:
        name = re.sub(r"\s+", "", indicator["name"])
        seen[name] = seen.get(name, 0) + 1
        key = f"indicator.{name}#{seen[name]}"
        found[key] = True
        for field in ("level1", "level2", "deviation_reason", "program"):
            found[f"{key}.{field}"] = indicator[field]
        for field in ("target", "actual", "completion", "weight", "score"):
            found[f"{key}.{field}"] = _figure(indicator[field])
    found["total_score"] = _figure(report["total_score"])
    found["grade"] = _figure(report["grade"])
    return {key: value for key, value in found.items() if value is not None}


def score(stem: str) -> tuple[int, int, int, list[str]]:
    gold = json.loads((ROOT / "eval" / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
    sample = next(path for path in sorted((ROOT / "samples").glob(f"{stem}.*")) if path.stem == stem)
    got = extract(load_document(sample)).model_dump(mode="json")
    want, have = facts(gold), facts(got)
    hits = sum(1 for key, value in want.items() if have.get(key) == value)
    misses = [f"- {key}: want {value!r} got {have.get(key)!r}" for key, value in want.items() if have.get(key) != value]
    extras = [f"+ {key}: {value!r}" for key, value in have.items() if key not in want]
    return hits, len(want), len(have), misses + extras


def main(stems: list[str]) -> None:
    stems = stems or sorted(p.stem for p in (ROOT / "eval" / "gold").glob("*.json") if "." not in p.stem)
    total_hits = total_want = total_have = 0
    for stem in stems:
        hits, want, have, problems = score(stem)
        total_hits, total_want, total_have = total_hits + hits, total_want + want, total_have + have
        print(f"{stem:28s} P={hits / max(have, 1):.3f} R={hits / max(want, 1):.3f} ({hits}/{want} gold, {have} found)")
        for problem in problems:
            print("    " + problem)
    precision, recall = total_hits / max(total_have, 1), total_hits / max(total_want, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    print(f"ALL precision={precision:.3f} recall={recall:.3f} F1={f1:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
