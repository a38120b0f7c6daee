"""Rates and satisfactions a narrative states as reached, each in its own clause (no target or actual marker).

    群众及残疾人满意度98%。                       (satisfaction: the survey's result)
    当年主要农作物机械化率达到了91.6%。           (a rate said to have reached its percent)
    年化担保费率约为0.6%。                         (a rate said to be about a percent: kept as its words)

A sentence that speaks of a goal (目标, 确保, 不低于…) states no result; the money's own rates (执行率, 到位率…)
are the funding's.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.clauses import SECTION_NUMBER, ClauseReader, clean_name
from jixiao.extract.rules.figures import figure_at

_SENTENCE_START = "。；;\n"
_MAX_NAME = 60  # the longest real indicator names run to ~30 characters; a paragraph is longer


# starts with its literal, so the scan jumps from 满意 to 满意 (a leading class would be tried at every char)
_SATISFACTION = re.compile(r"满意(?:度|率)(?:达到|达|为|是)?(?P<actual>\d+(?:\.\d+)?%)(?=[，,；;。\s]|$)")
_NOT_IN_NAME = "，,；;。：:、\n（()）0123456789"
_MAX_SUBJECT = 16
# a goal's words; `达到预期目的` says the goal was met
_NOT_ACHIEVED = re.compile(r"目标|计划|(?<!达到)预期|预计|力争|确保|不低于|以上|≥|>")


def read_satisfaction(reader: ClauseReader, start: int, end: int) -> None:
    """`群众及残疾人满意度98%。`: a satisfaction stated with its percent is the survey's result, unless its
    sentence speaks of a goal (`满意度目标90%`, `确保满意度达到95%`)."""
    text = reader.text
    read = [(i.actual.span.start, i.actual.span.end) for i in reader.indicators if i.actual and i.actual.span]
    for match in _SATISFACTION.finditer(text, start, end):
        if match.span("actual") in read:
            continue  # read already, with its target (`满意度为97.5%，高于年度目标值（≥90%）`)
        sentence = max(start, max(text.rfind(sep, start, match.start()) for sep in _SENTENCE_START) + 1)
        stops = [i for i in (text.find(sep, match.end(), end) for sep in "。；;\n") if i >= 0]
        if _NOT_ACHIEVED.search(text, sentence, min(stops, default=end)):
            continue
        begin = match.start()
        while begin > max(start, match.start() - _MAX_SUBJECT) and text[begin - 1] not in _NOT_IN_NAME:
            begin -= 1
        name = clean_name(text[begin : match.start() + 3]).lstrip(".．、")
        if len(name) > len("满意度") and "\u4e00" <= name[0] <= "\u9fff":  # whose satisfaction: 群众, 学生 …
            reader.found_by = "narrative.satisfaction"
            reader.add(None, name, actual=figure_at(text, *match.span("actual"), reader.found_by))


# `当年农机挂牌率达到了100%。`, `…及时率达100%`: a rate said to have reached its percent, its clause ending there;
# `年化费率约为0.59%`: one said to be about a percent (an approximate result, kept as its words)
_REACHED_RATE = re.compile(r"率(?:达到了?|达(?=\d)|(?=约为?\d))(?P<actual>(?:约为?)?\d+(?:\.\d+)?%)(?=[，,；;。\n]|$)")
_REACHED_CUES = ("率达", "率约")
_RATE_LEAD = re.compile(
    r"^(?:(?:19|20)\d{2}年度?|当年|全年|年内|目前|截至目前|通过[^，,；;。]{0,16}?政策|我(?:苏木|镇|乡|街道))+"
)
_FUNDING_RATES = ("执行率", "支付率", "到位率", "拨付率", "使用率")  # `预算执行率达到98%` is the funding's
_FUNDING_RATE_NAME = 6
_BARE_RATES = ("完成率", "实现率", "达成率")  # a rate that names no subject of its own
# `项目二:某财农〔2023〕12号某村光伏项目资金,…`: a paragraph about one of several projects, named after its number
_PROJECT_PARAGRAPH = re.compile(
    r"[ \t]*项目[一二三四五六七八九十\d]{1,3}[:：][ \t]*(?:[^〔，,。\n]{0,10}〔\d{4}〕\d+号)?"
    r"(?P<program>[^，,。；;\n]{4,60}?)[，,]"
)


def _paragraph_program(text: str, at: int) -> str | None:
    """The project a `项目N:` paragraph is about, for a figure at `at` inside it."""
    found = _PROJECT_PARAGRAPH.match(text, text.rfind("\n", 0, at) + 1, at)
    return found["program"].strip() if found else None


# a section that describes the unit or the project before any result (`一、项目基本情况`, `(一)立项背景`)
_SECTION_TITLE = re.compile(rf"[ \t]*{SECTION_NUMBER}[^\n。]{{0,30}}")
_BACKGROUND = re.compile(r"基本情况|概况|背景|简介|职能|主要职责")
_TITLE_LOOKBACK = 20  # lines


def _in_background(text: str, at: int) -> bool:
    """The nearest section title above `at` is a background section's: what it states (`全市森林覆盖率达69%`) is
    the setting, no result. Read line by line upwards."""
    end = text.rfind("\n", 0, at)
    line_start = end + 1
    if _SECTION_TITLE.match(text, line_start) and _BACKGROUND.search(text, line_start, at):
        return True  # `一、项目基本情况。全市…` run onto its paragraph
    for _ in range(_TITLE_LOOKBACK):
        if end <= 0:
            return False
        start = text.rfind("\n", 0, end) + 1
        if _SECTION_TITLE.fullmatch(text, start, end):
            return _BACKGROUND.search(text, start, end) is not None
        end = start - 1
    return False


def read_reached_rates(reader: ClauseReader, start: int, end: int) -> None:
    """`…主要农作物机械化率达到91.6%`: a rate said to have reached a percent in its own clause is what was
    achieved, unless its sentence speaks of a goal; the money's own rates are the funding's. In a `项目N:`
    paragraph it is that project's."""
    text = reader.text
    if all(text.find(cue, start, end) < 0 for cue in _REACHED_CUES):
        return
    read = [(i.actual.span.start, i.actual.span.end) for i in reader.indicators if i.actual and i.actual.span]
    for match in _REACHED_RATE.finditer(text, start, end):
        if match.span("actual") in read:
            continue
        sentence = max(start, max(text.rfind(sep, start, match.start()) for sep in _SENTENCE_START) + 1)
        stops = [i for i in (text.find(sep, match.end(), end) for sep in "。；;\n") if i >= 0]
        if _NOT_ACHIEVED.search(text, sentence, min(stops, default=end)) or _in_background(text, match.start()):
            continue
        clause = max(sentence, max(text.rfind(sep, sentence, match.start()) for sep in "，,") + 1)
        name = _RATE_LEAD.sub("", clean_name(text[clause : match.start() + 1]))
        funding_rate = name.endswith(_FUNDING_RATES) and len(name) <= _FUNDING_RATE_NAME
        funding_rate = funding_rate or name in _BARE_RATES  # `实际完成1230万元，完成率达到82%`: of that amount
        if not 3 <= len(name) <= _MAX_NAME or any(char in _NOT_IN_NAME for char in name) or funding_rate:
            continue
        reader.found_by = "narrative.reached_rate"
        program = _paragraph_program(text, match.start())
        reader.add(program, name, actual=figure_at(text, *match.span("actual"), reader.found_by))
