"""Fixed sentence shapes that give a target and an actual outside the clause grammar.

    目标1：完成城镇新增就业4.5万人；完成情况：新增就业4.62万人，完成率102.67%。     (goal pair)
    全年城镇新增就业2989人，完成目标任务1686人的177.28%。                            (task share, DOMAIN I15)
    指标名称：就业见习人数；指标值：≥50人；完成值：46人；完成情况：已完成。           (key-value line)
    参训人员满意度为97.5%，高于年度目标值（≥90%）。                                   (bracketed target)
    补贴发放到位率达到100%（目标值100%）。                                            (target in brackets)
    帮助312名就业困难人员实现再就业，年度目标为300名。                               (actual, then target)
    数量指标：完成道路建设368米，已完成；                                                 (status, in a level block)
    超额完成《某中心2030年工作计划》中的接种任务500剂，2030年共接种疫苗612剂。          (task, then the count done)

Each shape has a cheap literal cue: the full patterns backtrack at every position, so they run only
where the cue occurs. A stretch of text one shape has read is not read again by the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.extract.rules.clauses import ClauseReader
from jixiao.extract.rules.figures import figure_at
from jixiao.numbers import QUANTITY

# a quantity as numbers.QUANTITY reads it, without its group names so it can sit inside other patterns
_Q = re.sub(r"\(\?P<\w+>", "(?:", QUANTITY.pattern)
_NAME = r"[^，,；;。：:\d（()）\n]{2,30}?"
_PERCENT = r"\d+(?:\.\d+)?%"


@dataclass(frozen=True)
class Phrasing:
    found_by: str
    cue: re.Pattern[str]
    pattern: re.Pattern[str]  # groups: name, target, actual; optional completion and reason
    numeric: bool = True  # target and actual must both be quantities
    in_level_block: bool = False  # read only under a second-level heading (the heading says what it is)
    same_unit: bool = False  # target and actual must print one unit (the same count, planned and done)


PHRASINGS = (
    Phrasing(
        "narrative.key_value",
        re.compile(r"指标(?:名称)?[：:]"),
        re.compile(
            r"(?:三级)?指标(?:名称)?[：:]\s*(?P<name>[^；;\n]{2,40}?)[；;，,]\s*(?:年度)?(?:指标值|目标值)[：:]\s*"
            r"(?P<target>[^；;，,\n]{1,30}?)[；;，,]\s*(?:全年)?(?:实际)?完成值[：:]\s*(?P<actual>[^；;，,\n。]{1,30})"
            r"(?:[；;，,]\s*完成率[：:]\s*(?P<completion>\d+(?:\.\d+)?%))?"
            r"(?:[；;，,]\s*(?:偏差|未完成)原因[^：:\n]{0,8}[：:]\s*(?P<reason>[^；;\n]{1,200}))?"
        ),
        numeric=False,
    ),
    Phrasing(
        "narrative.goal_pair",
        re.compile(r"目标\d+[：:]"),
        re.compile(
            rf"目标\d+[：:]\s*(?:完成|实现|确保)?(?P<name>{_NAME})(?P<target>{_Q})[；;，,]\s*"
            rf"(?:完成情况|实际完成|完成)[：:]\s*(?:完成|实现|实际)?[^，,；;。：:\d\n]{{0,30}}?(?P<actual>{_Q})"
            rf"(?:[，,]\s*完成率(?:为)?(?P<completion>{_PERCENT}))?"
        ),
    ),
    Phrasing(
        "narrative.task_share",
        re.compile(r"(?:完成|达到)了?(?:全年|年度)?(?:目标任务|目标|计划|任务)-?\d"),
        re.compile(
            rf"(?:全年|年度|共|累计)*(?P<name>{_NAME})(?P<actual>{_Q})[，,]\s*(?:完成|达到)了?(?:全年|年度)?"
            rf"(?:目标任务|目标|计划|任务)(?P<target>{_Q})的(?P<completion>{_PERCENT})"
        ),
    ),
    Phrasing(  # the task a plan set, then what the year did: the name is the doing (接种疫苗), both one unit
        "narrative.task_then_done",
        re.compile(r"任务\d"),
        re.compile(
            rf"完成[^，,；;。\n]{{0,40}}?任务(?P<target>{_Q})[，,]\s*(?:(?:19|20)\d{{2}}年度?)?(?:全年)?(?:共|累计|实际)"
            rf"(?P<name>[\u4e00-\u9fff]{{2,10}}?)(?P<actual>{_Q})(?=[，,；;。\n]|$)"
        ),
        same_unit=True,
    ),
    Phrasing(
        "narrative.bracketed_target",
        re.compile(r"目标值?[（(]"),
        re.compile(
            rf"(?P<name>{_NAME})(?:为|达到|达|是)?(?P<actual>{_Q})[，,]?\s*(?:超出|超过|高于|低于|略低于|达到|完成)?了?"
            rf"(?:年度)?(?:目标|计划)值?[（(](?P<target>{_Q})[)）]"
        ),
    ),
    Phrasing(
        "narrative.target_in_brackets",
        re.compile(r"[（(](?:年度)?(?:目标|计划)值?"),
        re.compile(
            rf"(?P<name>{_NAME})(?:为|达到|达|是)?(?P<actual>{_Q})[（(](?:年度)?(?:目标|计划)值?(?:为|是|[：:])?"
            rf"(?P<target>{_Q})[)）]"
        ),
    ),
    Phrasing(
        "narrative.target_after",
        re.compile(r"[，,]\s*(?:年度)?目标值?(?:为|是)"),
        re.compile(
            rf"(?P<actual>{_Q})(?P<name>[^，,；;。：:\d\n]{{2,20}})[，,]\s*(?:年度)?目标值?(?:为|是)(?P<target>{_Q})"
            r"(?=[，,；;。\n]|$)"
        ),
    ),
    Phrasing(
        "narrative.status",
        re.compile(r"[，,]\s*(?:已|均已)?(?:全部|基本)?(?:完成|达到|实现|落实)"),
        re.compile(
            rf"(?:^|(?<=[：:]))[ \t]*(?P<name>[^，,；;。：:\n]{{2,30}}?)(?P<target>{_Q})?[，,]\s*"
            r"(?P<actual>(?:已|均已)?(?:全部|基本)?(?:完成|达到|实现|落实)(?:目标)?)[；;。]?[ \t]*$",
            re.MULTILINE,
        ),
        numeric=False,
        in_level_block=True,
    ),
)


def _one_unit(target: str, actual: str) -> bool:
    units = [quantity["unit"] if (quantity := QUANTITY.fullmatch(text)) else None for text in (target, actual)]
    return units[0] is not None and units[0] == units[1]


def _clean(name: str) -> str:
    return re.sub(r"^(?:帮助|共|累计|全年|年度|其中)+", "", name.strip(' \t“”"「」'))


def read_phrasings(reader: ClauseReader, start: int, end: int) -> int:
    """Read every fixed shape in text[start:end] into `reader`; return how many indicators they gave."""
    text, count = reader.text, 0
    taken: list[tuple[int, int]] = []
    for phrasing in PHRASINGS:
        if not phrasing.cue.search(text, start, end) or (phrasing.in_level_block and reader.level2 is None):
            continue
        for match in phrasing.pattern.finditer(text, start, end):
            if any(match.start() < stop and begin < match.end() for begin, stop in taken):
                continue
            if phrasing.numeric and not all(QUANTITY.fullmatch(match[group]) for group in ("target", "actual")):
                continue
            if phrasing.same_unit and not _one_unit(match["target"], match["actual"]):
                continue
            name = _clean(match["name"])
            if not name:
                continue
            indicator = reader.add(
                None,
                name,
                target=figure_at(text, *match.span("target"), phrasing.found_by) if match["target"] else None,
                actual=figure_at(text, *match.span("actual"), phrasing.found_by),
            )
            if match["completion"] if "completion" in match.re.groupindex else None:
                indicator.completion = figure_at(text, *match.span("completion"), phrasing.found_by)
            if "reason" in match.re.groupindex and match["reason"]:
                indicator.deviation_reason = match["reason"].strip("。 ")
            taken.append(match.span())
            count += 1
    return count
