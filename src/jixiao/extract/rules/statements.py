"""Achievements stated as `noun figure` in a level block under a 完成情况 title, without 指标值 / 实际完成 words.

    1.产出指标完成情况。全年共发生草原火灾2起，低于控制指标5起；火情处置率100%；应急物资储备55万元。
    （2）质量指标
    补助发放准确率100%。按照规定，城乡低保标准为800元/人/月，据实发放。
    3.质量指标。资金拨付率为97%及时率和准确率均为100%。

Under a title that says what was done, such a clause gives the indicator's actual. It is read only when its
words say what the figure is: a name with no digit and no target or actual marker, no comparison
(`低于控制指标5起` is a difference, not a target), the figure ends the clause and is plain (`≥90%` is a
target's shape; `800元/人/月` a policy standard). A sentence with a marker is the clause grammar's.
"""

from __future__ import annotations

import re
from itertools import pairwise

from jixiao.extract.rules.clauses import ACTUAL, TARGET_MARKER, ClauseReader, clean_name, enumerated
from jixiao.extract.rules.count_breakdowns import FOUND_BY, parts_then_total
from jixiao.extract.rules.figures import built_figure, figure_at, terminal_quantities
from jixiao.extract.rules.worded_results import read_worded
from jixiao.model import Figure, Indicator, Kind, NamedFigure
from jixiao.numbers import QUANTITY, UNIT_PATTERN

_SENTENCE_ENDS = "。\n"
CLAUSE_BREAKS = re.compile(r"[，,；;]")
# `经费发放率为98%覆盖率…`: a percent glued to the next name ends its clause
_GLUED_PERCENT = re.compile(r"%(?=[\u4e00-\u9fff])")
_COMPARISON = re.compile(r"^(?:低于|高于|超过|超出|少于|多于|不足|比|较|同比|环比|增长|下降|减少|增加|占)")
_NOT_A_NAME = re.compile(r"指标|目标|计划|预期|预计|任务|完成|实际|其中|合计|执行率|资金总额")
# `完成工程量波型护栏1820米`: what was done, named after the verb (the heading above says these are results)
# (after the year it was done in: `2019年完成某河治理河道长度6.25公里`)
_LEAD = re.compile(
    r"^(?:[一二三四五六七八九十]是)?(?:(?:19|20)\d{2}年度?)?"  # `二是新建…`: the enumerator of a results paragraph
    r"(?:(?:共计|共|累计|全年|年内)+|(?:共|累计|基本)?完成(?:工程量|工作量|任务量)?(?=[\u4e00-\u9fff]{2}))?"
)
# `覆盖率及补助发放率均为100%`: one figure for every name before it
_SHARED = re.compile(r"(?:均|都)(?:为|达到|达|是)")
_JOINERS = re.compile(r"及(?!时)|和|与|、")  # never the 及 of 及时率
MAX_NAME = 30
_MONEY = ("元", "万元", "亿元")
# `接待各级领导500多人次`, `拜访协会30余家`: a count given roughly, read as printed (no value is asserted)
_ROUGH = re.compile(rf"\d+(?:\.\d+)?(?:多|余)(?:{UNIT_PATTERN})")
_ROUGH_UNIT_REACH = 6
# `某联络处2022年今年以来共接待…`: the time and the unit before what was done are no part of its name
_SINCE = re.compile(r"^[^，,；;]{0,30}?以来")
# `2022年通过农机报废更新补贴政策直接受益户8户`: the year and the policy that brought it are no part of the name
_CONTEXT = re.compile(r"^(?:(?:19|20)\d{2}年度?)?(?:通过[^，,；;。\d]{2,16}?政策)?")
# `灌区配套建成后年节水量120万立方米`: after what work it was measured is no part of the name either
_AFTER_WORK = re.compile(r"^[^，,；;。\d]{2,12}?(?:治理|实施|建成|完工|改造)后(?=[\u4e00-\u9fff]{2})")
_NAME_END = re.compile(r"(?:共|约|近|计)+$")
_SPENT = re.compile(r"资金|经费|发放|下达|拨付|收到|安排|投资")


