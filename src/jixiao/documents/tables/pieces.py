"""Pieces: a table region cut into located cells, each with the shape the aligner reads.

Every flattening (LAYOUTS.md T1–T5) is cut the same way: at pipes and line ends first (a dump's cells), then,
inside a stretch that mixes words and figures (squashed T3, glued T4), at the figures and at the spaces the
source printed. Words broken over lines (`年度` / `指标值`, `数量` / `指标`, `经济效` / `益指标`) are joined back
when together they make a header or a level. Each piece keeps the exact offsets it was printed at.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from jixiao.documents.tables.cell_lines import opens_its_line
from jixiao.documents.tables.cells import without_lost_glyph
from jixiao.documents.tables.header_pieces import (
    header_parts,
    header_piece,
    header_spans,
    names_header_or_level,
    respaced_headers,
    split_last_header,
)
from jixiao.documents.tables.headers import HEADER_SPAN, compact
from jixiao.documents.tables.levels import inner_levels, level_parts, level_spans
from jixiao.documents.tables.ocr import is_misread, misread_words, ocr_repaired
from jixiao.documents.tables.shapes import (
    COLUMN_TAG,
    PLAIN_FIGURE,
    POINTS_ALONE,
    SENTENCE,
    UNIT_ALONE,
    Piece,
    Shape,
    shape_of,
    shaped,
)
from jixiao.documents.tables.table import Cell, trimmed_cell
from jixiao.documents.tables.tokens import POINTS_NOTE as _POINTS_NOTE
from jixiao.documents.tables.tokens import Gap, tokens
from jixiao.documents.tables.twice_printed import deadline_names, points_pair, rejoined_twice, repeated_tail
from jixiao.documents.tables.wrapped_header import header_over_lines, wrapped_header
from jixiao.scan import skipping
from jixiao.vocabulary import LEVEL_WORD, TEXT_VALUES

# An enum member read through its class (`Shape.TEXT`) calls the enum metaclass's attribute hook on Python
# 3.11 (~1,000 instructions, more than most tests it serves): the loops over every piece read these instead.
_EMPTY, _HEADER, _TEXT = Shape.EMPTY, Shape.HEADER, Shape.TEXT
_LEVEL2 = Shape.LEVEL2
_NOT_WHOLE = frozenset({Shape.TEXT, Shape.LONG_TEXT, Shape.FUND_LABEL})  # shapes _split may cut
_BROKEN = frozenset({Shape.TEXT, Shape.POINTS})  # what a word broken over lines reads as
_LEVELS = frozenset({Shape.LEVEL1, Shape.LEVEL2})
_KEPT_BY_JOIN = frozenset({Shape.HEADER, Shape.LEVEL1, Shape.LEVEL2, Shape.BLOCK})

_SEPARATOR = skipping(r"\||\n|\t+|(?<=\S)[ \u3000]{2,}(?=\S)")
_GLUED_TEXT_VALUE = re.compile("(?:" + "|".join(sorted(TEXT_VALUES, key=len, reverse=True)) + ")$")
_LINE_SENTENCE = re.compile(r"[^\s|]*[\u4e00-\u9fff][，,；;][^\s|]*。")  # clauses, no space: one cell
_MAY_HOLD_VALUE = re.compile(r"[\d\-—/／]")  # what a value token (tokens.VALUE, a date, a dash) needs


def _leading_border(text: str, line_start: int, after: int, end: int) -> bool:
    """The pipe that opens a `| a | b |` line under another such line: a border, or a blank cell a dump
    dropped (`| 215830.40 | 215830.40 | 10 |` under 年初预算数 | 全年预算数 | …); the aligner decides. (A lone
    `|` line is an empty cell.)"""
    if line_start == 0 or text[line_start - 1] != "\n":
        return False
    previous = text.rfind("\n", 0, line_start - 1) + 1
    if not text[previous:line_start].lstrip(" \t").startswith("|"):
        return False  # `年度资金总额 |` then `| 32.4 | …`: no border above, so this pipe opens a blank cell
    stop = text.find("\n", after, end)
    return bool(text[after : end if stop < 0 else stop].strip(" \t|"))


def _segments(text: str, start: int, end: int) -> list[tuple[Cell, bool | None]]:
    """Cells between pipes, tabs, runs of spaces (a PDF's columns) and line ends, and whether each stands
    beside a pipe (an empty cell between pipes, or a line of spaces, is a cell); None for a line's leading
    border, which may be a blank cell or nothing."""
    found: list[tuple[Cell, bool | None]] = []
    position = start
    opened = False  # the separator before this cell was a pipe
    for match in _SEPARATOR.finditer(text, start, end):
        stop, after = match.span()  # one call; the separator's first char tells which it is
        separator = text[stop]
        closed = separator == "|"
        chunk = text[position:stop]
        if core := chunk.strip():
            at = position + len(chunk) - len(chunk.lstrip())
            piece = Cell(core, at, at + len(core))
            found.append((without_lost_glyph(piece) if core[-1] in "?？" else piece, closed or opened))
        elif closed and opens_its_line(text, position, after, end):
            pass  # `项目决策` then `    | 数量指标`: a cell per line, the pipe before the next is their border
        elif closed and _leading_border(text, position, after, end):
            found.append((Cell("", stop, stop), None))
        elif closed or (separator == "\n" and stop > position):  # `| |`, or a line of spaces: an empty cell
            found.append((Cell("", stop, stop), closed))
        position, opened = after, closed
    last = without_lost_glyph(trimmed_cell(text, position, end))
    if last.text:
        found.append((last, opened))
    return found


def _split(text: str, cell: Cell, gap: Gap, ocr: bool, piped: bool = False, alone: bool = False) -> list[Cell]:
    """A cell that mixes words and figures (squashed or glued), cut at its figures and printed spaces.

    A cell that is one value, or words only (a name may hold a space or a year), stays whole; so does a
    sentence between pipes or alone between blank lines (a scoring criterion `设置年度绩效目标(2分,其中…1分)` is
    one cell).
    """
    whole = piped or (alone and _names_no_columns(cell.text))
    if _stays_whole(cell.text, whole) or not _MAY_HOLD_VALUE.search(cell.text):
        return [cell]  # every value token holds a digit or a dash: without one, all tokens are words
    if ocr and (misread := misread_words(text, cell, gap)):
        return [part for word in misread for part in ([word] if is_misread(word) else _split(text, word, gap, False))]
    found = tokens(text, cell.start, cell.end, gap)
    if len(found) <= 1 or not any(token.is_value for token in found):
        return [cell]
    if len(found) == 2 and found[0].is_value and UNIT_ALONE.match(found[1].cell.text.strip("()（）")):
        return [cell]  # `≥1200 公里` (a LaTeX comparator left the unit a space away), `3.17(万人)`
    values = [token.cell for token in found if token.is_value]
    if len(values) == 1 and _LINE_SENTENCE.fullmatch(cell.text):
        return [cell]  # `已完工,剩余3%尾款未付。`: a reason on its own line (a cell per line), one cell
    inside = piped or (alone and _glued_unit(text, values[0]))  # `…安排800万元`, `(11kw)`, not `…要求2020`
    if inside:  # `…设备630KVA箱变2台`: a number between words and a Latin unit is the phrase's, never a value
        values = [value for value in values if not _amid_words(text, value)]
        if not values:
            return [cell]
    if inside and len(values) == 1 and values[0].start > cell.start and not gap(values[0].start):
        before = text[values[0].start - 1]
        if "\u4e00" <= before <= "\u9fff" or before in ")）(（、":
            return [cell]  # `…一户年最高5300元`, `…以下、54周岁以上`: one figure glued inside a phrase is the phrase's
    return [token.cell for token in found]


@lru_cache(maxsize=16384)
def _stays_whole(text: str, piped: bool) -> bool:
    """Whether _split keeps a cell whole whatever the gaps around it (a sentence between pipes, an OCR'd
    number, one value, a level with its points, a header)."""
    if piped and SENTENCE.search(text):
        return True
    key = compact(text)
    if ocr_repaired(key) is not None or COLUMN_TAG.match(key):
        return True
    return shaped(text, False)[0] not in _NOT_WHOLE or bool(POINTS_ALONE.match(text))


@lru_cache(maxsize=16384)
def _one_piece(text: str, piped: bool) -> bool:
    """Whether a segment is one piece whatever the gaps: kept whole by _split (whole, or no value in it), not
    several header words, not levels glued to a name (most cells of a dump: `10`, `100%`, `数量指标`, a name)."""
    if PLAIN_FIGURE.fullmatch(text):
        return True  # one value: no header word, level or second token in it
    whole = not _MAY_HOLD_VALUE.search(text) or _stays_whole(text, piped)  # (the cheaper test first)
    return whole and header_spans(text) is None and len(level_spans(text)) == 1


def _names_no_columns(text: str) -> bool:
    """At most one header word and no level word in the text: a cell's sentence (`…该栏不得分`), not a glued
    table's line (`项目名称…年初预算数…一级指标…`)."""
    return len(HEADER_SPAN.findall(text)) < 2 and _LEVEL_SPAN.search(text) is None


_LEVEL_SPAN = skipping(LEVEL_WORD)


def _is_tag(text: str) -> bool:
    """`(C)`, `(D/C×100%)`: a header's column letter; `(20 分*执行率)`: its points (tested after a bracket)."""
    return bool(COLUMN_TAG.match(compact(text)) or _POINTS_NOTE.match(text))


_JOINABLE = {Shape.TEXT, Shape.LEVEL1, Shape.LEVEL2, Shape.POINTS, Shape.HEADER}


def _join(text: str, pieces: list[Piece]) -> list[Piece]:
    """Join words a dump broke over two or three lines back into the header or level they make."""
    joined: list[Piece] = []
    texts = [p.cell.text for p in pieces]
    small = [p.shape in _JOINABLE and (len(t) <= 8 or len(compact(t)) <= 8) for p, t in zip(pieces, texts, strict=True)]
    broken = [p.shape in _BROKEN for p in pieces]
    bracketed = ["(" in t or "（" in t for t in texts]  # a column tag holds one (tested before its pattern)
    count = len(pieces)
    index = 0
    while index < count:
        # a join needs this piece and the next one small
        if small[index] and index + 1 < count and small[index + 1]:
            found = _joined(text, pieces, index, small, broken)
            if found is not None:
                joined.append(found[0])
                index += found[1]
                continue
        piece = pieces[index]
        following = pieces[index + 1] if index + 1 < count else None
        if (
            following is not None and piece.shape in _LEVELS and POINTS_ALONE.match(compact(texts[index + 1]))
        ):  # `产出指标` then `(50)` on the next line
            cell = Cell(text[piece.cell.start : following.cell.end], piece.cell.start, following.cell.end)
            joined.append(Piece(cell, piece.shape))
            index += 2
            continue
        if following is not None and bracketed[index + 1] and _is_tag(texts[index + 1]):
            cell = Cell(text[piece.cell.start : following.cell.end], piece.cell.start, following.cell.end)
            if (whole := shape_of(cell)).shape is _HEADER:  # `扣除…预算金额` then `(C)`, however long
                joined.append(whole)
                index += 2
                continue
        joined.append(piece)
        index += 1
    return joined


def _joined(
    text: str, pieces: list[Piece], index: int, small: list[bool], broken: list[bool]
) -> tuple[Piece, int] | None:
    """The header or level that the three (or two) small pieces from `index` make together, and how many."""
    for width in (3, 2):
        if index + width > len(pieces) or not all(small[index : index + width]):
            continue
        if not any(broken[index : index + width]):
            continue  # only a broken word joins (shaping the joined text is the cost: test this first)
        if sum(piece.shape is _HEADER for piece in pieces[index : index + width]) > 1:
            continue  # `执行率 得分` then `(万元)`: two columns printed apart, not the one word 执行率得分
        start, end = pieces[index].cell.start, pieces[index + width - 1].cell.end
        if not names_header_or_level(text[start:end]):
            continue
        whole = shape_of(Cell(text[start:end], start, end))
        if whole.shape in _KEPT_BY_JOIN:
            return whole, width
    return None


_WORD_UNIT = re.compile(r"[\u4e00-\u9fff]$")  # a figure with its unit (800万元), not a bare number
_BLANK_BEFORE = re.compile(r"\n[ \t\u3000]*\n[ \t\u3000]*$")
_BLANK_AFTER = re.compile(r"[ \t\u3000]*\n[ \t\u3000]*\n")


def _glued_unit(text: str, value: Cell) -> bool:
    """A figure printed with its unit: a word unit (`800万元`) or Latin letters right after the number
    (`11kw`, `5t`), which no value column prints glued."""
    if _WORD_UNIT.search(value.text) is not None:
        return True
    after = text[value.end : value.end + 1]
    return after.isascii() and after.isalpha()


def _amid_words(text: str, value: Cell) -> bool:
    """A number with words before it and Latin letters glued after it (`设施1250KVA`, `安装11kW`): a
    quantity inside a name; no value column prints a figure so."""
    before, after = text[value.start - 1 : value.start], text[value.end : value.end + 1]
    return "\u4e00" <= before <= "\u9fff" and after.isascii() and after.isalpha()


def _alone(text: str, cell: Cell) -> bool:
    """A cell alone on its line between blank lines, or after one at the text's end (a dump of one cell per
    line): a figure glued inside it is the cell's (`本年预算安排800万元` is a name), as between pipes."""
    before = text[max(0, cell.start - 8) : cell.start]
    after = text[cell.end : cell.end + 8]
    last = cell.end + 8 >= len(text) and not after.strip()
    return bool(_BLANK_BEFORE.search(before)) and (last or bool(_BLANK_AFTER.match(after)))


def pieces(text: str, start: int, end: int, gap: Gap, *, ocr: bool = False) -> list[Piece]:
    """The pieces of text[start:end], in reading order (`ocr`: the document says it was machine-read)."""
    found: list[Piece] = []
    segments = _segments(text, start, end)
    tails: list[Cell] = []  # the second (and third) line of a wrapped header, read with the first
    for at, (segment, piped) in enumerate(segments):
        if not segment.text:
            found.append(Piece(segment, _EMPTY, cut="border" if piped is None else "pipe" if piped else "line"))
            continue
        if tails and any(segment is tail for tail in tails):  # most tables wrap no header: no generator made
            continue
        spaced = not piped and " " in segment.text  # a T3 line: cells a single space apart
        next_lines = [cell for cell, _ in segments[at + 1 : at + 3]] if spaced else []
        if next_lines and (over := header_over_lines(text, segment, *next_lines)):
            found += [header_piece(cell, role) for cell, role in over[0]]
            tails = next_lines[: over[1]]
            continue
        if _one_piece(segment.text, bool(piped)):
            if spaced and at + 1 < len(segments):
                following = segments[at + 1][0]
                if (header := wrapped_header(text, segment, following)) is not None:
                    found += [header_piece(cell, role) for cell, role in header]
                    tails = [following]
                    continue
            if spaced and not ocr and (pair := points_pair(segment)) is not None:
                found += [shape_of(cell, cut="space") for cell in pair]
                continue
            if spaced and not ocr and (tail := repeated_tail(segment, text)) is not None:
                found += _twice_pieces(tail)
                continue
            shape, value, unit, role = shaped(segment.text, ocr)  # shape_of, without the call (most pieces)
            found.append(Piece(segment, shape, value, unit, role, "pipe" if piped else "line"))
            continue
        cut_cells = _split(text, segment, gap, ocr, bool(piped), not piped and _alone(text, segment))
        if spaced:
            cut_cells = rejoined_twice(text, cut_cells)
        parts = [part for cell in cut_cells for part in header_parts(cell) or level_parts(cell)]
        if spaced and not ocr and (tail := repeated_tail(parts[-1], text)) is not None:
            found += [shape_of(part, ocr=ocr, cut="space") for part in parts[:-1]] + _twice_pieces(tail)
            continue
        if len(parts) > 1:  # glued: a reason runs on into the next row's level (`…验收节点成本指标图书采购单价`)
            parts = [piece for part in parts for piece in inner_levels(part)]
            parts = [piece for part in parts for piece in _source_label_after(part)]
        if len(parts) == 1:
            found.append(shape_of(parts[0], ocr=ocr, cut="pipe" if piped else "line"))
            continue
        glued = [False, *(not gap(part.start) for part in parts[1:])]  # each part glued to the one before it
        glued.append(False)
        for index, part in enumerate(parts):
            cut = "glued" if glued[index] or glued[index + 1] else "space"
            piece = shape_of(part, ocr=ocr, cut=cut)
            if cut == "glued" and piece.shape is _TEXT:
                found.extend(_peel(piece))
            else:
                found.append(piece)
    found = deadline_names(_names_under_their_level(found))
    return split_last_header(respaced_headers(text, _join(text, found)))


_SOURCE_AFTER_NOTE = re.compile(r"(?<=[。；;])其中[:：][\u4e00-\u9fff]{2,16}$")


def _source_label_after(cell: Cell) -> list[Cell]:
    """`…最高不得超过分值上限。其中:本年财政拨款` glued: a row's note ran on into the next row's 其中 label."""
    found = _SOURCE_AFTER_NOTE.search(cell.text)
    if found is None:
        return [cell]
    at = cell.start + found.start()
    return [Cell(cell.text[: found.start()], cell.start, at), Cell(found.group(), at, cell.end)]


def _twice_pieces(tail: list[Cell]) -> list[Piece]:
    """A name and its text target printed twice (see twice_printed): the two are cells however long."""
    return [shape_of(tail[0], cut="space"), *(shape_of(cell, cut="twice") for cell in tail[1:])]


def _names_under_their_level(found: list[Piece]) -> list[Piece]:
    """`成本指标 | 成本 | 10万元`: a level's short word right after that level's full word is a name."""
    for index in range(1, len(found)):
        before, piece = found[index - 1], found[index]
        if piece.shape is _LEVEL2 and before.shape is _LEVEL2 and before.text != piece.text:
            if before.text.startswith(piece.text):
                found[index] = replace(piece, shape=_TEXT)
    return found


def _peel(piece: Piece) -> list[Piece]:
    """A text target and a text actual glued to the end of a name (`…持续完善效果明显效果明显`), split off.

    Both must be there: one word alone at the end (`补贴发放及时`) may well belong to the name.
    """
    cut = piece.cut
    cells: list[Cell] = []
    rest = piece.cell
    while len(cells) < 2 and (match := _GLUED_TEXT_VALUE.search(rest.text)) and match.start() >= 2:
        start = rest.start + match.start()
        cells.insert(0, Cell(match.group(0), start, rest.end))
        rest = Cell(rest.text[: match.start()], rest.start, start)
    if len(cells) < 2:
        return [piece]
    return [shape_of(rest, cut=cut), *(Piece(cell, Shape.TEXT_VALUE, cut=cut) for cell in cells)]
