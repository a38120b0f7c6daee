"""A unit's report on several projects: each project's own paragraph states that project's lines.

    2020年共下达项目资金80万元,涉及2个项目,分别为:某某工作经费50万元;某某活动经费30万元。
    1.某某工作经费。该项目财政拨入资金50万元,截止年底支出资金48万元,…
    2.某某活动经费。该项目财政拨入资金30万元,…

The amounts of `1.某某工作经费。` are the first project's, not the report's: read as the report's lines they
would make its executed 48 against 80 given. A numbered paragraph is a project's when its title names a part
the report listed before it, and the report says it covers two projects or more.

A total that numbered paragraphs of two different projects state (`1.甲活动经费。该项目到位资金20万元…`,
`2.乙培训费用。该项目到位资金28万元…`) is each project's, not the report's, even where no list names the
projects: `drop_item_totals` keeps it out (precision gate; a total stated outside the items is not touched).
"""

from __future__ import annotations

import re

from jixiao.extract.rules.funding_reading import Reading
from jixiao.model import FundingLine

_PROJECTS = re.compile(r"(?:涉及|共|包括)\s*(?P<count>\d+|[两二三四五六七八九十])\s*个项目")
_PART_TITLE = re.compile(r"(?m)^[ \t]*\d{1,2}[.、．][ \t]*(?P<name>[^\d\s。，,；;：:]{4,30})。")
_MIN_PROJECTS = 2


def project_paragraphs(text: str) -> list[tuple[int, int]]:
    """The spans of the paragraphs that each state one listed project's lines (none for a one-project report)."""
    covered = _PROJECTS.search(text)
    if covered is None or _count(covered["count"]) < _MIN_PROJECTS:
        return []
    spans = []
    for title in _PART_TITLE.finditer(text, covered.end()):
        if text.find(title["name"], covered.start(), title.start()) < 0:
            continue  # a numbered paragraph on something the report did not list as a project
        end = text.find("\n", title.end())
        spans.append((title.start(), len(text) if end < 0 else end))
    return spans


_NUMERALS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _count(printed: str) -> int:
    return int(printed) if printed.isdigit() else _NUMERALS[printed]


_ITEM = re.compile(
    r"[ \t]*(?P<number>\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,2}[)）]|[①-⑳])(?P<name>[^。\n]{2,40}?)。"
)
_THIS_PROJECT = re.compile(r"该项目|本项目")


def project_item(text: str, at: int) -> str | None:
    """The number of the project paragraph holding `at` (its line opens `N.名称。` and says 该项目 before
    `at`), or None."""
    line_start = text.rfind("\n", 0, at) + 1
    item = _ITEM.match(text, line_start, at)
    if item is None or not _THIS_PROJECT.search(text, item.end(), at):
        return None
    return item["number"]


def drop_item_totals(reading: Reading) -> None:
    """A prose total stated inside project paragraphs, by two different projects: each project's, not the
    report's."""
    for line, offers in reading.offered.items():
        block: FundingLine = getattr(reading.funding, line)
        total = block.total
        if total is None or total.found_by != "narrative.funding":
            continue
        items = {offer.item for offer in offers if offer.item is not None}
        if len(items) >= 2 and total.span is not None and project_item(reading.text, total.span.start) is not None:
            block.total = None
