"""The self-evaluation score and grade as the narrative states them (自评得分96.5分，等级为优)."""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import figure_at
from jixiao.model import Figure, Kind
from jixiao.scan import matches, skipping, spans_of

# both are searched through the whole text: compiled to skip the chars no match starts with (jixiao.scan)
_SCORE = skipping(
    r"(?:(?:自评|综合|评价|绩效)?(?:总)?得分|(?:综合|总|绩效)评分|自评(?:总)?分|评价(?:总)?分)(?:为|是|[:：])?\s*"
    r"(?P<score>\d+(?:\.\d+)?)分"
    # a form's field whose label carries the unit: `自评总分(分)97.6`
    r"|自评总分[（(]分[)）][:：]?\s*(?P<field>\d+(?:\.\d+)?)(?![\d.])"
    # a squashed form's field before the next one: `自评得分98财政审核评分`, `自评得分 96.5\n`
    r"|自评得分[:：]?\s*(?P<squashed>\d{1,3}(?:\.\d+)?)(?=财政|主管|评价|\s*$|\s*[|│])"
    # the bare score closing its clause: `自评得分91.35，综合评价结果为优`, `自评分数100。`
    r"|自评(?:得分|分数)(?:为|是)?[:：]?\s*(?P<clause>\d{1,3}(?:\.\d+)?)(?=[,，。;；])"
    # a form's `自评总分:` field, its figure bare before the next field (`自评总分:98项目权重`, `自评总分: 95 项目…`),
    # or in the next cell of a row between pipes (`自评总分: | 97.5 |`)
    r"|自评总分(?:[:：]\s*(?:[|│]\s*)?|\s*[|│]\s*)(?P<labelled>\d{1,3}(?:\.\d+)?)(?![\d.%])"
    # the sum closing a list of the form's parts (`…满意度15分,总得分90,`), checked by their sum
    r"|总得分(?:为|是)?[:：]?\s*(?P<total>\d{1,3}(?:\.\d+)?)(?=[,，。;；])",
    re.MULTILINE,
)
_GRADE = skipping(
    r"(?:(?:自评|评价|绩效)?(?:等级|等次|结论|结果)(?:为|是)?[:：]?|自评为)\s*[“\"'「（(]?"
    # a docx run may break the word at a line's end (`优 秀`): one space inside a two-character grade
    r"(?P<grade>优 ?秀|良 ?好|合 ?格|不合格|优|良|中|差)(?![\u4e00-\u9fff])"
)
_SCORE_SPANS, _GRADE_SPANS = spans_of(_SCORE), spans_of(_GRADE)  # the scans, without groups
# an indicator's line gives that indicator's score (`2.合格率，年初目标值≥70%，实际完成值≥70%，自评得分20分；`)
_INDICATOR_LINE = re.compile(r"目标值|指标值|完成值|(?<!总)分值|权重")  # `总分值为100分` is the sheet's maximum
_LINE_BREAKS = "\n。"


def _on_indicator_line(text: str, at: int) -> bool:
    line_start = max(text.rfind(char, 0, at) for char in _LINE_BREAKS) + 1
    return _INDICATOR_LINE.search(text, line_start, at) is not None


_PART_POINTS = re.compile(r"(\d+(?:\.\d+)?)分[,，、;；]")
_SUM_TOLERANCE = 0.01


# `指标评价得分6分`, `该项得分8分`: the label says the score is one item's, not the report's (`绩效指标得分` is the
# whole sheet's)
_PART_LABEL = re.compile(r"(?:(?<!绩效)指标|该项|此项|本项|单项|分项)$")
_PART_REACH = 4


