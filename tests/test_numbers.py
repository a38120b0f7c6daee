"""The quantity parser: comparators, numbers, units, dates, Chinese numerals, printed precision."""

from __future__ import annotations

import pytest

from jixiao.model import Kind, Op
from jixiao.numbers import decimals, parse_number, parse_quantity, to_wan_yuan


@pytest.mark.parametrize(
    ("printed", "value", "unit", "op", "kind"),
    [
        ("≥95%", 95.0, "%", Op.GE, Kind.PERCENT),
        ("≤ 90 万元", 90.0, "万元", Op.LE, Kind.NUMBER),
        ("12月底前", None, None, None, Kind.DATE),
        ("2024年10月", None, None, None, Kind.DATE),
        ("-61人", -61.0, "人", None, Kind.NUMBER),
        ("1,298.17万元", 1298.17, "万元", None, Kind.NUMBER),
        ("一百二十人", 120.0, "人", None, Kind.NUMBER),
        ("550元/人/月", 550.0, "元/人/月", None, Kind.NUMBER),
        ("95%及以上", 95.0, "%", Op.GE, Kind.PERCENT),
        ("不低于90%", 90.0, "%", Op.GE, Kind.PERCENT),
        ("≥100百分比", 100.0, "%", Op.GE, Kind.PERCENT),
        ("3.17万人", 3.17, "万人", None, Kind.NUMBER),
        ("36.400000", 36.4, None, None, Kind.NUMBER),
        ("0", 0.0, None, None, Kind.NUMBER),
        ("长期", None, None, None, Kind.TEXT),
        ("有效提升创业能力", None, None, None, Kind.TEXT),
        ("大专及以上", None, None, None, Kind.TEXT),
    ],
)
def test_parse_quantity(printed: str, value: float | None, unit: str | None, op: Op | None, kind: Kind) -> None:
    quantity = parse_quantity(printed)
    assert (quantity.value, quantity.unit, quantity.op, quantity.kind) == (value, unit, op, kind)


@pytest.mark.parametrize(
    ("printed", "places"), [("56.72%", 2), ("86%", 0), ("1,298.17万元", 2), ("42.7", 1), ("长期", 0)]
)
def test_decimals_counts_printed_places(printed: str, places: int) -> None:
    assert decimals(printed) == places


def test_parse_number_rejects_words() -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_number("完成")


def test_money_converts_to_wan_yuan() -> None:
    assert to_wan_yuan(12_980_000, "元") == 1298.0
    assert to_wan_yuan(1.5, "亿元") == 15000.0
    assert to_wan_yuan(3877.67, "万元") == 3877.67
