"""Cells a spreadsheet will not run: formula-like text is neutralised before any export writes it.

Report text is untrusted. An indicator name or a region beginning with `=` (`=HYPERLINK(…)`,
`=cmd|' /C calc'!A0`) would be stored as a live formula in an XLSX sheet and evaluated by Excel or WPS
when a CSV is opened (CSV/formula injection, OWASP). Following OWASP's advice, text that starts with a
formula trigger (`=`, `+`, `-`, `@`, their full-width forms, or a tab/CR/LF) gets a leading `'`, so it
shows as the text it is; the XLSX writer also types every string cell as a string. Numbers stay numbers.

Every writer of a table a spreadsheet can open calls `safe_cell` on each value (see review/export.py and
review/xlsx.py): one place to change when a new trigger is found.
"""

from __future__ import annotations

_TRIGGERS = frozenset("=+-@＝＋－＠")
_LEADING_CONTROL = frozenset("\t\r\n")
QUOTE = "'"

Value = str | int | float | None  # what a table cell holds (review.tables.Cell)


def formula_like(text: str) -> bool:
    """True for text a spreadsheet could read as a formula (after any leading spaces it would skip)."""
    if not text:
        return False
    if text[0] in _LEADING_CONTROL:
        return True
    stripped = text.lstrip(" \u3000")
    return bool(stripped) and stripped[0] in _TRIGGERS


def safe_cell(value: Value) -> Value:
    """The value as a spreadsheet may be given it: formula-like text quoted, everything else unchanged."""
    if isinstance(value, str) and formula_like(value):
        return QUOTE + value
    return value


__all__ = ["QUOTE", "formula_like", "safe_cell"]
