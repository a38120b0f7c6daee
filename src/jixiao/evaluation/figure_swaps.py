"""Content swaps of the figures a report prints: its years (`years`) and its labelled amounts (`money`).

    years   every year printed as one (2023年, 2021-2023年, 2023-05-01, 〔2023〕, 年度 | 2023) shifted by a
            constant, the gold's year and its figure texts with it; a document that prints a shifted year
            anywhere else as a bare number (a cell this cannot tell from an amount) is skipped
    money   every amount the gold labels as money (funding totals and sources, spending) doubled wherever its
            printed form stands as a number, with its decimals and thousands separators (rates unchanged, sums
            still add); a document where that number also stands as a count, a score or another label's
            figure, or where a money figure prints two numbers, is skipped
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.evaluation.facts import figure_slots
from jixiao.evaluation.matching import own_keys
from jixiao.evaluation.swapping import Rewrite, Swapped, consistent, renamed
from jixiao.model import Figure, Report
from jixiao.vocabulary import MONEY_UNITS

YEAR_SHIFT = -3
_YEAR = re.compile(r"(?:19|20)\d{2}")
# what makes a number a year: 年 after it, a range to a year, a full date, a bracketed document number, a
# 年度 or 日期 label before it, or a word after it that no count or amount takes (`2023中央资金`, `2018绩效`)
_YEAR_AFTER = re.compile(r"\s*年|\s*[-—–~～至到]\s*(?:19|20)\d{2}\s*年|\s*(?:--|—{1,2})\s*(?:19|20)\d{2}(?!\d)|[-./／]\d{1,2}[-./／]\d{1,2}(?!\d)")
_BRACKETS = {"〔": "〕", "[": "]", "【": "】", "(": ")", "（": "）", "﹝": "﹞"}
_YEAR_LABEL = re.compile(r"(?:年度|年份|日期|时间)[\s:：|｜]*$")
_COUNTED = "人户个次元万亿千百件台套所家座公里米亩吨具名株棵只头册份项条本场期批张辆间处余多笔平立萬億個戶臺筆項條冊張輛間處餘頭隻"
_INDEX_TAIL = re.compile(r"-\d{4,6}(?!\d)")
_CHINESE_YEAR = re.compile(r"[一二〇零○][〇零○一二三四五六七八九]{3}年")


def _is_year(text: str, start: int, end: int) -> bool:
    """Whether the number at start:end is a year. One glued to a digit before it (`52021年12月`, a squashed
    row's score and date) only when 年 or a date follows; one glued to digits after it only as a bracketed
    document number's head (`〔202033号`, its closing bracket lost); one after a comparator never (`≥2000`)."""
    before, after = text[start - 1 : start] if start else " ", text[end : end + 1] or " "
    if after.isdigit():
        return before in _BRACKETS
    if _YEAR_AFTER.match(text, end):
        return True
    if before.isdigit() or before in ".,≥≤><=＞＜":
        return False
    if (before in _BRACKETS and text.startswith(_BRACKETS[before], end)) or after in "〕﹞":
        return True
    if before == "/" and _INDEX_TAIL.match(text, end):  # an index number's year: `…/2022-00043`
        return True
    if "\u4e00" <= after <= "\u9fff" and after not in _COUNTED:
        return True
    return bool(_YEAR_LABEL.search(text[max(0, start - 10) : start]))


def shift_years(text: str, shift: int = YEAR_SHIFT) -> str:
    """Every number `text` prints as a year, shifted by `shift`."""
    return _YEAR.sub(
        lambda found: str(int(found[0]) + shift) if _is_year(text, found.start(), found.end()) else found[0], text
    )


def _bare(text: str, start: int, end: int) -> bool:
    """A number standing on its own: no digit or decimal point against it on either side."""
    before, after = text[start - 1 : start] if start else "", text[end : end + 2]
    return not (before.isdigit() or before == "." or after[:1].isdigit() or re.match(r"[.,]\d", after))


def _bare_years(text: str, years: set[str]) -> bool:
    """Whether `text` prints one of `years` on its own where nothing says it is a year (a cell: an amount or a
    year, which this cannot tell)."""
    return any(
        found[0] in years and _bare(text, found.start(), found.end()) and not _is_year(text, found.start(), found.end())
        for found in _YEAR.finditer(text)
    )


def years(text: str, report: Report, shift: int = YEAR_SHIFT) -> Swapped | None:
    """Every printed year and the gold's year shifted by `shift` (a numeric figure that prints a year, a
    year in Chinese numerals or one printed bare: skipped)."""
    after = shift_years(text, shift)
    shifted = {found[0] for found in _YEAR.finditer(text) if _is_year(text, found.start(), found.end())}
    if after == text or _bare_years(text, shifted) or _CHINESE_YEAR.search(text):
        return None
    slots = figure_slots(report, own_keys(report))
    if any(slot.figure.value is not None and shift_years(slot.figure.text, shift) != slot.figure.text for slot in slots):
        return None
    gold = renamed(report, lambda string: shift_years(string, shift))
    if report.year is not None:
        gold = gold.model_copy(update={"year": report.year + shift})
    return Swapped(after, gold) if consistent(text, after, report, lambda s: shift_years(s, shift)) else None


_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_MONEY_PATHS = re.compile(r"^funding\.\w+\.(?:total|by_source\[.*\]\.amount)$|^spending\[.*\]\.amount$")
# what may follow an amount: a money unit, or nothing that makes it another kind of number (a cell's end,
# punctuation, a line's end); a percent sign makes it a rate, left as it is
_MONEY_AFTER = re.compile(r"\s*(?:亿元|千元|万元|元)(?!/)|\s*(?:[|｜\n\t,，。;；、)）:：]|$| {2,})")
_RATE_AFTER = re.compile(r"\s*[%％]")


def doubled(number: str) -> str:
    """`number` times two, with as many decimals and thousands separators as it has."""
    plain = number.replace(",", "")
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    value = Decimal(plain) * 2
    return f"{value:,.{decimals}f}" if "," in number else f"{value:.{decimals}f}"


def _money_figures(report: Report) -> tuple[list[Figure], list[Figure]]:
    """The gold's money figures and its other figures."""
    money: list[Figure] = []
    other: list[Figure] = []
    for slot in figure_slots(report, own_keys(report)):
        is_money = _MONEY_PATHS.match(slot.path) and slot.figure.value is not None and slot.figure.unit in MONEY_UNITS
        (money if is_money else other).append(slot.figure)
    return money, other


def _pattern(numbers: set[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(number) for number in sorted(numbers, key=len, reverse=True))
    return re.compile(rf"(?<![\d.,])(?:{alternatives})(?![\d]|[.,]\d)")


def _roles_clear(text: str, pattern: re.Pattern[str]) -> bool:
    """Whether every place `text` prints one of the amounts stands as money (or as a rate, left alone)."""
    return all(_MONEY_AFTER.match(text, found.end()) or _RATE_AFTER.match(text, found.end()) for found in pattern.finditer(text))


def _doubling(numbers: set[str]) -> Rewrite:
    pattern = _pattern(numbers)

    def rewrite(text: str) -> str:
        return pattern.sub(lambda found: found[0] if _RATE_AFTER.match(text, found.end()) else doubled(found[0]), text)

    return rewrite


def _with_values_doubled(report: Report) -> Report:
    """The gold with its money figures' values doubled (their texts are rewritten by `renamed`)."""
    for figure in _money_figures(report)[0]:
        figure.value = figure.value * 2 if figure.value is not None else None
    return report


def money(text: str, report: Report) -> Swapped | None:
    """Every labelled amount doubled in the text and the gold."""
    figures, others = _money_figures(report)
    printed = [_NUMBER.findall(figure.text) for figure in figures]
    if not figures or any(len(numbers) != 1 for numbers in printed):
        return None
    numbers = {numbers[0] for numbers in printed if Decimal(numbers[0].replace(",", "")) != 0}
    taken = {number.replace(",", "") for figure in others for number in _NUMBER.findall(figure.text)}
    if report.year is not None:
        taken.add(str(report.year))
    if not numbers or any(number.replace(",", "") in taken for number in numbers):
        return None
    pattern = _pattern(numbers)
    if {found[0] for found in pattern.finditer(text)} != numbers or not _roles_clear(text, pattern):
        return None
    rewrite = _doubling(numbers)
    after = rewrite(text)
    gold = _with_values_doubled(renamed(report, rewrite))
    return Swapped(after, gold) if consistent(text, after, report, rewrite) else None
