"""Thresholds: the least each metric may score per backend before CI fails (`eval/thresholds.toml`).

    [rules]
    "facts.f1" = 0.95
    "family.indicator target" = 0.9

Metric names are those of `results.metric_values`. A metric the run could not measure (no checks engine,
no expected findings) fails its threshold rather than passing silently.
"""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

from jixiao.errors import ConfigError
from jixiao.evaluation.results import EvalRun, metric_values


def load_thresholds(path: Path, backend: str, suite: str = "own") -> dict[str, float]:
    """The `[backend]` table for our own samples, `[real.backend]` for the real documents."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read thresholds ({error})") from error
    section = backend if suite == "own" else f"{suite}.{backend}"
    table = data.get(backend, {}) if suite == "own" else data.get(suite, {}).get(backend, {})
    if not isinstance(table, dict) or not all(isinstance(v, int | float) for v in table.values()):
        raise ConfigError(f"{path}: [{section}] must map metric names to numbers")
    return {name: float(value) for name, value in table.items()}


def below_thresholds(run: EvalRun, thresholds: dict[str, float]) -> list[str]:
    """One line per metric under its threshold (or unknown, or not measured)."""
    values = metric_values(run)
    failures = []
    for name, least in sorted(thresholds.items()):
        if name not in values:
            failures.append(f"{name}: no such metric (known: {', '.join(values)})")
        elif values[name] is None:
            failures.append(f"{name}: not measured in this run (threshold {least:.3f})")
        elif values[name] < least - 1e-9:  # type: ignore[operator]
            failures.append(f"{name}: {values[name]:.3f} is below the threshold {least:.3f}")
    return failures


def suggest_thresholds(run: EvalRun, margin: float = 0.02) -> str:
    """A `[backend]` TOML table a little below what this run measured (rounded down to 0.01).

    For re-measuring after samples, gold or the extractor changed; a person still reads it before it
    replaces the thresholds. Metrics measured at 0 or not at all get no threshold.
    """
    section = run.backend if run.suite == "own" else f"{run.suite}.{run.backend}"
    lines = [f"[{section}]", f"# measured {run.timestamp} on {len(run.samples)} samples, margin {margin}"]
    for name, value in metric_values(run).items():
        if value:
            least = max(0.0, math.floor(round((value - margin) * 100, 6)) / 100)
            lines.append(f'"{name}" = {least:.2f}  # measured {value:.3f}')
    return "\n".join(lines) + "\n"
