"""Numbers an OCR engine misread: `9O%` is 90%, `8l2人` is 812人, `1 623人` is 1623人.

Only the value is repaired; the figure keeps the text as printed, and `found_by` says `+ocr`. A squashed OCR'd
row is cut at its printed spaces before such a number, whose letters would cut it otherwise (`45O.OO`).
"""

from __future__ import annotations

import re
from itertools import pairwise

from jixiao.documents.tables.table import Cell, trimmed_cell
from jixiao.documents.tables.tokens import Gap
from jixiao.model import Kind
from jixiao.numbers import parse_quantity

_OCR_DIGIT = str.maketrans({"O": "0", "o": "0", "〇": "0", "l": "1", "I": "1", "S": "5"})
_OCR_STRAY = re.compile(r"(?<=\d)[',`'·‘’\s](?=\d)|(?<=\d)[。，](?=\d)")
_NUMBERISH = re.compile(r"^[≥≤<>=]?[\dOolIS〇.,'`·‘’。，\s]*\d[\dOolIS〇.,'`·‘’。，\s]*(?:%|[\u4e00-\u9fff]{1,3})?$")
_OP_CHARS = ("≥", "≤", "<", ">", "=")


_REPAIRABLE = re.compile("[" + re.escape("".join(map(chr, _OCR_DIGIT)) + "',`'·‘’。，") + r"\s]")
"""What a repair changes: letters read for digits, stray marks and spaces between digits."""


def ocr_repaired(printed: str) -> str | None:
    """An OCR-misread number put right, or None when the text is not one (or needs no repair)."""
    if not _NUMBERISH.match(printed):
        return None
    if not _REPAIRABLE.search(printed):
        return None  # nothing a repair would change: most numbers (a cheaper test than repairing)
    prefix = printed[0] if printed[:1] in _OP_CHARS else ""
    body = printed[len(prefix) :]
    unit_at = len(body)
    while unit_at and not (body[unit_at - 1].isdigit() or body[unit_at - 1] in "OolIS〇"):
        unit_at -= 1
    number = _OCR_STRAY.sub(lambda m: "." if m.group(0) in "。" else "", body[:unit_at].translate(_OCR_DIGIT))
    number = number.replace("，", "").replace(" ", "")
    fixed = prefix + number + body[unit_at:]
    return fixed if fixed != printed and parse_quantity(fixed).kind is not Kind.TEXT else None


def misread_words(text: str, cell: Cell, gap: Gap) -> list[Cell]:
    """The words of a squashed OCR line (cut at the spaces it printed) when one of them is a misread number
    (`45O.OO`, `18l人`), which the figure tokens would cut at its letters; none otherwise."""
    cuts = [cell.start, *(at for at in range(cell.start + 1, cell.end) if gap(at)), cell.end]
    words = [part for a, b in pairwise(cuts) if (part := trimmed_cell(text, a, b)).text]
    return words if len(words) > 1 and any(is_misread(word) for word in words) else []


def is_misread(word: Cell) -> bool:
    return ocr_repaired(word.text) is not None and not word.text[:1].isalpha()
