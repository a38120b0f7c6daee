"""Long documents: split on section boundaries into chunks that fit the context, merge the drafts.

A normal report (a few thousand characters) is one chunk and one call. Only reports longer than
`max_chunk_chars` are split: at section headings (一、 / （二） / 3、 / 附件) first, then at paragraph ends,
and never in the middle of a line unless one line alone is too long.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from jixiao.extract.llm.schema import FigureDraft, FundingLineDraft, ReportDraft

_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[、.．]\D|附件|第[一二三四五六七八九十]+[章节部分])"
)


def sections(text: str) -> list[str]:
    """The text cut before every heading line; joined back together they give the text unchanged."""
    parts: list[str] = []
    current: list[str] = []
    for line in text.splitlines(keepends=True):
        if _HEADING.match(line) and current:
            parts.append("".join(current))
            current = []
        current.append(line)
    if current:
        parts.append("".join(current))
    return parts


def _pieces(section: str, limit: int) -> Iterable[str]:
    """A section that is too long on its own, cut at line ends (or hard, for a single huge line)."""
    if len(section) <= limit:
        yield section
        return
    buffer = ""
    for line in section.splitlines(keepends=True):
        while len(line) > limit:
            if buffer:
                yield buffer
                buffer = ""
            yield line[:limit]
            line = line[limit:]
        if len(buffer) + len(line) > limit:
            yield buffer
            buffer = ""
        buffer += line
    if buffer:
        yield buffer


def split_document(text: str, max_chars: int) -> list[str]:
    """Chunks of at most `max_chars`, packed greedily from whole sections."""
    if len(text) <= max_chars:
        return [text]
    chunks: list[str] = []
    buffer = ""
    for section in sections(text):
        for piece in _pieces(section, max_chars):
            if buffer and len(buffer) + len(piece) > max_chars:
                chunks.append(buffer)
                buffer = ""
            buffer += piece
    if buffer:
        chunks.append(buffer)
    return chunks


def _key(figure: FigureDraft | None) -> str:
    return "" if figure is None else figure.text.strip()


def _merge_line(into: FundingLineDraft, other: FundingLineDraft) -> None:
    if into.total is None:
        into.total = other.total
    seen = {(row.source, row.name, _key(row.amount)) for row in into.by_source}
    for row in other.by_source:
        if (row.source, row.name, _key(row.amount)) not in seen:
            into.by_source.append(row)
            seen.add((row.source, row.name, _key(row.amount)))


def merge_drafts(drafts: list[ReportDraft]) -> ReportDraft:
    """One draft from the drafts of consecutive chunks: first value wins, lists joined without repeats."""
    if not drafts:
        return ReportDraft()
    merged = drafts[0].model_copy(deep=True)
    for draft in drafts[1:]:
        for name in ("title", "region", "fund", "year", "total_score", "grade"):
            if getattr(merged, name) is None:
                setattr(merged, name, getattr(draft, name))
        for line in ("budget", "allocated", "executed"):
            _merge_line(getattr(merged.funding, line), getattr(draft.funding, line))
        if merged.funding.execution_rate is None:
            merged.funding.execution_rate = draft.funding.execution_rate
        categories = {(item.category, _key(item.amount)) for item in merged.spending}
        for item in draft.spending:
            if (item.category, _key(item.amount)) not in categories:
                merged.spending.append(item)
                categories.add((item.category, _key(item.amount)))
        indicators = {(item.name, _key(item.target), _key(item.actual)) for item in merged.indicators}
        for indicator in draft.indicators:
            key = (indicator.name, _key(indicator.target), _key(indicator.actual))
            if key not in indicators:
                merged.indicators.append(indicator)
                indicators.add(key)
    return merged


__all__ = ["merge_drafts", "sections", "split_document"]
