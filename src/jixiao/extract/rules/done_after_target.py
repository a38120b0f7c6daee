"""A target stated in one sentence and what was done in the next, opening on 已:

    1.成本指标:下达某补助绩效目标值500万元。已下达补助500万元,完成进度100%,无偏差。

The sentence after a target-only indicator's figure that opens on `已` and a verb phrase and then gives a
figure in the target's unit states its actual (what has been done), and a `完成进度` / `完成率` percent right
after it its completion. Nothing is read when the units differ or the sentence opens otherwise: a following
sentence about something else would give the indicator a figure that is not its.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import figure_at
from jixiao.model import Indicator
from jixiao.numbers import QUANTITY

_DONE = re.compile(r"[。；;][ \t]*已[\u4e00-\u9fff、]{1,12}?(?=\d)")
_COMPLETION = re.compile(r"[ \t]*[，,][ \t]*完成(?:进度|率)(?:为|达到|达)?[ \t]*(?P<rate>\d+(?:\.\d+)?%)(?![\d.])")
_FOUND_BY = "narrative.done_after_target"


def read_done_after_targets(text: str, indicators: list[Indicator]) -> None:
    """Give each target-only indicator the actual (and completion) the next `已…` sentence states."""
    if text.find("已") < 0:
        return
    for indicator in indicators:
        target = indicator.target
        if target is None or target.span is None or indicator.actual is not None or indicator.completion is not None:
            continue
        done = _DONE.match(text, target.span.end)
        figure = QUANTITY.match(text, done.end()) if done else None
        if figure is None or figure["num"] is None or not figure["unit"] or figure["unit"] != target.unit:
            continue
        indicator.actual = figure_at(text, *figure.span(), _FOUND_BY)
        if completion := _COMPLETION.match(text, figure.end()):
            indicator.completion = figure_at(text, *completion.span("rate"), _FOUND_BY)


__all__ = ["read_done_after_targets"]
