"""Layout transforms for the metamorphic eval: the same facts in another layout.

Published reports reach us as pipe-table dumps, one cell per line, tables squashed onto a line, text wrapped
at a page width, behind site chrome or converter debris (LAYOUTS.md). The facts of a report do
not change with its layout, so each transform here rewrites a labelled text the way one of those routes
would, and the eval scores the reader on it against the same gold (`eval/layouts.py`). No transform edits a
figure's printed text beyond its width or script: `wrapped` and `fullwidth` are told the gold figures' texts and
never cut or rewrite inside them, and `lost_figures` counts any figure a transform lost anyway (after folding
width and script). The table layouts of held-out sets 10–12 are in `table_layouts`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from jixiao.documents.page_width import display_width
from jixiao.documents.traditional import simplified
from jixiao.evaluation.form_layouts import (
    directions,
    glossed,
    levels_after,
    operator_codes,
    pipe_runs,
    scored_prose,
    space_cells,
    unit_column,
)
from jixiao.evaluation.pipe_rows import cell_per_line, cells, is_row
from jixiao.evaluation.table_layouts import (
    fullwidth_cells,
    merged_cell_lines,
    merged_cells,
    page_breaks,
    spaced,
    split_targets,
    traditional,
)

Rewrite = Callable[[str, Sequence[str]], str]

WRAP_WIDTH = 72  # columns of a PDF page's line at body size: 36 Chinese characters
_CELL = " |"


def _per_row(text: str, render: Callable[[list[str]], str]) -> str:
    return "\n".join(render(cells(line)) if is_row(line) else line for line in text.split("\n"))


def cell_lines(text: str, keep: Sequence[str] = ()) -> str:
    """T1 one cell per line: each cell on its line closed by ` |`, an empty cell a lone `|`."""
    return _per_row(text, lambda row: "\n".join(cell + _CELL if cell else "|" for cell in row))


def bare_cell_lines(text: str, keep: Sequence[str] = ()) -> str:
    """T2 one cell per line without pipes, a blank line between cells, an empty cell a line of spaces (the
    empty cells a row ends with, a pipe dump's padding, left out). A dump of one cell per line is left as it is:
    its lone bars close the cell above, and read as rows they would put an empty cell between every two."""
    if cell_per_line(text):
        return text

    def render(row: list[str]) -> str:
        while len(row) > 1 and not row[-1]:
            row = row[:-1]
        return "\n\n".join(cell or "  " for cell in row) + "\n"

    return _per_row(text, render)


def framed(text: str, keep: Sequence[str] = ()) -> str:
    """Rows drawn with a bar at both ends, as OCR and markdown converters print them: `| a | b |  |` (a row a
    bar opens already is left as it is: whether that bar is a border or an empty cell, only its table knows)."""
    if cell_per_line(text):
        return text
    lines = text.split("\n")
    return "\n".join(
        "| " + " | ".join(cells(line)) + " |" if is_row(line) and not line.lstrip().startswith("|") else line
        for line in lines
    )


def squashed(text: str, keep: Sequence[str] = ()) -> str:
    """T3 row by row: the cells of each row a single space apart, empty cells gone."""
    if cell_per_line(text):
        return text
    return _per_row(text, lambda row: " ".join(cell for cell in row if cell))


def flattened(text: str, keep: Sequence[str] = ()) -> str:
    """T3 whole: every run of table rows squashed onto one line."""
    if cell_per_line(text):
        return text
    out: list[str] = []
    run: list[str] = []
    for line in [*text.split("\n"), ""]:
        if is_row(line):
            run.extend(cell for cell in cells(line) if cell)
            continue
        if run:
            out.append(" ".join(run))
            run = []
        out.append(line)
    return "\n".join(out[:-1])


_NUMBER_CHAR = re.compile(r"[\d.,%]")


def _protected(line: str, keep: Sequence[str]) -> list[bool]:
    """Per gap between two chars of `line`: True where a break would cut a kept figure or a number."""
    guard = [False] * (len(line) + 1)
    for figure in keep:
        for match in re.finditer(re.escape(figure), line):
            for gap in range(match.start() + 1, match.end()):
                guard[gap] = True
    for gap in range(1, len(line)):
        if _NUMBER_CHAR.match(line[gap - 1]) and _NUMBER_CHAR.match(line[gap]):
            guard[gap] = True
    return guard


def wrapped(text: str, keep: Sequence[str] = (), width: int = WRAP_WIDTH) -> str:
    """Every line wider than `width` columns (a Chinese character takes two) broken as a PDF page breaks it,
    mid-sentence or mid-cell (of a table squashed onto a line), never inside a figure's printed text or a
    number. Pipe rows stay whole."""
    out: list[str] = []
    for line in text.split("\n"):
        if is_row(line):  # a PDF draws no bars: a pipe dump came from HTML, whose rows are not wrapped
            out.append(line)
            continue
        guard = _protected(line, keep)
        start = 0
        while display_width(line[start:]) > width:
            cut = _fitting(line, start, width)
            while cut > start + 1 and guard[cut]:
                cut -= 1
            if cut == start + 1:  # a figure wider than the line: break after it
                cut = _fitting(line, start, width)
                while cut < len(line) and guard[cut]:
                    cut += 1
            out.append(line[start:cut])
            start = cut
        out.append(line[start:])
    return "\n".join(out)


def _fitting(line: str, start: int, width: int) -> int:
    """The end of the longest run of `line` from `start` that fits in `width` columns."""
    end, used = start, 0
    while end < len(line) and used + display_width(line[end]) <= width:
        used += display_width(line[end])
        end += 1
    return end


_CHROME = (
    "当前位置：首页 > 信息公开 > 财政资金信息\n"
    "索引号：000112233/2025-00041    发布机构：本级财政局\n"
    "发布日期：2025-04-18    浏览次数：316\n"
    "【字体：大 中 小】 【打印本页】 【关闭窗口】\n"
)
_DEBRIS = (
    "周小岚 wjy20188 1 2021-06-02T03:15:40Z 2021-06-02T03:15:40Z 2025-03-11T07:02:19Z 15.00 2052-11.1.0.12873 "
    "5C2D9E61A07B4F38B9E2D7C41A6F0B55 8420 21736 0 0 False False False "
)


def chrome(text: str, keep: Sequence[str] = ()) -> str:
    """A government site's chrome before the report (breadcrumb, 索引号, 发布机构, font switch)."""
    return _CHROME + text


def debris(text: str, keep: Sequence[str] = ()) -> str:
    """Word metadata (author, ids, ISO timestamps, a GUID, counts, `False False False`) glued before the first
    line, as a converter leaves it."""
    return _DEBRIS + text.lstrip()


def blank_lines(text: str, keep: Sequence[str] = ()) -> str:
    """Every line break doubled, as web pages' paragraph spacing comes out."""
    return text.replace("\n", "\n\n")


def ideographic_spaces(text: str, keep: Sequence[str] = ()) -> str:
    """Half-width spaces written as full-width (ideographic) ones."""
    return text.replace(" ", "\u3000")


_TO_FULL = {":": "：", ",": "，", "(": "（", ")": "）", ";": "；"}
_HALF_PUNCT = re.compile(r"[:,();]")


def fullwidth(text: str, keep: Sequence[str] = ()) -> str:
    """Half-width punctuation written full-width (`(一)` → `（一）`), outside figures and numbers (`36,620`)."""

    def swap(match: re.Match[str]) -> str:
        at, char = match.start(), match.group()
        if char == "," and text[at - 1 : at].isdigit() and text[at + 1 : at + 2].isdigit():
            return char
        return char if guard[at] else _TO_FULL[char]

    guard = [False] * (len(text) + 1)
    for figure in keep:
        for match in re.finditer(re.escape(figure), text):
            for at in range(match.start(), match.end()):
                guard[at] = True
    return _HALF_PUNCT.sub(swap, text)


@dataclass(frozen=True)
class Transform:
    name: str
    rewrite: Rewrite
    layout: str  # what it stands for in LAYOUTS.md


TRANSFORMS = (
    Transform("cell_lines", cell_lines, "T1 one cell per line, cells closed by ` |`"),
    Transform("bare_cells", bare_cell_lines, "T2 one cell per line, blank lines, no pipes"),
    Transform("framed", framed, "rows with bars at both ends (OCR, markdown)"),
    Transform("squashed", squashed, "T3 each row's cells a space apart"),
    Transform("flattened", flattened, "T3 a whole table on one line"),
    Transform("wrapped", wrapped, f"lines broken at {WRAP_WIDTH} columns (PDF)"),
    Transform("chrome", chrome, "site chrome before the report"),
    Transform("debris", debris, "Word metadata glued before the first line"),
    Transform("blank_lines", blank_lines, "line breaks doubled"),
    Transform("ideo_spaces", ideographic_spaces, "full-width spaces"),
    Transform("fullwidth", fullwidth, "full-width punctuation"),
    Transform("spaced", spaced, "a table's cells padded with spaces, no bars (spreadsheet as text)"),
    Transform("merged", merged_cells, "merged 一级/二级 cells printed once, on their first row"),
    Transform("merged_cells", merged_cell_lines, "T2 with merged cells printed once"),
    Transform("split_target", split_targets, "a 指标值 in three cells: `≥ | 95 | %`"),
    Transform("page_breaks", page_breaks, "page lines and the header row again inside a table"),
    Transform("wide_digits", fullwidth_cells, "full-width digits and letters in cells"),
    Transform("traditional", traditional, "traditional script (OpenCC s2t)"),
    Transform("pipe_runs", pipe_runs, "T1 with the empty cells a row ends with one `||||` line"),
    Transform("space_cells", space_cells, "one cell per paragraph, a blank cell a single space"),
    Transform("directions", directions, "指标性质/指标方向 columns: `正向 | 大于等于 | 95%`"),
    Transform("op_codes", operator_codes, "a 指标性质 cell of code and operator: `004 >= | 95%`"),
    Transform("unit_column", unit_column, "a 计量单位 column after the target: `≥95 | %`"),
    Transform("glossed", glossed, "pinyin glosses after characters: `项(xiàng)目`"),
    Transform("levels_after", levels_after, "level cells printed after the rows (categories lost by design)"),
    Transform("scored_prose", scored_prose, "indicator rows as sections: `（一）产出指标（50分）` `1.数量指标：…`"),
)

# Layouts real reports combine, each applied in the order given (a table's cells rewritten before its rows are
# squashed, wrapped or cut into lines): the eval's `--pairs`.
PAIRS = (
    ("merged", "cell_lines"),
    ("merged", "bare_cells"),
    ("merged", "space_cells"),
    ("merged", "pipe_runs"),
    ("page_breaks", "merged", "bare_cells"),
    ("spaced", "wrapped"),
    ("squashed", "wrapped"),
    ("page_breaks", "squashed"),
    ("page_breaks", "spaced"),
    ("traditional", "spaced"),
    ("traditional", "glossed"),
    ("traditional", "glossed", "squashed"),
    ("split_target", "framed"),
    ("split_target", "cell_lines"),
    ("op_codes", "unit_column"),
    ("op_codes", "unit_column", "pipe_runs"),
    ("directions", "unit_column", "pipe_runs"),
    ("directions", "space_cells"),
    ("unit_column", "traditional"),
    ("chrome", "debris", "wrapped"),
    ("wide_digits", "squashed"),
    ("merged", "squashed"),
    ("levels_after", "squashed"),
    ("scored_prose", "wrapped"),
    ("scored_prose", "traditional"),
)


def transform_named(name: str) -> Transform:
    """A transform by name, `a+b` for two (or more) applied in turn."""
    if "+" in name:
        return combined(name.split("+"))
    return next(t for t in TRANSFORMS if t.name == name)


def combined(names: Sequence[str]) -> Transform:
    """The named transforms applied one after the other, as one transform named `a+b`."""
    chosen = [next(t for t in TRANSFORMS if t.name == name) for name in names]

    def rewrite(text: str, keep: Sequence[str] = ()) -> str:
        for transform in chosen:
            text = transform.rewrite(text, keep)
        return text

    return Transform("+".join(names), rewrite, ", then ".join(t.layout for t in chosen))


_SPELT = {"大于等于": "≥", "小于等于": "≤", ">=": "≥", "<=": "≤", "大于": ">", "小于": "<", "等于": ""}
_COMPARATOR = re.compile("|".join(_SPELT))


def _compact(text: str) -> str:
    """The text without spaces and bars, folded to half width and simplified script, a comparator spelt out in
    words or ASCII written as its sign (what a layout may change)."""
    folded = re.sub(r"[\s|]+", "", simplified(unicodedata.normalize("NFKC", text)))
    return _COMPARATOR.sub(lambda match: _SPELT[match.group()], folded)


def lost_figures(before: str, after: str, figures: Sequence[str]) -> list[str]:
    """Figures printed in `before` (spaces and bars aside) that `after` no longer prints."""
    old, new = _compact(before), _compact(after)
    return [figure for figure in figures if _compact(figure) in old and _compact(figure) not in new]
