"""On-disk cache of model answers, so a re-run of an unchanged batch makes no call at all.

One JSON file per chunk call, named by a hash of everything that could change the answer: the chunk text,
the prompt version, the response schema, the endpoint, model and sampling settings. The key never holds the
API key. A corrupt entry is treated as a miss and overwritten.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from jixiao.settings import Settings


def cache_key(*, chunk: str, prompt_tag: str, schema: dict[str, Any], settings: Settings, model: str) -> str:
    parts = {
        "chunk": hashlib.sha256(chunk.encode("utf-8")).hexdigest(),
        "prompt": prompt_tag,
        "schema": hashlib.sha256(json.dumps(schema, sort_keys=True).encode("utf-8")).hexdigest(),
        "base_url": settings.base_url,
        "model": model,
        "mode": settings.mode,
        "temperature": settings.temperature,
        "max_tokens": settings.max_tokens,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()


class ResponseCache:
    def __init__(self, directory: Path, enabled: bool = True) -> None:
        self.directory = directory
        self.enabled = enabled

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        if not self.enabled:
            return None
        path = self._path(key)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return entry if isinstance(entry, dict) else None

    def put(self, key: str, entry: dict[str, Any]) -> None:
        if not self.enabled:
            return
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)  # atomic: a crash never leaves half an entry behind


__all__ = ["ResponseCache", "cache_key"]
