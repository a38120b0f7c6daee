"""The rules backend: deterministic, offline extraction with a small grammar of report phrases."""

from __future__ import annotations

from jixiao.documents import Document
from jixiao.extract.rules.figures import quote_original
from jixiao.extract.rules.funding import extract_funding
from jixiao.extract.rules.header import ends_mid_sentence, fund_of, region_of, title_of, year_of
from jixiao.extract.rules.indicators import attach_section_reasons, extract_indicators
from jixiao.extract.rules.score import extract_score
from jixiao.model import ExtractorInfo, Report, SourceInfo

BACKEND = "rules"


def extract_rules(document: Document) -> Report:
    text = document.match_text  # simplified characters, same offsets as document.text
    title = title_of(text)
    fund = fund_of(title)
    funding, spending = extract_funding(text)
    indicators = extract_indicators(text)
    attach_section_reasons(text, indicators)
    total_score, grade = extract_score(text)
    report = Report(
        source=SourceInfo(path=document.path, sha256=document.sha256, format=document.format),
        extractor=ExtractorInfo(backend=BACKEND),
        title=title,
        region=region_of(text, title, fund),
        fund=fund,
        year=year_of(text, title),
        funding=funding,
        spending=spending,
        indicators=indicators,
        total_score=total_score,
        grade=grade,
        truncated=ends_mid_sentence(text),
        notes=list(document.notes),
    )
    if text is not document.text:
        quote_original(report, document.text)
    return report


__all__ = ["BACKEND", "extract_rules"]
