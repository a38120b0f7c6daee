"""Indicators a report states twice in prose (a summary paragraph, then a section of its own): one indicator.

`城镇新增就业人数目标值2000人，实际完成2104人` in the summary and `1.数量指标：城镇新增就业人数，年度指标值≥2000人，
实际完成值2104人，分值20分，得分20分。` in the section are the same indicator: the two mentions share a name and
an actual and do not disagree on the target, so the fuller one is kept, given what only the other states.
"""

from __future__ import annotations

from jixiao.model import Indicator

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
