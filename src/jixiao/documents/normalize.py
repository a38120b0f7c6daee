"""Normalization of decoded text, with an offset map back to the text as decoded.

Spans in the report model point into the normalized text. The map lets the review page (or anyone)
find the same place in the original: `origin[i]` is the offset in the raw text of normalized char i.
What a figure printed is never folded away beyond what is listed here: full-width digits and
comparators and ideographic spaces become half-width, LaTeX comparators become symbols, converter artefacts
go, the empty line after every line of a text spaced so goes, lines broken mid-sentence are joined, spaces
between a number and the Chinese next to it are dropped, and wrappers (site chrome, Word metadata, injected
romanisation: see `wrappers.py`) are removed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from jixiao.documents.page_width import at_width, page_width
from jixiao.documents.tables.headers import BLOCK_LABEL, HEADER_WORD
from jixiao.documents.wrappers import WRAPPER_PASSES
from jixiao.vocabulary import level_number

_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}  # ０-９
_FULL_WIDTH.update({code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FULL_WIDTH.update({code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FULL_WIDTH.update(
    {ord(a): ord(b) for a, b in zip("％．＜＝＞＋－／｜≧≦\u00a0\u2002\u2003\u3000", "%.<=>+-/|≥≤    ", strict=True)}
)
# table lines as OCR and text dumps draw them: box-drawing bars and 丨 (a radical no report writes as a word)
_FULL_WIDTH.update({ord(a): ord("|") for a in "│┃丨"})
# the slanted comparators of Word's equation editor and the small-form signs some converters emit
_FULL_WIDTH.update({ord(a): ord(b) for a, b in zip("⩾⩽﹪﹤﹥﹦", "≥≤%<>=", strict=True)})

_FULL_WIDTH_CHARS = re.compile("[" + "".join(re.escape(chr(code)) for code in _FULL_WIDTH) + "]")
_HALF_WIDTH = {chr(code): chr(other) for code, other in _FULL_WIDTH.items()}

_LATEX_WORDS = {r"\geq": "≥", r"\ge": "≥", r"\leq": "≤", r"\le": "≤", r"\%": "%", r"\times": "×", r"\sim": "~"}

_CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
# `1.`, `(二)`, `第三部分`; a number a line wrap put first (`2815.00万元、…`) opens no heading
_HEADING_START = re.compile(
    r"[（(]?(?:[一二三四五六七八九十]+|\d{1,2})(?:[、)）]|[.．](?!\d))|第[一二三四五六七八九十]+[章节部分]|附件"
    r"|[（(][一二三四五六七八九十\d]+[)）]"
)
_SENTENCE_END = "。；;！？!?：:）)|"
# a line ending so is never joined; one ending in `：`, `)` or a clause's `；` only where the page broke it (a
# paragraph runs on after a clause: the page's edge fell there by chance)
_FULL_STOPS = "。！？!?|"
_MIN_BROKEN_LINE = 25  # lines shorter than this are headings or table cells, never joined

Replacement = Callable[[re.Match[str]], str]


class _Mapped:
    """Text plus, for each char, its offset in the raw text; each pass rewrites both together."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.origin = list(range(len(text)))

    def sub(self, pattern: re.Pattern[str], replace: Replacement) -> None:
        # Only the matches a pass changes are rewritten: most passes change nothing (then the text and the
        # offset map are not copied at all), and the space pass keeps most of the spaces it looks at.
        changes = [(m.start(), m.end(), new) for m in pattern.finditer(self.text) if (new := replace(m)) != m.group(0)]
        if not changes:
            return
        pieces: list[str] = []
        origin: list[int] = []
        last = 0
        for start, end, new in changes:
            pieces.append(self.text[last:start])
            origin.extend(self.origin[last:start])
            pieces.append(new)
            anchor = self.origin[start] if start < len(self.origin) else len(self.text)
            origin.extend([anchor] * len(new))
            last = end
        pieces.append(self.text[last:])
        origin.extend(self.origin[last:])
        self.text = "".join(pieces)
        self.origin = origin


