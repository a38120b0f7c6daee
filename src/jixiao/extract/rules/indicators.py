"""Where indicators stand in a narrative report, read with the clause grammar of clauses.py.

A block starts at a second-level heading (1、数量指标：, 2. 质量指标分析) and holds either enumerated
items, one per `(n)` line (扎兰屯 2025), or run-on clauses in one paragraph (额尔古纳 2024). Program
lines (a sub-fund name alone on a line, or `…资金，` opening a clause) set the program of the indicators
after them. Outside such blocks, loose sentences with both a target marker and an actual marker
(`城镇新增就业人数年度目标值为800人，实际完成812人`) and `目标1：…；完成情况：…` pairs are read too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.extract.rules.clauses import (
    ACTUAL,
    ACTUAL_SPANS,
    ITEM_START,
    LEVEL1_OF,
    SECTION_NUMBER,
    TARGET_MARKER,
    ClauseReader,
    Cursor,
)
from jixiao.extract.rules.phrasings import read_phrasings
from jixiao.extract.rules.planned_and_actual import read_plan_then_actual, read_planned_and_actual
from jixiao.extract.rules.progress import read_progress
from jixiao.extract.rules.restated import read_restated
from jixiao.extract.rules.restated_twins import restates_another
from jixiao.extract.rules.result_sections import read_result_sections
from jixiao.extract.rules.stated_rates import read_reached_rates, read_satisfaction
from jixiao.extract.rules.statement_lists import read_statements
from jixiao.extract.rules.statements import read_achieved
from jixiao.model import Indicator, value_of
from jixiao.scan import matches

# headings start `^[ \t]*+`: the indent is never given back (no heading needs it), so a line of spaces (a table
# blanked out of the prose) is not tried again space by space (which made the scan quadratic in the line)
_LEVEL2_HEADING = re.compile(
    r"(?m)^[ \t]*+(?:[（(]?[\d一二三四五六七八九十]+[）)]?[、.．]?[ \t]*|[①-⑳][ \t]*)?(?:产出(?=数量|质量|时效|成本))?"
    # (`实效指标`: 时效 misprinted, a level still, kept as printed)
    # (`1、经济成本指标`: the 2021 template's second levels under 成本指标, a first level there)
    r"(?:(?P<level2>服务对象满意度|满意度|数量|质量|时效|实效|成本|经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益"
    r"|可持续影响|产出|效益)指标"
    # not `…指标值为` (the indicator's own name); `产出指标（分值50分，得分49.04分）` carries its points
    r"(?!值|名称)(?:完成情况)?(?:分析|方面|中)?(?:[（(][^）)\n]{0,30}[）)])?[：:，,。]?"
    # `(1)经济效益。人均增收粮食240kg/人。`: a numbered heading may leave 指标 out (never `(5)服务对象满意度：…`,
    # an item)
    # (`5.社会效益目标。…`: a template's name for the level, kept as printed)
    # or alone on its line (`(2)社会效益`)
    r"|(?<=[、.．)）])[ \t]*(?P<bare>经济效益|社会效益|生态效益|可持续影响)(?P<goal>目标)?(?:。|[ \t]*$)"
    # `②社会效益:知晓度为100%。`: a circled number and a colon mark the level without 指标
    r"|(?<=[①-⑳])[ \t]*(?P<circled>经济效益|社会效益|生态效益|可持续影响)[：:])[ \t]*"
)
_AFTER_BREAK = re.compile("(?m)\n" + _LEVEL2_HEADING.pattern.removeprefix("(?m)^"))
"""The headings after a line break: a literal the engine skips to, where `^` is tried at every char."""
_LEVEL1_ONLY = ("产出指标", "效益指标")
_TOP_HEADING = re.compile(r"(?m)^[ \t]*[一二三四五六七八九十]+、")
_PROGRAM_LINE = re.compile(r"^[^\d，,；;。：:（()）\s]{2,40}(?:资金|经费|项目)$")


@dataclass
class _Block:
    level1: str | None
    level2: str | None  # None under a first-level heading (产出指标、效益指标) with no second level
    start: int
    end: int


# `项目绩效目标完成情况:一是产出指标方面,开展…130场…;二是效益指标方面,…`: the levels led in within a paragraph
_INLINE_LEVEL = re.compile(
    r"(?<=[：:；;。，,])[ \t]*(?:[一二三四五六七八九十]是|其[一二三四五六七八九十])"
    r"(?P<level2>服务对象满意度|满意度|数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|产出|效益)指标方面[，,：:]?"
)


def _level2_headings(text: str) -> list[re.Match[str]]:
    """_LEVEL2_HEADING's matches (no heading holds a line break): the one opening the text, then each found
    after a line break, matched again from the line's start."""
    first = _LEVEL2_HEADING.match(text)
    found = [first] if first else []
    for hit in _AFTER_BREAK.finditer(text, first.end() if first else 0):
        if heading := _LEVEL2_HEADING.match(text, hit.start() + 1):
            found.append(heading)
    return found


