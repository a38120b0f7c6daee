"""The clause grammar shared by every narrative indicator layout.

    NAME [TARGET-MARKER] TARGET  ，[YEAR年][全年]实际完成[值][为] ACTUAL  [，完成年度预期目标的 PCT]

`ClauseReader` reads such clauses at a cursor and appends Indicators; the callers in indicators.py
decide where clauses are (enumerated items, run-on paragraphs, loose sentences).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.extract.rules.figures import SEPARATORS, WEIGHT_SCORE, figure_at, terminal_quantities
from jixiao.model import Figure, Indicator, NamedFigure
from jixiao.numbers import QUANTITY
from jixiao.scan import matches, skipping, spans_of

# The one section-number pattern: `三、` (or `三.`), `(二)` / `(2)`, `2.` / `2、`; an Arabic number with a digit
# after its mark is an amount (`2.5万元`), never a number. cut_end.py and scored_items.py keep narrower forms of
# their own (see there): a last line's bounded count, one level of a score sheet.
_CJK_NUMERAL = "一二三四五六七八九十"
_ARABIC_NUMBER = r"\d+[.．、](?!\d)"
SECTION_NUMBER = rf"(?:[{_CJK_NUMERAL}]+[、.．]|[（(][{_CJK_NUMERAL}\d]+[)）]|{_ARABIC_NUMBER})"
# an enumerated item opens with an Arabic number only: `三、` and `(二)` open sections, not items
ITEM_START = re.compile(rf"(?m)^[ \t]*(?:[（(]\d+[)）]|{_ARABIC_NUMBER})[ \t]*")
_PROGRAM_PREFIX = re.compile(r"[^\d，,；;。：:\s]{2,40}?(?:资金|经费)[，,]")
# spaces only after a mark: `[，,]?[ \t]*` would rescan every run of spaces once per start (N²); the markers are
# scanned over whole passages: compiled to skip the chars none of them starts with
ACTUAL = skipping(
    r"(?:[，,；;][ \t]*)?(?:(?:19|20)\d{2}年)?(?:全年)?"
    r"实际(?P<verb>完成值|完成情况|完成|达到|未完成|值|为|是)(?:为|是|[：:])?"
    # bare `，完成5120人次` counts only after a target marker (see ClauseReader.accepts)
    r"|[，,；;][ \t]*(?P<bare>完成|达到)(?:值)?(?:为)?(?=[-\d≥≤<>=一二三四五六七八九十两]|长期)"
    # `，全年完成值86240人` / `，实际布设4台` / `，实际运行时长612.40小时`
    r"|[，,；;][ \t]*(?:(?:19|20)\d{2}年)?(?:全年|年度|年末)完成值?(?:为|是|[：:])?"
    r"|[，,；;][ \t]*实际(?P<did>[\u4e00-\u9fff]{1,6}?)(?=[-\d≥≤<>])"
    # `档案信息填写完整率96%，实际100%`: the actual right after 实际, no verb between
    r"|[，,；;][ \t]*实际[：:]?(?=\d)"
)
ACTUAL_SPANS = spans_of(ACTUAL)  # where the markers stand, found faster (jixiao.scan.matches)
LEVEL1_OF = {
    "数量指标": "产出指标", "质量指标": "产出指标", "时效指标": "产出指标", "成本指标": "产出指标",
    "实效指标": "产出指标",  # 时效 misprinted
    "经济成本指标": "成本指标", "社会成本指标": "成本指标", "生态环境成本指标": "成本指标",  # 2021: 成本 a first level
    "经济效益指标": "效益指标", "社会效益指标": "效益指标", "生态效益指标": "效益指标",
    "可持续影响指标": "效益指标", "服务对象满意度指标": "满意度指标", "满意度指标": "满意度指标",
}  # fmt: skip
# `质量指标“培训后取证率”目标值≥80%`: a second-level name opening a clause switches the level
_LEVEL2_PREFIX = re.compile(
    r"(?:其中|[一二三四五六七八九十]是|其[一二三四五六七八九十]|第[一二三四五六七八九十])?[，,、]?(?P<level2>服务对象满意度|数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|满意度)指标"
    r"(?!值|名称)(?:方面|中)?[：:，,]?"  # `服务对象满意度指标值为≥90%` names the indicator, not a level
)
TARGET_MARKER = skipping(
    r"(?:年初|年度)?(?:预期)?(?:目标)?指标值(?:为|是)?|(?:年初|年度|初|绩效)?目标值(?:为|是)?|年度目标(?:任务)?(?:为)?|计划(?:数|值)?为"
    r"|(?:年初|年度|全年)?(?:任务|目标)数(?:为|是)?"
    r"|(?:年度)?目标(?:任务)?(?:为|是)?(?=[-\d≥≤<>=])"
    r"|(?<![级性])指标(?:为|是)(?=[-\d≥≤<>=])"  # `补贴每月月底发放指标为100%`
)
_EQUALS_TARGET = re.compile(r"等于(?:年度)?(?:目标)?(?:指标)?值?")
_COMPLETION = re.compile(
    r"(?:[，,][ \t]*)?(?:目标)?完成(?:年度预期目标|年度目标|预期目标|目标任务|率)(?:的|为)?(?=[\d-])"
)
_TEXT_ACTUAL = re.compile(r"(?:[，,][ \t]*)?完成年度预期目标(?=[^\d的，,；;。\s])")
_REASON_CUES = re.compile(r"因|由于|原因|未|减少|下调|预计|不足|推迟|延迟|受")
_REASON_START = re.compile(r"(?:主要)?(?:因|由于|原因|受)")
_GLUED_PERCENT = re.compile(r"(?P<percent>[≥≤<>=]?\d+(?:\.\d+)?%)(?=[\u4e00-\u9fff])")
_YEAR_LEAD = re.compile(r"(?:19|20)\d{2}年度?[，,][ \t]*")
_BREAKDOWN = re.compile(r"其中[，,：:]?")
_DIGIT = re.compile(r"\d")
_GLUED_CLAUSES = re.compile(r"实际|/\d")  # an actual's label holding another actual marker or a rate's term
_RANGE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?%?[-~～]\d+(?:\.\d+)?%?$")  # `0.6-0.8`, `80%-90%`
# `…，实际完成值≥90%，自评得分20分；`: the line's score, no weight printed (a score needs its 分)
_SCORE_ONLY = re.compile(r"[，,；;]\s*(?:自评|实际)?得分(?:为|是)?(?P<score>\d+(?:\.\d+)?分)")


@dataclass
class Cursor:
    """Where the clause reader stands, and the program the next indicators belong to."""

    pos: int
    program: str | None


def skip(text: str, pos: int, end: int, chars: str = SEPARATORS + " \t") -> int:
    while pos < end and text[pos] in chars:
        pos += 1
    return pos


# what stands around an indicator's noun phrase in prose: `2023年，我校…`, `…到位率为`, `…满意度大于`
_NAME_LEAD = re.compile(
    r"^(?:第[一二三四五六七八九十]+[，,、]?\s*|其[一二三四五六七八九十][，,、]?\s*)?"
    r"(?:(?:19|20)\d{2}年度?(?:[，,]\s*|(?=我|全|本)))?(?:我校|我县|我市|我区|我旗|我镇|我乡|我局|我单位|全县|全市|全区|全旗|全镇|全乡|本县|本市|该项目|本项目)?"
    r"(?:(?<=[校县市区旗镇乡局位])(?:19|20)\d{2}年度?)?"
)
# a verb before the figure, or the target's label the name runs into (`质量指标:某达标率年度指标10`)
_NAME_TAIL = re.compile(r"(?:为|是|大于|高于|达到|达|不低于|不少于|低于|小于|[，,]?年度(?:指标|目标)值?)$")


def clean_name(name: str) -> str:
    name = ITEM_START.sub("", name)
    name = name.strip(SEPARATORS + " \t（(“”\"「」‘’'").strip()
    return _NAME_TAIL.sub("", _NAME_LEAD.sub("", name)).strip()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in SEPARATORS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in SEPARATORS or text[end - 1].isspace()):
        end -= 1
    return start, end


class ClauseReader:
    def __init__(self, text: str, level1: str | None, level2: str | None) -> None:
        self.text = text
        self.level1 = level1
        self.level2 = level2
        self.found_by = "narrative"
        self.indicators: list[Indicator] = []

    def add(
        self, program: str | None, name: str, target: Figure | None = None, actual: Figure | None = None
    ) -> Indicator:
        indicator = Indicator(
            program=program, level1=self.level1, level2=self.level2, name=name, target=target, actual=actual
        )
        self.indicators.append(indicator)
        return indicator

    def accepts(self, marker: re.Match[str], start: int) -> bool:
        """A bare `完成` marks an actual only when a target marker stands between `start` and it."""
        return not marker["bare"] or TARGET_MARKER.search(self.text, start, marker.start()) is not None

    def _level_prefix(self, cursor: Cursor, end: int) -> None:
        match = _LEVEL2_PREFIX.match(self.text, skip(self.text, cursor.pos, end), end)
        if match and match.end() < end:
            level2 = match["level2"] + "指标"
            self.level2 = "服务对象满意度指标" if level2 == "满意度指标" else level2
            self.level1 = LEVEL1_OF[self.level2]
            cursor.pos = match.end()

    def _program_prefix(self, cursor: Cursor, end: int) -> None:
        cursor.pos = skip(self.text, cursor.pos, end)
        year = _YEAR_LEAD.match(self.text, cursor.pos, end)  # `2023年，我校享受补助学生940人次`: no value
        if year:
            cursor.pos = year.end()
        match = _PROGRAM_PREFIX.match(self.text, cursor.pos, end)
        if match and not QUANTITY.search(match.group(0)):
            cursor.program = match.group(0)[:-1]
            cursor.pos = skip(self.text, match.end(), end)

    def _value(self, start: int, end: int) -> Figure | None:
        start, end = _trim(self.text, start, end)
        return figure_at(self.text, start, end, self.found_by) if end > start else None

    def _targets(self, start: int, end: int) -> tuple[str, list[tuple[str, Figure]]]:
        """Split a `NAME [marker] TARGET` part into the name and its labelled target figures."""
        marker = TARGET_MARKER.search(self.text, start, end)
        if marker:
            values = terminal_quantities(self.text, marker.end(), end)
            if not values:
                value = self._value(marker.end(), end)
                return clean_name(self.text[start : marker.start()]), [("", value)] if value else []
            name_end = marker.start()
        else:
            values = terminal_quantities(self.text, start, end)
            if not values:
                return self._range_target(start, end)
            name_end = values[0].start()
        labelled: list[tuple[str, Figure]] = []
        previous: int | None = None
        for match in values:
            label = "" if previous is None else self.text[previous : match.start()].strip(SEPARATORS + " ")
            labelled.append((label, figure_at(self.text, *match.span(), self.found_by)))
            previous = match.end()
        return clean_name(self.text[start:name_end]), labelled

    def _range_target(self, start: int, end: int) -> tuple[str, list[tuple[str, Figure]]]:
        """`复诊转诊比0.3-0.5`: a range glued to its name is the target, printed as it stands."""
        start, end = _trim(self.text, start, end)
        match = _RANGE.search(self.text, start, end)
        if match is None or match.start() == start:
            return clean_name(self.text[start:end]), []
        return clean_name(self.text[start : match.start()]), [("", figure_at(self.text, *match.span(), self.found_by))]

    def _actuals(self, start: int, end: int, count: int) -> tuple[list[tuple[str, Figure]], int]:
        """Read `count` labelled actual values after an actual marker; return them and where they end."""
        found, pos = [], start
        for _ in range(max(count, 1)):
            stop = pos
            while stop < end and self.text[stop] not in SEPARATORS:
                stop += 1
            glued = _GLUED_PERCENT.match(self.text, pos, stop)
            if glued:  # `…实际完成值为100%义务兵优待金每年3月、9月份发放…`: the next clause lost its comma
                stop = glued.end("percent")
            match = next((m for m in QUANTITY.finditer(self.text, pos, stop) if m.end() == stop), None)
            if match and match.end() > match.start():
                label = self.text[pos : match.start()].strip()
                if _GLUED_CLAUSES.search(label):  # `实际完成420.5/10某病种…实际完成…完成率100%`: another's value
                    break
                found.append((label, figure_at(self.text, *match.span(), self.found_by)))
            elif stop > pos:
                found.append(("", figure_at(self.text, pos, stop, self.found_by)))
            pos = skip(self.text, stop, end, "，,、 ")
            if pos >= end or self.text[stop : stop + 1] in ("；", ";", "。"):
                break
        return found, stop

    def clause(self, cursor: Cursor, marker: re.Match[str], end: int) -> Indicator | None:
        """One `NAME TARGET，实际完成 ACTUAL` clause ending at `marker`; advance the cursor past it. A name
        never runs over a full stop: the clause starts after the last one before its marker."""
        cursor.pos = max(cursor.pos, self.text.rfind("。", cursor.pos, marker.start()) + 1)
        self._level_prefix(cursor, marker.start())
        self._program_prefix(cursor, marker.start())
        name, targets = self._targets(cursor.pos, marker.start())
        if marker["verb"] == "未完成":
            actuals = [("", figure_at(self.text, marker.end() - 3, marker.end(), self.found_by))]
            stop = marker.end()
        else:
            actuals, stop = self._actuals(marker.end(), end, len(targets))
        if not targets and actuals and actuals[0][1].kind == "text":
            targets = self._text_target(name, cursor.pos, marker.start(), actuals[0][1].text)
            name = clean_name(name[: len(name) - len(actuals[0][1].text)]) if targets else name
        first = self._emit(cursor.program, name, targets, actuals)
        cursor.pos = stop
        completion = _COMPLETION.match(self.text, stop, end)
        if completion and first is not None:
            value = QUANTITY.match(self.text, completion.end(), end)
            if value:
                first.completion = figure_at(self.text, *value.span(), self.found_by)
                cursor.pos = value.end()
        points = WEIGHT_SCORE.match(self.text, cursor.pos, end)
        if points and first is not None:
            first.weight = figure_at(self.text, *points.span("weight"), self.found_by)
            first.score = figure_at(self.text, *points.span("score"), self.found_by)
            cursor.pos = points.end()
        elif first is not None and (score := _SCORE_ONLY.match(self.text, cursor.pos, end)):
            first.score = figure_at(self.text, *score.span("score"), self.found_by)
            cursor.pos = score.end()
        return first

    def _text_target(self, name: str, start: int, end: int, actual_text: str) -> list[tuple[str, Figure]]:
        """`项目持续发挥作用期限长期，实际完成值长期`: a text target glued to its name."""
        start, end = _trim(self.text, start, end)
        if self.text[start:end].endswith(actual_text) and end - start > len(actual_text):
            return [("", figure_at(self.text, end - len(actual_text), end, self.found_by))]
        return []

    def _emit(
        self, program: str | None, name: str, targets: list[tuple[str, Figure]], actuals: list[tuple[str, Figure]]
    ) -> Indicator | None:
        if not name:
            return None
        if len(targets) > 1 and len(targets) == len(actuals):
            labels = [
                actual_label or target_label
                for (target_label, _), (actual_label, _) in zip(targets, actuals, strict=True)
            ]
            if labels[0] and name.endswith(labels[0]):
                name = name[: -len(labels[0])]
            first = None
            for index, ((_, target), (_, actual)) in enumerate(zip(targets, actuals, strict=True)):
                part = f"{name}（{labels[index] or index + 1}）"
                indicator = self.add(program, part, target=target, actual=actual)
                first = first or indicator
            return first
        return self.add(
            program, name, target=targets[-1][1] if targets else None, actual=actuals[0][1] if actuals else None
        )

    def targets_only(self, cursor: Cursor, end: int, marked_only: bool = False) -> None:
        """Clauses left after the last actual marker: `每年计划招募人数32人，每年招募人员体检32人。`;
        with `marked_only`, only those that mark their target (`…年初指标值为2023年12月底`)."""
        while cursor.pos < end:
            self._program_prefix(cursor, end)
            stop = self._joined_stop(cursor.pos, end)
            marked = TARGET_MARKER.search(self.text, cursor.pos, stop) is not None
            name, targets = self._targets(cursor.pos, stop)
            if name and targets and (marked or not marked_only):
                self.add(cursor.program, name, target=targets[-1][1])
            cursor.pos = stop + 1

    def _joined_stop(self, start: int, end: int) -> int:
        """Where the clause from `start` ends: at the next separator, or past the 、 of a name of joined words
        (`发放省、市、县补助资金目标值50万元`) when only the last part marks a figure and the others hold none."""
        stop = start
        while stop < end and self.text[stop] not in SEPARATORS:
            stop += 1
        if self.text[stop : stop + 1] != "、":
            return stop
        wide = stop
        while wide < end and (self.text[wide] == "、" or self.text[wide] not in SEPARATORS):
            wide += 1
        marker = TARGET_MARKER.search(self.text, start, wide)
        if marker is None or _DIGIT.search(self.text, start, marker.start()):
            return stop
        return wide

    def item(self, cursor: Cursor, start: int, end: int) -> None:
        """One enumerated `(n)` item: clauses, then completion, 其中 breakdown and deviation reason."""
        cursor.pos = start
        markers = [m for m in matches(ACTUAL, ACTUAL_SPANS, self.text, start, end) if self.accepts(m, start)]
        first = None
        for marker in markers[:1]:
            first = self.clause(cursor, marker, end)
        if not markers:
            first = self._item_without_actual(cursor, start, end)
        if first is not None:
            self._tail(first, cursor.pos, end)

    def _item_without_actual(self, cursor: Cursor, start: int, end: int) -> Indicator | None:
        equals = _EQUALS_TARGET.search(self.text, start, end)
        if equals:  # 资金在规定时间内下达率 … 等于年度目标指标值100%
            value = QUANTITY.match(self.text, equals.end(), end)
            line_end = self.text.find("\n", start, end)
            if value:
                figure = figure_at(self.text, *value.span(), self.found_by)
                name = clean_name(self.text[start : line_end if line_end > 0 else equals.start()])
                cursor.pos = value.end()
                return self.add(cursor.program, name, target=figure, actual=figure.model_copy())
        stop = _COMPLETION.search(self.text, start, end) or _TEXT_ACTUAL.search(self.text, start, end)
        part_end = stop.start() if stop else end
        name, targets = self._targets(start, part_end)
        if not name:
            return None
        indicator = self.add(cursor.program, name, target=targets[-1][1] if targets else None)
        cursor.pos = part_end
        if stop and stop.re is _TEXT_ACTUAL:
            stop_at = stop.end()
            while stop_at < end and self.text[stop_at] not in SEPARATORS:
                stop_at += 1
            indicator.actual = self._value(stop.end(), stop_at)
            cursor.pos = stop_at
        elif stop:
            value = QUANTITY.match(self.text, stop.end(), end)
            if value:
                indicator.completion = figure_at(self.text, *value.span(), self.found_by)
                cursor.pos = value.end()
        return indicator

    def reason_after(self, indicator: Indicator | None, cursor: Cursor, end: int) -> None:
        """`…，全年实际完成值77人次，因一家托养机构停业整改，未完成年度目标。`: the clauses after an unmet
        actual, up to the sentence's end, that give a cause are its deviation reason."""
        if indicator is None or indicator.deviation_reason:
            return
        start = skip(self.text, cursor.pos, end, "，, \t")
        stop = end  # the first sentence end: each search stops where the one before found one (no rescans)
        for char in "。；;":
            found = self.text.find(char, start, stop)
            stop = found if found >= 0 else stop
        remainder = self.text[start:stop].strip()
        if remainder and _REASON_START.match(remainder) and not ACTUAL.search(self.text, start, stop):
            indicator.deviation_reason = remainder
            cursor.pos = stop

    def _tail(self, indicator: Indicator, start: int, end: int) -> None:
        start, end = _trim(self.text, start, end)
        if start >= end:
            return
        breakdown = _BREAKDOWN.match(self.text, start, end)
        if breakdown:
            for match in terminal_quantities(self.text, breakdown.end(), end):
                label_start = max(self.text.rfind(sep, breakdown.end(), match.start()) for sep in "，,、；;")
                label = self.text[max(label_start + 1, breakdown.end()) : match.start()].strip()
                figure = figure_at(self.text, *match.span(), self.found_by)
                indicator.breakdown.append(NamedFigure(name=label, figure=figure))
            return
        remainder = self.text[start:end].strip()
        if _REASON_CUES.search(remainder):
            indicator.deviation_reason = remainder


def enumerated(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of text[start:end] parted by 、 (the marks left out); the whole span when there is none."""
    cuts = [at for at in range(start, end) if text[at] == "、"]
    bounds = [start, *(bound for at in cuts for bound in (at, at + 1)), end]
    return list(zip(bounds[::2], bounds[1::2], strict=True))
