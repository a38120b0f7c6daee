"""Where a published excerpt stops: whether it stops inside something (ends_mid_sentence), and the figure it cuts.

A figure the excerpt's end cuts: `…实际完成40` as the last characters of a cut text may be 40户 or 405. A published
excerpt stops where the site or the search result stopped, often inside a number. A figure whose
printed span reaches the end of a truncated text cannot be surely read (its digits or its unit may go on):
it is left out, the fact that holds it stays (an indicator keeps its name and target). A word (the grade
`优秀`) is no such figure.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from jixiao.extract.rules.places import leading_places
from jixiao.model import Figure, Report
from jixiao.vocabulary import ORGAN_SUFFIXES

_UNIT_REACH = 6  # a unit after the last digit is at most this long (`万人次`, `平方米`)
_FIGURE_END = re.compile(r"\d[^\d\s。；;，,：:！!？?）)]{0,5}$")  # a digit, then at most a unit, at the end
_MAX_SIGNATURE = 30  # a signing unit's line is short


def _last_line(text: str) -> str:
    """The last line that is not blank, stripped (read from the end only)."""
    return next((stripped for line in reversed(text.splitlines()) if (stripped := line.strip())), "")


def drop_cut_figures(report: Report, text: str) -> None:
    """Blank every optional figure of `report` whose span ends where the truncated `text` ends."""
    if not report.truncated:
        return
    end = len(text.rstrip())
    if not _FIGURE_END.search(text, max(0, end - _UNIT_REACH), end):
        return  # the text ends on no figure (`…。`, a word): nothing to blank, no model walked
    _blank(report, end)


def _cut(figure: Figure, end: int) -> bool:
    """A number of a sentence that runs to the cut (a word such as the grade `优秀` is whole however the text
    ends; a table's last cell is the table reader's to judge, as its rows are)."""
    narrative = (figure.found_by or "").startswith("narrative.")
    return narrative and figure.span is not None and figure.span.end >= end and figure.value is not None


def _blank(model: BaseModel, end: int) -> None:
    fields = type(model).model_fields
    for name, info in fields.items():
        value = getattr(model, name)
        if isinstance(value, Figure):
            if _cut(value, end) and not info.is_required():
                setattr(model, name, None)
        elif isinstance(value, BaseModel):
            _blank(value, end)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, BaseModel):
                    _blank(item, end)


# a last line that closes a report: a date, a signature, an attachment, a grade or score, site furniture
# (a site's filing number: `备案号`, `京ICP备…`, `公网安备…`, never a bare `备案`, which a cut sentence or cell
# prints too: `在民政局备案`), the empty fields of a form's signature block, or a section answered with 无
_CLOSING_LINE = re.compile(
    r"\d{1,2}日$|\d{4}\s*年\s*\d{1,2}\s*月$|特此报告|特此说明|此致|敬礼|^附件|主办|版权|ICP|备案号|网安备|备案编号|来源|https?:|技术支持|联系电话|填报人|经办人|负责人[:：]?$|盖章"
    r"|(?:等级|等次|结论|结果)[^\n“\"]{0,6}(?:[“\"](?:{grades})[”\"]|(?:{grades}))$|得分[^\n]{0,4}\d+(?:\.\d+)?分?$|^(?:无|暂无)$".replace(
        "{grades}", "优秀|良好|合格|不合格|優秀|優|优|良|中|差"
    )
)
# an attachment line naming a document (`附件:某县2019年度某专项资金绩效自评…`)
_ATTACHMENT = re.compile(r"[ \t]*附件[ \t\d]*[:：]?[ \t]*[^\n。，,；;]{8,60}")
# how a document's name ends: 表, 报告, 说明, a bracket, a file's extension …
_DOCUMENT_END = ("表", "告", "书", "明", "单", "录", "件", ")", "）", "》", ".pdf", ".doc", ".docx", ".xls", ".xlsx")


def _cut_attachment(line: str) -> bool:
    """An attachment line whose document name stops before the word a name ends in."""
    return bool(_ATTACHMENT.fullmatch(line)) and not line.rstrip().lower().endswith(_DOCUMENT_END)


_CLOSING_REACH = 40
# The section numbers below stay narrower than clauses.SECTION_NUMBER: their counts are bounded ({1,3}, {1,2}) so
# that a last line's year (`(2023)`, `2023、`) is no enumerator, and a Chinese numeral takes `、` only.
# `七、其他需要说明的问题暂无`: the last section answered in a word, its full stop left out
_ANSWERED_NONE = re.compile(
    r"(?:^|[。；;\s]|[一二三四五六七八九十]{1,3}、)(?:[（(][一二三四五六七八九十]{1,3}[)）])?"
    r"[^。；;，,、\d\s]{2,20}?(?:问题|事项|情况|说明|建议)[:：]?\s*(?:暂无|无|没有)$"
)
_LAST_SENTENCE = re.compile(r"[。！!？?；;]")
_BARE_ENUMERATOR = re.compile(
    r"\s*(?:[（(][\d一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}、)\s*"
)
# `…其中:(1)`: a list opened after a colon or a comma, its first item cut before its text
_OPENED_LIST = re.compile(r"[:：,，;；]\s*(?:[（(][\d一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、])\s*$")
# `1.预算执行情况分析(包括完成情况和偏差原因等)` as the last line: a section whose text is not there
_HEADING_ONLY = re.compile(
    r"\s*(?:[（(][\d一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、](?!\d)|[一二三四五六七八九十]{1,3}、)[^。；;，,！!？?]{2,40}"
)
_OPEN_END = re.compile(r"[\u4e00-\u9fff\dA-Za-z:：、，,（(“]$")
# a flattened table's last row, complete: `总分 100 96` (a label then two figures, cells apart), or the total
# row's label alone after the cells of a scrambled form: `… 满意度指标 ) 总分`
_TABLE_ROW_END = re.compile(r"\S\s+\d+(?:\.\d+)?%?\s+\d+(?:\.\d+)?%?$|(?:^|\s)(?:总分|合计|总计)$")


def ends_mid_sentence(text: str) -> bool:
    """The report stops inside a sentence, a heading or a cell: its last line ends on a word, a figure, a
    comma or a colon, or is a numbered heading with no text under it, and is none of the lines a report
    closes with (a date, a signature, a grade…).

    A last line that is a table row (`… | 20 |`) is for the table reader to judge; a flattened table's
    complete last row (`总分 100 96`) is no cut.
    """
    last = _last_line(text)
    if not last:
        return False
    if _BARE_ENUMERATOR.fullmatch(last) or _OPENED_LIST.search(last):
        return True  # `(2)`, `…其中:(1)`: a numbered part whose text is not there
    if _cut_attachment(last):
        return True  # `附件:某县2019年度某专项资金绩效自评`: the attachment's title stops before its last word
    # the closing words are looked for in the line's last sentence: `…材料报县农业农村局备案。请各乡镇于…、` is cut
    # inside a sentence, whatever a sentence before it said
    tail = _LAST_SENTENCE.split(last.rstrip("。！!？?；;"))[-1][-_CLOSING_REACH:]
    if _CLOSING_LINE.search(tail) or _TABLE_ROW_END.search(tail) or _is_signature(last):
        return False
    if tail.endswith(("无", "没有")) and _ANSWERED_NONE.search(tail):
        return False
    return bool(_OPEN_END.search(last) or _HEADING_ONLY.fullmatch(last))


def _is_signature(line: str) -> bool:
    """`扎兰屯市就业服务中心`, `青禾县人力资源和社会保障局`: the unit that signs, alone on its line."""
    return len(line) <= _MAX_SIGNATURE and bool(leading_places(line)) and bool(_ORGAN_END.search(line))


_ORGAN_END = re.compile("(?:" + "|".join(sorted(ORGAN_SUFFIXES, key=len, reverse=True)) + ")$")
