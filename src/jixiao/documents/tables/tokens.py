"""Cutting squashed (T3) and glued (T4) table text into value and text tokens.

A value is an optional comparator, a number, an optional unit and suffix (`≥95%`, `812人`,
`95%及以上`, `36.400000`, a rough count `200余人`), or a lone `-`/`/`. Text between values is split at spaces
(T3 keeps them between cells). A run that is one decimal number printed again and again is its copies (`12.512.512.5` ->
12.5 thrice: a row's equal cells glued, as a budget and its execution, a weight and its target often are);
other amounts glued to each other split after two decimals (`512.40487.10` -> 512.40, 487.10), the way money
columns print; a 0 glued to a percent (`0100%`) is 0 and 100%, and `00` is two zeros. A number
carrying a unit glued to more words (`2024年招募人员体检`) belongs to a name (unless it repeats the unit of the
value glued before it: `0起0起满意度…` is a target and its actual), and so does a bare number glued to the words
before it (`第3季度`), unless a level word follows it (`已建立1010满意度指标`: a row ends there). A date
(`2021年10月底前`) is one value. Whether two chars were glued is asked of `gap`, which knows where
normalization removed the spaces a T3 dump printed between cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from jixiao.documents.tables.table import Cell
from jixiao.numbers import UNIT_PATTERN
from jixiao.scan import skipping
from jixiao.vocabulary import LEVEL_WORD

_OP = r"≥|≤|>|<|=|不低于|不少于|不高于|不超过|不多于|大于等于|小于等于|大于|小于"
VALUE = skipping(
    rf"(?P<op>{_OP})?(?P<num>0(?=[1-9]\d*(?:\.\d+)?%|0(?![.\d]))|(?P<copy>[1-9]\d*\.\d{{1,2}})(?=(?:(?P=copy))+(?![\d.]))"
    rf"|\d+\.\d\d(?=\d[\d,]*\.\d)|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?P<unit>(?:余|多)?{UNIT_PATTERN})?(?P<suffix>及以上|以上|及以下|以下|以内)?"
)
_DASH = re.compile(r"(?<!\S)[-—/／](?!\S)")
_DASH_MARK = re.compile(r"[-—/／]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_WORD = re.compile(r"[^\s|]+")
_POINTS = skipping(r"(?<=[\u4e00-\u9fff])\s*[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]")  # 产出指标(50分): a block's points
# `2021年10月底前`, `2021年12月15日`, `2021年底`: one value, unless words follow (`2021年12月开展…` is a name)
_DATE = re.compile(
    r"(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}日)?(?:底|末|中旬|上旬|下旬)?|底|末)(?:前|之前|以前)?(?:完成)?"
)
# `2023.2.1-11.30`, `2022.3.15`: a date printed with dots (two of them: `2021.1` alone may be an amount)
_DOTTED_DATE = skipping(
    r"(?:19|20)(?<![\d.]..)\d{2}\.\d{1,2}\.\d{1,2}(?:\s*[-—~～至]\s*(?:(?:19|20)\d{2}\.)?\d{1,2}\.\d{1,2})?(?![\d.])"
)
_LEVEL_WORD = re.compile(LEVEL_WORD)
_RANGE = re.compile(r"\d+(?:\.\d+)?\s*[-~—－～至]\s*\d+(?:\.\d+)?(?=[\u4e00-\u9fff])(?!万|元|人|%)")
_RANGE_MARK = re.compile(r"[-~—－～至]")  # what every _RANGE holds


# `得分 (20 分*执行率)`, `(20 分)`: the points a header or a block carries, spaced (no value of a row)
POINTS_NOTE = re.compile(r"[（(] ?\d+(?:\.\d+)? ?分(?:[*×][\u4e00-\u9fff]{1,6})?[)）]")
# 执行率(B/A×100%): a header's tag, whose 100% is no value
_RATE_TAG = re.compile(r"[（(][A-Z](?:\s*[/+\-]\s*[A-Z])*\s*[×*]\s*100%[)）]")
_OCR_BRACKET = re.compile(r"[（(][A-Z]/[A-Z]1(?=[\u4e00-\u9fff])")  # 执行率(B/A1得分: a bracket OCR read as 1
_TOTAL_WORDS = ("总分", "合计", "总计")


class Gap:
    """gap(i): the source printed a space (or a line break) before char i. This one: the text kept its spaces
    (see removed_spaces for text whose normalization removed some)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __call__(self, index: int) -> bool:
        return index > 0 and self.text[index - 1].isspace()

    def inside_word(self, start: int, end: int) -> list[int]:
        """Every i with start < i < end and gap(i), where text[start:end] holds no whitespace: a word cut where
        the source had spaces. Kept spaces cannot stand inside a word: none."""
        return []


