"""Cutting squashed (T3) and glued (T4) table text into value and text tokens.

A value is an optional comparator, a number, an optional unit and suffix (`≥95%`, `812人`,
`95%及以上`, `52.800000`), or a lone `-`/`/`. Text between values is split at spaces (T3 keeps them
between cells). A number carrying a unit glued to more words (`2024年招募人员体检`) belongs to a name,
and so does a bare number glued to the words before it (`第3季度`). Whether two chars were glued is
asked of `gap`, which knows where normalization removed the spaces a T3 dump printed between cells.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from jixiao.documents.tables.table import Cell
from jixiao.numbers import UNIT_PATTERN

_OP = r"≥|≤|>|<|=|不低于|不少于|不高于|不超过|不多于|大于等于|小于等于|大于|小于"
VALUE = re.compile(
    rf"(?P<op>{_OP})?(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?P<unit>{UNIT_PATTERN})?(?P<suffix>及以上|以上|及以下|以下|以内)?"
)
_DASH = re.compile(r"(?<!\S)[-—/／](?!\S)")
_CJK = re.compile(r"[\u4e00-\u9fff]")


Gap = Callable[[int], bool]
"""gap(i): the source printed a space (or a line break) before char i."""


@dataclass(frozen=True)
class Token:
    cell: Cell
    is_value: bool
    bare: bool = False  # a number with no comparator and no unit (a 分值 or 得分, or two glued)


def _value_matches(text: str, start: int, end: int, gap: Gap) -> list[re.Match[str]]:
    found = []
    for match in VALUE.finditer(text, start, end):
        after = text[match.end()] if match.end() < end else ""
        before = text[match.start() - 1] if match.start() > start else ""
        glued_after = bool(_CJK.match(after)) and not gap(match.end()) and not VALUE.match(text, match.end(), end)
        glued_before = bool(_CJK.match(before)) and not gap(match.start())
        if glued_after and match["unit"] not in (None, "%") and not match["suffix"]:
            continue  # 2024年招募人员体检: a name
        if match["op"] is None and match["unit"] is None and glued_before and glued_after:
            continue  # 第3季度
        found.append(match)
    found += list(_DASH.finditer(text, start, end))
    return sorted(found, key=lambda m: m.start())


def spaced(text: str) -> Gap:
    """The gap test when the text kept its spaces."""
    return lambda index: index > 0 and text[index - 1].isspace()


def tokens(text: str, start: int, end: int, gap: Gap) -> list[Token]:
    """Value and text tokens of text[start:end] in reading order, each with its span."""
    result: list[Token] = []
    pos = start
    for match in _value_matches(text, start, end, gap):
        result += _text_tokens(text, pos, match.start(), gap)
        bare = "num" in (match.re.groupindex or {}) and not match["op"] and not match["unit"] and not match["suffix"]
        result.append(Token(Cell(match.group(0), match.start(), match.end()), True, bool(bare)))
        pos = match.end()
    result += _text_tokens(text, pos, end, gap)
    return result


def _text_tokens(text: str, start: int, end: int, gap: Gap) -> list[Token]:
    found = []
    for match in re.finditer(r"[^\s|]+", text[start:end]):
        word_start = start + match.start()
        cuts = [word_start] + [i for i in range(word_start + 1, start + match.end()) if gap(i)]
        for piece_start, piece_end in zip(cuts, [*cuts[1:], start + match.end()], strict=True):
            piece = text[piece_start:piece_end].strip("，,;；")
            if piece:
                offset = piece_start + text[piece_start:piece_end].find(piece)
                found.append(Token(Cell(piece, offset, offset + len(piece)), False))
    return found
