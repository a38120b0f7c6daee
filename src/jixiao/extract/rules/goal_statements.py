"""Targets stated as the year's goals, in a report that states no indicator otherwise.

    绩效目标下达情况：村级道路硬化率达到85%以上，农户改厕完成2000户，化肥使用量与上年相比减少2%。
    年度目标任务为：新建高标准农田1.2万亩(其中，旱地0.8万亩，水田0.4万亩)，改造提升灌渠35公里。
    区域绩效目标：一是新增养老床位300张；二是培训护理人员800人次。
    具体分解三级指标5个：1.数量指标2个：新建污水管网12公里、改造泵站3座。2.时效指标1个：项目完工率≥80%。


After a lead that says what follows are the goals (`绩效目标…：`, `目标任务为`), each clause up to the end of
the sentence that is `name figure` gives a target-only indicator; a `(其中，…)` after the figure its
breakdown. A clause that compares (`与上年相比减少2%`) or has no plain name is passed over. Read only when the
report has no other indicator (an excerpt cut before its results, a plan-only narrative): where the results are
printed too, the same goals come again with their actuals, and reading them here would list them twice.

The transfer template lists the goals it 分解 (breaks down) under their second-level names, `数量指标2个：…`, items
parted by 、: under a heading about the goals (not about what was done), every item `name figure` gives a target
with that level; where the lead counts its items the list must hold that many, else it is not read.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.clauses import clean_name, enumerated
from jixiao.extract.rules.figures import built_figure, figure_at, terminal_quantities
from jixiao.model import Indicator, Kind, NamedFigure
from jixiao.numbers import QUANTITY
from jixiao.scan import skipping
from jixiao.vocabulary import LEVEL2_WORD

FOUND_BY = "narrative.goal"
_CUE = "目标"
# `具体目标主要为…`: the goals a scoring section restates before its results
_LEAD = skipping(
    r"(?:绩效目标|目标任务)(?:下达情况|情况)?(?:为|是)?[:：]|目标任务为|绩效目标[为是]|具体目标(?:主要)?[为是]"
)
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]是|其[一二三四五六七八九十]|[（(]?\d+[)）.、．])")
_VERB_TAIL = re.compile(r"(?:达到|达|为|是|完成|新增)$")
_DISPOSAL = re.compile(r"^(?:将|把)")  # `将某受害率控制在0.5‰以内`: the measure is named after 将
_NOT_A_GOAL = re.compile(r"相比|比上年|同比|减少|增加|降低|提高|下降|增长|增幅")
_MONEY_NOUN = re.compile(r"资金|经费")  # the money's amounts are the funding's; its rates (`资金支出率≥96%`) are goals
_BREAKDOWN_LEAD = re.compile(r"[（(]\s*其中[，,:：]?")
_MIN_NAME, _MAX_NAME = 2, 30
_SENTENCE_END = "。\n"


def read_goal_statements(text: str) -> list[Indicator]:
    """The target-only indicators of every goal statement in `text`."""
    if text.find(_CUE) < 0:
        return []
    found: list[Indicator] = _category_lists(text) if "指标" in text else []
    return lead_goals(text, found)


def lead_goals(text: str, found: list[Indicator]) -> list[Indicator]:
    """`found` and the goals of every lead (`绩效目标为…`) in `text`, each name once."""
    leads = list(_LEAD.finditer(text))
    for index, lead in enumerate(leads):
        stop = leads[index + 1].start() if index + 1 < len(leads) else len(text)  # a lead ends the goals before it
        end = min((at for at in (text.find(char, lead.end(), stop) for char in _SENTENCE_END) if at >= 0), default=stop)
        level1 = _level1_heading(text, lead.start())
        for indicator in _listed(text, lead.end(), end):  # `核心绩效目标:A率≥98%、B率≥97%`: items parted by 、
            if all(other.name != indicator.name for other in found):
                indicator.level1 = level1
                found.append(indicator)  # a goal restated under a second lead is one goal
    return found


# `2. 产出。具体目标主要为…`: a scoring section's heading, a first level, on the lead's own line
_LEVEL1_HEADING = re.compile(
    r"\s*(?:\d+|[一二三四五六七八九十]+)[.、．]\s*(?P<level1>产出|效益|满意度)(?:指标)?[。.:：]\s*$"
)


def _level1_heading(text: str, at: int) -> str | None:
    """The first level the heading before the lead names, on the lead's line (as printed), or None."""
    line_start = text.rfind("\n", 0, at) + 1
    heading = _LEVEL1_HEADING.fullmatch(text, line_start, at)
    return heading["level1"] if heading else None


