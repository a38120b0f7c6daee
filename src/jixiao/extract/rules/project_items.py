"""A unit's report that goes through its projects one numbered paragraph each.

    1.甲活动经费。该项目到位资金20万元，已支出18万元，用于…
    2.乙培训费用。该项目到位资金28万元，已支出26万元，用于…

Each paragraph states its own project's lines; none of them is the report's line. Precision gate: a prose
total that paragraphs of two different projects state stays out (the report's own total, stated outside the
items, is not touched).
"""

from __future__ import annotations

import re

from jixiao.extract.rules.funding_reading import Reading
from jixiao.model import FundingLine

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
