"""The llm backend: Document -> chunks -> cached or fresh model drafts -> merged -> grounded Report.

Batches are run by the one batch engine (`jixiao.batch`), which awaits `aextract` with one client per event
loop and at most `max_concurrency` reports in flight; calling the extractor runs one document on its own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from jixiao.documents import Document
from jixiao.errors import ConfigError
from jixiao.extract.llm.cache import ResponseCache, cache_key
from jixiao.extract.llm.chunking import merge_drafts, split_document
from jixiao.extract.llm.client import CompletionClient, OpenAICompletionClient
from jixiao.extract.llm.grounding import to_report
from jixiao.extract.llm.prompts import Prompt, load_prompt
from jixiao.extract.llm.provider import endpoint_from
from jixiao.extract.llm.schema import ReportDraft
from jixiao.model import ExtractorInfo, Report, TokenUsage
from jixiao.settings import Settings

BACKEND = "llm"
LOCAL_TIMEOUT = 900.0  # seconds per request to a local model unless JIXIAO_TIMEOUT says otherwise

ClientFactory = Callable[[], CompletionClient]


def default_client_factory(settings: Settings) -> ClientFactory:
    """A fresh openai client per run (an async client belongs to one event loop); local model served first."""

    def make() -> CompletionClient:
        if settings.model_file is not None:
            from jixiao.extract.llm.local_server import ensure_server

            if settings.mode == "json_schema":
                # instructor sends response_format type json_schema, which llama-cpp-python's server rejects;
                # in tools mode it turns the forced tool's JSON Schema into a grammar instead.
                raise ConfigError("with --model-file use mode 'tools' (llama.cpp constrains it by the JSON Schema)")

            server = ensure_server(settings)
            local = settings
            if "timeout" not in settings.model_fields_set:  # a CPU-bound local model answers far slower than an API
                local = settings.model_copy(update={"timeout": LOCAL_TIMEOUT})
            return OpenAICompletionClient(endpoint_from(local, base_url=server.base_url, model=server.model), local)
        return OpenAICompletionClient(endpoint_from(settings), settings)

    return make


class LlmExtractor:
    """Callable like every backend (Document -> Report); `client_factory` and `aextract` for the batch engine."""

    def __init__(
        self,
        settings: Settings,
        client_factory: ClientFactory | None = None,
        prompt: Prompt | None = None,
    ) -> None:
        self.settings = settings
        self.client_factory = client_factory or default_client_factory(settings)
        self.prompt = prompt or load_prompt()
        self.cache = ResponseCache(settings.cache_dir, enabled=settings.cache)
        self.schema = ReportDraft.model_json_schema()

    def __call__(self, document: Document) -> Report:
        async def one() -> Report:
            client = self.client_factory()
            try:
                return await self.aextract(document, client)
            finally:
                close = getattr(client, "aclose", None)
                if close is not None:
                    await close()

        return asyncio.run(one())

    async def aextract(self, document: Document, client: CompletionClient) -> Report:
        chunks = split_document(document.text, self.settings.max_chunk_chars)
        usage = TokenUsage()
        drafts: list[ReportDraft] = []
        from_cache = 0
        for number, chunk in enumerate(chunks, start=1):
            key = cache_key(
                chunk=chunk, prompt_tag=self.prompt.tag, schema=self.schema, settings=self.settings, model=client.model
            )
            entry = self.cache.get(key)
            if entry is not None:
                draft = ReportDraft.model_validate(entry["draft"])
                chunk_usage = TokenUsage.model_validate(entry["usage"])
                from_cache += 1
            else:
                messages = self.prompt.messages(chunk, chunk_number=number, chunk_count=len(chunks))
                completion = await client.complete(messages, ReportDraft, label=document.path)
                draft, chunk_usage = completion.value, completion.usage
                self.cache.put(key, {"draft": draft.model_dump(mode="json"), "usage": chunk_usage.model_dump()})
            drafts.append(draft)
            _add(usage, chunk_usage)
        info = ExtractorInfo(backend=BACKEND, model=client.model, prompt_version=self.prompt.tag, usage=usage)
        report = to_report(merge_drafts(drafts), document, info)
        if len(chunks) > 1:
            report.notes.append(f"llm: long document read in {len(chunks)} chunks and merged")
        if from_cache:
            report.notes.append(f"llm: {from_cache} of {len(chunks)} chunk(s) answered from the cache (no call)")
        return report


def _add(total: TokenUsage, part: TokenUsage) -> None:
    total.prompt_tokens += part.prompt_tokens
    total.completion_tokens += part.completion_tokens
    total.calls += part.calls


__all__ = ["BACKEND", "ClientFactory", "LlmExtractor", "default_client_factory"]
