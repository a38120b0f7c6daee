"""A funding row glued into one string: `56005600100%` is 5600 | 5600 | 100%, and the arithmetic proves it.

A converter that drops cell borders prints a row's amounts, its 分值 and its execution rate as one run of
digits (`46.561097%` after 45.00 | 48.00 is 46.56 | 10 | 97%). The header says which cells come before the
rate; a cut is taken only when exactly one way to cut the digits gives cells a form prints (no leading zeros,
at most two decimals, a 分值 up to 100) whose executed over budget is the printed rate. Anything else stays
one unread cell: a guess is never made.
"""

from __future__ import annotations

import re
from itertools import pairwise

from jixiao.documents.tables.table import MONEY_ROLES, Cell, Role, Row

_GLUED = re.compile(r"\d[\d.]{3,30}%")  # longer runs are not a row of a form
_AMOUNT = re.compile(r"(?:0|[1-9]\d*)(?:\.\d{1,2})?")
_RATE_TOLERANCE = 0.6  # percentage points: the printed rate is rounded
_MAX_CELLS = 4  # 年初预算数 | 全年预算数 | 全年执行数 | 分值 before the rate
_MAX_POINTS = 100.0
_GLUABLE = MONEY_ROLES | {Role.WEIGHT}
_BUDGETS = (Role.BUDGET, Role.ALLOCATED, Role.INITIAL_BUDGET)  # what the rate is taken over, in that order
_MAX_RATE = 1000.0  # percent: no funding row executes ten times its budget; above it the rate cell is glued


def split_glued_funding(row: Row, columns: list[Role]) -> bool:
    """Cut the row's glued rate cell into the cells missing before it and the rate, in place; True when cut."""
    cell = row.cells.get(Role.RATE)
    missing = _missing_before_rate(row, columns)
    if cell is None or not missing:
        return False
    known = {role: row.cells[role].text for role in (*_BUDGETS, Role.EXECUTED) if role in row.cells}
    cuts = _cuts(cell.text, missing, known)
    if not cuts and missing[-1] is Role.WEIGHT and len(missing) > 1:
        missing = missing[:-1]  # `其中:当年财政拨款404040100%`: a source row prints no 分值
        cuts = _cuts(cell.text, missing, known)
    if len(cuts) != 1:
        return False
    start = cell.start
    for role, text in zip([*missing, Role.RATE], cuts[0], strict=True):
        row.cells[role] = Cell(text, start, start + len(text))
        start += len(text)
    row.split = True
    return True


def recut_disagreeing(row: Row, columns: list[Role]) -> bool:
    """Cut again a row whose amounts and rate were printed glued and cut after two decimals, when that cut
    disagrees with its own rate (`48.647.297.12%` read 48.64 | 7.29 | 7.12%) or left an amount cell empty
    (`280280.00100.00%` read 280280.00 | – | 100.00%): the one cut that agrees (48.6 | 47.2 | 97.12%,
    280 | 280.00 | 100.00%) replaces it; with none or several the row stays as it was read."""
    rate = row.cells.get(Role.RATE)
    if rate is None or Role.RATE not in columns or _number(rate.text.rstrip("%")) <= 0:
        return False
    glued: list[Role] = []
    start = rate.start
    for role in reversed(columns[: columns.index(Role.RATE)]):
        cell = row.cells.get(role)
        if role in _GLUABLE and cell is None and not glued:
            continue  # `350350.00 | 100.00%`: the executed cell is glued inside the budget's, not blank
        if role not in _GLUABLE or cell is None or cell.end != start:
            break
        glued.insert(0, role)
        start = cell.start
    known = {role: row.cells[role].text for role in (*_BUDGETS, Role.EXECUTED) if role in row.cells}
    if not glued or _agree(known, _number(rate.text.rstrip("%"))):
        return False
    before = dict(row.cells)
    whole = "".join(row.cells.pop(role).text for role in glued) + rate.text
    row.cells[Role.RATE] = Cell(whole, start, rate.end)
    if split_glued_funding(row, columns):
        return True
    row.cells = before
    return False


_TAIL = re.compile(r"(?P<amount>(?:0|[1-9]\d*)\.\d{2})(?P<rest>\d{2,6})")
_POINTS = re.compile(r"(?:0|[1-9]\d?|100)(?:\.\d{1,2})?")
_FRACTION_TOLERANCE = 0.006  # a rate printed as a fraction (1, 0.98) is rounded too