@dataclass(slots=True, unsafe_hash=True)  # a value, never changed: see table.Cell
class Token:
    cell: Cell
    is_value: bool
    bare: bool = False  # a number with no comparator and no unit (a 分值 or 得分, or two glued)


def _value_spans(text: str, start: int, end: int, gap: Gap) -> list[tuple[int, int, bool]]:
    """(start, end, bare) of every value in text[start:end]."""
    dates = _dates(text, start, end)
    found = [(a, b, False) for a, b in dates]
    found += _numbers(text, start, end, gap, _inside_names(text, start, end) + dates, {b for _, b in dates})
    if _DASH_MARK.search(text, start, end):
        found += [(dash.start(), dash.end(), False) for dash in _DASH.finditer(text, start, end)]
    return _without_misaligned_cents(text, sorted(_with_change_verbs(text, start, found, gap)))


def _inside_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where no value starts: ranges, points, a rate's tag and an OCR bracket, all read as parts of names."""
    # each scan below only where the char every match of it holds is in the stretch (a find is far cheaper)
    ranges = [m.span() for m in _RANGE.finditer(text, start, end)] if _RANGE_MARK.search(text, start, end) else []
    if text.find("分", start, end) >= 0:
        ranges += [m.span() for m in _POINTS.finditer(text, start, end)]
        ranges += [m.span() for m in POINTS_NOTE.finditer(text, start, end)]
    if text.find("100%", start, end) >= 0:
        ranges += [m.span() for m in _RATE_TAG.finditer(text, start, end)]
    if text.find("/", start, end) >= 0:
        ranges += [m.span() for m in _OCR_BRACKET.finditer(text, start, end)]
    return ranges