_CATEGORY_LEAD = re.compile(
    rf"(?P<level2>{LEVEL2_WORD}|(?:数量|质量|时效|成本)指标)(?:(?P<count>\d{{1,2}})[个项])?[:：]"
)
_HEADING = re.compile(r"(?m)^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))")
_DONE = re.compile(r"完成|实现|实际|成效|效果")


def _category_lists(text: str) -> list[Indicator]:
    """`数量指标2个：新建污水管网12公里、改造泵站3座。` under a heading about the goals: targets of that level."""
    found: list[Indicator] = []
    for lead in _CATEGORY_LEAD.finditer(text):
        if not _about_goals(text, lead.start()):
            continue
        end = min((at for at in (text.find(char, lead.end()) for char in _SENTENCE_END) if at >= 0), default=len(text))
        goals = _listed(text, lead.end(), end)
        if lead["count"] is not None and len(goals) != int(lead["count"]):
            continue  # the list is not what its lead counts: some items were not read as goals
        for goal in goals:
            goal.level2 = lead["level2"]
            if all(other.name != goal.name for other in found):
                found.append(goal)
    return found


def _about_goals(text: str, at: int) -> bool:
    """The nearest heading before `at` that is not a numbered item of the list itself is about goals."""
    for heading in reversed(list(_HEADING.finditer(text, 0, at))):
        line_end = text.find("\n", heading.end())
        words = text[heading.end() : min(line_end if line_end >= 0 else len(text), heading.end() + 40)]
        if _CATEGORY_LEAD.match(words.strip()):
            continue  # `1.数量指标6个：` is the list's own item
        return _CUE in words and not _DONE.search(words)
    return False


def _listed(text: str, start: int, end: int) -> list[Indicator]:
    """The goals of a list: split at commas and semicolons, and at 、 where every piece is a goal."""
    goals: list[Indicator] = []
    for begin, stop in _clauses(text, start, end):
        pieces = enumerated(text, begin, stop)
        parts = [_goal(text, a, b) for a, b in pieces]
        if all(part is not None for part in parts):
            goals.extend(part for part in parts if part is not None)
        elif len(pieces) > 1 and (whole := _goal(text, begin, stop)) is not None:
            goals.append(whole)
    return goals


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of text[start:end], split at commas and semicolons outside brackets."""
    spans, depth, begin = [], 0, start
    for at in range(start, end):
        char = text[at]
        if char in "（(":
            depth += 1
        elif char in ")）":
            depth = max(depth - 1, 0)
        elif char in "，,；;" and depth == 0:
            spans.append((begin, at))
            begin = at + 1
    spans.append((begin, end))
    return spans


def _goal(text: str, start: int, end: int) -> Indicator | None:
    """`name [达到] figure [(其中，…)]` as a target-only indicator, or None."""
    end = _trimmed(text, start, end)
    whole = terminal_quantities(text, start, end) if text[end - 1 : end] in (")", "）") else []
    bracketed_unit = bool(whole) and whole[-1].end() == end and (whole[-1]["unit"] or "").endswith((")", "）"))
    open_at = end if bracketed_unit else _trailing_bracket(text, start, end)  # `3125套(间)`: the unit's bracket
    head_end = _trimmed(text, start, open_at)
    values = terminal_quantities(text, start, head_end)
    if not values or values[-1].end() != head_end or values[-1]["num"] is None:
        return _count_first(text, start, head_end)
    figure = values[-1]
    name = _DISPOSAL.sub("", _VERB_TAIL.sub("", _ORDINAL.sub("", clean_name(text[start : figure.start()]))))
    if not _MIN_NAME <= len(name) <= _MAX_NAME or _not_a_goal(name, figure) or any(c.isdigit() for c in name):
        return None
    unit = _UNIT_IN_BRACKET.fullmatch(text, open_at, end) if figure["unit"] is None and open_at < end else None
    if unit is not None:  # `覆盖服务人口3.80(万人)`: the unit printed in a bracket after the number
        target = built_figure(
            text[figure.start() : end], float(figure["num"]), unit["unit"], None, Kind.NUMBER, figure.start(), end,
            FOUND_BY,
        )  # fmt: skip
        return Indicator(name=name, target=target) if "\u4e00" <= name[0] <= "\u9fff" else None
    if not "\u4e00" <= name[0] <= "\u9fff" or _not_a_count(figure):
        return None
    indicator = Indicator(name=name, target=figure_at(text, *figure.span(), FOUND_BY))
    if open_at < end and (lead := _BREAKDOWN_LEAD.match(text, open_at, end)):
        indicator.breakdown = _breakdown(text, lead.end(), end)
    return indicator


def _not_a_goal(name: str, figure: re.Match[str]) -> bool:
    """A comparison, or the money's own amount, is no goal of its own."""
    if _NOT_A_GOAL.search(name):
        return True
    return _MONEY_NOUN.search(name) is not None and "%" not in (figure["unit"] or "")