def split_rate_and_score(row: Row, columns: list[Role], weight: float | None) -> list[tuple[int, int]] | None:
    """`1.561.56120` under 预算数 | 执行数 | 执行率 | 得分, read 1.56 | 1.56120: the executed amount (two decimals)
    with the rate and the score glued on, the rate printed as a fraction (`1`) or a percent without its sign.
    Cut, in place, only when exactly one cut gives a rate that is executed over budget and a score within the
    line's 分值 (the header's, else 100). A rate printed as a fraction is kept (the cut confirmed it is
    executed over budget); None when the row is not cut, else no span left unread."""
    at = columns.index(Role.EXECUTED) if Role.EXECUTED in columns else -1
    cell = row.cells.get(Role.EXECUTED)
    if at < 0 or cell is None or columns[at + 1 : at + 3] != [Role.RATE, Role.SCORE]:
        return None
    if Role.RATE in row.cells or Role.SCORE in row.cells or (glued := _TAIL.fullmatch(cell.text)) is None:
        return None
    budget = next((_number(row.cells[role].text) for role in _BUDGETS if role in row.cells), 0.0)
    if budget <= 0:
        return None
    ratio = float(glued["amount"]) / budget
    rest = glued["rest"]
    cuts = [
        (rest[:k], rest[k:], percent)
        for k in range(1, len(rest))
        if _AMOUNT.fullmatch(rest[:k]) and _POINTS.fullmatch(rest[k:]) and float(rest[k:]) <= (weight or _MAX_POINTS)
        for percent in (False, True)
        if _is_rate(float(rest[:k]), ratio, percent=percent)
    ]
    if len(cuts) != 1:
        return None
    rate, score, _ = cuts[0]
    start = cell.start + len(glued["amount"])
    row.cells[Role.EXECUTED] = Cell(glued["amount"], cell.start, start)
    row.cells[Role.SCORE] = Cell(score, start + len(rate), cell.end)
    row.split = True
    row.cells[Role.RATE] = Cell(rate, start, start + len(rate))  # a fraction: read as a percent by the
    return []  # funding table, as every fraction the row's amounts confirm (funding_table._fraction_read)


def _is_rate(printed: float, ratio: float, *, percent: bool) -> bool:
    if percent:
        return abs(printed - ratio * 100) <= _RATE_TOLERANCE
    return abs(printed - ratio) <= _FRACTION_TOLERANCE


def _missing_before_rate(row: Row, columns: list[Role]) -> list[Role]:
    """The cells printed right before the rate (amounts, a 分值) that the row lacks: the glued run holds them."""
    if Role.RATE not in columns:
        return []
    missing: list[Role] = []
    for role in reversed(columns[: columns.index(Role.RATE)]):
        if role not in _GLUABLE or role in row.cells:
            break
        missing.insert(0, role)
    return missing if len(missing) <= _MAX_CELLS else []


def _cuts(text: str, roles: list[Role], known: dict[Role, str]) -> list[list[str]]:
    """Every way to cut `text` into the `roles` cells and a rate (`…%`) that agree with the row."""
    if not _GLUED.fullmatch(text):
        return []
    found: list[list[str]] = []
    digits = text[:-1]
    for rate_at in range(1, len(digits)):
        rate = digits[rate_at:]
        if not _AMOUNT.fullmatch(rate) or not 1 <= float(rate) <= 200:
            continue
        for cells in _cells(digits[:rate_at], roles):
            if _agree(known | dict(zip(roles, cells, strict=True)), float(rate)):
                found.append([*cells, rate + "%"])
    return found


def _cells(text: str, roles: list[Role]) -> list[list[str]]:
    """Cuts of text into one valid cell per role: amounts with at most two decimals, a 分值 up to 100."""
    if len(roles) == 1:
        return [[text]] if _fits(roles[0], text) else []
    return [
        [text[:cut], *rest]
        for cut in range(1, len(text))
        if _fits(roles[0], text[:cut])
        for rest in _cells(text[cut:], roles[1:])
    ]


def _fits(role: Role, text: str) -> bool:
    return bool(_AMOUNT.fullmatch(text)) and (role is not Role.WEIGHT or float(text) <= _MAX_POINTS)


