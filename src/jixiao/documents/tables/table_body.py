"""A table's body and its rows: where the body after a header ends, and how its pieces become the rows.

`table` reads one table from its header run: the body up to `body_end` (the next header, block of the form,
run of sentences or table of another kind), the row labels a squashed sheet printed before its header, the
layout the cells came in, and the rows by the aligner or by a glued scoring sheet's own reading; then the
cells no reading could place are marked unread, and a body the document cuts off is marked cut.
"""

from __future__ import annotations

import re

from jixiao.documents.tables.align import Aligner
from jixiao.documents.tables.apart_rows import rows_put_together
from jixiao.documents.tables.bracketed_points import bracketed_point_rows, points_out_of_names
from jixiao.documents.tables.carry_down import carry_down
from jixiao.documents.tables.cut_names import rejoin_cut_names
from jixiao.documents.tables.cut_row import refill_cut_row
from jixiao.documents.tables.footers import cut_footer
from jixiao.documents.tables.glued_funding import (
    drop_glued_rate,
    drop_unconfirmed_run,
    recut_disagreeing,
    recut_like_total,
    split_glued_funding,
    split_rate_and_score,
)
from jixiao.documents.tables.glued_runs import glued_run_pieces
from jixiao.documents.tables.header_run import VALUE_COLUMNS, absorb, header_columns, header_run, may_open_header
from jixiao.documents.tables.headers import compact, kind_of
from jixiao.documents.tables.lone_names import lone_name_rows
from jixiao.documents.tables.repeated_names import without_repeated_names
from jixiao.documents.tables.score_last_rows import score_last_rows
from jixiao.documents.tables.scored_rows import scored_rows
from jixiao.documents.tables.shapes import Piece, Shape, is_money
from jixiao.documents.tables.short_rows import shift_short_rows
from jixiao.documents.tables.side_scores import with_side_scores
from jixiao.documents.tables.spaced_rows import spaced_rows
from jixiao.documents.tables.table import FUNDING_ROLES, Cell, Kind, Role, Row, Table
from jixiao.documents.tables.unsettled import stray_money, unplaced_amounts, unsettled_cells
from jixiao.documents.tables.weighted_levels import weighted_level_rows
from jixiao.documents.tables.wrapped_cells import rejoined_wrapped
from jixiao.documents.tables.zones import MAX_PROSE_RUN
from jixiao.vocabulary import LEVEL_WORD

_TEXT_CHAR = re.compile(r"[^\s|│┃]")
_GARBLED = re.compile(r"[\d.,%]{5,}")  # glued amounts no cut reads (documents.tables.tokens): unread

# An enum member read through its class (`Shape.EMPTY`) calls the enum metaclass's attribute hook on Python
# 3.11 (~1,000 instructions); the walks over every piece and row read these instead.
_EMPTY, _BLOCK, _LONG_TEXT = Shape.EMPTY, Shape.BLOCK, Shape.LONG_TEXT
_FUNDING, _INDICATORS = Kind.FUNDING, Kind.INDICATORS
_SCORE = Role.SCORE
_LEVELS = frozenset({Shape.LEVEL1, Shape.LEVEL2})
_TEXTUAL = frozenset({Shape.TEXT, Shape.LONG_TEXT})
_GLUED_HEADING = re.compile(r"[（(][一二三四五六七八九十]{1,2}[)）][\u4e00-\u9fff]{2}")
_NAME, _INDEX = Role.NAME, Role.INDEX
_MAY_OPEN = frozenset({Shape.HEADER, Shape.EMPTY})  # where may_open_header can hold (its first non-empty piece)
_FUNDING_CELLS = FUNDING_ROLES | {Role.WEIGHT, Role.SCORE}


def _on_piped_line(text: str, cell: Cell) -> bool:
    """A piece cut from a cell between pipes (`| 服务对象满意度指标等 |` → the level word and `等`)."""
    line_start = text.rfind("\n", 0, cell.start) + 1
    line_end = text.find("\n", cell.end)
    return "|" in text[line_start : len(text) if line_end < 0 else line_end]


def _other_table(text: str, piece: Piece, kind: Kind, indexed: bool) -> bool:
    """`序号 | 学校性质 | 培训机构 | …` opening a line under indicator rows whose header has no 序号: the header
    of a table of another kind (a per-recipient list), whose rows are no indicators."""
    if kind is not _INDICATORS or indexed or piece.role is not _INDEX:
        return False
    return not text[text.rfind("\n", 0, piece.cell.start) + 1 : piece.cell.start].strip(" \t|")


