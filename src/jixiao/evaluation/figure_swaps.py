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
_YEAR_AFTER = re.compile(
    r"\s*年|\s*[-—–~～至到]\s*(?:19|20)\d{2}\s*年|\s*(?:--|—{1,2})\s*(?:19|20)\d{2}(?!\d)|[-./／]\d{1,2}[-./／]\d{1,2}(?!\d)"
)
_BRACKETS = {"〔": "〕", "[": "]", "【": "】", "(": ")", "（": "）", "﹝": "﹞"}
_YEAR_LABEL = re.compile(r"(?:年度|年份|日期|时间)[\s:：|｜]*$")
_COUNTED = (  # units and measure words: what follows a count or an amount, never a year
    "人户个次元万亿千百件台套所家座公里米亩吨具名株棵只头册份项条本场期批张辆间处余多笔平立"
    "萬億個戶臺筆項條冊張輛間處餘頭隻"
)
_INDEX_TAIL = re.compile(r"-\d{4,6}(?!\d)")
_CHINESE_YEAR = re.compile(r"[一二〇零○][〇零○一二三四五六七八九]{3}年")


def _is_year(text: str, start: int, end: int) -> bool:
    """Whether the number at start:end is a year. One glued to a digit before it (`72019年12月`, a squashed
    row's score and date) only when 年 or a date follows; one glued to digits after it only as a bracketed
    document number's head (`〔201947号`, its closing bracket lost); one after a comparator never (`≥2000`)."""
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
    if "\u4e00" <= after <= "\u9fff" and after not in _COUNTED and before not in _COUNTED:
        return True  # but `3.42万人次2018可持续…`: a squashed row's weight and score after a unit
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
    if any(
        slot.figure.value is not None and shift_years(slot.figure.text, shift) != slot.figure.text for slot in slots
    ):
        return None
    gold = renamed(report, lambda string: shift_years(string, shift))
    if report.year is not None:
        gold = gold.model_copy(update={"year": report.year + shift})
    return Swapped(after, gold) if consistent(text, after, report, lambda s: shift_years(s, shift)) else None


_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_MONEY_PATHS = re.compile(r"^funding\.\w+\.(?:total|by_source\[.*\]\.amount)$|^spending\[.*\]\.amount$")
_MONEY_UNIT = re.compile(r"\s*(?:亿元|千元|万元|元)(?![/每])")
# what may follow a labelled amount printed bare: nothing that makes it another kind of number (a cell's end,
# punctuation, a line's end); a percent sign makes it a rate, left as it is
_BARE_END = re.compile(r"\s*(?:[|｜\n\t,，。;；、)）:：]|$| {2,})")
_RATE_AFTER = re.compile(r"\s*[%％]")
_NUMBERING = re.compile(r"(?:^|\n)[ \t　]*[(（]?$")  # `4)差旅费…`, `(2)`: a list's number, no amount
_ANY_NUMBER = re.compile(rf"(?<![\d.,])(?:{_NUMBER.pattern})(?![\d]|[.,]\d)")


def doubled(number: str) -> str:
    """`number` times two, with as many decimals and thousands separators as it has."""
    plain = number.replace(",", "")
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    value = Decimal(plain) * 2
    return f"{value:,.{decimals}f}" if "," in number else f"{value:.{decimals}f}"


def _labelled_amounts(report: Report) -> set[str] | None:
    """The numbers the gold's money figures print (None when one prints two numbers or none)."""
    numbers: set[str] = set()
    for slot in figure_slots(report, own_keys(report)):
        if _MONEY_PATHS.match(slot.path) and slot.figure.value is not None and slot.figure.unit in MONEY_UNITS:
            printed = _NUMBER.findall(slot.figure.text)
            if len(printed) != 1:
                return None
            numbers.add(printed[0])
    return numbers


def _doubling(amounts: set[str]) -> Rewrite:
    """Double every number a money unit follows, and each labelled amount printed bare (a cell), not a rate."""

    def rewrite(text: str) -> str:
        def one(found: re.Match[str]) -> str:
            money = _MONEY_UNIT.match(text, found.end())
            bare = found[0] in amounts and not _RATE_AFTER.match(text, found.end())
            return doubled(found[0]) if money or bare else found[0]

        return _ANY_NUMBER.sub(one, text)

    return rewrite


def _roles_clear(text: str, amounts: set[str]) -> bool:
    """Whether every place `text` prints a labelled amount, it stands as money (a unit or a bare cell) or as a
    rate, and each is printed somewhere."""
    seen: set[str] = set()
    for found in _ANY_NUMBER.finditer(text):
        if found[0] in amounts:
            seen.add(found[0])
            end = found.end()
            if _NUMBERING.search(text, max(0, found.start() - 4), found.start()):
                return False
            if not (_MONEY_UNIT.match(text, end) or _BARE_END.match(text, end) or _RATE_AFTER.match(text, end)):
                return False
    return seen == amounts and not _squashed(text, amounts)


_DIGIT_RUN = re.compile(r"\d[\d.,]*")
_SQUASHED_REST = 3  # `20002000100%`: two cells' 2000 and a rate glued, as a squashed row prints them


def _squashed(text: str, amounts: set[str]) -> bool:
    """Whether a labelled amount opens or closes a run of digits three or more longer than itself (cells
    glued together): the run cannot be rewritten surely."""
    return any(
        len(run) >= len(amount) + _SQUASHED_REST and (run.startswith(amount) or run.endswith(amount))
        for run in _DIGIT_RUN.findall(text)
        for amount in amounts
        if len(amount) >= _SQUASHED_REST
    )


def _figures(report: Report) -> list[Figure]:
    return [slot.figure for slot in figure_slots(report, own_keys(report))]


def _values_doubled(before: Report, after: Report) -> Report:
    """`after` (the gold with its texts rewritten) with the value of each figure whose text changed doubled."""
    old = figure_slots(before, own_keys(before))
    for slot, new in zip(old, figure_slots(after, own_keys(after)), strict=True):
        if new.figure.text != slot.figure.text and new.figure.value is not None:
            new.figure.value = new.figure.value * 2
    return after


def money(text: str, report: Report) -> Swapped | None:
    """Every amount doubled: each printed with a money unit, and each labelled amount printed bare (a cell), in
    the text and the gold (sums still add up, rates stay). Skipped where a labelled amount's number is also
    printed as a count or a score, or another label's bare figure, or a figure would print two numbers."""
    amounts = _labelled_amounts(report)
    if not amounts or not _roles_clear(text, amounts):
        return None
    rewrite = _doubling(amounts)
    slots = figure_slots(report, own_keys(report))
    kept = [slot.figure.text for slot in slots if rewrite(slot.figure.text) == slot.figure.text]
    if any(number in amounts for figure in kept for number in _NUMBER.findall(figure)):
        return None  # a score or a count printing a labelled amount's number: which is which, only the table knows
    if report.year is not None and str(report.year) in amounts:
        return None
    if any(rewrite(figure.text) != figure.text and figure.text not in text for figure in _figures(report)):
        return None  # a figure the gold composes from two cells (`72890 | 元`): its text is no printed one
    after = rewrite(text)
    gold = _values_doubled(report, renamed(report, rewrite))
    return Swapped(after, gold) if consistent(text, after, report, rewrite) else None