def read_achieved(reader: ClauseReader, start: int, end: int) -> None:
    """Read the `noun figure` clauses of the marker-free sentences in text[start:end] as actuals."""
    text = reader.text
    position = start
    while position < end:
        stop = min((found for found in (text.find(char, position, end) for char in _SENTENCE_ENDS) if found >= 0),
                   default=end)  # fmt: skip
        if not ACTUAL.search(text, position, stop) and not TARGET_MARKER.search(text, position, stop):
            for part_start, part_end in _done_parts(text, position, stop):
                _read_sentence(reader, part_start, part_end)
        position = stop + 1


# `…该项目改造楼栋数9栋，预计于2025年6月完工`: the part of a sentence about work still to finish states its scope
_STILL_TO_FINISH = re.compile(r"预计[^，,；;。]{0,14}?(?:完工|竣工|完成|建成)")


def _done_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The `；`-parted parts of a sentence, without those about work still to finish (their figures are what
    is planned, not what was done); the whole sentence when it says nothing of the kind."""
    if text.find("预计", start, end) < 0:
        return [(start, end)]
    cuts = [start, *(at for at in range(start, end) if text[at] in "；;"), end]
    parts = [(begin + (begin > start), stop) for begin, stop in pairwise(cuts)]
    return [(begin, stop) for begin, stop in parts if not _STILL_TO_FINISH.search(text, begin, stop)]


def _read_sentence(reader: ClauseReader, start: int, end: int) -> None:
    text = reader.text
    if _read_colon_named(reader, start, end):
        return
    parts = text.find("其中", start, end)  # `…，其中坡改梯18.40公顷，封育治理736.52公顷`: parts, not indicators
    sentence_end, end = end, parts if parts >= 0 else end
    cuts = [start]
    for found in CLAUSE_BREAKS.finditer(text, start, end):
        cuts += [found.start(), found.end()]
    cuts.append(end)
    clauses = list(zip(cuts[::2], cuts[1::2], strict=True))
    last: Indicator | None = None  # what the clause before stated: a completion clause after it is its own
    for index, (begin, stop) in enumerate(clauses):
        if (completion := completion_in(text, begin, stop)) is not None:
            if last is not None and last.completion is None:
                last.completion = figure_at(text, *completion, reader.found_by)
            last = None
            continue
        following = clauses[index + 1] if index + 1 < len(clauses) else None
        if following and completion_in(text, *following) and isinstance(outcome := _outcome(text, begin, stop), tuple):
            reader.found_by = "narrative.achieved"  # `…服务水平稳步提升，指标完成率100%`
            last = reader.add(None, outcome[0], actual=figure_at(text, *outcome[1], reader.found_by))
            continue
        pieces = [begin] + [glued.end() for glued in _GLUED_PERCENT.finditer(text, begin, stop)] + [stop]
        last = None
        for piece_start, piece_end in pairwise(pieces):
            if (split := parts_then_total(text, piece_start, piece_end)) and (name := achieved_name(split[0])):
                reader.found_by = FOUND_BY
                indicator = reader.add(None, name, actual=figure_at(text, *split[1].span(), FOUND_BY))
                indicator.breakdown.extend(split[2])
                continue
            listed = _counts_listed(text, piece_start, piece_end)
            for item_start, item_end in listed or [(piece_start, piece_end)]:
                last = _read_clause(reader, item_start, item_end)
            last = None if len(listed) > 1 else last
    if parts >= 0 and (whole := _total_before(reader, start, parts)) is not None and whole.actual is not None:
        whole.breakdown.extend(_summed_parts(text, parts + len("其中"), sentence_end, whole.actual))


def _total_before(reader: ClauseReader, start: int, parts: int) -> Indicator | None:
    """The indicator whose actual the sentence states right before its `其中` (only marks between them)."""
    if not reader.indicators or (actual := reader.indicators[-1].actual) is None or actual.span is None:
        return None
    between = reader.text[actual.span.end : parts]
    if not start <= actual.span.start or between.strip("，,：: \t") or reader.indicators[-1].breakdown:
        return None
    return reader.indicators[-1]


_PART = re.compile(r"[，,、：:\s]*(?P<name>[^\d，,、；;。：:\s]{2,12})(?=\d)")


def _summed_parts(text: str, start: int, end: int, total: Figure) -> list[NamedFigure]:
    """The `其中A x，B y` parts after an achieved total, when each is `name figure` in the total's unit and they
    add up to it (a unit letter repeated after a figure, `12.5hmm`, is a slip: the figure is read without it)."""
    found: list[NamedFigure] = []
    position = start
    while position < end:
        named = _PART.match(text, position, end)
        quantity = QUANTITY.match(text, named.end(), end) if named else None
        if named is None or quantity is None or quantity["num"] is None or quantity["unit"] != total.unit:
            return []
        found.append(NamedFigure(name=named["name"], figure=figure_at(text, *quantity.span(), "narrative.achieved")))
        position = quantity.end()
        while position < end and text[position].isascii() and text[position].isalpha():
            position += 1
        while position < end and text[position] in "，,、；; \t":
            position += 1
    values = [part.figure.value or 0.0 for part in found]
    if len(found) < 2 or total.value is None or abs(sum(values) - total.value) > 0.005 * max(total.value, 1):
        return []
    return found


# `开展工作督导：每季度开展一次，共4次。` / `受益群众满意度：受益群众满意度≥85%。`: a line named before its colon
_COLON_NAME = re.compile(r"[ \t]*(?P<name>[^\d，,；;。：:、\s]{2,30})[：:][ \t]*")
_TOTAL_LEAD = re.compile(r"(?:共计|合计|总计|累计|共)")
_TOTAL_AFTER_PARTS = re.compile(r"\d[^、，,；;。\d]{0,4}(?:共计|合计|共)\d")


def _read_colon_named(reader: ClauseReader, start: int, end: int) -> bool:
    """A sentence named before its colon whose words after it describe the work: a total closing its last
    clause (`…，共4次`) is that name's actual; a lone bound restating the name (`满意度≥80%`) its target (a
    bound is a target's shape). Anything else is left to the clause reading."""
    text = reader.text
    named = _COLON_NAME.match(text, start, end)
    if named is None or not (name := achieved_name(named["name"])):
        return False
    while end > named.end() and text[end - 1] in "。；; \t":
        end -= 1
    last = max([named.end(), *(found.end() for found in CLAUSE_BREAKS.finditer(text, named.end(), end))])
    lead = _TOTAL_LEAD.match(text, last, end)
    restated = text.startswith(name, named.end())
    if lead is None and not restated:
        return False
    figures = [found for found in QUANTITY.finditer(text, named.end(), end) if found["num"] is not None]
    if lead and len(figures) == 1 and figures[0].start() == lead.end() and figures[0].end() == end:
        if not (figures[0]["op"] or figures[0]["suffix"]):
            reader.found_by = "narrative.achieved"
            reader.add(None, name, actual=figure_at(text, *figures[0].span(), reader.found_by))
            return True
    if restated and last == named.end() and len(figures) == 1 and figures[0]["op"] and figures[0].end() == end:
        if figures[0].start() == named.end() + len(name):
            reader.found_by = "narrative.achieved"
            reader.add(None, name, target=figure_at(text, *figures[0].span(), reader.found_by))
            return True
    return False