_LEVEL = re.compile(LEVEL_WORD)
_MIN_HEADER_CELLS = 3


def _line_at(text: str, start: int) -> tuple[str, int]:
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return text[start:end], end


def _cells_of(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _new_header_line(text: str, piece: Piece) -> bool:
    """`| 培训机构 | 学校性质 | 计划人数 | 实际人数 |` opening a line under indicator rows: words only (no figure,
    no level, no empty cell), not as many cells as the row above, over a row of its own cell count that holds
    figures: the header of a table of another kind, in words no role knows; its rows are no indicators."""
    start = text.rfind("\n", 0, piece.cell.start) + 1
    if start == 0 or text[start : piece.cell.start].strip(" \t|"):
        return False  # not the line's first cell
    line, end = _line_at(text, start)
    cells = _cells_of(line)
    if "|" not in line or len(cells) < _MIN_HEADER_CELLS:
        return False
    if any(not cell or _LEVEL.search(cell) or any(char.isdigit() for char in cell) for cell in cells):
        return False
    above = _cells_of(text[text.rfind("\n", 0, start - 1) + 1 : start - 1])
    below, _ = _line_at(text, end + 1) if end < len(text) else ("", 0)
    return "|" in below and len(_cells_of(below)) == len(cells) != len(above) and any(c.isdigit() for c in below)


def body_end(text: str, found: list[Piece], start: int, absorbed: set[Piece], kind: Kind, indexed: bool = False) -> int:
    """Index just past the body that starts at found[start]: at the next header or block of the form, at a
    run of sentences, at the header of a table of another kind, and for a funding table (whose cells are
    labels and amounts) at the first sentence."""
    prose = 0
    cuts = [p.cut for p in found[start : start + 6] if p.shape is not _EMPTY]
    piped = len(cuts) >= 3 and all(cut == "pipe" for cut in cuts)
    for position in range(start, len(found)):
        piece = found[position]
        if absorbed and piece in absorbed:
            continue
        if kind is _FUNDING and piece.shape is _LONG_TEXT and not _source_row_follows(found, position):
            return position
        if piece.cut == "glued" and piece.shape in _TEXTUAL and _GLUED_HEADING.match(piece.text):
            return position  # `…100%100%(二)项目财务管理状况…`: the squashed text's next section
        if kind is _FUNDING and piece.shape in _LEVELS:
            return position  # a preview's page gap ran the funding rows into the indicator rows: theirs
        last = position == len(found) - 1 and not piece.text.endswith("。")  # a whole sentence is no cut cell
        off_pipes = piped and piece.cut not in ("pipe", "border") and piece.shape is not _EMPTY
        if off_pipes and not last and not _on_piped_line(text, piece.cell):
            return position  # a line without a pipe after a pipe dump's rows: the text goes on (unless the
            # document stops there: a last cell cut before its pipe)
        block = piece.shape is _BLOCK and compact(piece.text) != "绩效指标"
        # (an index cell or a header opening a run: tested first, as most pieces are neither)
        other = piece.role is _INDEX and _other_table(text, piece, kind, indexed)
        if block or other or (piece.shape in _MAY_OPEN and _opens_header(found, position)):
            return position - prose
        if kind is _INDICATORS and piece.cut == "pipe" and piece.shape in _TEXTUAL and _new_header_line(text, piece):
            return position - prose
        prose = prose + 1 if piece.shape is _LONG_TEXT else 0
        if prose >= MAX_PROSE_RUN:
            return position - prose + 1
    return len(found)


def _opens_header(found: list[Piece], position: int) -> bool:
    return may_open_header(found, position) and header_run(found, position) is not None


def _source_row_follows(found: list[Piece], position: int) -> bool:
    """A note in the 原因 cell of the total row (Sichuan 2023: `1.预算执行率=预算执行数/调整后预算数…`) with the
    source rows after it: the note is a cell, not the text after the table."""
    following = next((p for p in found[position + 1 :] if p.shape is not Shape.EMPTY), None)
    return following is not None and following.shape is Shape.FUND_LABEL


_DOUBLED = re.compile(r"(\d{1,2})\1")


def _drop_unheaded_points(rows: list[Row], columns: list[Role]) -> list[tuple[int, int]]:
    """`按期完成投资1010` in a glued table whose header has no 分值/得分: the form's weight and score glued
    (`10`, `10`), not a target, so the cell is left unread (its span is returned)."""
    dropped: list[tuple[int, int]] = []
    if Role.WEIGHT in columns or Role.SCORE in columns:
        return dropped
    for row in rows:
        for role in (Role.ACTUAL, Role.TARGET):
            cell = row.cells.get(role)
            if cell is not None:
                if _DOUBLED.fullmatch(cell.text):
                    dropped.append((cell.start, cell.end))
                    del row.cells[role]
                break
    return dropped


def _mark_cut(table: Table, text: str, body: list[Piece]) -> None:
    """The document ends inside the table: its last row is partial (its last cell may be cut).

    It ends inside when the table's body runs to the end of the text and either the last row lacks some of
    its cells, or pieces after it were left unplaced (a cut `≥9`, a lone `生态`), or its last cell is not
    closed by a pipe where the rows' cells are; or when its whole rows end the text with no 总分 row after
    them and their 分值 add up to less than any form gives the indicators (the rest of the rows were cut).
    """
    if not table.rows or not body or _TEXT_CHAR.search(text, body[-1].cell.end):
        return  # text goes on after the body (a search stops at its first char; a sub would copy the rest)
    last = table.rows[-1]
    if table.kind is Kind.FUNDING:
        wanted: list[Role] = [role for role in table.columns if role is not Role.LABEL]
    else:
        wanted = [role for role in table.columns if role in VALUE_COLUMNS]
    trailing = body[-1].cell.end > last.end and any(p.shape is not _EMPTY for p in body if p.cell.start >= last.end)
    piped = body[-1].cut == "pipe"
    rest = text[last.end :]
    closed = not piped or rest.lstrip(" \t\u3000").startswith("|")
    # `| ≥ | 4 | 次 | 5 ` and no more: the cut fell on the separator after the last cell, which is whole
    spaced = piped and rest[:1] in (" ", "\t", "\u3000") and not rest.strip()
    sealed = piped and rest.strip() == "|"  # `| 95 | 10.00 |` and no more: the cut fell after a closed cell
    if trailing or not all(role in last.cells for role in wanted) or not closed:
        # words after a row whose cells are all there: the cut fell in the next row, this one is whole
        # (between pipes, a piece left after the row's last cell stands past that cell's pipe: the cell is whole)
        whole = (trailing and closed and (piped or all(role in last.cells for role in wanted))) or sealed
        last.partial = not spaced and not whole
        table.truncated = True
        if (spaced or sealed) and table.kind is Kind.INDICATORS and not trailing:
            refill_cut_row(last, table.columns, body)
    elif table.kind is Kind.INDICATORS and _weights_fall_short(table.rows):
        table.truncated = True  # whole rows end the text, no 总分 after them, and points are missing: cut


_LEAST_SHARE = 80.0
"""The least share of the 100 points any form gives its indicator rows (Hubei's 80, 10号's 90)."""


def _weights_fall_short(rows: list[Row]) -> bool:
    """Rows printing their 分值 that add up to less than any form's indicator share: rows are missing."""
    weights = [row.cells[Role.WEIGHT].text for row in rows if Role.WEIGHT in row.cells]
    if not weights or len(weights) < len(rows) or not all(_POINTS.fullmatch(w) for w in weights):
        return False
    return sum(float(weight) for weight in weights) < _LEAST_SHARE


_POINTS = re.compile(r"\d+(?:\.\d+)?")
_VALUE_SHAPES = (Shape.NUMBER, Shape.FIGURE, Shape.DATE)
_LAYOUT_OF_CUT = {"pipe": "t1", "line": "t2", "space": "t3", "glued": "t4", "grid": "grid"}


def _layout(body: list[Piece]) -> str:
    """Which flattening the table came in (LAYOUTS.md): how most of its cells were separated."""
    cuts = [piece.cut for piece in body if piece.shape is not _EMPTY]
    if not cuts:
        return "t1"
    glued = cuts.count("glued")
    if glued and glued * 4 >= len(cuts):
        return "t4"
    return _LAYOUT_OF_CUT[max(("grid", "pipe", "line", "space"), key=cuts.count)]


_ROW_VALUES = (Shape.NUMBER, Shape.FIGURE, Shape.DASH)
_LABELS_BACK = 8  # pieces before a header searched for the row labels a squashed sheet printed there


def _labels_before(found: list[Piece], index: int, body: list[Piece], columns: list[Role]) -> list[Piece] | None:
    """`项目资金 年初预算数 (万元) 年度资金总额 其中:当年财政拨款 实施单位 全年预算数 … 得分 48.20 47.73 10 99% 9 48.20
    47.73 — 99% —`: an xlsx squashed row by row prints the row labels among the header cells and the rows'
    values after it. When the values before the body's first label are exactly one row per such label, each
    label heads its row, in order."""
    labels: list[Piece] = []
    for piece in reversed(found[max(0, index - _LABELS_BACK) : index]):
        if piece.shape in _ROW_VALUES:
            break
        if piece.shape is Shape.FUND_LABEL:
            labels.insert(0, piece)
    width = sum(role in _FUNDING_CELLS for role in columns)
    values = [piece for piece in body if piece.shape is not _EMPTY]
    leading = next((i for i, piece in enumerate(values) if piece.shape not in _ROW_VALUES), len(values))
    if len(labels) < 2 or not width or leading != len(labels) * width:
        return None
    rows = [[labels[k], *values[k * width : (k + 1) * width]] for k in range(len(labels))]
    return [piece for row in rows for piece in row] + values[leading:]


def table(
    text: str, found: list[Piece], index: int, run: list[Piece], stop: int, breaks: frozenset[int] | None
) -> tuple[Table, int]:
    kind = kind_of([piece.role for piece in run if piece.role is not None])
    assert kind is not None
    run, absorbed = absorb(found, run, stop, kind)
    columns = header_columns(run, kind, scattered=bool(absorbed))
    if kind is Kind.INDICATORS:
        columns = with_side_scores(text, run[0].cell.start, columns)
    taken = set(absorbed)
    end = body_end(text, found, stop, taken, kind, any(piece.role is _INDEX for piece in run))
    body = [piece for piece in found[stop:end] if piece not in taken] if taken else found[stop:end]
    if kind is _INDICATORS and columns[0] is _NAME and _opens_with_level(body):
        columns = [Role.LEVEL1, Role.LEVEL2, *columns]  # `评价内容 绩效内容 …`: level columns named otherwise
    if kind is Kind.FUNDING and (labelled := _labels_before(found, index, body, columns)) is not None:
        body = labelled
    elif kind is Kind.FUNDING and index and found[index - 1].shape is Shape.FUND_LABEL:
        body = [found[index - 1], *body]  # T3: `年度资金总额 全年预算数(A) 全年执行数(B) 1,526.80 1,390.25 …`
    elif kind is Kind.FUNDING and body and is_money(next((p for p in body if p.shape is not Shape.EMPTY), body[0])):
        # `资金投入情况（万元） 全年预算数(A) … 820.00 790.52 96.40% 其中:…`: the header's own label cell heads
        # the total row, whose values follow it with no label of their own
        at = run[-1].cell.end
        body = [Piece(Cell("", at, at), Shape.FUND_LABEL), *body]
    footers: list[Row] = []
    blanked: list[tuple[int, int]] = []
    if kind is Kind.INDICATORS:
        body, footers = cut_footer(rows_put_together(text, body, columns))
        body = glued_run_pieces(text, without_repeated_names(body), columns)
        blanked = [(p.cell.start, p.cell.end) for p in body if p.cut == "blanked"]
    grid = None if breaks is None else frozenset(i - stop for i in breaks if stop <= i < end)
    if grid is not None and len(body) != end - stop:  # pieces taken out of the body: no positional breaks
        grid = None
    layout = _layout(body)
    weights = sum(piece.role is Role.WEIGHT for piece in run)
    scored = _bracketed_rows(text, body, columns, _next_block(found, end)) if kind is _INDICATORS else None
    if scored is None and layout == "t4":
        scored = _scored_rows(text, body, columns, _next_block(found, end), weights)
    if layout == "t3" and kind is _INDICATORS and (rejoined := rejoined_wrapped(text, body)) is not body:
        body, grid = rejoined, None  # (pieces joined: no positional breaks)
    placed = spaced_rows(text, body, columns) if layout == "t3" and kind is _INDICATORS else None
    left: list[Piece] = []
    if scored is None and placed is not None:
        rows = placed  # every line a row with every cell there: by position (see spaced_rows)
    else:
        rows, left = (scored, []) if scored is not None else Aligner(columns, kind, text).align(body, grid)
    layout = "scored" if scored is not None else layout  # its own reading, with its own confidence
    if kind is Kind.INDICATORS:
        if layout == "t3":
            rejoin_cut_names(rows, text)
            left = lone_name_rows(text, rows, left)
        carry_down(rows)
        points_out_of_names(rows, text)
        dropped = _drop_unheaded_points(rows, columns) if layout == "t4" else []
        dropped += shift_short_rows(rows, columns) if layout == "t1" else []
    else:
        dropped = _settle_funding_rows(rows, columns, layout, body, _weight_in_header(run))
        dropped += unplaced_amounts(rows, columns, body, stray_money(found, index, columns))
    table = Table(kind=kind, layout=layout, columns=columns, rows=rows, start=run[0].cell.start, end=0)
    if kind is Kind.FUNDING:
        table.weight_in_header = _weight_in_header(run)
    table.skipped = [(p.cell.start, p.cell.end) for p in left if p.shape in _VALUE_SHAPES or _GARBLED.fullmatch(p.text)]
    table.skipped += dropped + blanked
    _mark_cut(table, text, body)
    table.rows.extend(footers)
    last = max([row.end for row in table.rows] or [run[-1].cell.end])
    table.end = max(last, run[-1].cell.end)
    return table, end


def _settle_funding_rows(
    rows: list[Row], columns: list[Role], layout: str, body: list[Piece], header_weight: Cell | None
) -> list[tuple[int, int]]:
    """Funding rows' glued and disagreeing cells recut, and the spans of what no cell can hold surely."""
    dropped: list[tuple[int, int]] = []
    points = float(header_weight.text) if header_weight is not None else None
    for row in rows:
        cut = split_glued_funding(row, columns) or recut_disagreeing(row, columns)
        if not cut and (unread := split_rate_and_score(row, columns, points)) is not None:
            dropped += unread
        elif not cut and (span := drop_glued_rate(row)) is not None:
            dropped.append(span)
        dropped += drop_unconfirmed_run(row)
    recut_like_total(rows)
    dropped += unsettled_cells(rows, columns, layout, points, body)
    return dropped


_SCORE_RULE = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[*×]\s*(?:预算)?执行率\s*[)）]")


