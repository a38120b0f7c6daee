"""Long documents: split on section boundaries into chunks that fit the context, merge the grounded reports.

A normal report (a few thousand characters) is one chunk and one call. Only reports longer than
`max_chunk_chars` are split: at section headings (一、 / （二） / 3、 / 附件) first, then at paragraph ends,
and never in the middle of a line unless one line alone is too long.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from jixiao.model import Figure, FundingLine, Indicator, Report

FUNDING_LINES = ("initial", "budget", "allocated", "executed")

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


def chunk_windows(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Where each chunk of `split_document` stands in `text` (the chunks join back into the text)."""
    windows: list[tuple[int, int]] = []
    offset = 0
    for chunk in split_document(text, max_chars):
        windows.append((offset, offset + len(chunk)))
        offset += len(chunk)
    return windows


def _key(figure: Figure | None) -> str:
    return "" if figure is None else figure.text


def _merge_line(into: FundingLine, other: FundingLine) -> None:
    into.total = into.total or other.total
    seen = {(row.source, row.name, _key(row.amount)) for row in into.by_source}
    for row in other.by_source:
        if (row.source, row.name, _key(row.amount)) not in seen:
            into.by_source.append(row)
            seen.add((row.source, row.name, _key(row.amount)))


def merge_reports(reports: list[Report]) -> Report:
    """One report from the grounded reports of consecutive chunks: first value wins, lists joined without
    repeats. Each chunk was grounded in its own window before this, so every span is already final."""
    merged = reports[0].model_copy(deep=True)
    for report in reports[1:]:
        for name in ("title", "region", "fund", "year", "total_score", "grade"):
            if getattr(merged, name) is None:
                setattr(merged, name, getattr(report, name))
        for line in FUNDING_LINES:
            _merge_line(getattr(merged.funding, line), getattr(report.funding, line))
        for name in ("execution_rate", "execution_weight", "execution_score"):
            if getattr(merged.funding, name) is None:
                setattr(merged.funding, name, getattr(report.funding, name))
        categories = {(item.category, _key(item.amount)) for item in merged.spending}
        merged.spending += [item for item in report.spending if (item.category, _key(item.amount)) not in categories]
        seen = {_indicator_key(item) for item in merged.indicators}
        merged.indicators += [item for item in report.indicators if _indicator_key(item) not in seen]
        merged.candidates += report.candidates
    return merged


def _indicator_key(indicator: Indicator) -> tuple[str | None, str, str, str]:
    return (indicator.program, indicator.name, _key(indicator.target), _key(indicator.actual))


__all__ = ["chunk_windows", "merge_reports", "sections", "split_document"]
