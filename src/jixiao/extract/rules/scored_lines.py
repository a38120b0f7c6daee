"""A scoring sheet written as running prose: `绩效目标合理性本项目满分3分,得3分,得分原因为:…`.

Each line names the item, its full points and the points given (`X满分W分，得S分`, `X该项满分W分，自评得分S分`).
The name is the words from the separator before it up to the lead (本项目, 该项 …). A line whose name is an
indicator read elsewhere (the whole name, or one indicator's name inside it: `完成项目资金投入` scores 项目资金投入)
gives that indicator its weight and score; the 预算执行率 line is the funding's; any other line is an item of
its own with no level. A score above its points is no line of a sheet, and is not read.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import figure_at
from jixiao.model import Funding, Indicator

MARK = "满分"
"""The cheap test before any pattern runs: a text without it holds no such line."""
_LINE = re.compile(
    r"满分(?P<weight>\d{1,3}(?:\.\d+)?分)[，,]\s*(?:自评)?得(?:分)?(?:为|是)?(?P<score>\d{1,3}(?:\.\d+)?分)"
)
_LEADS = ("本项目", "本项", "该项目", "该项", "该指标", "此项", "项目")
_SEPARATORS = "，,；;。:：、\n"
_MAX_NAME = 20
_MIN_CONTAINED = 4  # chars of an indicator's name found inside a line's name
_EXECUTION = re.compile(r"^(?:预算)?执行率$")
_FOUND_BY = "narrative.scored_line"


def _name(text: str, at: int) -> str | None:
    """The item's name before the `满分` at `at`: back to the separator before it, its lead word dropped."""
    start = max(text.rfind(separator, max(0, at - 40), at) for separator in _SEPARATORS) + 1
    name = text[start:at].strip()
    for lead in _LEADS:
        if name.endswith(lead) and len(name) > len(lead):
            name = name[: -len(lead)]
            break
    if not 2 <= len(name) <= _MAX_NAME or re.search(r"[\d%()（）]", name):
        return None
    return name


def _twin(name: str, indicators: list[Indicator]) -> Indicator | None:
    """The indicator the line scores: the same name, or the one indicator whose name stands inside it."""
    same = [indicator for indicator in indicators if indicator.name == name]
    if same:
        return same[0]
    inside = [i for i in indicators if len(i.name) >= _MIN_CONTAINED and i.name in name]
    return inside[0] if len(inside) == 1 else None


def read_scored_lines(text: str, indicators: list[Indicator], funding: Funding) -> None:
    """Weights and scores of the sheet's lines, onto the indicators (and the funding) they score, in place;
    items no indicator holds are appended."""
    if MARK not in text:
        return
    for line in _LINE.finditer(text):
        weight = figure_at(text, *line.span("weight"), _FOUND_BY)
        score = figure_at(text, *line.span("score"), _FOUND_BY)
        name = _name(text, line.start())
        if name is None or weight.value is None or score.value is None or score.value > weight.value:
            continue
        if _EXECUTION.match(name):
            if funding.execution_weight is None and funding.execution_score is None:
                funding.execution_weight, funding.execution_score = weight, score
            continue
        twin = _twin(name, indicators)
        if twin is None:
            indicators.append(Indicator(name=name, weight=weight, score=score))
        elif twin.weight is None and twin.score is None:
            twin.weight, twin.score = weight, score