def _agree(cells: dict[Role, str], rate: float) -> bool:
    executed = _number(cells.get(Role.EXECUTED))
    budget = next((_number(cells[role]) for role in _BUDGETS if role in cells), 0.0)
    return budget > 0 and executed > 0 and abs(executed / budget * 100 - rate) <= _RATE_TOLERANCE


def _number(text: str | None) -> float:
    """An amount as printed in a cell the row already has (`1,130.55`, `10万`: the unit ends the glued amount);
    0 when it is not a plain number."""
    try:
        return float((text or "0").replace(",", "").removesuffix("元").removesuffix("万"))
    except ValueError:
        return 0.0


def recut_like_total(rows: list[Row]) -> None:
    """A source row whose glued amounts print the very digits of the total row's, cut by the arithmetic
    (`420.5136.82` under both: 420.5 | 136.82, not 420.51 | 36.82 after two decimals), is cut as the total is:
    the one source of the whole money, its amounts the total's."""
    total = next((row for row in rows if row.split), None)
    if total is None:
        return
    roles = sorted((role for role in MONEY_ROLES if role in total.cells), key=lambda role: total.cells[role].start)
    whole = "".join(total.cells[role].text for role in roles)
    for row in rows:
        if row is total or row.split or any(role not in row.cells for role in roles):
            continue
        cells = [row.cells[role] for role in roles]
        if any(before.end != after.start for before, after in pairwise(cells)) or len(cells) < 2:
            continue  # printed apart: each cell is whole
        if "".join(cell.text for cell in cells) != whole:
            continue
        start = cells[0].start
        for role in roles:
            text = total.cells[role].text
            row.cells[role] = Cell(text, start, start + len(text))
            start += len(text)


def is_glued_rate(text: str) -> bool:
    """Whether a cell is a run of digits ending in a percent that is no rate alone (`404010100%`, and
    `176.3176.3100%`, whose two points make it several cells)."""
    if not _GLUED.fullmatch(text):
        return False
    return text.count(".") > 1 or _number(text[:-1]) > _MAX_RATE


_CHAINED = (*MONEY_ROLES, Role.WEIGHT, Role.RATE, Role.SCORE)


def drop_unconfirmed_run(row: Row) -> list[tuple[int, int]]:
    """Take out the cells of a funding row whose rate cell is glued to its amounts (`4.918.423.32` read
    4.91 | 8.42 (the rate) | 3.32) when the rate does not confirm the cut: a cut after two decimals is a
    guess, and a rate that is no percent, or one the amounts disagree with (executed over budget), says the
    cells are pieces of other cells. Their spans are unread. A row cut by the arithmetic, or whose glued
    cells agree with their rate, is kept; so is a source row of glued amounts with no rate cell at all
    (`其中:财政拨款45.0045.0043.56`), whose cut the total row's confirmed one vouches for."""
    if row.split or Role.RATE not in row.cells:
        return []
    cells = sorted((row.cells[role].start, role) for role in _CHAINED if role in row.cells)
    glued: set[Role] = set()
    amounts_glued = False  # two cells glued that are not the rate: cut where no percent sign tells
    for (_, before), (start, after) in pairwise(cells):
        if row.cells[before].end == start:
            glued.update((before, after))
            amounts_glued = amounts_glued or Role.RATE not in (before, after)
    if Role.RATE not in glued:
        return []
    rate = row.cells[Role.RATE]
    known = {role: row.cells[role].text for role in (*_BUDGETS, Role.EXECUTED) if role in row.cells}
    if rate.text.endswith("%") and (not amounts_glued or _agree(known, _number(rate.text.rstrip("%")))):
        return []  # `48.0097%`: the percent sign ends the amount; glued amounts need the rate to agree
    return [(cell.start, cell.end) for role in sorted(glued) if (cell := row.cells.pop(role))]


def drop_glued_rate(row: Row) -> tuple[int, int] | None:
    """Take out a rate cell no cut could read (`404010100%`: cells glued to the rate); its span is unread."""
    cell = row.cells.get(Role.RATE)
    if cell is None or not is_glued_rate(cell.text):
        return None
    del row.cells[Role.RATE]
    return cell.start, cell.end