def _dates(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The dates in the stretch (`2023年9月`, `2023.9.30`) not glued to a word after them."""
    dates = [m.span() for m in _DATE.finditer(text, start, end) if not _CJK.match(text, m.end(), end)]
    if text.find(".", start, end) >= 0:
        dates += [m.span() for m in _DOTTED_DATE.finditer(text, start, end) if not _CJK.match(text, m.end(), end)]
    return dates


def _numbers(
    text: str, start: int, end: int, gap: Gap, ranges: list[tuple[int, int]], value_ends: set[int]
) -> list[tuple[int, int, bool]]:
    """(start, end, bare) of every number-shaped value outside `ranges`, in text order."""
    found: list[tuple[int, int, bool]] = []
    previous_end = -1
    garbled_end = -1
    previous_unit: str | None = None
    for match in VALUE.finditer(text, start, end):
        if ranges and any(a <= match.start() < b for a, b in ranges):
            continue  # `0-6岁儿童`: a range inside a name
        if _lost_digits(text, match.start(), start, garbled_end):
            garbled_end = match.end()  # `年度总金额.32.06.579.27`: OCR lost the leading digits; no cell is sure
            continue
        stop, unit = match.end(), match["unit"]
        if unit and gap(match.start("unit")):  # `180.00` then, after a break, `本年度…`: no unit
            stop, unit = match.start("unit"), None
        suffix = match["suffix"] if stop == match.end() else None
        after = text[stop] if stop < end else ""
        before = text[match.start() - 1] if match.start() > start else ""
        # after and before: one char or none, compared as _CJK's range (cheaper than its match)
        glued_after = "\u4e00" <= after <= "\u9fff" and not gap(stop) and not VALUE.match(text, stop, end)
        glued_after = glued_after and not _LEVEL_WORD.match(text, stop, end)  # `1010满意度指标`: a row ends
        # `104人2017.33`: the 人 before ends a value, not a word
        glued_before = "\u4e00" <= before <= "\u9fff" and not gap(match.start()) and previous_end != match.start()
        glued_before = glued_before and match.start() not in value_ends
        if glued_after and unit not in (None, "%") and not suffix:
            if previous_end != match.start():
                continue  # 2024年招募人员体检: a name
            if unit == previous_unit:
                found.append((match.start(), stop, False))  # `0起0起市民满意度`: the actual, as its target
                previous_end = stop
                continue
            # `104人2017.33岗位开发不足`: a value right after a value, its "unit" starting the reason
            stop, unit = match.start("unit"), None
            glued_after = False
        if (
            match["op"] is None
            and unit is None
            and _label_number(text, match, start, stop, (glued_before, glued_after), gap)
        ):
            continue
        found.append((match.start(), stop, not (match["op"] or unit or suffix)))
        previous_end, previous_unit = stop, unit
    return found


def _label_number(text: str, match: re.Match[str], start: int, stop: int, glued: tuple[bool, bool], gap: Gap) -> bool:
    """A number with no sign or unit that is part of a name or label, never a value."""
    glued_before, glued_after = glued
    total = text.endswith(_TOTAL_WORDS, start, match.start())  # `总分100100注:`: the footer's figures
    if glued_before and glued_after and not total:
        return True  # 第3季度
    numbering = text[stop : stop + 1] in (":", "：", "、")
    if numbering and (match.start() == start or gap(match.start()) or glued_before):
        return True  # 指标1: / 1、: a row's number, part of its name
    # `指标2`, a template's row label left blank: its number, never a value
    return glued_before and text.endswith("指标", start, match.start())


_CHANGE_VERB = ("提升", "提高", "增长", "增加", "上升", "下降", "降低", "减少")
_ANY_CHANGE_VERB = re.compile("|".join(_CHANGE_VERB))


def _with_change_verbs(
    text: str, start: int, found: list[tuple[int, int, bool]], gap: Gap
) -> list[tuple[int, int, bool]]:
    """`提升10%` printed as a cell of its own (its verb after a space or opening the stretch): one value."""
    if not found or _ANY_CHANGE_VERB.search(text, start, found[-1][0]) is None:
        return found
    spans = []
    for a, b, bare in found:
        verb = a - 2
        if verb >= start and text.startswith(_CHANGE_VERB, verb) and text[b - 1 : b] == "%":
            if verb == start or gap(verb):
                a, bare = verb, False
        spans.append((a, b, bare))
    return spans


_DECIMALS = re.compile(r"\.(\d+)")


def _misaligned(text: str, run: list[tuple[int, int, bool]]) -> bool:
    """Cut after two decimals, yet a member has more that cannot be cut the same way (`4.8100%`: 4.81 | 00%,
    where `46.561097%` is 46.56 | 1097%, a weight and a rate glued on)."""
    first = _DECIMALS.search(text, run[0][0], run[0][1])
    if first is None or len(first.group(1)) != 2:
        return False
    for start, end, _ in run[1:]:
        decimals = _DECIMALS.search(text, start, end)
        if decimals is not None and len(decimals.group(1)) > 2 and decimals.group(1)[2] == "0":
            return True
    return False


def _without_misaligned_cents(text: str, found: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """`64.864.864.8100%` cut after two decimals reads 64.86 | 4.86 | 4.8100%: amounts printed with one
    decimal, so the cut is wrong, and a member with more than two decimals shows it. Such a run of glued
    values is no cells at all."""
    dropped: set[int] = set()
    run: list[int] = []
    for index, (value_start, _, _) in enumerate([*found, (-1, -1, False)]):
        if run and value_start == found[run[-1]][1]:
            run.append(index)
            continue
        if len(run) >= 2 and _misaligned(text, [found[i] for i in run]):
            dropped.update(run[1:])  # the run stays one piece, which no figure reads: it is listed unread
            found[run[0]] = (found[run[0]][0], found[run[-1]][1], False)
        run = [index] if value_start >= 0 else []
    return [span for index, span in enumerate(found) if index not in dropped]


def _lost_digits(text: str, at: int, start: int, garbled_end: int) -> bool:
    """A number printed after a bare point (`.32`), or glued to such a number: its digits before were lost."""
    if at in (garbled_end, garbled_end + 1) and garbled_end >= 0:
        return True
    return at - 1 >= start and text[at - 1] == "." and not (at - 2 >= start and text[at - 2].isdigit())


def spaced(text: str) -> Gap:
    """The gap test when the text kept its spaces."""
    return Gap(text)


def tokens(text: str, start: int, end: int, gap: Gap) -> list[Token]:
    """Value and text tokens of text[start:end] in reading order, each with its span."""
    result: list[Token] = []
    pos = start
    for value_start, value_end, bare in _value_spans(text, start, end, gap):
        result += _text_tokens(text, pos, value_start, gap)
        result.append(Token(Cell(text[value_start:value_end], value_start, value_end), True, bare))
        pos = value_end
    result += _text_tokens(text, pos, end, gap)
    if text.find("?", start, end) >= 0 or text.find("？", start, end) >= 0:
        result = _without_lost_glyphs(result)
    return _criteria_whole(text, _sentences_whole(text, result, _sentence_runs(text, start, end, gap)), end, gap)


def _without_lost_glyphs(found: list[Token]) -> list[Token]:
    """`2,851,300.00? 3,126,480.50?`: a `?` glued after a value is a glyph the converter lost (cells.py), no token."""
    kept: list[Token] = []
    for token in found:
        lost = not token.is_value and token.cell.text.strip("?？") == "" and kept and kept[-1].is_value
        if lost and kept[-1].cell.end == token.cell.start:
            continue
        kept.append(token)
    return kept


_SENTENCE_END = "。"
_MAX_SENTENCE = 40
_CLAUSE_MARK = re.compile(r"[，,；;:：]")
_NOT_SPACES = re.compile(r"\S+")


def _sentence_runs(text: str, start: int, end: int, gap: Gap) -> list[tuple[int, int]]:
    """Spans between printed spaces that are one short sentence (`指标1:筛查人次 完成筛查18000人次。`): a web
    table's cell."""
    runs: list[tuple[int, int]] = []
    if text.find(_SENTENCE_END, start, end) < 0:
        return runs  # every run ends in 。: without one there is none (and no walk over every char)
    for stretch in _NOT_SPACES.finditer(text, start, end):  # a run: a stretch between spaces, cut at its gaps
        if _SENTENCE_END not in stretch.group(0):
            continue
        bounds = [stretch.start(), *gap.inside_word(*stretch.span()), stretch.end()]
        for run_start, run_end in pairwise(bounds):
            run = text[run_start:run_end]
            if run.endswith(_SENTENCE_END) and run.count(_SENTENCE_END) == 1 and len(run) <= _MAX_SENTENCE:
                runs.append((run_start, run_end))
    # a cell after another on its line, one clause (`自评得分98.56分，等级为“优”。` is a line of prose)
    return [(a, b) for a, b in runs if a > start and _CJK.match(text, a) and not _CLAUSE_MARK.search(text, a, b)]


def _sentences_whole(text: str, found: list[Token], runs: list[tuple[int, int]]) -> list[Token]:
    """The tokens of a sentence run joined back into the one cell it is, when it holds one figure: the cell
    reads as that figure, its text as printed (`改造村级卫生室42个。`)."""
    if not runs:
        return found
    result: list[Token] = []
    index = 0
    while index < len(found):
        token = found[index]
        run = next(((a, b) for a, b in runs if a <= token.cell.start < b), None)
        group = [token]
        while run is not None and index + len(group) < len(found) and found[index + len(group)].cell.start < run[1]:
            group.append(found[index + len(group)])
        if run is not None and len(group) > 1 and sum(t.is_value for t in group) == 1:
            result.append(Token(Cell(text[run[0] : run[1]], run[0], run[1]), True))
        else:
            result += group
        index += len(group)
    return result


_MAX_CRITERION = 160
# to the first clause mark, then on to the last 。 before a figure: the matches of `[^\s|]*` twice, without the
# first run backtracking over each clause mark of a long line
_CRITERION = re.compile(r"[\u4e00-\u9fff][^\s|，,；;]*[，,；;][^\s|]*。(?= ?\d)")


_BLANK_TAIL = re.compile(r"\s*\Z")
_ONE_RUN_TO_THE_END = re.compile(r"[^\s|]*[\u4e00-\u9fff]\s*\Z")
# its first digit, then the first clause mark after it: the same matches as open runs, which backtracked over
# every split of a long line (cubic in its length)
_CUT_CRITERION = re.compile(r"[\u4e00-\u9fff][^\s|\d]*\d[^\s|，,；;]*[，,；;][^\s|]*[\u4e00-\u9fff]\s*\Z")


def _criterion(text: str, start: int, end: int) -> re.Match[str] | None:
    """A criterion cell at `start`: ended by 。 before the row's 分值, or cut off by the end of the document."""
    found = _CRITERION.match(text, start, end)
    if found is None and _BLANK_TAIL.match(text, end) and _ONE_RUN_TO_THE_END.match(text, start):
        found = _CUT_CRITERION.match(text, start, end)  # tried only where it can match
    return found


def _criteria_whole(text: str, found: list[Token], end: int, gap: Gap) -> list[Token]:
    """A scoring criterion between a row's values (`…达8个得6分,少一个扣1分,扣完为止。 6 6`): clauses with figures
    and no printed space, ending in 。 with the row's 分值 after it, is the one text cell of a 评分标准 column,
    not figures to place."""
    if len(found) < _MIN_CRITERION_TOKENS or text.find("。", found[0].cell.start, end) < 0:
        return found
    result: list[Token] = []
    index = 0
    while index < len(found):
        token = found[index]
        match = _criterion(text, token.cell.start, end) if not token.is_value else None
        if (
            match is None
            or match.end() - match.start() > _MAX_CRITERION
            or index == 0
            or not (match.end() >= len(text) or text[match.end()].isspace() or gap(match.end()))
        ):
            result.append(token)
            index += 1
            continue
        group = index
        while group < len(found) and found[group].cell.start < match.end():
            group += 1
        cut = match.end() >= len(text.rstrip())  # the document ends inside it: any figure in it is its own
        if sum(t.is_value for t in found[index:group]) < (1 if cut else _MIN_CRITERION_TOKENS):
            result += found[index:group]
        else:
            result.append(Token(Cell(match.group(0), match.start(), match.end()), False))
        index = group
    return result


_MIN_CRITERION_TOKENS = 2


def _text_tokens(text: str, start: int, end: int, gap: Gap) -> list[Token]:
    """Words between values, cut at printed spaces; a points note after a space (`得分 (20 分*执行率)`) is one
    word whatever its spaces, so the header cell it ends can be joined back whole (documents.tables.pieces)."""
    found: list[Token] = []
    if "分" in text[start:end]:
        for note in POINTS_NOTE.finditer(text, start, end):
            if note.start() > start and not text[note.start() - 1].isspace():
                continue  # `部门决策(25 分)`: glued to its word, cut as before
            found += _words(text, start, note.start(), gap)
            found.append(Token(Cell(note.group(0), note.start(), note.end()), False))
            start = note.end()
    return found + _words(text, start, end, gap)


def _words(text: str, start: int, end: int, gap: Gap) -> list[Token]:
    found = []
    for match in _WORD.finditer(text[start:end]):
        word_start = start + match.start()
        inside = gap.inside_word(word_start, start + match.end())
        if not inside:  # most words: no dropped chars inside, the word is one piece (as the cuts below make it)
            word = match.group(0)
            if piece := word.strip("，,;；"):
                offset = word_start + word.find(piece)
                found.append(Token(Cell(piece, offset, offset + len(piece)), False))
            continue
        cuts = [word_start, *inside]
        for piece_start, piece_end in zip(cuts, [*cuts[1:], start + match.end()], strict=True):
            piece = text[piece_start:piece_end].strip("，,;；")
            if piece:
                offset = piece_start + text[piece_start:piece_end].find(piece)
                found.append(Token(Cell(piece, offset, offset + len(piece)), False))
    return found
