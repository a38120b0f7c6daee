"""The hybrid backend: rules first, the model only for what rules could not read, merged without overwriting.

1. The rules backend reads the document and says what it left unread (`coverage.unread`).
2. Those spans become passages (table rows as rows under their headers); nothing unread, no call at all.
3. The passages go to the model in as few calls as fit (`max_chunk_chars`; one for a normal report), with
   the facts rules already found as context, asking the gap schema (the report schema without its header).
4. The answer is grounded in the passages alone: a figure they do not print is a candidate, not a fact.
5. It is merged into the rules report: gaps filled where the figure's place says it is that field (merge,
   evidence), rules figures kept, differences recorded as disagreements for a reviewer, the rest kept as
   candidates. Every figure keeps `found_by`: a table layout or phrase rule, or `llm`.
6. A call that gives no usable answer (never validates, cut off, timed out) adds nothing and costs nothing:
   the rules reading stands, with a note (the 0.5B model's answer for one real report never validated in
   three attempts, and the whole report was lost). An endpoint that fails as a whole still stops the batch.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pydantic import BaseModel

from jixiao.documents import Document
from jixiao.documents.tables import Table
from jixiao.errors import ExtractionError
from jixiao.extract.hybrid.evidence import Evidence
from jixiao.extract.hybrid.merge import merge_reading
from jixiao.extract.hybrid.passages import batches, render, unread_passages
from jixiao.extract.llm.client import Completion, CompletionClient
from jixiao.extract.llm.extractor import ClientFactory, LlmExtractor, add_usage, check_endpoint
from jixiao.extract.llm.grounding import FOUND_BY, Window, to_report
from jixiao.extract.llm.prompts import Prompt, load_prompt
from jixiao.extract.llm.schema import GapDraft
from jixiao.extract.rules import extract_rules, read_rules
from jixiao.model import Coverage, ExtractorInfo, Indicator, Report, TokenUsage, figures_of
from jixiao.settings import Settings

T = TypeVar("T", bound=BaseModel)
BACKEND = "hybrid"
GAP_PROMPT = "extract_gaps"
MAX_CONTEXT_INDICATORS = 40


def known_facts(report: Report) -> str:
    """What rules already read, in a few lines: the model sees what the passages belong to and need not repeat."""
    lines = []
    header = " ".join(str(part) for part in (report.region, report.fund, report.year) if part)
    if header:
        lines.append(f"报告：{header}")
    money = [
        f"{name} {line.total.text}"
        for name, line in (("预算", report.funding.budget), ("执行", report.funding.executed))
        if line.total is not None
    ]
    if report.funding.execution_rate is not None:
        money.append(f"执行率 {report.funding.execution_rate.text}")
    if money:
        lines.append("资金：" + "；".join(money))
    programs = sorted({item.program for item in report.indicators if item.program})
    if programs:
        lines.append("项目：" + "；".join(programs))
    read = [_indicator_line(item) for item in report.indicators[:MAX_CONTEXT_INDICATORS]]
    if read:
        more = len(report.indicators) - MAX_CONTEXT_INDICATORS
        lines.append("已读指标：" + "；".join(read) + (f"；等 {more} 项" if more > 0 else ""))
    return "\n".join(lines) or "（无）"


def _indicator_line(indicator: Indicator) -> str:
    shown = "/".join(value.text for value in (indicator.target, indicator.actual) if value is not None)
    return f"{indicator.name}（{shown}）" if shown else indicator.name


class LazyClient:
    """A client made on the first call: a batch whose reports rules read entirely never starts a model.

    `model` is the settings' name for the model from the start (stable for the cache key and the report)."""

    def __init__(self, factory: ClientFactory, model: str) -> None:
        self.factory = factory
        self.model = model
        self._client: CompletionClient | None = None

    async def complete(self, messages: list[dict[str, str]], response_model: type[T], *, label: str) -> Completion[T]:
        if self._client is None:
            self._client = self.factory()
        return await self._client.complete(messages, response_model, label=label)


