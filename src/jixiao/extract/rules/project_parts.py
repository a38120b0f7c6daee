"""A unit's report on several projects: each project's own paragraph states that project's lines.

    2020年共下达项目资金80万元,涉及2个项目,分别为:某某工作经费50万元;某某活动经费30万元。
    1.某某工作经费。该项目财政拨入资金50万元,截止年底支出资金48万元,…
    2.某某活动经费。该项目财政拨入资金30万元,…

The amounts of `1.某某工作经费。` are the first project's, not the report's: read as the report's lines they
would make its executed 48 against 80 given. A numbered paragraph is a project's when its title names a part
the report listed before it, and the report says it covers two projects or more.
"""

from __future__ import annotations

import re

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
