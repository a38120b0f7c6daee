"""Quantities as printed in reports: comparators, numbers, units, dates, Chinese numerals, precision.

`QUANTITY` finds a quantity in normalized text; `parse_quantity` turns its text into a Figure's parts.
Both work on normalized text (half-width digits, ≥/≤ symbols, no spaces between a number and its unit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from jixiao.model.values import Kind, Op
from jixiao.scan import skipping
from jixiao.vocabulary import OP_SUFFIXES, OP_WORDS, UNIT_WORDS
from jixiao.vocabulary import to_wan_yuan as to_wan_yuan

# Comparator words and units live with the rest of the domain's words (jixiao.vocabulary).
_OP_WORDS = OP_WORDS
_OP_SUFFIXES = OP_SUFFIXES
_UNIT = "(?:" + "|".join(sorted(map(re.escape, set(UNIT_WORDS)), key=len, reverse=True)) + ")"
_PER = "(?:人|户|月|年|次|个|家|天|项|亩|辆|件|吨|公里|平方米|生|学期)"
UNIT_PATTERN = (
    rf"{_UNIT}(?:[/*·・×]{_PER}(?:、{_PER}(?![\u4e00-\u9fff]))?(?:[.．](?:年|月|天|学期))?)*"
    r"(?:[（(](?:间|次|人|户|个|套|台|座|处)[)）])?"
)
"""A unit, compound ones included: 元/人/月, 元/人*月, 元/人·月, 元/人、天 (per person-day, where no word follows
the 、), 元/亩, 元/生.年 (per pupil-year), and one with its alternative in brackets: 套(间) (a flat or a room),
人(次)."""

_OP_PREFIX = "(?:" + "|".join(sorted(map(re.escape, _OP_WORDS), key=len, reverse=True)) + ")"
_OP_SUFFIX = "(?:" + "|".join(sorted(map(re.escape, _OP_SUFFIXES), key=len, reverse=True)) + ")"
_ARABIC = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_CN_NUMBER = rf"[{_CN_DIGITS}]+(?:点[{_CN_DIGITS}]+)?"
DATE_PATTERN = (
    r"(?:(?:\d{4}|20xx)年)?\d{1,2}月(?:\d{1,2}日)?(?:底|末|中旬|上旬|下旬)?(?:前|之前|以前)?"
    r"|(?:\d{4}|20xx)年(?:底|末)(?:前|之前)?"
)

QUANTITY = skipping(
    rf"(?P<op>{_OP_PREFIX})?\s*"
    rf"(?:(?P<date>{DATE_PATTERN})"
    rf"|(?P<num>{_ARABIC})\s*(?P<unit>{UNIT_PATTERN})?(?P<suffix>{_OP_SUFFIX})?"
    rf"|(?P<cn>{_CN_NUMBER})(?P<cnunit>{UNIT_PATTERN})(?P<cnsuffix>{_OP_SUFFIX})?)"
)
"""A quantity: optional comparator, then a date, an arabic number with unit, or a Chinese number with unit."""


@dataclass(slots=True, unsafe_hash=True)  # a value, never changed: see documents.tables.table.Cell
class Quantity:
    value: float | None
    unit: str | None
    op: Op | None
    kind: Kind


QUALIFIED_PERCENT = re.compile(r"^(?P<number>\d+(?:\.\d+)?)%(?P<word>[\u4e00-\u9fff]{1,2})$")
"""`100%覆盖`, `95%达标`: a percent and the word of what it measures, printed in one table cell."""
_PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def parse_number(text: str) -> float:
    """Arabic (1,298.17, -61, 36.400000) or Chinese (一百二十, 三点五) numeral to a float."""
    cleaned = text.replace(",", "").strip()
    if _PLAIN_NUMBER.fullmatch(cleaned):
        return float(cleaned)
    try:
        import cn2an  # imported on first use: it takes ~0.7 s, paid by every command and worker otherwise

        return float(cn2an.cn2an(cleaned, "smart"))
    except (ValueError, KeyError) as error:
        raise ValueError(f"not a number: {text!r}") from error


def decimals(text: str) -> int:
    """Decimal places printed in the first number of `text` (\"56.72%\" -> 2, \"86%\" -> 0)."""
    match = re.search(r"\d(?:[\d,]*)(?:\.(\d+))?", text)
    if not match or match.group(1) is None:
        return 0
    return len(match.group(1))


# read per value (a member read through its class is slow)
_PERCENT, _NUMBER, _TEXT = Kind.PERCENT, Kind.NUMBER, Kind.TEXT


def _unit_kind(unit: str | None) -> tuple[str | None, Kind]:
    if unit in ("%", "百分比"):
        return "%", _PERCENT
    return unit, _NUMBER


@lru_cache(maxsize=8192)  # a batch prints the same few hundred values again and again; Quantity is a value
def parse_quantity(text: str) -> Quantity:
    """Parse a printed value such as ≥95%, ≤ 90 万元, 12月底前, -61人, 1,298.17万元, 一百二十人, 长期.

    Anything that is not a quantity is a text value (value None, kind text).
    """
    stripped = text.strip()
    match = QUANTITY.fullmatch(stripped)
    if match is None:
        return Quantity(value=None, unit=None, op=None, kind=_TEXT)
    op = _OP_WORDS.get(match["op"] or "")
    if match["date"]:
        return Quantity(value=None, unit=None, op=op or None, kind=Kind.DATE)
    if match["num"] is not None:
        number, unit, suffix = match["num"], match["unit"], match["suffix"]
    else:
        number, unit, suffix = match["cn"], match["cnunit"], match["cnsuffix"]
    if suffix:
        op = op or _OP_SUFFIXES[suffix]
    unit, kind = _unit_kind(unit)
    try:
        value = parse_number(number)
    except ValueError:  # a unit alone that reads as a numeral: 万人, 万元 in a shifted table cell
        return Quantity(value=None, unit=None, op=None, kind=_TEXT)
    return Quantity(value=value, unit=unit, op=op, kind=kind)