def _latex(match: re.Match[str]) -> str:
    inner = match.group(1)
    for word in sorted(_LATEX_WORDS, key=len, reverse=True):
        inner = inner.replace(word, _LATEX_WORDS[word])
    return re.sub(r"[\s{}\\]", "", inner)


def _tab_cell(match: re.Match[str]) -> str:
    """A table copied out of Excel or a web page is TAB-separated: on a line with two or more TABs each
    one becomes a ` | ` cell separator (LAYOUTS.md T1), so the empty cells between them survive."""
    text, position = match.string, match.start()
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return " | " if text.count("\t", start, end if end >= 0 else len(text)) >= _MIN_TAB_CELLS else "\t"


_MIN_TAB_CELLS = 2


def _space_in_figure(match: re.Match[str]) -> str:
    """Drop a space between a number and the Chinese beside it ("3877.67 万元", "扎兰屯市 2025 年", "≥ 95%").

    Found as plain space runs and decided here: lookbehind patterns scanned the text several times slower.
    """
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if (before.isdigit() or before == "%") and _CJK_CHAR.match(after):
        return ""
    if (_CJK_CHAR.match(before) and (after.isdigit() or after in "-≥≤<>=")) or (before in "≥≤<>=" and after.isdigit()):
        return ""
    return match.group(0)


def _unspaced(match: re.Match[str]) -> str:
    return ""


def _upright_level(match: re.Match[str]) -> str:
    """A level cell of a narrow merged column printed a character per line (`产`/`出`/`指`/`标 数量指标`) is
    one word again: only when the characters spell a level word, so a run of one-character cells (`是`, `无`)
    stays as printed."""
    word = match.group(0).replace("\n", "")
    return word if level_number(word) is not None else match.group(0)


def _trailing_space(match: re.Match[str]) -> str:
    """Trailing spaces after text go; a line of only spaces stays: it is an empty cell in a
    one-cell-per-line table dump (LAYOUTS.md T2), unlike an empty line between cells."""
    start = match.start()
    return "" if start and not match.string[start - 1].isspace() else match.group(0)


_CJK_CHAR = re.compile(rf"[{_CJK}]")

_UPRIGHT_RUN = re.compile(rf"(?m)^(?:[{_CJK}]\n){{2,}}[{_CJK}](?=[ \n])")
# `( B/A×100%)`: a column letter's bracket printed with spaces inside; a header cut there splits at the figure
_SPACED_TAG = re.compile(r"(?<=[(（]) +(?=[A-Z](?:/[A-Z])?[×*xX)）])")
_SPACED_TAG_CUE = re.compile(r"[(（] [A-Z]")
_UPRIGHT_CUE = re.compile(rf"\n[{_CJK}]\n[{_CJK}]\n")
# `经济效益` / `指标 全年观影人数`: a level cell wrapped before its last word
_WRAPPED_LEVEL = re.compile(rf"(?<![{_CJK}])[{_CJK}]{{2,8}}\n(?:指标|目标)(?=[ \n])")
_WRAPPED_CUE = re.compile(r"\n(?:指标|目标)[ \n]")
_LINE_ENDS = re.compile(r"\r\n?")
_PASSES: list[tuple[re.Pattern[str], Replacement, re.Pattern[str] | None]] = [
    (re.compile(r"\t"), _tab_cell, None),
    *WRAPPER_PASSES,
    (re.compile(r"\[bookmark:[^\]]*\]"), lambda m: "", None),
    (re.compile(r"\$([^$\n]{1,60})\$"), _latex, None),
    (re.compile(r">="), lambda m: "≥", None),
    (re.compile(r"<="), lambda m: "≤", None),
    (re.compile(r"[ \t\u3000]+"), _space_in_figure, None),
    (re.compile(r"[ \t\u3000]+(?=\n)"), _trailing_space, None),
    (_UPRIGHT_RUN, _upright_level, _UPRIGHT_CUE),
    (_SPACED_TAG, _unspaced, _SPACED_TAG_CUE),
    (_WRAPPED_LEVEL, _upright_level, _WRAPPED_CUE),
]


