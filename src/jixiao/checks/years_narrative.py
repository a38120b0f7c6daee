"""Across years, the narrative: whole paragraphs carried over from last year's report (DOMAIN §7.4).

A report's prose (情况说明, 存在问题, 改进措施) should say what happened this year. When a paragraph such as
`下一步将进一步加强项目资金监管，提高资金使用效益…` reads almost word for word as one of the year before, it
was likely copied. Only prose lines long enough to judge are compared: table rows and lines that are mostly
figures are left out. The pairing of reports and the labels of both years come from `jixiao.checks.years`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz, process

from jixiao.checks.engine import CheckContext, rule
from jixiao.checks.years import previous_report, year_zh
from jixiao.model import FigureRef, Finding, Severity, Span

_PARAGRAPH_STOP = re.compile(r"\n")
_DIGITS = re.compile(r"\d")
_NUMBER_SHARE_MAX = 0.3  # a line that is mostly figures is a table row, not prose


def paragraphs(text: str, min_chars: int) -> list[tuple[int, int]]:
    """Spans of the prose lines long enough to judge (table rows and lines of figures left out)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in [*_PARAGRAPH_STOP.finditer(text), None]:
        end = match.start() if match else len(text)
        line = text[start:end].strip()
        long_prose = len(line) >= min_chars and "|" not in line
        if long_prose and len(_DIGITS.findall(line)) <= _NUMBER_SHARE_MAX * len(line):
            left = start + (len(text[start:end]) - len(text[start:end].lstrip()))
            spans.append((left, left + len(line)))
        start = match.end() if match else len(text)
    return spans


@rule("years.copied_narrative", Severity.WARNING, needs_text=True, needs_previous=True)
def copied_narrative(ctx: CheckContext) -> Iterator[Finding]:
    """整段文字（情况说明、存在问题、改进措施）与上年报告几乎相同（相似度 ≥ 95%，可配置；§7.4）。"""
    assert ctx.text is not None and ctx.previous_text is not None
    minimum = ctx.config.years_narrative_min_chars
    before_spans = paragraphs(ctx.previous_text, minimum)
    choices = [ctx.previous_text[a:b] for a, b in before_spans]
    if not choices:
        return
    cutoff = ctx.config.years_copied_similarity
    for start, end in paragraphs(ctx.text, minimum):
        best = process.extractOne(ctx.text[start:end], choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        if best is None:
            continue
        _, score, index = best
        old_start, old_end = before_spans[index]
        previous = previous_report(ctx)
        yield ctx.finding(
            f"本段与{year_zh(previous)}报告的一段文字相似度 {score:.0f}%，请核实是否照抄上年",
            f"this paragraph is {score:.0f}% similar to one of last year's report",
            [
                FigureRef(path="text", text=ctx.text[start:end], span=Span(start=start, end=end), year=ctx.report.year),
                FigureRef(
                    path="text",
                    text=ctx.previous_text[old_start:old_end],
                    span=Span(start=old_start, end=old_end),
                    year=previous.year,
                    source_path=previous.source.path,
                ),
            ],
            found=round(score, 1),
        )