def _counts_listed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`拜访平台协会30余家、企事业单位70余次`: the 、-parted items of a clause when every one ends in a count,
    else none (a 、 inside a name: `往返机场、火车站接送客人200多人次`)."""
    if text.find("、", start, end) < 0:
        return []
    if _TOTAL_AFTER_PARTS.search(text, start, end):
        return []  # `为小班1年、中班1年共3年`: parts before their total, no list of counts
    items = enumerated(text, start, end)
    for item_start, item_end in items:
        if rough_count(text, item_start, item_end) is None and not _plain_count_ends(text, item_start, item_end):
            return []
    return items


def _plain_count_ends(text: str, start: int, end: int) -> bool:
    """text[start:end] ends in a plain count (`3座`; not `≥90%`, `1659吨/年`, a target's or a rate's shape)."""
    found = [match for match in QUANTITY.finditer(text, start, end) if match["num"] is not None]
    if not found or found[-1].end() != end:
        return False
    last = found[-1]
    return not (last["op"] or last["suffix"] or "/" in (last["unit"] or ""))


def _read_clause(reader: ClauseReader, start: int, end: int) -> Indicator | None:
    """The `noun figure` clause text[start:end] as an actual (the last indicator it added, or None)."""
    text = reader.text
    while end > start and text[end - 1] in " \t":
        end -= 1
    if (worded := read_worded(reader, start, end, achieved_name)) is not None:  # `质量为合格`, `满意度超过90%`
        return worded
    if (rough := rough_count(text, start, end)) is not None:
        return _add_rough(reader, start, rough)
    quantities = [found for found in QUANTITY.finditer(text, start, end) if found.end() > found.start()]
    if quantities and quantities[-1].end() != end:
        return _read_counted(reader, start, end)
    if not quantities:
        return None
    figure = quantities[-1]
    if figure["num"] is None or figure["op"] or figure["suffix"] or "/" in (figure["unit"] or ""):
        return None
    if _read_before(reader, figure):
        return None
    lead = text[start : figure.start()]
    shared = _SHARED.search(lead)
    names = _JOINERS.split(lead[: shared.start()]) if shared and shared.end() == len(lead) else [lead]
    cleaned = [achieved_name(name) for name in names]
    if not all(cleaned) or (figure["unit"] in _MONEY and any(_SPENT.search(name) for name in cleaned)):
        return None  # `发放补助资金214.6万元` restates the money spent, which funding reads
    reader.found_by = "narrative.achieved"
    added = [reader.add(None, name, actual=figure_at(text, *figure.span(), reader.found_by)) for name in cleaned]
    return added[-1] if len(added) == 1 else None


# `购置1辆压缩车及2个转运箱`, `打造2部精品剧目`: a verb of doing, then what it counted (the count before the noun)
_COUNTED = re.compile(
    r"(?:开展|举办|打造|创作|排演|购置|购买|采购|配套|配备|新建|建成|修建|改造|维修|种植|栽植|安装|培训|慰问|救助|资助)"
    r"(?=\d)"
)
# a whole count with its measure word (never money, a percent or a rate: those are no things counted)
_COUNT = re.compile(
    r"(?P<num>\d+)(?P<unit>人次|公里|平方米|个|辆|台|套|部|场|次|处|座|所|家|户|人|名|件|项|批|支|本|册|期|块|条|张|间|株|棵|只|篇|首|幅|米|亩)"
)
_COUNTED_NOUN = re.compile(r"[\u4e00-\u9fff“”]{2,20}?(?=(?:及|和|、)\d|$)")
_COUNTED_JOINER = re.compile(r"及|和|、")
_COUNTED_SUBJECT = 20  # chars of the subject before the verb (`该项目为某转运站购置…`)


def _read_counted(reader: ClauseReader, start: int, end: int) -> Indicator | None:
    """A clause that ends in what a verb counted, `verb N unit noun [及 N unit noun]`: each noun's count is its
    actual (the noun its name)."""
    text = reader.text
    verb = _COUNTED.search(text, start, end)
    if verb is None or verb.start() - start > _COUNTED_SUBJECT or any(c.isdigit() for c in text[start : verb.start()]):
        return None
    parts: list[tuple[str, re.Match[str]]] = []
    at = verb.end()
    while at < end:
        count = _COUNT.match(text, at, end)
        if count is None:
            return None
        noun = _COUNTED_NOUN.match(text, count.end(), end)
        name = achieved_name(noun.group(0)) if noun else ""
        if noun is None or not name:
            return None
        parts.append((name, count))
        joiner = _COUNTED_JOINER.match(text, noun.end(), end)
        at = joiner.end() if joiner else noun.end()
    reader.found_by = "narrative.achieved"
    added = [reader.add(None, name, actual=_count_figure(count, reader.found_by)) for name, count in parts]
    return added[-1] if len(added) == 1 else None


def _count_figure(count: re.Match[str], found_by: str) -> Figure:
    """`2部`: a count in its measure word, whether or not the number parser knows the word as a unit."""
    value = float(count["num"])
    return built_figure(count.group(0), value, count["unit"], None, Kind.NUMBER, *count.span(), found_by)


def rough_count(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a rough count ending text[start:end] (`500多人次`, `30余家`), or None."""
    at = end
    while at > start and end - at <= _ROUGH_UNIT_REACH and not text[at - 1].isdigit():
        at -= 1
    if at == start or not text[at - 1].isdigit() or (text.find("多", at, end) < 0 and text.find("余", at, end) < 0):
        return None
    while at > start and (text[at - 1].isdigit() or text[at - 1] == "."):
        at -= 1
    return (at, end) if _ROUGH.fullmatch(text, at, end) else None


