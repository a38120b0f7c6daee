"""One figure stated as both the plan and the result: `计划和实际承保面积为4.2万亩`.

    2、小麦保险：全县计划和实际投保3.6万亩，总保费90万元…
    (二)生猪保险：计划与实际参保生猪1200头…

The words say the plan and what was done were the same figure: it is the indicator's target and its
actual. The plan and the result may also be two figures of one verb (`2030年困难补助计划发放120户，实际发放
135户`): the target and the actual of the indicator named by the clause's subject and that verb (困难补助发放).
A numbered item that opens on a name and a colon (`2、小麦保险：`) names the line of work the
figures belong to, its program (two lines each state a `投保` figure). The noun between 实际 and the figure
is the indicator's name; a clause about money (总保费, 补贴, an amount in 元) is funding, not an indicator.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.clauses import ClauseReader
from jixiao.extract.rules.figures import built_figure, figure_at
from jixiao.model import Figure, Kind
from jixiao.numbers import QUANTITY

FOUND_BY = "narrative.planned_and_actual"
_CUE = re.compile(r"计划[和与及]实际")
_NAME = re.compile(r"[ \t]*(?P<name>[^，,；;。：:（()）\d\s]{2,12}?)(?:均为|为|是|达到|共)?(?=\d)")
_MONEY = re.compile(r"保费|资金|经费|补贴|补助|金额|投资|费用")
_MONEY_UNITS = ("元", "万元", "亿元", "千元")
# `12.6万头`, `4.2万元亩` (万元 misprinted for 万): a count in ten-thousands of a unit the number pattern lacks
_TEN_THOUSAND = ("万", "万元")
_GLUED_COUNT = re.compile(r"[亩头只户人株羽]")
_ITEM_HEAD = re.compile(
    r"[ \t]*(?:\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,2}[)）])[ \t]*"
    r"(?P<program>[^，,；;。：:（()）\d\s]{2,20})[：:]"
)


def _program_of(text: str, at: int) -> str | None:
    """The name a numbered item opens on (`2、小麦保险：`), when `at` stands on that item's line."""
    line_start = text.rfind("\n", 0, at) + 1
    head = _ITEM_HEAD.match(text, line_start, at)
    return head["program"] if head else None


def _figure(text: str, quantity: re.Match[str]) -> Figure:
    """The figure as printed; a ten-thousands unit glued to a count unit (`12.6万头`) is read as one unit."""
    end = quantity.end()
    if quantity["unit"] in _TEN_THOUSAND and _GLUED_COUNT.match(text, end):
        unit = quantity["unit"] + text[end]
        value = float(quantity["num"].replace(",", ""))
        return built_figure(text[quantity.start() : end + 1], value, unit, None, Kind.NUMBER, quantity.start(), end + 1,
                            FOUND_BY)  # fmt: skip
    return figure_at(text, *quantity.span(), FOUND_BY)


def read_planned_and_actual(reader: ClauseReader, start: int, end: int) -> int:
    """Read each `计划和实际 NAME FIGURE` in text[start:end]; return how many indicators it gave."""
    text, count = reader.text, 0
    for cue in _CUE.finditer(text, start, end):
        named = _NAME.match(text, cue.end(), end)
        if named is None or _MONEY.search(named["name"]):
            continue
        quantity = QUANTITY.match(text, named.end(), end)
        if quantity is None or quantity["num"] is None or quantity["op"]:
            continue
        target, actual = _figure(text, quantity), _figure(text, quantity)
        if target.unit in _MONEY_UNITS:  # (`66.8万元亩`, 万 misprinted as 万元 before a count unit, is no money)
            continue
        reader.found_by = FOUND_BY
        reader.add(_program_of(text, cue.start()), named["name"], target=target, actual=actual)
        count += 1
    return count


_PLAN = re.compile(r"计划(?P<verb>[\u4e00-\u9fff]{1,3}?)(?=\d)")
_SUBJECT_START = "，,；;。：:\n"
_YEAR = re.compile(r"[ \t]*(?:(?:19|20)\d{2}\s*年度?)?[，,]?")
_SUBJECT = re.compile(r"[^\d，,；;。：:（()）\s]{2,12}")


def read_plan_then_actual(reader: ClauseReader, start: int, end: int) -> int:
    """Read each `SUBJECT计划VERB N单位，实际VERB M单位` in text[start:end]; return how many indicators it gave."""
    text, count = reader.text, 0
    for plan in _PLAN.finditer(text, start, end):
        target = QUANTITY.match(text, plan.end(), end)
        if target is None or target["num"] is None or target["op"] or not target["unit"]:
            continue
        done = re.compile(r"[，,]\s*实际" + re.escape(plan["verb"])).match(text, target.end(), end)
        actual = QUANTITY.match(text, done.end(), end) if done else None
        if actual is None or actual["num"] is None or actual["op"] or actual["unit"] != target["unit"]:
            continue
        clause = max(text.rfind(char, start, plan.start()) for char in _SUBJECT_START) + 1
        year = _YEAR.match(text, clause)
        subject = text[year.end() if year else clause : plan.start()]
        if not _SUBJECT.fullmatch(subject) or target["unit"] in _MONEY_UNITS:  # (补贴 paid to 300户 is a count)
            continue
        reader.found_by = FOUND_BY
        reader.add(None, subject + plan["verb"], target=_figure(text, target), actual=_figure(text, actual))
        count += 1
    return count
