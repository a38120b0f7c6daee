"""Indicators a report states twice in prose (a summary paragraph, then a section of its own): one indicator.

`城镇新增就业人数目标值2000人，实际完成2104人` in the summary and `1.数量指标：城镇新增就业人数，年度指标值≥2000人，
实际完成值2104人，分值20分，得分20分。` in the section are the same indicator: the two mentions share a name and
an actual and do not disagree on the target, so the fuller one is kept, given what only the other states.
A bare achievement (`noun figure`) that repeats an indicator read with its words is left out (restates_another).
"""

from __future__ import annotations

from jixiao.model import Figure, Indicator, Kind

_FIELDS = ("program", "level1", "level2", "target", "actual", "completion", "weight", "score", "deviation_reason")


def _twins(one: Indicator, other: Indicator) -> bool:
    """Same name and actual, targets that agree where both are stated, levels that do not differ."""
    actual, other_actual = one.actual, other.actual
    if one.name != other.name or actual is None or other_actual is None or actual.value is None:
        return False
    if actual.value != other_actual.value or actual.unit != other_actual.unit:
        return False
    if one.target is not None and other.target is not None and one.target.value != other.target.value:
        return False
    return all(
        getattr(one, level) is None or getattr(other, level) is None or getattr(one, level) == getattr(other, level)
        for level in ("level1", "level2")
    )


def _stated(indicator: Indicator) -> int:
    return sum(getattr(indicator, field) is not None for field in _FIELDS)


def _merged(first: Indicator, second: Indicator) -> Indicator:
    base, other = (second, first) if _stated(second) > _stated(first) else (first, second)
    merged = base.model_copy()
    for field in _FIELDS:
        if getattr(merged, field) is None and getattr(other, field) is not None:
            setattr(merged, field, getattr(other, field))
    if merged.target is not None and merged.target.op is None and other.target is not None and other.target.op:
        merged.target = other.target  # `≥2000人` over `2000人`: the same target with its comparator
    if not merged.breakdown:
        merged.breakdown = other.breakdown
    return merged


def merged_twins(indicators: list[Indicator]) -> list[Indicator]:
    """The indicators with each restated twin folded into its first mention."""
    out: list[Indicator] = []
    for indicator in indicators:
        twin = next((at for at, seen in enumerate(out) if _twins(seen, indicator)), None)
        if twin is None:
            out.append(indicator)
        else:
            out[twin] = _merged(out[twin], indicator)
    return out


def restates_another(indicator: Indicator, indicators: list[Indicator]) -> bool:
    """A `noun figure` statement that repeats an indicator read with its words elsewhere in the report
    (`最终确定农村危房改造218户` beside `农村危房改造任务数为96户，实际完成218户`), or the same count in other
    words and another measure word (`实现接运612人` beside `接运任务500具，共接运遗体612具`): a count of 100 or
    more, so two counts that share a number by chance stay apart, and a word of the names in common."""
    actual = indicator.actual
    if actual is None or actual.found_by != "narrative.achieved":
        return False
    return any(
        other.actual is not None
        and other.actual.found_by != "narrative.achieved"
        and (
            (other.actual.text == actual.text and (other.name in indicator.name or indicator.name in other.name))
            or (
                other.target is not None
                and _same_count(actual, other.actual)
                and _word_shared(indicator.name, other.name)
            )
        )
        for other in indicators
    )


_MIN_SHARED_COUNT = 100


def _same_count(one: Figure, other: Figure) -> bool:
    return (
        one.kind is Kind.NUMBER
        and other.kind is Kind.NUMBER
        and one.value == other.value
        and (one.value or 0) >= _MIN_SHARED_COUNT
    )


def _word_shared(name: str, other: str) -> bool:
    """The names hold one two-char Chinese word in common (接运 in 实现接运 and 接运遗体)."""
    return any(
        "\u4e00" <= name[at] <= "\u9fff" and "\u4e00" <= name[at + 1] <= "\u9fff" and name[at : at + 2] in other
        for at in range(len(name) - 1)
    )
