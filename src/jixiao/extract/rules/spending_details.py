"""The 项目支出明细情况 list of Hunan's 财政支出项目绩效评价自评报告 form, a pipe dump a cell per line:

    支出内容 | 实际支出数 | 会计凭证号 | 备注 |
    30226劳务费 | 36,000.00 | 2023年03月记账 12 | 付某某养护劳务费 |
    30906大型修缮 | 125,480.50 | 2023年05月记账 7 | 付某公司路面修补款 |

Each row's first cell is the spending's content, its second the amount; a dump of one cell per line with no
pipes prints each row as its content's line then its amount's (an empty 凭证号 or 备注 leaves no line). The
支出合计 row is the list's total, not an item. The column may print no unit: the amounts
are in 元 when one of them is more than the project's whole budget in 万元 (a 36,000 payment out of 700 万元),
in 万元 when the rows add up to a good share of that budget and no more (monthly payments of 52.4, 51.8 … out of
900 万元: in 元 they would be a ten-thousandth of the money), and the list is not read when nothing says which
(a wrong unit would be a wrong figure on every row). A list
whose every row prints one content (`低票价补贴` four times, told apart by voucher number only) is a ledger of
payments of one category, which splits the whole by nothing: it is not read. (Rows of several contents, some
repeated, are read row by row, as printed.)

Zhejiang's form of the same shape prints a planned column first: `支出内容(经济科目) | 计划支出数(万元) |
实际支出数(万元) |`; each row's second amount is then its spending.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import figure_at
from jixiao.model import Figure, SpendingItem
from jixiao.vocabulary import to_wan_yuan

FOUND_BY = "form.spending_details"
_UNIT = r"[（(]万?元[)）]"
# `支出内容(经济科目) | 计划支出数(万元) | 实际支出数(万元) |`: a planned column may stand before the actual one
_HEADER = re.compile(
    r"支出内容(?:[（(][\u4e00-\u9fff]{2,6}[)）])?[ \t]*(?P<sep>[|\n])\s*"
    rf"(?:(?P<plan>计划支出数)(?:{_UNIT})?[ \t]*(?P=sep)\s*)?实际支出数(?P<unit>{_UNIT})?[ \t]*(?P=sep)"
)
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_AMOUNT = rf"(?P<amount>{_NUMBER})"
_PLANNED = rf"(?:{_NUMBER})"
_NAME = r"\n[ \t]*(?P<name>[^|\s][^|\n]{1,29}?)"
_ROW = {
    "|": re.compile(rf"{_NAME}[ \t]*\|\s*{_AMOUNT}[ \t]*(?=\|)"),
    "\n": re.compile(rf"{_NAME}[ \t]*\n\s*{_AMOUNT}[ \t]*(?=\n|$)"),
}
# with the planned column: the row's second amount is the actual one (a line-per-cell dump leaves no line for an
# empty cell, so a row there is read only when both amounts are printed)
_PLANNED_ROW = {
    "|": re.compile(rf"{_NAME}[ \t]*\|\s*{_PLANNED}[ \t]*\|\s*{_AMOUNT}[ \t]*(?=\|)"),
    "\n": re.compile(rf"{_NAME}[ \t]*\n\s*{_PLANNED}[ \t]*\n\s*{_AMOUNT}[ \t]*(?=\n|$)"),
}
_TOTAL_ROW = re.compile(r"(?:支出)?(?:合计|总计|小计)")
_SECTION = re.compile(r"\n[ \t]*[三四五六七八九十]、")
_DIGITS_ONLY = re.compile(r"[\d\s.,]+")
_LEAST_SHARE = 0.2  # the unread unit is 万元 when the rows add up to at least this share of the budget …
_OVER = 0.005  # … and to no more than the budget (rounding aside)


def spending_details(text: str, budget: Figure | None) -> list[SpendingItem]:
    """The items of the form's 支出明细 list in 万元, or none (no such list, or no unit sure)."""
    if "支出内容" not in text:
        return []
    header = _HEADER.search(text)
    if header is None:
        return []
    section = _SECTION.search(text, header.end())
    rows = [
        row
        for row in (_PLANNED_ROW if header["plan"] else _ROW)[header["sep"]].finditer(
            text, header.end(), section.start() if section else len(text)
        )
        if not _DIGITS_ONLY.fullmatch(row["name"]) and not _TOTAL_ROW.fullmatch(row["name"].strip())
    ]
    if not rows or (len(rows) > 1 and len({"".join(row["name"].split()) for row in rows}) == 1):
        return []  # every row one content: payments (by voucher) of one category, the whole split by nothing
    unit = _unit(header["unit"], [float(row["amount"].replace(",", "")) for row in rows], budget)
    if unit is None:
        return []
    items = []
    for row in rows:
        amount = figure_at(text, row.start("amount"), row.end("amount"), FOUND_BY)
        if amount.value is None:
            continue
        amount.value, amount.unit = to_wan_yuan(amount.value, unit), "万元"
        items.append(SpendingItem(category=row["name"].strip(), amount=amount))
    return items


def ends_in_details(text: str) -> bool:
    """The text stops inside the 支出明细 list: rows follow its header and no later section of the form (三、项目
    绩效情况…) does, so the form was cut there (its own total row or not)."""
    if "支出内容" not in text or (header := _HEADER.search(text)) is None:
        return False
    rows = _ROW if not header["plan"] else _PLANNED_ROW
    return _SECTION.search(text, header.end()) is None and rows[header["sep"]].search(text, header.end()) is not None


def _unit(printed: str | None, amounts: list[float], budget: Figure | None) -> str | None:
    if printed:
        return "万元" if "万" in printed else "元"
    if budget is None or budget.value is None or budget.value <= 0:
        return None
    if max(amounts) > budget.value:
        return "元"
    # rows adding up to a good share of the budget in 万元, never past it: read in 元 they would be a
    # ten-thousandth of the money, an itemisation no form prints
    share = sum(amounts) / budget.value
    return "万元" if _LEAST_SHARE <= share <= 1 + _OVER else None
