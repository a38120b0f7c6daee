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

from jixiao.extract.rules.achieved_names import achieved_name
from jixiao.extract.rules.clauses import ACTUAL, TARGET_MARKER, ClauseReader, enumerated
from jixiao.extract.rules.count_breakdowns import FOUND_BY, parts_then_total
from jixiao.extract.rules.figures import built_figure, figure_at
from jixiao.extract.rules.statement_lists import CLAUSE_BREAKS, completion_in, outcome_word
from jixiao.extract.rules.worded_results import read_worded
from jixiao.model import Figure, Indicator, Kind, NamedFigure
from jixiao.numbers import QUANTITY, UNIT_PATTERN

_SENTENCE_ENDS = "。\n"
# `经费发放率为98%覆盖率…`: a percent glued to the next name ends its clause
_GLUED_PERCENT = re.compile(r"%(?=[\u4e00-\u9fff])")
# `覆盖率及补助发放率均为100%`: one figure for every name before it
_SHARED = re.compile(r"(?:均|都)(?:为|达到|达|是)")
_JOINERS = re.compile(r"及(?!时)|和|与|、")  # never the 及 of 及时率
_MONEY = ("元", "万元", "亿元")
# `接待各级领导500多人次`, `拜访协会30余家`: a count given roughly, read as printed (no value is asserted)
_ROUGH = re.compile(rf"\d+(?:\.\d+)?(?:多|余)(?:{UNIT_PATTERN})")
_ROUGH_UNIT_REACH = 6
_SPENT = re.compile(r"资金|经费|发放|下达|拨付|收到|安排|投资|减免|兑现|兑付")  # 减免…成本X万元: relief paid out


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
        if (
            following
            and completion_in(text, *following)
            and isinstance(outcome := outcome_word(text, begin, stop), tuple)
        ):
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
