"""What was done, stated in a results section that has no level headings.

    (二)总体绩效目标完成情况分析
    该项目为某中转站购置2辆清运车及3个收集箱，配套90个分类垃圾箱，验收合格率100%。

    (二)专项资金预期目标完成程度。
    2022年完成某河治理河道长度3.6公里，某段综合治理河道长度1.2公里；群众满意度超过90%。

A sub-section whose own title says the goals' completion (目标完成情况, 目标完成程度, 目标实现情况) and that holds
no level heading (those are the blocks of indicators.py) reports results: its marker-free `noun figure`
statements are actuals (statements.read_achieved). The section ends at the next heading line. A sentence that
states money (`资金预算80万元，支付率100%`) is the funding's, one in points (`自评得分97.5分`) the score's: neither
is read here; a section that marks its
indicators (`目标值为800人，实际完成812人`) says which of its figures are indicators, and its plain statements
(`全年举办招聘会12场`) are description.

Anywhere in the text, what was done with the rate it was done to is an indicator too:

    截止10月底，全区共完成农村危房改造86户，完工率172%。

(`完成` then the noun and its count, the next clause only the 完成率 / 完工率): the count its actual, the rate
its completion.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.clauses import ACTUAL, SECTION_NUMBER, TARGET_MARKER, ClauseReader
from jixiao.extract.rules.figures import figure_at
from jixiao.extract.rules.statements import read_achieved
from jixiao.model import Indicator
from jixiao.numbers import QUANTITY

_CUE = "目标完成"
_BARE = "完成情况"
_DONE_GOALS = "完成的"
# `(二)专项资金预期目标完成程度`, or a bare `三、完成情况` (of the tasks, the work, the project) under a number
_TITLE = re.compile(
    rf"[ \t]*{SECTION_NUMBER}?[ \t]*"
    r"[^\n。，,：:\d]{0,16}?目标(?:完成情况|完成程度|实现情况)(?:分析)?[。:：]?[ \t]*$"
    rf"|[ \t]*{SECTION_NUMBER}[ \t]*"
    r"(?:任务|工作|项目)?完成情况(?:分析)?[。:：]?[ \t]*$"
    # the 自评结果 template's `2.完成的绩效目标。` (beside `3.未完成的绩效目标。`)
    rf"|[ \t]*{SECTION_NUMBER}?[ \t]*(?<!未)完成的(?:年度)?(?:绩效)?目标[。:：]?[ \t]*$"
)
# the same title run into its paragraph after a sentence (`…执行率100%。项目绩效目标完成情况:一是…`): its section
# is the rest of that line
_RUN_IN = re.compile(r"(?:^|(?<=。))[ \t]*[^\n。，,：:\d]{0,16}?目标(?:完成情况|完成程度|实现情况)[:：]")
_HEADING = re.compile(rf"(?m)^[ \t]*{SECTION_NUMBER}")
_MONEY = re.compile(r"\d(?:\.\d+)?\s*(?:万元|亿元|元)")
_SENTENCE = re.compile(r"[^\s。][^。\n]*")
_POINTS = re.compile(r"\d\s*分(?![钟之类])")  # `自评得分99.5分`: a score, not a result
# a title about the money (`资金投入…`) or the indicators (`绩效指标完成情况`: indicators.py's listings); the fund's
# own name (`专项资金预期目标完成程度`) is no such word
_NOT_RESULTS = re.compile(r"资金(?:投入|到位|使用|管理|执行)|预算|指标")
# a sub-title within a section, its number perhaps garbled (`一)资金投入情况分析`, `1项目资金到位情况分析`)
_SUBTITLE = re.compile(r"[^，,；;：:%]{2,24}?(?:情况|分析)[。：:]?")
_SUBTITLE_MAX = 27


def read_result_sections(text: str, start: int, end: int) -> list[Indicator]:
    """The actuals stated in every results section of text[start:end], and what was done with its rate."""
    reader = ClauseReader(text, None, None)
    if text.find("率", start, end) >= 0:
        _read_done_with_rate(reader, start, end)
    lines = _cue_lines(text, _CUE, start, end) if text.find(_CUE, start, end) >= 0 else []
    if text.find(_BARE, start, end) >= 0:
        lines = sorted({*lines, *_cue_lines(text, _BARE, start, end)})
    if text.find(_DONE_GOALS, start, end) >= 0:
        lines = sorted({*lines, *_cue_lines(text, _DONE_GOALS, start, end)})
    for line_start, line_end in lines:
        title = _TITLE.fullmatch(text, line_start, line_end)
        if title is None:
            run_in = _RUN_IN.search(text, line_start, line_end)
            if run_in is not None and not _NOT_RESULTS.search(run_in.group(0)):
                _read_section(reader, run_in.end(), line_end)
            continue
        if _NOT_RESULTS.search(title.group(0)):
            continue
        following = _HEADING.search(text, line_end + 1, end)
        _read_section(reader, line_end + 1, following.start() if following else end)
    return reader.indicators


def _cue_lines(text: str, cue: str, start: int, end: int) -> list[tuple[int, int]]:
    """The lines of text[start:end] that hold the cue, each once (found from the cue, not tried line by line)."""
    lines: list[tuple[int, int]] = []
    at = text.find(cue, start, end)
    while at >= 0:
        line_start = max(start, text.rfind("\n", start, at) + 1)
        line_end = text.find("\n", at, end)
        line_end = end if line_end < 0 else line_end
        lines.append((line_start, line_end))
        at = text.find(cue, line_end, end)
    return lines


def _read_section(reader: ClauseReader, start: int, end: int) -> None:
    text = reader.text
    if ACTUAL.search(text, start, end) or TARGET_MARKER.search(text, start, end):
        return  # a section that marks its indicators (目标值…，实际完成…) says which figures are indicators
    about_money = False  # under a sub-title about the money (`1项目资金到位情况分析`): the funding's sentences
    for sentence in _SENTENCE.finditer(text, start, end):  # blank lines (a table blanked out) skipped in one scan
        begin, stop = sentence.span()
        if stop - begin <= _SUBTITLE_MAX and _SUBTITLE.fullmatch(text, begin, stop):
            about_money = _NOT_RESULTS.search(text, begin, stop) is not None
        elif not about_money and not _MONEY.search(text, begin, stop) and not _POINTS.search(text, begin, stop):
            read_achieved(reader, begin, stop)


# starts with its literal: the scan jumps from 率 to 率 (the clause before is found backwards)
_RATE = re.compile(r"率(?:为|达到|达|是)?(?P<rate>\d+(?:\.\d+)?%)(?=[，,；;。\s]|$)")
_DONE = re.compile(r"完成(?P<name>[^，,；;。\d\n]{2,20}?)$")
_CLAUSE_START = "，,；;。:：\n"
_MONEY_UNITS = ("元", "万元", "亿元", "%")


def _read_done_with_rate(reader: ClauseReader, start: int, end: int) -> None:
    """`…共完成农村危房改造86户，完工率172%`: the count as the actual, the rate as its completion."""
    text = reader.text
    for rate in _RATE.finditer(text, start, end):
        word = rate.start() - 2
        if word < start or text[word : rate.start()] not in ("完成", "完工") or text[word - 1] not in "，,":
            continue
        clause_end = word - 1
        clause_start = max(text.rfind(char, start, clause_end) for char in _CLAUSE_START) + 1
        count = _last_count(text, clause_start, clause_end)
        done = _DONE.search(text, clause_start, count.start()) if count else None
        if count is None or done is None:
            continue
        reader.found_by = "narrative.achieved"
        indicator = reader.add(None, done["name"].strip(), actual=figure_at(text, *count.span(), reader.found_by))
        indicator.completion = figure_at(text, *rate.span("rate"), reader.found_by)


def _last_count(text: str, start: int, end: int) -> re.Match[str] | None:
    """The plain count that ends text[start:end] (`129户`; no money, percent, bound or rate)."""
    found = [match for match in QUANTITY.finditer(text, start, end) if match.end() > match.start()]
    if not found or found[-1].end() != end or found[-1]["num"] is None:
        return None
    last = found[-1]
    unit = last["unit"] or ""
    return None if not unit or unit in _MONEY_UNITS or last["op"] or last["suffix"] or "/" in unit else last
