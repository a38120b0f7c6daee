"""The gap test for normalized text: where normalization removed spaces between squashed cells.

Normalization (documents.normalize) drops spaces and some debris; `Document.origin` maps each char of the
normalized text back to the raw text, so a jump in it says chars were removed there, which cuts a squashed
line's cells as a printed space would (tables.tokens reads the gaps).
"""

from __future__ import annotations

import re
from itertools import pairwise

from jixiao.documents.page_width import at_width, page_width
from jixiao.documents.tables.tokens import Gap

_DROPPED_IN_CELL = re.compile(r"(?:\n+\d{1,2}、|[ \t]?[(（]?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]?)+")
"""What normalization drops inside a cell that is no border there (documents.wrappers): a sharing site's page
number, a converter's romanisation (`減災(zāi)`, `數(shù)`), or both (`標(biāo)\n3、預`). A line break it joined is
none either where the page edge broke the line (documents.page_width); where the writer did, it may part two
cells of a row."""


def removed_spaces(text: str, origin: list[int], raw: str | None = None) -> Gap:
    """The gap test for normalized text: a space was there, or normalization dropped chars before i (but not
    a page number that broke a cell, when `raw` tells)."""
    return _RemovedSpaces(text, origin, raw)


class _RemovedSpaces(Gap):
    def __init__(self, text: str, origin: list[int], raw: str | None) -> None:
        super().__init__(text)
        self.origin = origin
        self.raw = raw
        self.width: list[int | None] = []  # the raw text's page width, found when a joined line asks

    def _in_cell(self, start: int, end: int) -> bool:
        """Whether the raw chars normalization dropped between two chars sat inside one cell."""
        raw = self.raw
        if raw is None:
            return False
        if end - start == 1 and raw[start] == "\n":
            if not self.width:
                self.width.append(page_width(raw.split("\n")))
            return at_width(raw[raw.rfind("\n", 0, start) + 1 : start], self.width[0])
        return _DROPPED_IN_CELL.fullmatch(raw, start, end) is not None

    def __call__(self, index: int) -> bool:
        origin = self.origin
        if index <= 0 or index >= len(origin):
            return index > 0
        if self.text[index - 1].isspace():
            return True
        before, at = origin[index - 1], origin[index]
        return at - before > 1 and not self._in_cell(before + 1, at)

    def inside_word(self, start: int, end: int) -> list[int]:
        """Inside a word only dropped chars cut: none where the word's chars came one after another (most
        words, told by one comparison instead of a test per char)."""
        origin = self.origin
        if end > len(origin):
            return [index for index in range(start + 1, end) if self(index)]
        if origin[start:end] == list(range(origin[start], origin[start] + end - start)):
            return []
        jumps = [index for index, (before, at) in enumerate(pairwise(origin[start:end]), start + 1) if at - before > 1]
        return [index for index in jumps if not self._in_cell(origin[index - 1] + 1, origin[index])]
