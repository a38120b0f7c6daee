"""The labelled sets the eval scores, each reported on its own.

- `own`: samples we wrote (and the two seeds) under `samples/`, gold under `eval/gold/`.
- `real`: published excerpts nobody here wrote, labelled by us (gold under `eval/real/gold/`); their texts
  are read where they are, never copied into the project: `$JIXIAO_REAL_DIR`, else `../shared/real` beside
  the project. A gold file whose text is absent or changed is left out with a note.

Our own samples taught the grammar our habits (F1 0.999 on them, 0.32 on the real set when it was first
measured): only the real set says whether extraction works.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

SUITES = ("own", "real")


@dataclass(frozen=True)
class Suite:
    name: str
    gold_dir: Path
    samples_dir: Path


def real_dir(root: Path) -> Path:
    """Where the real texts are: $JIXIAO_REAL_DIR, else ../shared/real beside the project root."""
    configured = os.environ.get("JIXIAO_REAL_DIR")
    return Path(configured) if configured else root.resolve().parent / "shared" / "real"


def suite(name: str, root: Path = Path()) -> Suite:
    if name == "own":
        return Suite("own", root / "eval" / "gold", root / "samples")
    if name == "real":
        return Suite("real", root / "eval" / "real" / "gold", real_dir(root))
    raise ValueError(f"no suite {name!r} (known: {', '.join(SUITES)})")