def _weight_in_header(run: list[Piece]) -> Cell | None:
    """`得分 (20 分*执行率)`: the 得分 column's header says the line's score is 20 points times the rate, so the
    line's 分值 is 20 (the cell is the 20 as printed there)."""
    for piece in run:
        if piece.role is _SCORE and (rule := _SCORE_RULE.search(piece.text)) is not None:
            start = piece.cell.start + rule.start(1)
            return Cell(rule.group(1), start, start + len(rule.group(1)))
    return None


def _scored_rows(text: str, body: list[Piece], columns: list[Role], limit: int, weights: int) -> list[Row] | None:
    """A glued scoring sheet with its 分值 column right after the name (see scored_rows; with a 分值 after each
    level too, see weighted_levels), or with no 分值 and the score last (see score_last_rows), read on to the
    next header or block of the form (a glued body's long runs of words do not end it)."""
    if Role.NAME not in columns or not body:
        return None
    at = columns.index(Role.NAME)
    end = max(limit, body[-1].cell.end)
    if weights >= 2 and Role.SCORE in columns and (rows := weighted_level_rows(text, body[0].cell.start, end)):
        return rows
    if columns[at + 1 : at + 2] == [Role.WEIGHT]:
        return scored_rows(text, body[0].cell.start, end)
    if columns[at:] == [Role.NAME, Role.TARGET, Role.ACTUAL, Role.SCORE]:
        return score_last_rows(text, body[0].cell.start, end)
    return None


def _bracketed_rows(text: str, body: list[Piece], columns: list[Role], limit: int) -> list[Row] | None:
    """A squashed sheet whose cells print their points in brackets, 得分 after the name (see bracketed_points)."""
    if not body or Role.WEIGHT in columns:
        return None
    start, end = body[0].cell.start, max(limit, body[-1].cell.end)
    if text.find("分)", start, end) < 0 and text.find("分）", start, end) < 0:
        return None
    return bracketed_point_rows(text, start, end, columns)


def _next_block(found: list[Piece], start: int) -> int:
    following = (p for p in found[start:] if p.shape in (Shape.HEADER, Shape.BLOCK))
    stop = next(following, None)
    return stop.cell.start if stop is not None else found[-1].cell.end


def _opens_with_level(body: list[Piece]) -> bool:
    """The body's first cell is a level word (the header named no level column, or in words of its own)."""
    first = next((piece for piece in body if piece.shape is not _EMPTY), None)
    return first is not None and first.shape in _LEVELS