# the newline run after a line that stops mid-sentence; _join_if_broken decides whether to join
_LINE_BREAK_MID_SENTENCE = re.compile(rf"(?<=[^\n{re.escape(_FULL_STOPS)}])\n(?:[ \t\u3000]*\n)*[ \t\u3000]*(?=\S)")


_FIGURE_END = re.compile(r"[\d%]$")
_TITLE_LINE = re.compile(r"(?:报告|自评表|评价表)$")  # 关于…情况的报告: a title is never joined to the next line
_SQUASHED_SPACES = 4  # prose has few spaces; a table squashed onto a line has one between each cell
_SPACES_LINE = re.compile(r"\n[ \t\u3000]+\n")
# `名称: 某县2023年度…自评报告 文号: 无`: two labelled fields a space apart, a squashed row of label-value cells
_FIELD_PAIRS = re.compile(r"(?:^|\s)[\u4e00-\u9fff]{2,6}[:：]\s*\S+.*\s[\u4e00-\u9fff]{2,6}[:：]")
_BARE_NUMBER = re.compile(r"\d+(?:\.\d+)?%?")
_HEADER_WORDS = 2  # column names on a line: a table's header, never the rest of a sentence
# `… 指标值 完成值` rows printed with spaces: a raw line ending in two values set apart by a space (`≥3 4`,
# `100% 100%`, `400元/人、天 180元/人、天`) ends a row, whose last cells they are; prose does not print two
# bare figures side by side
_TWO_VALUES_END = re.compile(
    r"(?:^|\s)[≥≤<>]?\d+(?:\.\d+)?(?:%|[\u4e00-\u9fff/、]{1,6})?\s+[≥≤<>]?\d+(?:\.\d+)?(?:%|[\u4e00-\u9fff/、]{1,6})?$"
)


def _is_header_line(line: str) -> bool:
    """A line that opens with a column name and names another: a table's header (`项目资金(万元) 全年预算数(A) …`
    under a line of label-value pairs), never the rest of a sentence."""
    line = line.strip()
    label, _, rest = line.partition(" ")
    if rest and BLOCK_LABEL.match(label):  # `年度绩效指标完成情况 一级指标 二级指标 …`: the block's label first
        line = rest
    return HEADER_WORD.match(line) is not None and len(HEADER_WORD.findall(line)) >= _HEADER_WORDS


def _join_if_broken(text: str, origin: list[int], raw: str) -> Replacement:
    """Join only long prose lines (short lines are headings or one-cell-per-line table dumps), and lines a
    PDF's page edge broke, squashed table rows too (see `page_width`: widths are the raw lines', as printed,
    before spaces were dropped)."""
    width: list[int | None] = []  # found on the first line that needs it: most texts have none

    def raw_line(match: re.Match[str]) -> str:
        end = origin[match.start()]  # the line break, in the raw text
        return raw[raw.rfind("\n", 0, end) + 1 : end].rstrip()

    def at_page_edge(match: re.Match[str]) -> bool:
        if match.group(0).count("\n") != 1:
            return False
        if not width:
            width.append(page_width(raw.split("\n")))
        return at_width(raw_line(match), width[0])

    def replace(match: re.Match[str]) -> str:
        line_start = text.rfind("\n", 0, match.start()) + 1
        line = text[line_start : match.start()].strip()
        line_end = text.find("\n", match.end())
        following = text[match.end() : line_end if line_end >= 0 else len(text)]
        if "|" in line or "|" in following or _HEADING_START.match(following) or _TITLE_LINE.search(line):
            return match.group(0)
        if _FIGURE_END.search(line) and following[:1].isdigit():  # two figures a line apart: joined, they glue
            return match.group(0)
        if at_page_edge(match):  # the page broke it, whatever the line holds: it runs on
            return " " if match.group(0)[-1] in " \t\u3000" else ""
        if line[-1:] in _SENTENCE_END or len(line) < _MIN_BROKEN_LINE:
            return match.group(0)
        if line.count(" ") >= _SQUASHED_SPACES or _is_header_line(following) or _FIELD_PAIRS.search(line):
            # a squashed row (T3), a header, a row of a site's or a form's labelled fields
            return match.group(0)
        if _TWO_VALUES_END.search(raw_line(match)):
            return match.group(0)
        if _SPACES_LINE.search(match.group(0)):  # an empty cell of a one-cell-per-line table follows
            return match.group(0)
        if match.group(0).count("\n") > 1 and _BARE_NUMBER.fullmatch(following.strip()):
            return match.group(0)  # a number alone after a blank line: the next cell of a bare-cell dump (T2)
        return ""

    return replace


