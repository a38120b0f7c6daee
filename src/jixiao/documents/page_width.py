"""The page width of text extracted from a PDF: lines broken where the page ended, not where a cell did.

A PDF's text comes out a printed line at a time, so a table squashed onto one line (LAYOUTS.md T3) is cut
wherever the page edge fell, mid-cell. Such lines all reach about the same width (Chinese characters count
two columns, digits and Latin letters one, as the page sets them) and none goes beyond it, while a table
printed a row per line has rows of every width (and one padded to its columns has runs of spaces inside
most rows: those are not counted). A text whose longest lines end within a few columns of one
width was wrapped there, and a line that reaches it runs on into the next.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

_WIDE = re.compile(
    r"[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff01-\uff60]"
)
_MIN_LONG = 40  # columns: shorter lines are headings, cells, the ends of paragraphs
_SLACK = 4  # columns a wrapped line may fall short of the width (a wide char or a word that did not fit)
_MIN_WRAPPED = 4
# a run of spaces inside a line: a spreadsheet's columns padded to their widths, whose rows end at a few
# widths (its last columns) without any page having wrapped them; where most long lines are such rows, they
# count for no width
_PADDED = re.compile(r"[ \t\u3000]{3}")
_OVER_SHARE = 0.05  # of the long lines may run past the width (chrome, a caption set apart)
# of the long lines must reach the band: in a page-wrapped text most do (a paragraph's every line but its
# last), while a web page's chrome (索引号 …, 名称 …, 发布时间 …) and a spaced table's header may meet at
# one width by chance, a few among many lines of every width
_MIN_SHARE = 0.4


def display_width(line: str) -> int:
    """Columns the line takes: two for a wide (CJK) character, one for any other."""
    return len(line) + len(_WIDE.findall(line))


TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
"""Pinyin's vowels with a tone mark: a converter's glosses (`項(xiàng)`), here and in `wrappers`."""
_TONED_CHAR = re.compile(f"[{TONED}]")
_GLOSS = re.compile(f"[(（][a-zü{TONED}]*[{TONED}][a-zü{TONED}]*[)）]")


def _printed_width(line: str) -> int:
    """The line's width on the page had its pinyin glosses (`項(xiàng)`) been inserted after it was wrapped."""
    return display_width(_GLOSS.sub("", line))


def _raw_width(line: str) -> int:
    return display_width(line.rstrip())


class _GlossedWidth(int):
    """A page width the lines reach once their glosses are left out (a converter glossed a wrapped page)."""


def page_width(lines: list[str]) -> int | None:
    """The width the text was wrapped at, or None when its lines were not wrapped at one width: the widest
    band of a few columns that four long lines, and a good share of them, reach, with (nearly) no line beyond
    it. Lines that reach none as printed may reach one without the pinyin glosses a converter put in after the
    page was wrapped."""
    width = _band(lines, _raw_width)
    if width is not None or not any(_TONED_CHAR.search(line) for line in lines):
        return width
    glossed = _band([line.rstrip() for line in lines], _printed_width)
    return None if glossed is None else _GlossedWidth(glossed)


def _band(lines: list[str], measure: Callable[[str], int]) -> int | None:
    long = [(width, line) for line in lines if (width := measure(line)) >= _MIN_LONG]
    padded = [width for width, line in long if _PADDED.search(line.strip())]
    widths = [width for width, line in long if not _PADDED.search(line.strip())]
    if len(padded) < len(widths):  # a few lines with gaps in a wrapped text: they count
        widths += padded
    counts = Counter(widths)
    allowed = max(1, int(_OVER_SHARE * len(widths)))
    for width in sorted(counts, reverse=True):
        over = sum(count for other, count in counts.items() if other > width)
        if over > allowed:
            return None
        band = sum(count for other, count in counts.items() if width - _SLACK <= other <= width)
        if band >= _MIN_WRAPPED:
            return width if band >= _MIN_SHARE * len(widths) else None
    return None


def at_width(line: str, width: int | None) -> bool:
    """Whether the line reaches the page width (so the page, not the writer, ended it)."""
    if width is None:
        return False
    printed = _printed_width(line.rstrip()) if isinstance(width, _GlossedWidth) else _raw_width(line)
    return printed >= width - _SLACK
