"""The target of a result, stated where the report sets its goals (another section, another sentence).

    一、目标任务
    年度目标任务：一是全县孕检率稳定在90%左右，孕检疾病检出率达到6%以上；…
    三、完成情况
    全县共免费孕检3120人，孕检率为93.5%，疾病检出率达7.2%。

A result the narrative states alone (`孕检率为93.5%`, an actual and no target) takes as its target the figure the
goals give the same name (`孕检率稳定在90%左右`): the name followed at once by a goal verb and a figure of the
same unit, in a sentence that says it sets goals (目标 / 计划 / 任务 before the name) and does not say what was
done. Nothing is paired when the goals give the name two different figures.

A result given with its completion rate (`完成农村厕所改造58户，完工率145%`) takes the one count of its unit in
the goal sentences that the rate proves (`完成40户计划任务`: 58 / 40 = 145 %), whatever the goals call it.

First of all, a result whose name the report printed just twice, once right after its goal lead
(`项目年度绩效目标为新增灌溉面积800hm`) and once as the result (`基本完成新增灌溉面积800hm`), takes that goal
(goal_statements.lead_goals) when it is printed before the result in the result's unit.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import built_figure, figure_at
from jixiao.extract.rules.goal_statements import lead_goals
from jixiao.model import Figure, Indicator
from jixiao.numbers import QUANTITY, parse_quantity

FOUND_BY = "narrative.goal"
_CUE = "目标"
_GOAL_WORDS = ("目标", "计划", "任务")
_DONE = re.compile(r"实际|已完成|完成了|共完成|截至|截止")
# the name, then at once a goal verb and the figure (`稳定在 85%左右`, `达到8%以上`, `不低于95%`)
_AFTER_NAME = re.compile(
    r"(?:稳定在|保持在|控制在|达到|达|为|在)?[ \t]*"
    r"(?P<figure>(?:不低于|不少于|不高于|≥|≤)?\d+(?:\.\d+)?(?:%|[\u4e00-\u9fff]{1,2}?)(?:以上|以下|以内|左右)?)"
    r"(?=[，,；;。、\s]|$)"
)
_APPROXIMATE = "左右"
_SENTENCE_ENDS = "。\n"
_MIN_NAME = 3


def attach_goal_targets(text: str, indicators: list[Indicator]) -> None:
    """Give each result without a target the target its goals state under the same name."""
    if text.find(_CUE) < 0:
        return
    goals: list[Indicator] | None = None  # the goals of the leads (`绩效目标为…`), read once when first needed
    for indicator in indicators:
        actual = indicator.actual
        if indicator.target is not None or actual is None:
            continue
        if _named_as_goal(text, indicator.name):
            goals = lead_goals(text, []) if goals is None else goals
            same = [goal.target for goal in goals if goal.name == indicator.name and goal.target is not None]
            if len(same) == 1 and _set_before(same[0], actual):
                indicator.target = same[0]
                continue
        if not (actual.found_by or "").startswith("narrative."):
            continue
        if len(indicator.name) >= _MIN_NAME and actual.span is not None:
            indicator.target = _goal_figure(text, indicator.name, actual.unit, actual.span.start)
        if indicator.target is None and indicator.completion is not None:
            indicator.target = _rated_target(text, actual, indicator.completion)


def _goal_figure(text: str, name: str, unit: str | None, own: int) -> Figure | None:
    """The one figure the goal sentences give `name` (outside its own sentence at `own`), of the same unit."""
    found: list[re.Match[str]] = []
    at = text.find(name)
    while at >= 0:
        after = _AFTER_NAME.match(text, at + len(name))  # most mentions are followed by no figure: tried first
        if after is not None:
            sentence_start = max(text.rfind(char, 0, at) for char in _SENTENCE_ENDS) + 1
            sentence_end = min((e for e in (text.find(c, at) for c in _SENTENCE_ENDS) if e >= 0), default=len(text))
            if (
                not sentence_start <= own < sentence_end
                and any(word in text[sentence_start:at] for word in _GOAL_WORDS)
                and not _DONE.search(text, sentence_start, sentence_end)
            ):
                found.append(after)
        at = text.find(name, at + len(name))
    figures = {match["figure"] for match in found}
    if len(figures) != 1:
        return None
    match = found[0]
    printed = match["figure"]
    quantity = parse_quantity(printed.removesuffix(_APPROXIMATE))
    if quantity.value is None or quantity.unit != unit:
        return None
    start, end = match.span("figure")
    return built_figure(printed, quantity.value, quantity.unit, quantity.op, quantity.kind, start, end, FOUND_BY)


def _rated_target(text: str, actual: Figure, completion: Figure) -> Figure | None:
    """The count of a goal sentence that the result's completion proves its target (`完成…58户，完工率145%` and
    the goals' `完成40户计划任务`: 58 / 40 = 145 %), when exactly one count of the actual's unit does."""
    if actual.value is None or completion.value is None or not actual.unit or completion.unit != "%":
        return None
    decimals = len(completion.text.partition(".")[2].rstrip("%"))
    tolerance = 0.5 * 10**-decimals + 1e-9
    found: dict[float, re.Match[str]] = {}
    for sentence_start, sentence_end in _goal_sentences(text):
        for quantity in QUANTITY.finditer(text, sentence_start, sentence_end):
            if quantity["unit"] != actual.unit or quantity["num"] is None or quantity["op"] or quantity["suffix"]:
                continue
            value = float(quantity["num"].replace(",", ""))
            if value > 0 and abs(actual.value / value * 100 - completion.value) <= tolerance:
                found.setdefault(value, quantity)
    if len(found) != 1:
        return None
    return figure_at(text, *next(iter(found.values())).span(), FOUND_BY)


def _goal_sentences(text: str) -> list[tuple[int, int]]:
    """The sentences that set goals (a goal word, no word of what was done), each once."""
    sentences: list[tuple[int, int]] = []
    for word in _GOAL_WORDS:
        at = text.find(word)
        while at >= 0:
            start = max(text.rfind(char, 0, at) for char in _SENTENCE_ENDS) + 1
            end = min((e for e in (text.find(char, at) for char in _SENTENCE_ENDS) if e >= 0), default=len(text))
            if (start, end) not in sentences and not _DONE.search(text, start, end):
                sentences.append((start, end))
            at = text.find(word, end)
    return sentences


_GOAL_REACH = 12  # chars between a goal's lead (`绩效目标为`) and the name it opens on


def _named_as_goal(text: str, name: str) -> bool:
    """The cue: the name is first printed right after a goal word, and once again (the result). A name printed
    more often may have several goals: it is left to the goal sentences' one figure (`_goal_figure`)."""
    first = text.find(name)
    if first < 0 or text.find(_CUE, max(0, first - _GOAL_REACH), first) < 0:
        return False
    again = text.find(name, first + 1)
    return again >= 0 and text.find(name, again + 1) < 0


def _set_before(goal: Figure, actual: Figure | None) -> bool:
    """The goal is printed before the result, in its unit."""
    if actual is None or actual.span is None or goal.span is None:
        return False
    return goal.span.end < actual.span.start and goal.unit == actual.unit