def _stated(text: str, found: re.Match[str]) -> bool:
    """A total score the text states: off an indicator's line and not labelled as one item's, nor one of the
    scores a sentence gives several subjects, or (a bare `总得分90`) the sum of the parts listed before it in
    its sentence (`决策15分,过程20分,…,总得分90`)."""
    if _PART_LABEL.search(text, max(0, found.start() - _PART_REACH), found.start()) or _side_by_side(text, found):
        return False
    if not found["total"]:
        return not _on_indicator_line(text, found.start())
    line_start = max(text.rfind(char, 0, found.start()) for char in _LINE_BREAKS) + 1
    parts = [float(points) for points in _PART_POINTS.findall(text, line_start, found.start())]
    return len(parts) >= 2 and abs(sum(parts) - float(found["total"])) <= _SUM_TOLERANCE


_SENTENCE_ENDS = "。\n；;"
_PARTS_OPENER = re.compile(r"其中|包括|分别")


def _side_by_side(text: str, found: re.Match[str]) -> bool:
    """`甲项目自评分数为73.5分、乙项目自评分数为89分、丙项目自评得分86分`: the sentence scores several subjects
    side by side, each its own (none the report's total): another score of another value in the sentence, and
    no 其中 that would make the others the parts of the first."""
    begin = max(text.rfind(char, 0, found.start()) for char in _SENTENCE_ENDS) + 1
    stops = [at for at in (text.find(char, found.end()) for char in _SENTENCE_ENDS) if at >= 0]
    end = min(stops, default=len(text))
    if _PARTS_OPENER.search(text, begin, end):
        return False
    value = next((found[name] for name in _GROUPS if found[name]), None)
    others = _SUBJECT_SCORE.finditer(text, begin, end)
    return any(not found.start() <= other.start() < found.end() and other["points"] != value for other in others)


# a score a sentence gives one of its subjects: `…自评分数为73.5分`, `…得分86分`
_SUBJECT_SCORE = re.compile(r"(?:得分|分数|评分)(?:为|是)?[:：]?\s*(?P<points>\d+(?:\.\d+)?)分")


_GROUPS = ("score", "field", "squashed", "clause", "labelled", "total")


# `附件2` then the title of a report on a line of its own: a second document starts there
_ANNEXED_REPORT = re.compile(
    r"(?m)^[ \t]*附件[ \t]*[\d一二三四五六七八九十]{1,2}[ \t]*[:：]?[ \t]*\n[^\n]{6,60}报告[ \t]*$"
)
_TITLE_LINE = re.compile(r"(?m)^[^\n]{6,60}报告[ \t]*$")


def _opening_document_end(text: str) -> int:
    """Where the excerpt's first document ends when it opens on the untitled tail of one report and goes on
    to an annexed report (`…整体绩效自评分93分。…附件2\n某项目绩效评价报告`): that tail's score is the other
    report's. 0 when the excerpt opens on its own report (a title line before the annex)."""
    if "附件" not in text:
        return 0
    annex = _ANNEXED_REPORT.search(text)
    if annex is None or _TITLE_LINE.search(text, 0, annex.start()):
        return 0
    return annex.start()


def extract_score(text: str) -> tuple[Figure | None, Figure | None]:
    """The first stated total score and grade; a score is only taken with 分 after it or in its label, and
    never from an indicator's line nor from the tail of another report the excerpt opens on."""
    other_end = _opening_document_end(text)
    score = next(
        (found for found in matches(_SCORE, _SCORE_SPANS, text) if found.start() >= other_end and _stated(text, found)),
        None,
    )
    grade = next(matches(_GRADE, _GRADE_SPANS, text), None)
    group = next((name for name in _GROUPS if score and score[name]), "score")
    score_figure = figure_at(text, *score.span(group), "narrative.score") if score else None
    if score_figure is not None and group == "score":
        score_figure.unit = "分"  # `96.5分`; a form's field prints the bare number, like a table's total
    grade_figure = figure_at(text, *grade.span("grade"), "narrative.grade") if grade else None
    if grade_figure is not None:
        grade_figure.kind = Kind.TEXT
    return score_figure, grade_figure
