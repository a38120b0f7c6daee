"""Comparison tolerances that follow the precision the report printed.

A figure printed with d decimals stands for any value within ±0.5×10^-d of it, so a comparison passes
when the intervals of the two sides overlap: honest rounding never fires, and a wrong last digit (an
error of a whole unit of the last printed place) does wherever the arithmetic allows it.

Money follows DOMAIN.md §7: `tol = max(0.01, 0.005 × n_addends)` for two-decimal amounts, generalised to
the decimals the list printed. Reports drop trailing zeros (扎兰屯 2025 prints 62.20 beside 42.7 and 5),
so a list of amounts is taken at the precision of its most precise member.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from jixiao.model import Figure
from jixiao.numbers import decimals

EPSILON = 1e-9  # float noise, far below any printed precision
NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def half_unit(places: int) -> float:
    """Half a unit of the last printed place: the rounding error a figure with `places` decimals may carry."""
    return 0.5 * 10.0**-places


def input_err(places: int) -> float:
    """Rounding error of an input to a ratio: a printed x stands for [x − h, x + h), just under half a unit.

    Half-open matters where two figures only touch at a rounding boundary: an actual of 100% (at most
    100.4999…) cannot make a completion of 101% (at least 100.5).
    """
    return half_unit(places) * (1 - 1e-6)


def places(figure: Figure) -> int:
    """Decimals of the figure's value as printed, in the unit of `value`.

    Usually the decimals of its text; when the value was converted (a table in 元 read into 万元, so
    8,236,500.00 has value 823.65), the decimals shift by the power of ten of the conversion.
    """
    printed = decimals(figure.text)
    match = NUMBER.search(figure.text)
    if figure.value is None or not match:
        return printed
    number = float(match.group().replace(",", ""))
    if number == 0 or figure.value == 0:
        return printed
    return printed - round(math.log10(abs(figure.value / number)))


def printed_places(figures: Iterable[Figure]) -> int:
    """Decimals of the most precise figure (the precision a list of amounts was kept at)."""
    return max((places(f) for f in figures), default=0)


def sum_tolerance(n_addends: int, places: int) -> float:
    """Allowed gap between a stated total and the sum of its rounded parts (DOMAIN §7, any precision)."""
    return max(10.0**-places, half_unit(places) * n_addends)


def sum_matches(total: float, parts: Iterable[float], places: int) -> bool:
    values = list(parts)
    return abs(total - sum(values)) <= sum_tolerance(len(values), places) + EPSILON


def ratio_range(
    numerator: float, numerator_err: float, denominator: float, denominator_err: float
) -> tuple[float, float]:
    """Lowest and highest value of numerator/denominator × 100 when both may be off by their rounding."""
    low_den, high_den = denominator - denominator_err, denominator + denominator_err
    if low_den <= 0:
        return (float("-inf"), float("inf"))
    candidates = [(numerator + sign_n * numerator_err) / den * 100 for sign_n in (-1, 1) for den in (low_den, high_den)]
    return min(candidates), max(candidates)


def percent_matches(stated: Figure, ratio: tuple[float, float]) -> bool:
    """A stated percentage fits a recomputed range when the range meets the stated figure's rounding interval.

    86% fits 85.75 (86 covers 85.5–86.5); 24.27% does not fit 24.2819 (24.27 covers 24.265–24.275).
    """
    assert stated.value is not None
    err = half_unit(places(stated))
    low, high = ratio
    return high >= stated.value - err - EPSILON and low <= stated.value + err + EPSILON


def is_low_precision(figure: Figure, wanted: int = 2) -> bool:
    """A percentage printed with fewer than `wanted` decimals (86%) can hide a value just past a threshold."""
    return places(figure) < wanted
