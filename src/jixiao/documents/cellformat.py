"""Spreadsheet cells rendered as Excel prints them: `95%` stays `95%`, `820.00` keeps its zeros.

A spreadsheet stores 0.95 and prints 95%; it stores 820 and prints 820.00. The printed form is what a
figure quotes and what carries its precision (the checks derive tolerances from printed decimals), so
both spreadsheet loaders render a cell through its number format rather than through Python's repr.
Covered: General, fixed decimals, thousands separators, percent, quoted literals (`0.00"万元"`), a
second section for negatives, dates. Anything rarer falls back to General.
"""

from __future__ import annotations

import datetime as dt
import re

_QUOTED_OR_ESCAPED = re.compile(r'"[^"]*"|\\.')
_NOISE = re.compile(r"\[[^\]]*\]|_.|\*.")  # [Red] [$¥-804] colours and locales, _x padding, *x fill
_NUMERIC = re.compile(r"[#0?,]*\.?[#0?]*%?")


def render_general(value: float) -> str:
    """Excel's General format: up to 11 significant digits, no trailing zeros, no exponent for reports."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    text = f"{value:.11g}"
    if "e" in text:
        text = f"{value:.10f}".rstrip("0").rstrip(".")
    return text


def _section(number_format: str, value: float) -> tuple[str, bool]:
    """The format section that applies, and whether the sign is already printed by it."""
    sections = number_format.split(";")
    if value < 0 and len(sections) > 1 and sections[1].strip():
        return sections[1], True
    if value == 0 and len(sections) > 2 and sections[2].strip():
        return sections[2], False
    return sections[0], False


def _render_number(section: str, value: float, sign_printed: bool) -> str | None:
    """Apply one format section; None when the section is not a plain numeric pattern."""
    literals: list[str] = []

    def keep(match: re.Match[str]) -> str:
        literals.append(match.group(0)[1:-1] if match.group(0).startswith('"') else match.group(0)[1:])
        return f"\x00{len(literals) - 1}\x00"

    pattern = _NOISE.sub("", _QUOTED_OR_ESCAPED.sub(keep, section))
    numeric = next((m for m in _NUMERIC.finditer(pattern) if m.group(0).strip(",%")), None)
    if numeric is None or re.search(r"[A-Za-z/]", pattern.replace("General", "")):
        return None
    spec = numeric.group(0)
    percent = "%" in pattern
    decimals = len(spec.split(".", 1)[1].rstrip("%")) if "." in spec else 0
    amount = abs(value) * (100 if percent else 1)
    grouping = "," if "," in spec.split(".", 1)[0] else ""
    number = f"{amount:{grouping}.{decimals}f}"
    sign = "-" if value < 0 and not sign_printed and round(amount, decimals) != 0 else ""
    rendered = pattern[: numeric.start()] + sign + number + pattern[numeric.end() :].replace("%", "", 1)
    if percent and "%" not in rendered[numeric.start() :]:
        rendered += "%"
    return re.sub(r"\x00(\d+)\x00", lambda m: literals[int(m.group(1))], rendered).strip()


def render_number(value: float, number_format: str | None) -> str:
    if not number_format or number_format == "General" or number_format == "@":
        return render_general(value)
    section, sign_printed = _section(number_format, value)
    if section.strip() in ("General", ""):
        return render_general(value)
    rendered = _render_number(section, value, sign_printed)
    return render_general(value) if rendered is None else rendered


def render_date(value: dt.datetime | dt.date | dt.time, number_format: str | None) -> str:
    """Dates as a report writes them: `2024年3月5日` when the format is Chinese, ISO otherwise."""
    if isinstance(value, dt.time):
        return value.isoformat(timespec="minutes")
    fmt = number_format or ""
    if "年" in fmt:
        text = f"{value.year}年{value.month}月" + (f"{value.day}日" if "d" in fmt.lower() else "")
        return text
    return value.strftime("%Y-%m-%d")


def render_cell(value: object, number_format: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return render_date(value, number_format)
    if isinstance(value, (int, float)):
        return render_number(float(value), number_format)
    return str(value)