_BOUND_BEFORE = ("逾", "超过")


def _add_rough(reader: ClauseReader, start: int, rough: tuple[int, int]) -> Indicator | None:
    lead = reader.text[start : rough[0]]
    name = achieved_name(lead)
    if not name or lead.endswith(_BOUND_BEFORE):  # `参与群众逾3多万人次`: a bound on a rough count says no figure
        return None
    reader.found_by = "narrative.achieved"
    return reader.add(None, name, actual=figure_at(reader.text, *rough, reader.found_by))


def _read_before(reader: ClauseReader, figure: re.Match[str]) -> bool:
    """The figure was read already: `每年招募人员体检32人` is a target of the clause grammar's line."""
    return any(
        read is not None and read.span is not None and read.span.start < figure.end() <= read.span.end
        for indicator in reader.indicators
        for read in (indicator.target, indicator.actual)
    )


def _after_work(name: str) -> str:
    return _AFTER_WORK.sub("", name) if "后" in name else name


def achieved_name(printed: str) -> str:
    name = _NAME_END.sub("", _LEAD.sub("", _SINCE.sub("", _CONTEXT.sub("", _after_work(clean_name(printed))))))
    if (
        not 2 <= len(name) <= MAX_NAME
        or any(char.isdigit() for char in name)
        or not "\u4e00" <= name[0] <= "\u9fff"
        or _COMPARISON.match(name)
        or _NOT_A_NAME.search(name)
    ):
        return ""
    return name


