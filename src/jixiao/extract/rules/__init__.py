"""The rules backend: deterministic, offline extraction with a small grammar of report phrases.

Tables are rebuilt first (documents.tables); the narrative grammar then reads the text with the table
regions blanked out (offsets kept), so table cells are never mistaken for sentences. An indicator
given in both is one indicator, with the table's cells for its numbers.
"""

from __future__ import annotations

from jixiao.documents import Document
from jixiao.documents.tables import Table, find_tables
from jixiao.extract.rules.funding import extract_funding
from jixiao.extract.rules.header import fund_of, region_of, title_of, year_of
from jixiao.extract.rules.indicators import attach_section_reasons, extract_indicators
from jixiao.extract.rules.scores import ends_mid_sentence, grade_of, total_score_of
from jixiao.extract.rules.tables import extract_tables, merge_funding, merge_indicators
from jixiao.model import ExtractorInfo, Report, SourceInfo

BACKEND = "rules"


def _without_tables(text: str, tables: list[Table]) -> str:
    """The text with every table region blanked (same length, newlines kept) for the narrative grammar."""
    if not tables:
        return text
    pieces, last = [], 0
    for table in tables:
        pieces.append(text[last : table.start])
        pieces.append("".join("\n" if char == "\n" else " " for char in text[table.start : table.end]))
        last = table.end
    pieces.append(text[last:])
    return "".join(pieces)


def extract_rules(document: Document) -> Report:
    text = document.text
    title = title_of(text)
    fund = fund_of(title)
    # traditional-character reports are matched in their simplified view (same offsets) when the
    # document layer provides one; figures still quote `text`
    tables = find_tables(getattr(document, "match_text", "") or text, document.origin)
    found = extract_tables(tables, text)
    prose = _without_tables(text, tables)
    funding, spending = extract_funding(prose)
    indicators = extract_indicators(prose)
    attach_section_reasons(prose, indicators)
    return Report(
        source=SourceInfo(path=document.path, sha256=document.sha256, format=document.format),
        extractor=ExtractorInfo(backend=BACKEND),
        title=title,
        region=region_of(text, title, fund),
        fund=fund,
        year=year_of(text, title),
        funding=merge_funding(funding, found.funding),
        spending=spending,
        indicators=merge_indicators(indicators, found.indicators),
        total_score=found.total_score or total_score_of(prose),
        grade=grade_of(prose),
        truncated=found.truncated or ends_mid_sentence(text),
    )


__all__ = ["BACKEND", "extract_rules"]
