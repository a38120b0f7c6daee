"""The llm backend: Document -> chunks -> cached or fresh model drafts -> merged -> grounded Report.

Batches are run by the one batch engine (`jixiao.batch`), which awaits `aextract` with one client per event
loop and at most `max_concurrency` reports in flight; calling the extractor runs one document on its own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from jixiao.documents import Document
from jixiao.errors import ConfigError
from jixiao.extract.llm.cache import CachedAsker
from jixiao.extract.llm.chunking import chunk_windows, merge_reports
from jixiao.extract.llm.client import CompletionClient, OpenAICompletionClient
from jixiao.extract.llm.grounding import Window, note_candidates, to_report
from jixiao.extract.llm.prompts import Prompt, load_prompt
from jixiao.extract.llm.provider import endpoint_from
from jixiao.extract.llm.schema import ReportDraft
from jixiao.model import ExtractorInfo, Report, TokenUsage
from jixiao.settings import Settings

BACKEND = "llm"
LOCAL_TIMEOUT = 900.0  # seconds per request to a local model unless JIXIAO_TIMEOUT says otherwise

ClientFactory = Callable[[], CompletionClient]


def check_endpoint(settings: Settings) -> None:
    """What would make every call fail, found before the batch starts (one clear error, exit 2)."""
    if settings.model_file is None:
        endpoint_from(settings)  # no key, no base URL: ConfigError
    elif settings.mode == "json_schema":
        # instructor sends response_format type json_schema, which llama-cpp-python's server rejects;
        # in tools mode it turns the forced tool's JSON Schema into a grammar instead.
        raise ConfigError("with --model-file use mode 'tools' (llama.cpp constrains it by the JSON Schema)")


def default_client_factory(settings: Settings) -> ClientFactory:
    """A fresh openai client per run (an async client belongs to one event loop); local model served first."""

    def make() -> CompletionClient:
        if settings.model_file is not None:
            from jixiao.extract.llm.local_server import ensure_server

            check_endpoint(settings)
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
        self.asker = CachedAsker(settings, self.prompt.tag)

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
        windows = chunk_windows(document.text, self.settings.max_chunk_chars)
        usage = TokenUsage()
        readings: list[Report] = []
        from_cache = 0
        info = ExtractorInfo(backend=BACKEND, model=client.model, prompt_version=self.prompt.tag, usage=usage)
        for number, (start, end) in enumerate(windows, start=1):
            messages = self.prompt.messages(document.text[start:end], chunk_number=number, chunk_count=len(windows))
            draft, chunk_usage, cached = await self.asker.ask(client, messages, ReportDraft, label=document.path)
            from_cache += cached
            add_usage(usage, chunk_usage)
            # grounded in its own chunk before merging: a figure keeps its place, and one the chunk does not
            # print is a candidate even if another part of the document happens to print it
            readings.append(to_report(draft, document, info, [Window(start, end)], self.prompt.example_figures))
        report = merge_reports(readings)
        report.extractor = info
        note_candidates(report)
        if len(windows) > 1:
            report.notes.append(f"llm: long document read in {len(windows)} chunks and merged")
        if from_cache:
            report.notes.append(f"llm: {from_cache} of {len(windows)} chunk(s) answered from the cache (no call)")
        return report


def add_usage(total: TokenUsage, part: TokenUsage) -> None:
    total.prompt_tokens += part.prompt_tokens
    total.completion_tokens += part.completion_tokens
    total.calls += part.calls


__all__ = ["BACKEND", "ClientFactory", "LlmExtractor", "add_usage", "check_endpoint", "default_client_factory"]
