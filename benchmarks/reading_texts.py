"""What the rules benchmarks share: the texts to read, and clearing every cache jixiao keeps between reads."""

from __future__ import annotations

import sys
from pathlib import Path


def texts(arguments: list[str]) -> list[Path]:
    """The .txt files of each folder given (sorted), and each file given."""
    paths: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        paths += sorted(path.glob("*.txt")) if path.is_dir() else [path]
    return paths


def clear_caches() -> None:
    """Every lru_cache of the jixiao modules loaded, so a round reads as a first one would."""
    for name, module in list(sys.modules.items()):
        if name.startswith("jixiao"):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