_MONEY = ("元", "万元", "亿元", "千元")
_YEARS = (1900, 2100)


def _not_a_count(figure: re.Match[str]) -> bool:
    """Money is the funding's (the grammar of funding.py reads it); a bare number is a count only when whole
    and no year (`完成时间2024`)."""
    if figure["unit"] in _MONEY:
        return True
    if figure["unit"] is not None or figure["op"] is not None:
        return False
    value = float(figure["num"].replace(",", ""))
    return not value.is_integer() or _YEARS[0] <= value <= _YEARS[1]


# `在某景区内完成2座旅游厕所建设`: the count before what is to be built; a goal may open with the count
# (`绩效目标是142处农村供水设施维修养护`)
_COUNT_FIRST = re.compile(r"(?:[^，,；;\d]{0,16}?(?:完成|新建|建成|建设|改造|修建))?(?=\d)")
_UNIT_IN_BRACKET = re.compile(r"[（(](?P<unit>万?(?:人次|人|户|个|公里|亩|吨|平方米|立方米|处|座|家))[)）]")
_COUNTED_NAME = re.compile(r"[\u4e00-\u9fff]{2,20}")


def _count_first(text: str, start: int, end: int) -> Indicator | None:
    verb = _COUNT_FIRST.match(text, start, end)
    count = QUANTITY.match(text, verb.end(), end) if verb else None
    if count is None or count["num"] is None or count["unit"] is None or _not_a_count(count):
        return None
    name = _COUNTED_NAME.fullmatch(text, count.end(), end)
    if name is None or _NOT_A_GOAL.search(name.group(0)) or _MONEY_NOUN.search(name.group(0)):
        return None
    return Indicator(name=name.group(0), target=figure_at(text, *count.span(), FOUND_BY))


def _trimmed(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\u3000":
        end -= 1
    return end


def _trailing_bracket(text: str, start: int, end: int) -> int:
    """Where a bracket closing the clause opens (`3125套(间)`, `…1.2万亩(其中，…)`), else `end`."""
    if end <= start or text[end - 1] not in ")）":
        return end
    depth = 0
    for at in range(end - 1, start - 1, -1):
        depth += text[at] in ")）"
        depth -= text[at] in "(（"
        if depth == 0:
            return at
    return end


def _breakdown(text: str, start: int, end: int) -> list[NamedFigure]:
    close = min((at for at in (text.find(")", start, end), text.find("）", start, end)) if at >= 0), default=-1)
    if close < 0:
        return []
    parts: list[NamedFigure] = []
    for begin, stop in _clauses(text, start, close):
        values = terminal_quantities(text, begin, stop)
        name = clean_name(text[begin : values[-1].start()]) if values and values[-1].end() == stop else ""
        if not name or any(char.isdigit() for char in name):
            return []  # every part a `name figure`, or no breakdown
        parts.append(NamedFigure(name=name, figure=figure_at(text, *values[-1].span(), FOUND_BY)))
    return parts
