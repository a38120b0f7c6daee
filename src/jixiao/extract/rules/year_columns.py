"""A unit's spending table with a column per year's 预算数 and 决算数 (Hunan's 部门整体支出绩效评价基础数据表):

    经费控制情况(万元) | 2021年决算数 | 2022年预算数 | 2022年决算数
    支出总额           | 1,100.00     | 1,250.00     | 1,236.40
    基本支出           | 600.00       | 700.00       | 702.10
    项目支出           | 500.00       | 550.00       | 534.30

The heads name each column by its year and kind, so the latest year's 预算数 is the year's budget and its
决算数 (the final accounts: what was spent) the executed amount; an earlier year's column is last year's and
is not read (上年/本年 name the years the same way). The 支出总额 row gives the two lines, the 基本支出 and
项目支出 rows the spending split from the 决算 column. A row is read only where it prints one amount per
head, so a blank cell (which a dump of one cell per line, or a squashed page, does not print) leaves it
unread rather than shifted; the amounts are in the 万元 (or 元) printed over the heads, and without a unit
nothing is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.extract.rules.figures import money_in_unit
from jixiao.model import Figure, Funding, SpendingItem

FOUND_BY = "form.year_columns"
_HEAD = r"(?:(?:(?:19|20)\d{2})[ \t]*年度?|上年|本年|当年)?[ \t]*(?:预算|决算)数?(?:[ \t]*[（(]万?元[)）])?"
_GAP = r"[ \t]*(?:[|\n][ \t]*)*"  # the space, pipes and line breaks between two cells
_HEADS = re.compile(rf"(?<![\u4e00-\u9fff])(?:{_HEAD}{_GAP}){{1,4}}{_HEAD}(?![\u4e00-\u9fff])")
_ONE_HEAD = re.compile(r"(?:(?P<year>(?:19|20)\d{2})[ \t]*年度?|(?P<word>上年|本年|当年))?[ \t]*(?P<kind>预算|决算)数?")
_UNIT = re.compile(r"[（(](?:单位[:：])?(?P<unit>万元|元)(?:[)）]|(?=\s))|单位[:：][ \t]*(?P<plain>万元|元)(?!/)")
_UNIT_BEFORE = 40  # chars before the heads where their caption (`经费控制情况(万元)`) prints the unit
_AMOUNT = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![^\s|])"  # the amount fills its cell
_ROW_LABELS = {"支出总额": "total", "支出合计": "total", "支出总计": "total", "总支出": "total"}
_ROW_LABELS |= {"基本支出": "基本支出", "项目支出": "项目支出"}
_ROW = re.compile(
    rf"(?<![\u4e00-\u9fff])(?P<label>{'|'.join(_ROW_LABELS)})[ \t]*(?:[:：][ \t]*)?"
    rf"(?P<cells>(?:{_GAP}(?:{_AMOUNT}))+)"
)
_CELL = re.compile(_AMOUNT)
_ROWS_REACH = 1200  # chars after the heads where their rows stand


@dataclass(slots=True)
class _Columns:
    count: int  # how many heads, so how many amounts a whole row prints
    budget: int | None  # the latest year's 预算数 column
    executed: int | None  # the latest year's 决算数 column
    unit: str
    end: int


def _columns(text: str) -> _Columns | None:
    """The heads of the first run naming a 预算数 and a 决算数 column with their years, or None."""
    for heads in _HEADS.finditer(text):
        found = list(_ONE_HEAD.finditer(text, *heads.span()))
        columns = _settled(found)
        unit = _unit(text, heads.start(), heads.end())
        if columns is not None and unit is not None:
            return _Columns(len(found), columns[0], columns[1], unit, heads.end())
    return None


def _settled(heads: list[re.Match[str]]) -> tuple[int | None, int | None] | None:
    """The budget and executed columns: the latest year's 预算 and 决算 heads (本年/当年 is the latest, 上年 the
    one before); None unless both kinds stand there and every head is dated, or none is."""
    dated = [head["year"] is not None or head["word"] is not None for head in heads]
    if len(heads) < 2 or (any(dated) and not all(dated)) or len({head["kind"] for head in heads}) < 2:
        return None
    years = [_year(head) for head in heads]
    latest = max(years)
    budget = [at for at, head in enumerate(heads) if years[at] == latest and head["kind"] == "预算"]
    executed = [at for at, head in enumerate(heads) if years[at] == latest and head["kind"] == "决算"]
    if len(budget) > 1 or len(executed) > 1 or not (budget or executed):
        return None  # two columns of one kind for one year: which is which, the heads do not say
    return (budget[0] if budget else None, executed[0] if executed else None)


_THIS_YEAR = 10_000  # 本年/当年 stand after any dated year (a form dates all its heads or none)


def _year(head: re.Match[str]) -> int:
    if head["year"]:
        return int(head["year"])
    return {"上年": _THIS_YEAR - 1, "本年": _THIS_YEAR, "当年": _THIS_YEAR}.get(head["word"] or "", _THIS_YEAR)


def _unit(text: str, start: int, end: int) -> str | None:
    found = _UNIT.search(text, max(0, start - _UNIT_BEFORE), end)
    return None if found is None else found["unit"] or found["plain"]


def _rows(text: str, columns: _Columns) -> dict[str, list[re.Match[str]]]:
    """Each wanted row's amounts, first printing after the heads, where it prints one per head."""
    rows: dict[str, list[re.Match[str]]] = {}
    stop = min(len(text), columns.end + _ROWS_REACH)
    for row in _ROW.finditer(text, columns.end, stop):
        key = _ROW_LABELS[row["label"]]
        cells = list(_CELL.finditer(text, *row.span("cells")))
        if key not in rows and len(cells) == columns.count:
            rows[key] = cells
    return rows


def _amount(text: str, cells: list[re.Match[str]], column: int | None, unit: str) -> Figure | None:
    if column is None:
        return None
    cell = cells[column]
    return money_in_unit(text, cell.start(), cell.end(), FOUND_BY, unit)


def year_columns(text: str) -> tuple[Funding | None, list[SpendingItem]]:
    """The budget and executed totals of the 支出总额 row and the 决算 split of 基本/项目支出, or nothing."""
    if "决算" not in text or "支出" not in text:
        return None, []
    columns = _columns(text)
    if columns is None:
        return None, []
    rows = _rows(text, columns)
    funding = None
    if (total := rows.get("total")) is not None:
        funding = Funding()
        funding.budget.total = _amount(text, total, columns.budget, columns.unit)
        funding.executed.total = _amount(text, total, columns.executed, columns.unit)
    spending = []
    if columns.executed is not None and "基本支出" in rows and "项目支出" in rows:
        for category in ("基本支出", "项目支出"):
            amount = _amount(text, rows[category], columns.executed, columns.unit)
            if amount is not None:
                spending.append(SpendingItem(category=category, amount=amount))
    return funding, spending
