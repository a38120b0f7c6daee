"""Comparison tolerances that follow the precision the report printed.

A figure printed with d decimals stands for any value within ±0.5×10^-d of it, so a comparison passes
when the intervals of the two sides overlap: honest rounding never fires, and a wrong last digit (an
error of a whole unit of the last printed place) does wherever the arithmetic allows it.

Money follows DOMAIN.md §7: `tol = max(0.01, 0.005 × n_addends)` for two-decimal amounts, generalised to
the decimals the list printed. Reports drop trailing zeros (扎兰屯 2025 prints 62.20 beside 42.7 and 5),
so a list of amounts is taken at the precision of its most precise member.
"""

from __future__ import annotations

from collections.abc import Iterable

from jixiao.numbers import decimals

EPSILON = 1e-9  # float noise, far below any printed precision


def half_unit(places: int) -> float:
    """Half a unit of the last printed place: the rounding error a figure with `places` decimals may carry."""
    return 0.5 * 10.0**-places


def printed_places(texts: Iterable[str]) -> int:
    """Decimals of the most precise figure among `texts` (the precision a list of amounts was kept at)."""
    return max((decimals(text) for text in texts), default=0)


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


def percent_matches(stated: float, stated_text: str, ratio: tuple[float, float]) -> bool:
    """A stated percentage fits a recomputed range when the range meets the stated figure's rounding interval.

    86% fits 85.75 (86 covers 85.5–86.5); 24.27% does not fit 24.2819 (24.27 covers 24.265–24.275).
    """
    err = half_unit(decimals(stated_text))
    low, high = ratio
    return high >= stated - err - EPSILON and low <= stated + err + EPSILON


def value_matches(stated: float, stated_text: str, expected: float, expected_err: float = 0.0) -> bool:
    """A stated figure equals an exact (or ±expected_err) expectation at the figure's printed precision."""
    return abs(stated - expected) <= half_unit(decimals(stated_text)) + expected_err + EPSILON


def is_low_precision(text: str, places: int = 2) -> bool:
    """A percentage printed with fewer than `places` decimals (86%) can hide a value just past a threshold."""
    return decimals(text) < places