def _blocks(text: str) -> list[_Block]:
    headings = _level2_headings(text)
    if "指标方面" in text:  # the cue of an inline lead: its pattern is not tried at every char otherwise
        headings = sorted([*headings, *_INLINE_LEVEL.finditer(text)], key=lambda heading: heading.start())
    blocks = []
    for index, heading in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
        top = _TOP_HEADING.search(text, heading.end(), end)
        groups = heading.groupdict()
        name = (groups["level2"] or groups.get("bare") or groups.get("circled") or "") + "指标"
        level2 = None if name in _LEVEL1_ONLY else "服务对象满意度指标" if name == "满意度指标" else name
        level1 = LEVEL1_OF.get(level2) if level2 else name
        if groups.get("goal"):
            level1, level2 = None, groups["bare"] + "目标"
        end = top.start() if top else end
        if heading.re is _INLINE_LEVEL:  # a lead within a paragraph holds to the paragraph's end
            line_end = text.find("\n", heading.end(), end)
            end = end if line_end < 0 else line_end
        blocks.append(_Block(level1=level1, level2=level2, start=heading.end(), end=end))
    return blocks


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    while pos < end:
        stop = text.find("\n", pos, end)
        stop = end if stop < 0 else stop
        if text[pos:stop].strip():
            spans.append((pos, stop))
        pos = stop + 1
    return spans


def _read_block(text: str, block: _Block, program: str | None) -> tuple[list[Indicator], str | None]:
    cursor = Cursor(pos=block.start, program=program)
    items: list[tuple[int, int]] = []
    reader = ClauseReader(text, block.level1, block.level2)
    achieved = _states_achievements(text, block)
    for line_start, line_end in _lines(text, block.start, block.end):
        line = text[line_start:line_end].strip()
        if line_start == block.start and _achieved_statement(reader, block, line_end):
            continue
        if _PROGRAM_LINE.match(line):
            _flush(reader, cursor, items)
            cursor.program = line
        elif ITEM_START.match(text, line_start, line_end):
            _flush(reader, cursor, items)
            items.append((line_start, line_end))
        elif items:
            items[-1] = (items[-1][0], line_end)
        elif read_restated(reader, line_start, line_end):
            continue
        elif not read_phrasings(reader, line_start, line_end):
            _read_run_on(reader, cursor, line_start, line_end)
            if achieved:
                read_achieved(reader, line_start, line_end)
                read_reached_rates(reader, line_start, line_end)  # `活动完成率达到100%` is what was done too
    _flush(reader, cursor, items)
    return reader.indicators, cursor.program


def _states_achievements(text: str, block: _Block) -> bool:
    """The block reports what was done: its heading says so (`1.产出指标完成情况。`, `产出指标全部完成，`) or
    the title above it does."""
    heading = text[text.rfind("\n", 0, block.start) + 1 : block.start]
    if "完成" in heading or _under_achievements(text, block.start):
        return True
    # `…兑付率100%。2.效益指标完成情况分析` run onto its last line: the next title says this one reports results
    return any(_GLUED_COMPLETION_TITLE.search(text, start, end) for start, end in _lines(text, block.start, block.end))


_SECTION_LINE = re.compile(rf"[ \t]*{SECTION_NUMBER}[^\n]*")
_LEVEL_LINE = re.compile(
    rf"^[ \t]*{SECTION_NUMBER}?[ \t]*"
    r"(?:产出|效益|满意度|成本|数量|质量|时效|经济效益|社会效益|生态效益|可持续影响|服务对象满意度)"
)


_BARE_ACHIEVED_TITLE = re.compile(r"[ \t]*(?:已)?完成的?(?:绩效)?目标(?:情况)?[。：:]?[ \t]*")
# a completion title a converter ran onto the end of the paragraph before it
_GLUED_COMPLETION_TITLE = re.compile(
    rf"。[ \t]*{SECTION_NUMBER}"
    r"[^。\n]{0,12}完成情况(?:分析)?$"
)
_TITLE_LOOKBACK = 40  # lines: a statement's section title is close above it


def _under_achievements(text: str, at: int) -> bool:
    """The nearest section title above `at` (not a level heading) speaks of what was done (完成的绩效目标,
    绩效指标完成情况): its statements give actuals. Read line by line upwards, never the whole text."""
    end = text.rfind("\n", 0, at)
    for _ in range(_TITLE_LOOKBACK):
        if end <= 0:
            return False
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if _SECTION_LINE.fullmatch(line) and (not _LEVEL_LINE.match(line) or "完成情况" in line):
            return "完成" in line  # `1.产出指标完成情况分析` above `(2)质量指标` says it too
        if _BARE_ACHIEVED_TITLE.fullmatch(line):
            return True  # `完成的绩效目标。`: the title's number lost
        if _GLUED_COMPLETION_TITLE.search(line):
            return True  # `…兑付率100%。2.效益指标完成情况分析`: the title run onto a paragraph's last line
        end = start - 1
    return False


