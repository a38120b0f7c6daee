"""Whether an indicator met its target, read by its comparator: the judgement several rules share.

Reports often print a target without a comparator (`120人`, `100%`, `200元/人`); its direction is then
read from the indicator: reverse-type names (失业率, 事件, 投诉 …) mean ≤, cost standards (成本指标,
a name whose head is …标准 or …单价, a 人均 amount of money) and 100 % targets mean =, everything else ≥
(DOMAIN §4.3 directions). 标准 as the subject of the work (标准化宣传, 起草地方标准数量) is no cost standard,
and neither is a count: a standard is an amount or a rate, never so many 项 or 人.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from jixiao.model import Figure, Indicator, Kind, Op
from jixiao.vocabulary import MONEY_UNITS, is_reverse

STANDARD_HEAD = re.compile("(?:标准|单价)$")  # Chinese names are head-final: 补助标准, 平均单价
PER_HEAD = re.compile("人均")
# what follows a name's head: a bracketed unit or note (`(≥**元/人·月)`, `（养老）`) or a dash note
_NAME_TAIL = re.compile(r"(?:[(（][^()（）]*[)）]|——.*)$")
NEGATION = re.compile("未|没有|沒有|尚未|无法|無法|不能|不到|暂未|暫未")  # traditional forms too
NOTHING_HAPPENED = re.compile("^(?:无|無|没有|沒有|未发生|未發生|零)")
PARTIAL = re.compile("部分(?:达成|完成|实现|达到)|基本(?:达成|完成|实现|达到)")
COUNT_UNITS = frozenset(
    "人 户 个 家 次 起 件 项 所 名 人次 万人 万人次 场 座 间 套 台 本 期 批 条 张 份 篇 处 笔".split()
)
_SCALED = {"万人": ("人", 1e4), "万人次": ("人次", 1e4), "万元": ("元", 1e4), "万": (None, 1e4)}
_MAGNITUDE = {"万": 1e4, "亿": 1e8}


class Status(StrEnum):
    MET = "met"
    UNMET = "unmet"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Attainment:
    status: Status
    op: Op  # the comparator the judgement used (stated or read from the indicator)
    ratio: float | None = None  # actual ÷ target where both are comparable numbers


def is_count(figure: Figure) -> bool:
    return figure.kind == Kind.NUMBER and figure.unit in COUNT_UNITS


def _head(name: str) -> str:
    """The name without its trailing brackets and notes: `扶贫临时救助标准(<**元/户·年)——一户…` → …标准."""
    name = name.strip()
    while (shorter := _NAME_TAIL.sub("", name).strip()) and shorter != name:
        name = shorter
    return name


def _counted(indicator: Indicator) -> bool:
    """Target or actual counted in 项, 人, 份 … (as a figure's unit or the name's bracketed unit)."""
    bracket = re.search(r"[(（]([^()（）]+)[)）]\s*$", indicator.name)
    figures = [f for f in (indicator.target, indicator.actual) if f is not None]
    return any(map(is_count, figures)) or bool(bracket and bracket[1] in COUNT_UNITS)


def is_cost_standard(indicator: Indicator) -> bool:
    """A set amount or rate (补助标准, 人均补助 500元/人, 单价): met by equalling it, not by exceeding it."""
    if _counted(indicator):
        return False
    if STANDARD_HEAD.search(_head(indicator.name)):
        return True
    target = indicator.target
    per_head_money = target is not None and (target.unit or "").startswith(MONEY_UNITS)  # 元/人/月, 万元/生.年
    return bool(PER_HEAD.search(indicator.name)) and per_head_money


def effective_op(indicator: Indicator) -> Op:
    """The stated comparator of the target, else the direction the indicator's kind implies."""
    target = indicator.target
    if target is not None and target.op is not None:
        return target.op
    if is_reverse(indicator.name):
        return Op.LE
    if "成本" in (indicator.level2 or "") or "成本" in (indicator.level1 or "") or is_cost_standard(indicator):
        return Op.EQ
    if target is not None and target.kind == Kind.PERCENT and target.value == 100:
        return Op.EQ
    return Op.GE


def _base(unit: str | None) -> tuple[str | None, float]:
    """The unit without its 万/亿 and the factor: 万亩 → (亩, 10⁴), 亿元 → (元, 10⁸)."""
    if unit in _SCALED:
        return _SCALED[unit]
    if unit and len(unit) > 1 and unit[0] in _MAGNITUDE:
        return unit[1:], _MAGNITUDE[unit[0]]
    return unit, 1.0