# ---- statement lists ------------------------------------------------------------------------------------

_STATEMENT = re.compile(r"(?:(?:19|20)\d{2}年度?[，,]\s*)?(?P<clause>[^，,；;。\n]{2,40}?)[。；;]?\s*$")
_NOT_A_STATEMENT = re.compile(r"实际|完成|累计|其中|合计|共")
_YEAR_CLAUSE = re.compile(r"[ \t]*(?:19|20)\d{2}年度?[，,]")
# `…4次，指标完成率100%`: how far the statement before it was met, not an indicator of its own
_COMPLETION_CLAUSE = re.compile(
    r"[ \t]*(?:(?:指标|目标|任务)?完成(?:率|比例)(?:为|达到|达|是)?|完成(?:年度)?(?:任务|计划|目标)的)"
    r"[ \t]*(?P<completion>\d+(?:\.\d+)?%)[ \t。；;]*"
)
_MIN_LISTING = 2
_PLAIN = "plain"
_Part = tuple[str, tuple[int, int]]


def completion_in(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the percent when text[start:end] is only a completion clause (`指标完成率100%`)."""
    found = _COMPLETION_CLAUSE.fullmatch(text, start, end)
    return found.span("completion") if found else None


def read_statements(reader: ClauseReader, start: int, end: int, *, listing: bool = False) -> bool:
    """Read text[start:end] as statements of what was achieved, `name figure` each, when every part is one
    (a part with a marker, a second figure or no name means it is a sentence, not such a list). A
    completion clause (`指标完成率100%`) gives the completion of the statement before it, and makes an
    outcome word before it (`…参与率逐年提升`) that statement's actual. In a `listing` (the run-in list of
    a 指标完成情况 heading) a part that states no plain figure (`…效果明显`, `…≥90%`) is passed over, as
    long as no part is a target or an actual by its words."""
    text = reader.text
    stop = end
    while stop > start and text[stop - 1] in "。；;，, \t":
        stop -= 1
    year = _YEAR_CLAUSE.match(text, start, stop)  # `2021年，防疫物资按时调拨率为100%`
    start = year.end() if year else start
    spans, position = [], start
    for brk in [*CLAUSE_BREAKS.finditer(text, start, stop), None]:
        spans.append((position, brk.start() if brk else stop))
        position = brk.end() if brk else stop
    completions = [completion_in(text, *span) for span in spans]
    parts: list[tuple[_Part, tuple[int, int] | None]] = []
    for index, span in enumerate(spans):
        if completions[index] is not None:
            continue  # attached to the part before it
        completion = completions[index + 1] if index + 1 < len(spans) else None
        part = _statement(text, *span, listing=listing)
        if part == _PLAIN and completion is not None:
            part = _outcome(text, *span)
        if part is None or (part == _PLAIN and not listing):
            return False
        if isinstance(part, tuple):
            parts.append((part, completion))
    if listing and len(parts) < _MIN_LISTING:
        return False
    reader.found_by = "narrative.achieved"
    for (name, span), completion in parts:
        indicator = reader.add(None, name, actual=figure_at(text, *span, reader.found_by))
        if completion is not None:
            indicator.completion = figure_at(text, *completion, reader.found_by)
    return bool(parts)


def _statement(text: str, start: int, end: int, *, listing: bool = False) -> _Part | str | None:
    """`name figure` as (name, figure span); "plain" for a part that states no plain figure; None for a
    part that is a target or an actual by its words (the line is a sentence, not a list).

    In a `listing` under a 指标完成情况 heading every part states what was achieved, so a bound
    (`工作任务及时完成率≥90%`, restated as the result) and an outcome word (`…发展效果明显`) are actuals too."""
    statement = _STATEMENT.match(text, start, end)
    if statement is None:
        return _PLAIN
    clause = statement["clause"]
    if TARGET_MARKER.search(clause) or ACTUAL.search(clause) or _NOT_A_STATEMENT.match(clause):
        return None
    values = terminal_quantities(text, *statement.span("clause"))
    if len(values) != 1 or values[0].end() != statement.end("clause"):
        return _outcome(text, *statement.span("clause")) if listing else _PLAIN
    name = _after_work(clean_name(text[statement.start("clause") : values[0].start()]))
    if not name or _NOT_A_STATEMENT.match(name) or any(char.isdigit() for char in name):
        return None  # `发放率为98%覆盖率…均为100%` is no one name: read_achieved reads it
    if (values[0]["op"] or values[0]["suffix"]) and not listing:
        return _PLAIN  # `≥300人次`: a target's shape (then `，实际培训326人次` makes it a sentence)
    return name, values[0].span()


_OUTCOME = re.compile(
    r"(?P<name>[^，,；;。\d]{4,30}?)(?P<value>效果明显|成效明显|成效显著|(?:明显|有效|逐年|稳步|持续|逐步)提升|明显改善)"
)


def _outcome(text: str, start: int, end: int) -> _Part | str:
    """`有效带动残疾人事业发展效果明显`: a listed indicator whose result is an outcome word."""
    found = _OUTCOME.fullmatch(text, start, end)
    if found is None:
        return _PLAIN
    name = clean_name(found["name"])
    return (name, found.span("value")) if name else _PLAIN