def _achieved_statement(reader: ClauseReader, block: _Block, line_end: int) -> bool:
    """`①数量指标:2024年,我校收到设备购置经费12.60万元。` under 完成的绩效目标: one clause, one figure, no
    marker, on the heading's own line, is the indicator's actual (昌宁 2023); so is each of several such
    statements (`(2)社会效益。人均增加基本农田0.04亩;农田增加18.32公顷。`)."""
    text = reader.text
    if block.start == 0 or text[block.start - 1] == "\n" or not _under_achievements(text, block.start):
        return False
    return read_statements(reader, block.start, line_end)


def _flush(reader: ClauseReader, cursor: Cursor, items: list[tuple[int, int]]) -> None:
    reader.found_by = "narrative.enumerated"
    for start, end in items:
        if not read_phrasings(reader, start, end):
            reader.item(cursor, start, end)
    items.clear()


def _read_run_on(reader: ClauseReader, cursor: Cursor, start: int, end: int) -> None:
    """Clauses with an actual marker; the clauses after the last one are targets only when the line is
    such a listing (erguna 2024: `…，每年计划招募人数32人，每年招募人员体检32人。`). A paragraph with no
    actual marker is description (`计划补助96户…时间不少于7天`), not indicators, except the clauses that
    mark their target (`项目完成时间年初指标值为2023年12月底，实际在规定时间内完成`)."""
    reader.found_by = "narrative.run_on"
    cursor.pos = start
    read = 0
    for marker in matches(ACTUAL, ACTUAL_SPANS, reader.text, start, end):
        if marker.start() < cursor.pos or not reader.accepts(marker, cursor.pos):
            continue
        reader.reason_after(reader.clause(cursor, marker, end), cursor, end)
        read += 1
    reader.targets_only(cursor, end, marked_only=not read)


_SENTENCE_START = "。；;\n"


def _loose_name_start(text: str, sentence: int, marker: int) -> int:
    """`2023年，城镇新增就业人数年度目标值为…` / `（1）转移就业人数：年度目标值为…` / `情况：培训人数目标值…`;
    a marker right after a comma takes the clause before as its name (`2.抗体合格率，年初目标值≥70%`)."""
    name_start = max(sentence, max(text.rfind(sep, sentence, marker) for sep in "，,") + 1)
    if name_start > sentence and not text[name_start:marker].strip():  # `1.免疫密度，年初目标值≥90%，…`
        name_start = max(sentence, max(text.rfind(sep, sentence, name_start - 1) for sep in "，,") + 1)
    colon = max(text.rfind(sep, name_start, marker) for sep in "：:")
    if colon >= 0 and text[colon + 1 : marker].strip():
        return colon + 1
    return name_start


def _uncovered(text: str, blocks: list[_Block]) -> list[tuple[int, int]]:
    gaps, position = [], 0
    for block in blocks:
        gaps.append((position, block.start))
        position = block.end
    gaps.append((position, len(text)))
    return [(start, end) for start, end in gaps if end > start]


_LISTING_HEADING = re.compile(
    r"(?m)^[ \t]*+(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])?[ \t]*"
    r"(?:绩效)?指标完成情况(?:分析)?[。：:][ \t]*(?=\S)"
)
"""`(三)绩效指标完成情况分析。建设规划完整性100%，项目验收合格率100%，…`: a heading with its list run in."""


def _read_listings(reader: ClauseReader, start: int, end: int) -> None:
    if reader.text.find("指标完成情况", start, end) < 0:
        return  # the cue: the heading's pattern would be tried at every char
    for heading in _LISTING_HEADING.finditer(reader.text, start, end):
        line_end = reader.text.find("\n", heading.end(), end)
        read_statements(reader, heading.end(), end if line_end < 0 else line_end, listing=True)


def _nearest_target(text: str, sentence: int, marker: int) -> re.Match[str] | None:
    """The target marker nearest before an actual marker: a text that lost its full stops runs clauses
    together (`A绩效目标值是2个,实际完成值为0个,…,B绩效目标值是28次,实际完成值为40次`), and each actual is
    its own clause's, not the sentence's first. Most sentences hold one marker: searched once, then on."""
    found = TARGET_MARKER.search(text, sentence, marker)
    while found is not None and (following := TARGET_MARKER.search(text, max(found.end(), found.start() + 1), marker)):
        found = following
    return found