def in_base_units(figure: Figure) -> float | None:
    """The value in its base unit: 4.5万人 → 45000 (人)."""
    return None if figure.value is None else figure.value * _base(figure.unit)[1]


def comparable(target: Figure | None, actual: Figure | None) -> tuple[float, float] | None:
    """Target and actual values on one scale, or None when they cannot be compared (text, units differ).

    A bare number (`0`) is taken in the other side's unit; 万人 converts to 人 (DOMAIN I10).
    """
    if target is None or actual is None or target.value is None or actual.value is None:
        return None
    if (target.kind == Kind.PERCENT) != (actual.kind == Kind.PERCENT):
        bare = actual if target.kind == Kind.PERCENT else target
        return (target.value, actual.value) if bare.unit is None else None  # `≥100百分比` then `100`
    if target.unit == actual.unit or target.unit is None or actual.unit is None:
        return target.value, actual.value
    (t_unit, t_scale), (a_unit, a_scale) = _base(target.unit), _base(actual.unit)
    if t_unit != a_unit or t_unit is None:
        return None
    return target.value * t_scale, actual.value * a_scale


def _meets(op: Op, target: float, actual: float, tolerance: float) -> bool:
    """`actual op target`; `tolerance` only absorbs float noise."""
    if op == Op.GE:
        return actual >= target - tolerance
    if op == Op.GT:
        return actual > target
    if op == Op.LE:
        return actual <= target + tolerance
    if op == Op.LT:
        return actual < target
    return abs(actual - target) <= tolerance


_DATE = re.compile(r"(?:(?P<year>\d{4})年)?(?:(?P<month>\d{1,2})月)?(?:(?P<day>\d{1,2})日)?")


def _date_key(text: str) -> tuple[int, int, int] | None:
    """(year or 0, month or 12, day or 31) of a printed deadline or date; None if it names no month or year."""
    match = _DATE.search(text)
    if not match or not (match["year"] or match["month"]):
        return None
    return (int(match["year"] or 0), int(match["month"] or 12), int(match["day"] or 31))


def _date_attainment(target: Figure, actual: Figure) -> Status:
    if actual.text == target.text:
        return Status.MET
    if actual.kind != Kind.DATE:
        return Status.UNMET if NEGATION.search(actual.text) else Status.UNKNOWN
    deadline, done = _date_key(target.text), _date_key(actual.text)
    if deadline is None or done is None:
        return Status.UNKNOWN
    if not deadline[0] or not done[0]:  # 12月底前 vs 2024年11月: compare within the year
        deadline, done = (0, *deadline[1:]), (0, *done[1:])
    return Status.MET if done <= deadline else Status.UNMET


def attainment(indicator: Indicator) -> Attainment:
    """MET / UNMET / UNKNOWN for one indicator, with the comparator used and actual ÷ target."""
    target, actual = indicator.target, indicator.actual
    op = effective_op(indicator)
    if target is None or actual is None or actual.op is not None:  # ≥95% as an actual is no measurement
        return Attainment(Status.UNKNOWN, op)
    if target.kind == Kind.DATE:
        return Attainment(_date_attainment(target, actual), op)
    if target.value is None:  # a text target: the report's own wording decides
        if PARTIAL.search(actual.text):  # 部分达成 is the 10号 middle band, not 达成
            return Attainment(Status.UNMET, op)
        if actual.text == target.text or not NEGATION.search(actual.text):
            return Attainment(Status.MET if actual.value is None else Status.UNKNOWN, op)
        return Attainment(Status.UNMET, op)
    if actual.value is None:
        if target.value == 0 and NOTHING_HAPPENED.search(actual.text):  # 0起 → 无重大群体性事件发生
            return Attainment(Status.MET, op)
        return Attainment(Status.UNMET if NEGATION.search(actual.text) else Status.UNKNOWN, op)
    values = comparable(target, actual)
    if values is None:
        return Attainment(Status.UNKNOWN, op)
    t, x = values
    ratio = x / t if t else None
    # A target is a set value, not a rounded one: the printed actual is compared with it as it stands.
    return Attainment(Status.MET if _meets(op, t, x, 1e-9) else Status.UNMET, op, ratio)
