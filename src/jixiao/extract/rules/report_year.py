"""The fiscal year a report evaluates, told apart from dates, spans of years and the cover's date."""

from __future__ import annotations

import re
from collections import Counter

from jixiao.extract.rules.form_fields import FieldKind, FormField, values_of
from jixiao.extract.rules.report_title import lines_of
from jixiao.scan import skipping

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")
_YEAR_SPAN = re.compile(r"(?:19|20)\d{2}\s*(?:年\s*)?(?:[-—~～至到]\s*)(?:19|20)\d{2}")
_FORM_YEAR = re.compile(r"[（(]\s*((?:19|20)\d{2})\s*年度?\s*[)）]|^\s*((?:19|20)\d{2})\s*年度\s*[)）]?\s*$", re.M)
# a year in the body, not a date (2020年9月底), one end of a span (2003年至2005年), a start (从2003年起) nor the
# year money was carried over from or into (`2024年结转2023年某项目资金`, `结余结转至2025年使用`)
_BODY_YEAR = skipping(  # counted through the whole text
    r"(?<![至到\-—~～\d])(?<!结转)((?:19|20)\d{2})\s*年度?(?![\d一二三四五六七八九十]{1,2}月|\s*[至到\-—~～起]|以来)"
)


# `截至2021年10月底,某项目支出8.4万元`: the money spent by a date of the year (a month's date, not a year word)
_SPENT_BY = re.compile(r"截[至止]((?:19|20)\d{2})年\d{1,2}月[^。\n]{0,30}?(?:支出|执行|使用|支付|发放)")
# a period of months within one year: `项目起止时间 2031年3月起至2031年11月止`
_ONE_YEAR_PERIOD = re.compile(
    r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月[\d\s日]*起?\s*[至到\-—~～]\s*\1\s*年\s*\d{1,2}\s*月"
)
# a cover's date alone on its line (`2025年` under `某市财政局制`): when the report was made, not the year evaluated
_COVER_DATE = re.compile(r"^[ \t]*(?:19|20)\d{2}[ \t]*年[ \t]*$", re.M)


def read_year(text: str, fields: list[FormField], title: str | None) -> int | None:
    """The fiscal year evaluated: a form's year field, the title's, the form's heading, else the body's commonest."""
    for value in values_of(fields, FieldKind.YEAR):
        if match := re.match(r"\s*((?:19|20)\d{2})", value):
            return int(match.group(1))
    if title and _YEAR_SPAN.search(title):
        return None  # a report on several years (2017-2019年) has no one fiscal year
    if title and (match := _YEAR.search(title)):
        return int(match.group(1))
    head = "\n".join(lines_of(text))
    if match := _FORM_YEAR.search(head):
        return int(match.group(1) or match.group(2))
    years = Counter(int(year) for year in _BODY_YEAR.findall(_COVER_DATE.sub("", text)))
    if not years and (period := _ONE_YEAR_PERIOD.search(text)):
        return int(period.group(1))  # only dates, but a period within one year (`2031年3月起至2031年11月止`)
    if not years and (spent := _SPENT_BY.search(text)):
        return int(spent.group(1))  # no year but the date the money was spent by: the year it was spent in
    return years.most_common(1)[0][0] if years else None