def _read_loose(text: str, start: int, end: int) -> list[Indicator]:
    """Indicator sentences outside any indicator block: both a target marker and an actual marker."""
    reader = ClauseReader(text, None, None)
    _read_listings(reader, start, end)
    reader.found_by = "narrative.sentence"
    for marker in matches(ACTUAL, ACTUAL_SPANS, text, start, end):
        sentence = max(start, max(text.rfind(sep, start, marker.start()) for sep in _SENTENCE_START) + 1)
        target = _nearest_target(text, sentence, marker.start())
        if target is None:
            continue
        reader.clause(Cursor(pos=_loose_name_start(text, sentence, target.start()), program=None), marker, end)
    read_phrasings(reader, start, end)
    if text.find("实际", start, end) >= 0:  # the cue of `计划和实际…`
        read_planned_and_actual(reader, start, end)
        read_plan_then_actual(reader, start, end)
    read_progress(reader, start, end)
    read_satisfaction(reader, start, end)
    read_reached_rates(reader, start, end)
    return reader.indicators


# `设置绩效目标11个，实际完成11个`: the count of the targets themselves, the marker's 目标 their noun (name `设置绩效`)
_NOT_A_NAME = re.compile(
    r"[\n。]|一级指标|二级指标|三级指标|项目名称|主管部门|实施单位|预期目标|总体目标|年度指标值|绩效$"
)
_MAX_NAME = 60  # the longest real indicator names run to ~30 characters; a paragraph is longer


_FUNDING_STATEMENT = re.compile(r"收到|下达|下拨|拨付|合计|共计")
_MONEY = ("元", "万元", "亿元")


def _is_funding_statement(indicator: Indicator) -> bool:
    """`三是时效指标：收到资金合计149.63万元，实际发放107.78万元`: the funding line restated under a level
    heading (funding reads it), not an indicator with a target."""
    figures = [figure for figure in (indicator.target, indicator.actual) if figure is not None]
    return (
        len(figures) == len(("target", "actual"))  # `收到…经费12.60万元` alone is an achieved statement
        and all(figure.unit in _MONEY for figure in figures)
        and _FUNDING_STATEMENT.search(indicator.name) is not None
    )


def _is_indicator(indicator: Indicator) -> bool:
    """An indicator the narrative states with a figure, under a name that is a name (not a paragraph)."""
    has_figure = any(figure is not None for figure in (indicator.target, indicator.actual, indicator.completion))
    name = indicator.name
    return (
        has_figure
        and 0 < len(name) <= _MAX_NAME
        and not _NOT_A_NAME.search(name)
        and not _is_funding_statement(indicator)
    )


def extract_indicators(text: str) -> list[Indicator]:
    return [indicator for indicator in _read_indicators(text) if _is_indicator(indicator)]


def _read_indicators(text: str) -> list[Indicator]:
    indicators: list[Indicator] = []
    program: str | None = None
    blocks = _blocks(text)
    for block in blocks:
        found, program = _read_block(text, block, program)
        indicators.extend(found)
    seen = {_identity(indicator) for indicator in indicators}
    for start, end in _uncovered(text, blocks):
        for indicator in [*_read_loose(text, start, end), *read_result_sections(text, start, end)]:
            if _identity(indicator) not in seen:  # 额尔古纳 2024 restates 城镇新增就业人数 in section 三
                seen.add(_identity(indicator))
                indicators.append(indicator)
    return [indicator for indicator in indicators if not restates_another(indicator, indicators)]


def _identity(indicator: Indicator) -> tuple[str, float | None, float | None]:
    return indicator.name, value_of(indicator.target), value_of(indicator.actual)


_DEVIATION_SECTION = re.compile(r"(?m)^[ \t]*[一二三四五六七八九十]+、[^\n]*(?:偏离|偏差|未完成)[^\n]*原因[^\n]*$")
_MIN_NAME_FOR_MENTION = 4


def attach_section_reasons(text: str, indicators: list[Indicator]) -> None:
    """Reasons given in the 偏离绩效目标的原因 section, attached to the indicators they name.

    额尔古纳 2024 explains its -61 新增就业 only there, not beside the indicator.
    """
    heading = _DEVIATION_SECTION.search(text) if "原因" in text else None  # the heading names it
    if heading is None:
        return
    top = _TOP_HEADING.search(text, heading.end())
    start, end = heading.end(), top.start() if top else len(text)
    for indicator in indicators:
        if indicator.deviation_reason or len(indicator.name) < _MIN_NAME_FOR_MENTION:
            continue
        mention = text.find(indicator.name, start, end)
        if mention < 0:
            continue
        paragraph_end = text.find("\n", mention, end)
        paragraph_end = end if paragraph_end < 0 else paragraph_end
        cause = text.find("原因", mention, paragraph_end)
        if cause < 0:
            continue
        clause_start = max(text.rfind(sep, mention, cause) for sep in "，,；;。") + 1
        indicator.deviation_reason = text[max(clause_start, mention) : paragraph_end].strip()
