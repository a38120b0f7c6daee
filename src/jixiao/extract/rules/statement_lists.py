"""Lines that list what was achieved as `name figure` parts (`补助发放准确率100%；受益户数120户`), each an actual."""

from __future__ import annotations

import re

from jixiao.extract.rules.achieved_names import after_work
from jixiao.extract.rules.clauses import ACTUAL, TARGET_MARKER, ClauseReader, clean_name
from jixiao.extract.rules.figures import figure_at, terminal_quantities

CLAUSE_BREAKS = re.compile(r"[，,；;]")
_STATEMENT = re.compile(r"(?:(?:19|20)\d{2}年度?[，,]\s*)?(?P<clause>[^，,；;。\n]{2,40}?)[。；;]?\s*$")
_NOT_A_STATEMENT = re.compile(r"实际|完成|累计|其中|合计|共")
_YEAR_CLAUSE = re.compile(r"[ \t]*(?:19|20)\d{2}年度?[，,]")
# `…4次，指标完成率100%`: how far the statement before it was met, not an indicator of its own
_COMPLETION_CLAUSE = re.compile(
    r"[ \t]*(?:(?:指标|目标|任务)?完成(?:率|比例)(?:为|达到|达|是)?|完成(?:年度)?(?:任务|计划|目标)的)"
    r"[ \t]*(?P<completion>\d+(?:\.\d+)?%)[ \t。；;]*"
)
_MIN_LISTING = 2
PLAIN = "plain"
_Part = tuple[str, tuple[int, int]]


def completion_in(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the percent when text[start:end] is only a completion clause (`指标完成率100%`)."""
    found = _COMPLETION_CLAUSE.fullmatch(text, start, end)
    return found.span("completion") if found else None


def read_statements(reader: ClauseReader, start: int, end: int, *, listing: bool = False) -> bool:
    """Read text[start:end] as statements of what was achieved, `name figure` each, when every part is one
    (a part with a marker, a second figure or no name means it is a sentence, not such a list). A
    completion clause (`指标完成率100%`) gives the completion of the statement before it, and makes an
    outcome word before it (`…参与率逐年提升`) that statement's actual. In a `listing` (the run-in list of
    a 指标完成情况 heading) a part that states no plain figure (`…效果明显`, `…≥90%`) is passed over, as
    long as no part is a target or an actual by its words."""
    text = reader.text
    stop = end
    while stop > start and text[stop - 1] in "。；;，, \t":
        stop -= 1
    year = _YEAR_CLAUSE.match(text, start, stop)  # `2021年，防疫物资按时调拨率为100%`
    start = year.end() if year else start
    spans, position = [], start
    for brk in [*CLAUSE_BREAKS.finditer(text, start, stop), None]:
        spans.append((position, brk.start() if brk else stop))
        position = brk.end() if brk else stop
    completions = [completion_in(text, *span) for span in spans]
    parts: list[tuple[_Part, tuple[int, int] | None]] = []
    for index, span in enumerate(spans):
        if completions[index] is not None:
            continue  # attached to the part before it
        completion = completions[index + 1] if index + 1 < len(spans) else None
        part = _statement(text, *span, listing=listing)
        if part == PLAIN and completion is not None:
            part = outcome_word(text, *span)
        if part is None or (part == PLAIN and not listing):
            return False
        if isinstance(part, tuple):
            parts.append((part, completion))
    if listing and len(parts) < _MIN_LISTING:
        return False
    reader.found_by = "narrative.achieved"
    for (name, span), completion in parts:
        indicator = reader.add(None, name, actual=figure_at(text, *span, reader.found_by))
        if completion is not None:
            indicator.completion = figure_at(text, *completion, reader.found_by)
    return bool(parts)


def _statement(text: str, start: int, end: int, *, listing: bool = False) -> _Part | str | None:
    """`name figure` as (name, figure span); "plain" for a part that states no plain figure; None for a
    part that is a target or an actual by its words (the line is a sentence, not a list).

    In a `listing` under a 指标完成情况 heading every part states what was achieved, so a bound
    (`工作任务及时完成率≥90%`, restated as the result) and an outcome word (`…发展效果明显`) are actuals too."""
    statement = _STATEMENT.match(text, start, end)
    if statement is None:
        return PLAIN
    clause = statement["clause"]
    if TARGET_MARKER.search(clause) or ACTUAL.search(clause) or _NOT_A_STATEMENT.match(clause):
        return None
    values = terminal_quantities(text, *statement.span("clause"))
    if len(values) != 1 or values[0].end() != statement.end("clause"):
        return outcome_word(text, *statement.span("clause")) if listing else PLAIN
    name = after_work(clean_name(text[statement.start("clause") : values[0].start()]))
    if not name or _NOT_A_STATEMENT.match(name) or any(char.isdigit() for char in name):
        return None  # `发放率为98%覆盖率…均为100%` is no one name: read_achieved reads it
    if (values[0]["op"] or values[0]["suffix"]) and not listing:
        return PLAIN  # `≥300人次`: a target's shape (then `，实际培训326人次` makes it a sentence)
    return name, values[0].span()


_OUTCOME = re.compile(
    r"(?P<name>[^，,；;。\d]{4,30}?)(?P<value>效果明显|成效明显|成效显著|(?:明显|有效|逐年|稳步|持续|逐步)提升|明显改善)"
)


def outcome_word(text: str, start: int, end: int) -> _Part | str:
    """`有效带动残疾人事业发展效果明显`: a listed indicator whose result is an outcome word."""
    found = _OUTCOME.fullmatch(text, start, end)
    if found is None:
        return PLAIN
    name = clean_name(found["name"])
    return (name, found.span("value")) if name else PLAIN