_NEWLINE_RUN = re.compile(r"\n{2,}")
_TEXT_LINES = re.compile(r"[^\n]\n(?=[^\n])")  # two lines with nothing between them
_MIN_DOUBLED_LINES = 2
_BARE_CELL = 20  # a line this short with no bar is a cell of a one-cell-per-line dump (T2)
_BARE_SHARE = 0.8


def _doubled_breaks(text: str) -> bool:
    """Every line stands between empty lines (a web page's paragraph spacing on every line) and the lines are
    not a one-cell-per-line dump's bare cells, whose blank lines part the cells (LAYOUTS.md T2): then an
    empty line says nothing. A line of spaces counts as a line (an empty cell)."""
    if text.count("\n") < 2 * _MIN_DOUBLED_LINES or _TEXT_LINES.search(text) is not None:
        return False
    lines = [line.strip() for line in text.split("\n") if line]
    bare = sum(1 for line in lines if len(line) < _BARE_CELL and "|" not in line)
    return bare < _BARE_SHARE * len(lines)


def _halved(match: re.Match[str]) -> str:
    return "\n" * ((len(match.group(0)) + 1) // 2)


def normalize(raw: str, view: str | None = None) -> tuple[str, list[int]]:
    """Return the normalized text and, per char, its offset in `raw`.

    `view` is `raw` in simplified script, char for char (`traditional.simplified`), where the two differ: the
    passes are written in simplified words (site chrome, headings, sentence ends), so they read the view, and
    every char they keep is given back as `raw` printed it."""
    if view is None or view is raw:
        return _normalized(raw)
    text, origin = _normalized(view)
    return _restored(text, origin, raw, view), origin


def _restored(text: str, origin: list[int], raw: str, view: str) -> str:
    """`text` normalized from `view`, with each char the view simplified put back in the script of `raw`."""
    chars = list(text)
    for at, char in enumerate(chars):
        source = origin[at]
        if source < len(raw) and char == view[source] != raw[source]:
            chars[at] = raw[source]
    return "".join(chars)


def _normalized(raw: str) -> tuple[str, list[int]]:
    # one char for one char, offsets unchanged; a regex finds the few there are (str.translate looks up every
    # char of the text in a dict, 100 times slower on Chinese text)
    mapped = _Mapped(_FULL_WIDTH_CHARS.sub(lambda m: _HALF_WIDTH[m.group()], raw))
    mapped.sub(_LINE_ENDS, lambda m: "\n")
    if _doubled_breaks(mapped.text):  # before the wrappers: a page number is known by the line before it
        mapped.sub(_NEWLINE_RUN, _halved)
    for pattern, replace, cue in _PASSES:
        if cue is None or cue.search(mapped.text):
            mapped.sub(pattern, replace)
    mapped.sub(_LINE_BREAK_MID_SENTENCE, _join_if_broken(mapped.text, mapped.origin, raw))
    return mapped.text, mapped.origin
