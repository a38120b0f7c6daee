"""On-disk cache of model answers, so a re-run of an unchanged batch makes no call at all.

One JSON file per call, named by a hash of everything that could change the answer: the messages sent
(chunk or passages, context, prompt), the prompt version, the response schema, the endpoint, model and
sampling settings. The key never holds the API key. A corrupt entry is treated as a miss and overwritten.
At temperature 0 an unusable answer is remembered as well (`CachedAsker`).
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from jixiao.errors import UnusableAnswer
from jixiao.extract.llm.client import CompletionClient
from jixiao.extract.llm.schema import SCHEMAS
from jixiao.model import TokenUsage
from jixiao.settings import Settings

T = TypeVar("T", bound=BaseModel)


def cache_key(
    *, messages: list[dict[str, str]], prompt_tag: str, schema: dict[str, Any], settings: Settings, model: str
) -> str:
    sent = json.dumps(messages, ensure_ascii=False, sort_keys=True)
    parts = {
        "messages": hashlib.sha256(sent.encode("utf-8")).hexdigest(),
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


@cache
def schema_of(model: type[BaseModel]) -> dict[str, Any]:
    """The response model's JSON Schema, built once per model (the drafts' are built at import)."""
    return SCHEMAS.get(model.__name__) or model.model_json_schema()


class CachedAsker:
    """One model call through the cache: the answer and its usage, and 1 when it came from the cache.

    An answer that could not be used (`UnusableAnswer`: never validated, cut off) is remembered too when the
    temperature is 0: the 0.5B model spent 30-40 minutes of a busy machine on each such report, three
    attempts, and would spend them again on every rerun. Timeouts and server errors are not remembered."""

    def __init__(self, settings: Settings, prompt_tag: str) -> None:
        self.settings = settings
        self.prompt_tag = prompt_tag
        self.cache = ResponseCache(settings.cache_dir, enabled=settings.cache)

    async def ask(
        self, client: CompletionClient, messages: list[dict[str, str]], response_model: type[T], *, label: str
    ) -> tuple[T, TokenUsage, int]:
        schema = schema_of(response_model)
        key = cache_key(
            messages=messages, prompt_tag=self.prompt_tag, schema=schema, settings=self.settings, model=client.model
        )
        entry = self.cache.get(key)
        if entry is not None and isinstance(entry.get("unusable"), str):
            raise UnusableAnswer(label, f"{entry['unusable']} (remembered: not asked again; --no-cache asks)")
        if entry is not None:
            try:
                return response_model.model_validate(entry["draft"]), TokenUsage.model_validate(entry["usage"]), 1
            except (KeyError, ValueError):
                pass  # an entry from an older schema: ask again and overwrite it
        try:
            completion = await client.complete(messages, response_model, label=label)
        except UnusableAnswer as error:
            if self.settings.temperature == 0:  # the same request would get the same answer: do not pay twice
                self.cache.put(key, {"unusable": error.reason, "attempts": error.attempts})
            raise
        self.cache.put(key, {"draft": completion.value.model_dump(mode="json"), "usage": completion.usage.model_dump()})
        return completion.value, completion.usage, 0


__all__ = ["CachedAsker", "ResponseCache", "cache_key"]