class HybridExtractor(LlmExtractor):
    """Callable like every backend; shares the llm backend's client, cache, retries and batch runner."""

    def __init__(
        self,
        settings: Settings,
        client_factory: ClientFactory | None = None,
        prompt: Prompt | None = None,
        rules: Callable[[Document], Report] = extract_rules,
    ) -> None:
        super().__init__(settings, client_factory, prompt or load_prompt(GAP_PROMPT))
        self.rules = rules
        model_factory = self.client_factory

        def lazy() -> CompletionClient:
            check_endpoint(settings)  # a setting that fails every call is still one clear error, up front
            return LazyClient(model_factory, settings.model_label or settings.model)

        self.client_factory = lazy  # every batch runner (ours, jixiao.batch) gets the lazy client

    async def aextract(self, document: Document, client: CompletionClient, read: Report | None = None) -> Report:
        """`read` is the rules' report when the batch engine already made it (in the file's capped worker)."""
        report, tables = self._read(document, read)
        usage = TokenUsage()
        report.extractor = ExtractorInfo(
            backend=BACKEND, model=client.model, prompt_version=self.prompt.tag, usage=usage
        )
        if report.coverage is None:
            report.notes.append("hybrid: the rules backend measured no coverage, so nothing was sent to the model")
            return report
        passages = unread_passages(document, report.coverage.unread, tables)
        if not passages:
            report.notes.append("hybrid: rules read every figure; no model call")
            return report
        context = known_facts(report)
        filled, disputed, unfound, refused, from_cache = 0, 0, 0, 0, 0
        failed: list[str] = []
        groups = batches(passages, self.settings.max_chunk_chars)
        for group in groups:
            messages = self.prompt.messages(render(group), context=context)
            try:
                draft, call_usage, cached = await self.asker.ask(client, messages, GapDraft, label=document.path)
            except ExtractionError as error:  # this answer, not the endpoint (that is a ConfigError and stops)
                failed.append(error.reason)
                usage.calls += error.attempts
                continue
            add_usage(usage, call_usage)
            from_cache += cached
            windows = [Window(passage.start, passage.end) for passage in group]
            reading = to_report(draft, document, report.extractor, windows, self.prompt.example_figures, named=True)
            unfound += len(reading.candidates)
            count = merge_reading(report, reading, Evidence(document.match_text, group))
            filled, disputed, refused = (
                filled + count.filled,
                disputed + len(count.disagreements),
                refused + len(count.unfit),
            )
        _mark_read(report.coverage, report)
        report.notes.append(
            f"hybrid: {len(passages)} unread passage(s) sent in {len(groups)} call(s); {filled} figure(s) filled, "
            f"{disputed} disagreement(s) with rules; kept as candidates: {unfound} figure(s) not found in the "
            f"passages, {refused} whose field or place the merge refused"
            + (f"; {from_cache} answer(s) from the cache" if from_cache else "")
        )
        if failed:
            report.notes.append(
                f"hybrid: {len(failed)} of {len(groups)} call(s) gave no usable answer, so the rules reading stands "
                f"for their passages (still unread): {'; '.join(failed)}"
            )
        return report

    def _read(self, document: Document, read: Report | None) -> tuple[Report, list[Table] | None]:
        """The rules' report, with the tables it was read from when this process read it (the passages render
        unread rows from them instead of rebuilding every table); None when they must be found again."""
        if read is not None:
            return read, None
        if self.rules is extract_rules:
            return read_rules(document)
        return self.rules(document), None


def _mark_read(coverage: Coverage, report: Report) -> None:
    """An unread span the model read a figure from is read now; the others stay for a reviewer."""
    spans = [figure.span for _, figure in figures_of(report) if figure.found_by == FOUND_BY and figure.span]
    still = []
    for span in coverage.unread:
        inside = sum(1 for found in spans if span.start <= found.start < span.end)
        if inside:
            coverage.read = min(coverage.figures, coverage.read + inside)
        else:
            still.append(span)
    coverage.unread = still


__all__ = ["BACKEND", "HybridExtractor", "known_facts"]
