"""The second reader (`jixiao check --llm`): a model judges what deterministic rules cannot.

Four questions only, each about items jixiao picks from the report itself, so the model reads a short
numbered list and never the whole document:
- `llm.reason_unexplained`: an indicator missed its target and the printed deviation reason does not
  explain the miss (boilerplate, or about something else);
- `llm.category`: an indicator filed under a category its name does not fit;
- `llm.claim_contradicted`: a sentence claiming success (全面完成 …) that the listed figures contradict;
- `llm.text_target`: a target and an actual printed as text (`有效提升`, `12月底前`) judged met (info) or
  not met (warning).

Every finding quotes the document: its quote must be found in the text (grounded like extracted figures),
or it is dropped and counted. Findings say `source: llm` and are never above warning: a model's judgement
is a prompt for a reviewer, not a verdict.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, Field

from jixiao.checks.attainment import Status, attainment
from jixiao.checks.narrative import CLAIM
from jixiao.documents import Document
from jixiao.extract.llm.cache import CachedAsker
from jixiao.extract.llm.client import CompletionClient
from jixiao.extract.llm.grounding import Grounder, Window
from jixiao.extract.llm.prompts import Prompt, load_prompt
from jixiao.model import FigureRef, Finding, Indicator, Kind, Report, Severity, TokenUsage
from jixiao.settings import Settings

PROMPT = "second_reader"
MAX_ITEMS = 40
SOURCE = "llm"

NoteKind = Literal["reason_unexplained", "category", "claim_contradicted", "text_target_met", "text_target_unmet"]


class ReaderNote(BaseModel):
    """一条复核意见。"""

    kind: NoteKind = Field(
        description="reason_unexplained 偏差原因不能解释未完成 / category 指标类别与名称不符 / "
        "claim_contradicted 表述与数据矛盾 / text_target_met 文字目标已达成 / text_target_unmet 文字目标未达成"
    )
    item: int = Field(ge=1, le=MAX_ITEMS + 20, description="所指条目编号 [n]")
    quote: str = Field(max_length=120, description="支持判断的原文逐字摘录")
    why: str = Field(max_length=160, description="理由（一句话）")


class ReaderAnswer(BaseModel):
    """复核意见；没有问题就返回空列表。"""

    notes: list[ReaderNote] = Field(default_factory=list, max_length=4, description="复核意见（至多 4 条）")


RULES: dict[str, tuple[str, Severity]] = {
    "reason_unexplained": ("llm.reason_unexplained", Severity.WARNING),
    "category": ("llm.category", Severity.WARNING),
    "claim_contradicted": ("llm.claim_contradicted", Severity.WARNING),
    "text_target_met": ("llm.text_target", Severity.INFO),
    "text_target_unmet": ("llm.text_target", Severity.WARNING),
}
RULE_IDS = tuple(sorted({rule for rule, _ in RULES.values()}))


@dataclass(frozen=True)
class Item:
    """One numbered line the model reads: an indicator (with its index) or a claim sentence (with its span)."""

    number: int
    text: str
    indicator: int | None = None
    claim: tuple[int, int] | None = None
    missed: bool = False  # target not met and a reason printed
    text_pair: bool = False  # target and actual printed as text


def _indicator_line(indicator: Indicator) -> str:
    levels = "/".join(level for level in (indicator.level1, indicator.level2) if level)
    parts = [f"{levels} · {indicator.name}" if levels else indicator.name]
    for label, figure in (("目标", indicator.target), ("实际", indicator.actual)):
        if figure is not None:
            parts.append(f"{label} {figure.text}")
    if indicator.deviation_reason:
        parts.append(f"偏差原因：{indicator.deviation_reason[:120]}")
    return "；".join(parts)


def reader_items(report: Report, text: str) -> list[Item]:
    """The indicators (at most MAX_ITEMS) and the success claims of the narrative, numbered from 1."""
    items: list[Item] = []
    for index, indicator in enumerate(report.indicators[:MAX_ITEMS]):
        status = attainment(indicator).status
        text_pair = (
            indicator.target is not None
            and indicator.actual is not None
            and Kind.TEXT in (indicator.target.kind, indicator.actual.kind)
        )
        missed = status is Status.UNMET and bool(indicator.deviation_reason)
        items.append(Item(len(items) + 1, _indicator_line(indicator), index, None, missed, text_pair))
    for match in CLAIM.finditer(text):
        start = max(text.rfind(mark, 0, match.start()) for mark in "。；\n") + 1
        ends = [position for mark in "。；\n" if (position := text.find(mark, match.end())) >= 0]
        end = min(ends) if ends else len(text)
        items.append(Item(len(items) + 1, f"表述：{text[start:end].strip()[:150]}", claim=(start, end)))
        if len(items) >= MAX_ITEMS + 20:
            break
    return items


def render_items(items: list[Item]) -> str:
    return "\n".join(f"[{item.number}] {item.text}" for item in items)


def _fits(kind: str, item: Item) -> bool:
    """A note must be about the kind of item it names (a category note about a claim is dropped)."""
    if kind == "claim_contradicted":
        return item.claim is not None
    if kind == "reason_unexplained":
        return item.missed
    if kind.startswith("text_target"):
        return item.text_pair
    return item.indicator is not None


@dataclass
class Reading:
    findings: list[Finding] = field(default_factory=list)
    dropped: int = 0  # notes whose quote is not in the text or that do not fit their item
    usage: TokenUsage = field(default_factory=TokenUsage)


def to_findings(answer: ReaderAnswer, items: list[Item], report: Report, document: Document) -> Reading:
    by_number = {item.number: item for item in items}
    grounder = Grounder(document, [Window(0, len(document.text))])
    reading = Reading()
    for note in answer.notes:
        item = by_number.get(note.item)
        found = grounder.locate(note.quote) if note.quote.strip() else None
        if item is None or not _fits(note.kind, item) or found is None:
            reading.dropped += 1
            continue
        rule, severity = RULES[note.kind]
        span = found[0]
        figures = [FigureRef(path="text", text=document.text[span.start : span.end], span=span)]
        if item.indicator is not None:
            indicator = report.indicators[item.indicator]
            field_name = "category" if note.kind == "category" else "actual"
            figure = indicator.actual if field_name == "actual" else None
            figures.insert(
                0,
                FigureRef(
                    path=f"indicators[{item.indicator}].{field_name}",
                    text=figure.text if figure else indicator.name,
                    span=figure.span if figure else None,
                ),
            )
        reading.findings.append(
            Finding(
                rule=rule,
                severity=severity,
                message_zh=f"模型复核：{note.why}",
                message_en=f"second reader ({rule}): {note.why}",
                figures=figures,
                source=SOURCE,
            )
        )
    return reading


class SecondReader:
    """Asks the model once per report (through the llm backend's client and cache)."""

    def __init__(self, settings: Settings, prompt: Prompt | None = None) -> None:
        self.prompt = prompt or load_prompt(PROMPT)
        self.asker = CachedAsker(settings, self.prompt.tag)

    async def read(self, report: Report, document: Document, client: CompletionClient) -> Reading:
        items = reader_items(report, document.match_text)
        if not items:
            return Reading()
        messages = self.prompt.messages(render_items(items))
        answer, usage, _ = await self.asker.ask(client, messages, ReaderAnswer, label=document.path)
        reading = to_findings(answer, items, report, document)
        reading.usage = usage
        return reading


__all__ = ["RULE_IDS", "ReaderAnswer", "ReaderNote", "Reading", "SecondReader", "reader_items", "to_findings"]
