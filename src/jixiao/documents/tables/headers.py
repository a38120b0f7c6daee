"""Header cells: which column a header names, and whether a run of cells is a header row.

The wording varies by form and province (财预〔2020〕10号 annex, the transfer-payment 自评表, Sichuan's
指标性质/度量单位 variant), so each role lists the phrasings seen; half- and full-width brackets alike.
"""

from __future__ import annotations

import re

from jixiao.documents.tables.table import FUNDING_ROLES, INDICATOR_ROLES, Cell, Kind, Role

_BR = r"[（(][^)）\n|]{0,16}[)）]"  # (A), （B/A×100%）, （万元）
_HEADER_WORDS: list[tuple[Role, str]] = [
    (Role.LABEL, rf"(?:资金投入情况|项目资金|资金来源|资金情况|预算资金)(?:{_BR})?"),
    (Role.INITIAL_BUDGET, rf"年初预算数?(?:{_BR})?"),
    (Role.BUDGET, rf"(?:全年|调整后)?预算数(?:{_BR})?"),
    (Role.EXECUTED, rf"(?:全年|预算)?执行数(?:{_BR})?"),
    (Role.RATE, rf"(?:预算)?执行率(?:{_BR})?"),
    (Role.WEIGHT, rf"(?:分值|权重)(?:{_BR})?"),
    (Role.SCORE, rf"得分(?:{_BR})?"),
    (Role.LEVEL1, r"一级指标"),
    (Role.LEVEL2, r"二级指标"),
    (Role.NAME, r"三级指标"),
    (Role.OP, r"指标性质"),
    (Role.TARGET, rf"(?:年度|预期)?(?:目标)?指标值(?:{_BR})?|年度目标值|(?:年度)?目标值|计划值"),
    (Role.UNIT, r"度量单位|计量单位"),
    (Role.ACTUAL, rf"(?:全年)?实际完成值?(?:{_BR})?|完成值"),
    (Role.REASON, r"(?:偏差|未完成)原因(?:分析)?(?:及|和)?(?:改进措施)?|原因分析|原因(?:说明)?"),
]
HEADER_TOKEN = re.compile("|".join(f"(?P<{role.value}>{pattern})" for role, pattern in _HEADER_WORDS))
_ROLE_OF = {role.value: role for role, _ in _HEADER_WORDS}
_SEPARATOR = re.compile(r"[\s|]*")


def role_of(text: str) -> Role | None:
    """The role a single header cell names, or None."""
    match = HEADER_TOKEN.fullmatch(text.strip())
    return _ROLE_OF[match.lastgroup] if match and match.lastgroup else None


def kind_of(roles: list[Role]) -> Kind | None:
    """A header row is a funding or an indicator header when it holds enough columns of either kind."""
    present = set(roles)
    if len(present & INDICATOR_ROLES) >= 2 and (Role.NAME in present or Role.TARGET in present):
        return Kind.INDICATORS
    if len(present & FUNDING_ROLES) >= 2:
        return Kind.FUNDING
    return None


def header_prefix(text: str, start: int, end: int) -> list[Cell]:
    """Header cells at the start of text[start:end], stopping at the first cell that is not one (T3)."""
    cells: list[Cell] = []
    pos = start
    while pos < end:
        gap = _SEPARATOR.match(text, pos, end)
        pos = gap.end() if gap else pos
        match = HEADER_TOKEN.match(text, pos, end)
        if match is None or match.end() == pos:
            break
        cells.append(Cell(match.group(0), match.start(), match.end()))
        pos = match.end()
    return cells


def roles(cells: list[Cell]) -> list[Role]:
    return [role_of(cell.text) or Role.LABEL for cell in cells]


MONEY_IN_YUAN = re.compile(r"[（(](?:单位[:：])?元[)）]|单位[:：]\s*元(?!/)")
