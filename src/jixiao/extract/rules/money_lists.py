"""The lists of named amounts that split a funding total: 其中 / 包括 / 分别为 / 资金来源： / (…) after an amount.

    全年下达6332.35万元，其中中央专项资金5120万元，自治区专项资金810万元，本级财政配套资金402.35万元。
    项目资金1630万元。分别为：某县土壤污染防治专项资金900万元；某州环境监测经费180万元；…
    资金来源：中央补助687万元、省级补助215万元、县本级配套98万元，合计1000万元。

A list whose items all name a level of government (or a carry-over) gives the sources of the line it
splits; a list of other named parts gives spending items. Nothing else is read: a list of batches
(`2021年11月提前下达5,240万元、2022年12月下达1,310万元`), of project groups (`项目64个财政资金2716.45万元`),
of incomes and changes, a mixed list, or a list that splits an amount other than the line's total. A
list is read once (brackets and the 其中 inside them are one list), and two lists of the same parts (the
预期 list and the 完成 list) are one list of spending: the one of the money spent. Lists are found here and
attached to their lines in `list_splits`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.extract.rules.figures import amount_in_wan, money_at
from jixiao.model import Funding, FundSource, SpendingItem
from jixiao.scan import skipping
from jixiao.vocabulary import DUE_WORDS, FUNDING_VERBS, NOT_A_FUNDING_LINE, SUM_WORDS, source_of

# a bare 万 before a word is a count's (`3万人`), but not before the clause that goes on (`6.5万并且全部到位`)
AMOUNT_PATTERN = (
    r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:万元|亿元|千元|元|万(?!(?!并且|全部)[\u4e00-\u9fff]))(?![/每])"
)
# a name may hold a 、 between words (中央、省生态环境督察工作经费), never right after an amount's 元
_NAME_CHAR = r"(?:[^\d，,；;。:：、()（）\n]|(?<=[\u4e00-\u9fff])(?<!元)、(?=[\u4e00-\u9fff]))"
_AMOUNT = skipping(AMOUNT_PATTERN)  # what an item ends in, searched alone on the same stretch: none, no item
# Where an item may start: its name, the spaces and the sign after it are a run of these chars, which ends at
# the amount's first digit, at the bracket after the name or at a line break inside the spaces. The lookahead
# reads that run once (possessive, no backtracking) and refuses a start whose run is shorter than a name or
# ends in anything else (a comma, a full stop), before the name is tried at 40 lengths (the same matches).
_ITEM_RUN = r"(?=[^\d，,；;。:：()（）\n]{2,}+[\d(（\n])"
# `某河段治理工程(塘口段)监理费8.35万元`: a bracket inside the name (a place, a section) with words after it
_INNER_BRACKET = rf"(?:[（(][^)）\d，,；;。\n]{{1,12}}[)）]{_NAME_CHAR}{{2,20}}?)?"
_ITEM = re.compile(
    rf"{_ITEM_RUN}(?P<name>{_NAME_CHAR}{{2,40}}?{_INNER_BRACKET}(?:[（(][^)）]{{0,30}}[)）])?)\s*"
    rf"(?P<amount>{AMOUNT_PATTERN})"
)
_SHARE = re.compile(r"[，,]?\s*占[^\d，,；;。]{0,10}?(?P<share>\d+(?:\.\d+)?%)")
_STARTER = re.compile(r"其中|包括|分别为|分别是|具体为|具体是|资金来源|资金构成|(?<=[；;])用于")
_USES_AFTER = re.compile(r"[；;]\s*用于")  # `其中:中央A万元,省级B万元;用于C…`: the sources end, the uses begin
_AFTER_STARTER = re.compile(r"\s*[:：，,]?\s*")
_BRACKET_AFTER_AMOUNT = skipping(rf"{AMOUNT_PATTERN}\s*(?P<open>[（(])")
_OPENING = re.compile(r"[\s◇]*(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*)?")
_SUM = re.compile(rf"[，,]\s*(?:{SUM_WORDS})")
# `…其他资金712.3万元2023年支出1985.6万元，其中…`: a year's digits are no name, its 年 leads the next head
_VERB_FIRST = re.compile(r"^(?:年度?)?(?:全年|实际|累计|已|共|应)*(?:" + "|".join(FUNDING_VERBS.values()) + ")")
_SUM_FIRST = re.compile(r"^(?:共计|合计|总计)")
_DUE = re.compile(DUE_WORDS)
GIVEN_TO = re.compile(r"^(?:下达|分配|下拨)(?=[^\d]{2})")
_BATCH = re.compile(r"下达|拨付|到位|分配|下拨|提前|第[一二三四五六七八九十\d]+批|^[月日号]")
_NOT_A_PART = re.compile(NOT_A_FUNDING_LINE)
# `支持体育设施建设5万元`: the verb a use opens on is no part of its name
_NAME_NOISE = re.compile(
    r"^(?:其中|含|包括|分别为|分别是|安排|以及|和|及|支持|用于|[一二三四五六七八九十]是)+"
    r"|(?:合计|共计|共|为|约|计)+$"
)  # `其中:一是甲基金…;二是…`: the count of the list's items is no part of a name
_MEASURE = "个项家户名次批"  # `项目79个财政资金…`: the word after a count is no name
# `…，乡本级和8个村巡河值守经费12万元`: a count joined to a party the item names first is part of its name
_JOINED_COUNT = re.compile(r"[\s，,；;、:：]*(?P<head>[\u4e00-\u9fff]{1,10}?[和及与])\d{1,4}")
GENERIC_NAMES = {"财政资金", "资金", "专项资金", "项目资金", "补助资金", "预算资金", "项目"}
# what a source's name may hold besides its level: 中央补助资金, 本级财政配套资金, 中央补助飞行经费执行,
# 中央预算内基建投资
_MONEY_WORDS = re.compile(
    r"财政|补助|补贴|配套|专项|转移支付|直达|资金|经费|预算内|预算|基建|投资|拨款|衔接|一般公共|本级|级|执行|支出|下达|安排"
    r"|投入|合计|共计"
)
_MAX_SOURCE_RESIDUE = 4
_LEVEL_WORD = re.compile(
    r"上年结转|以前年度结转|上年结余|结转结余|中央|自治区|省级|省|盟市|市级|州级|市本级|市|州|旗县级?|县级|区级|县|区|旗"
    r"|其他|地方|本年|当年|单位自筹|自筹|社会"
)


@dataclass
class Item:
    name: str
    start: int  # the amount's span
    end: int
    share: tuple[int, int] | None = None


@dataclass
class MoneyList:
    start: int
    end: int
    items: list[Item]
    opens_sentence: bool
    line: str | None = None  # the funding line it splits, set by the sentence reader
    whole: tuple[int, int] | None = None  # the span of the total it splits, when stated in its sentence
    sum_after: bool = False  # `资金来源：…，合计1000万元`: the whole follows the list
    given_out: bool = False  # `下达各县…，安排本级…`: where the money went, parts whatever level they name
    names: set[str] = field(default_factory=set)
    cut: bool = False  # its sentence runs unclosed to the end of the text: items may be lost, no split read
    given_first: bool = False  # its first item opens with the verb that gave the money out (`其中下达各县…`)
    uses: bool = False  # the uses after a split's `；用于`: kept only when they make up the line's total


def _clean(name: str) -> str:
    return _NAME_NOISE.sub("", name.strip(" .．:：、◇\t").lstrip(")）")).strip(" .．:：、◇\t")


_USED_FOR_ITEM = re.compile(  # `安排252万元支持新建公租房`: 支持 says it as 用于 does
    rf"(?P<amount>{AMOUNT_PATTERN})\s*(?:用于|支持)(?P<name>[^\d，,；;。:：\n]{{2,40}})(?P<stop>[，,；;。]|$)"
)
_USED_FOR_GAP = re.compile(r"\s*(?:另有|另|安排)?")


def _amount_first_items(text: str, plain: str, start: int, end: int) -> tuple[list[Item], int]:
    """`其中：30万元用于预算编制；29.99万元用于设计`: items whose amount comes first, each `用于` its part;
    the list runs while item follows item, and ends at the first clause of another shape."""
    items: list[Item] = []
    at = start
    while (gap := _USED_FOR_GAP.match(plain, at, end)) and (item := _USED_FOR_ITEM.match(plain, gap.end(), end)):
        name = _clean(text[item.start("name") : item.end("name")])
        items.append(Item(name=name, start=item.start("amount"), end=item.end("amount")))
        at = item.end()
        if item["stop"] in ("。", ""):
            break
    return items, at


def items_in(text: str, plain: str, start: int, end: int) -> tuple[list[Item], int]:
    """The `name amount` items from `start`; the list ends at an item that is a new head (`全年执行…`)."""
    items: list[Item] = []
    if _AMOUNT.search(plain, start, end) is None:
        return items, end  # every item ends in an amount; the item scan costs ~1 ms per 1,000 chars without one
    if _USED_FOR_ITEM.match(plain, _USED_FOR_GAP.match(plain, start, end).end(), end):  # type: ignore[union-attr]
        return _amount_first_items(text, plain, start, end)
    inner_end = start  # `中央248万元(上年结转95万元，本年下达153万元)，省级…`: a bracket splits one item, a level below
    below: _Below | None = None  # `甲基金90万元,分别为A60万元、B30万元;乙…`: the parts of one item, a level below
    for match in _ITEM.finditer(plain, start, end):
        if match.start() < inner_end or (below is not None and below.takes(plain, match)):
            continue
        if items and _NEW_HEAD.search(plain, items[-1].end, match.start("name")):
            return items, items[-1].end  # `…10万元；2、某项目资金:…`: a new heading, the list is done
        if items and _USES_AFTER.match(plain, items[-1].end):
            return items, items[-1].end  # `…省级资金260万元;用于…`: a second list, where the whole went
        name = _clean(text[match.start("name") : match.end("name")])  # as printed, not as masked
        if match.start("name") > 0 and plain[match.start("name") - 1].isdigit() and name[:1] in _MEASURE:
            joined = _JOINED_COUNT.fullmatch(plain, items[-1].end if items else start, match.start("name"))
            name = text[joined.start("head") : match.start("name")] + name if joined else name[1:]
        verb = _VERB_FIRST.match(name)
        if verb and not items and level_of(name[verb.end() :]) and _MONEY_WORDS.search(name[verb.end() :]):
            name = name[verb.end() :]  # `…号)下达中央财政资金25.4万元，县财政资金…`: the money's source
        elif verb and not items and GIVEN_TO.match(name):
            pass  # `其中下达各县600万元、本级400万元`: where the money went (given_out_first)
        elif verb or _SUM_FIRST.match(name):  # `…，共计下达50.8万元`: the list's whole, after it
            return items, match.start()
        if items and _DUE.search(name):  # `…县级50万元;按合同应支付贴息260万元`: the next statement, no part
            return items, items[-1].end
        share = _SHARE.match(text, match.end(), end)
        items.append(Item(name=name, start=match.start("amount"), end=match.end("amount"),
                          share=share.span("share") if share else None))  # fmt: skip
        if bracket := _ITEM_BRACKET.match(plain, match.end(), end):
            inner_end = _close(plain, bracket.end(), end) + 1
        below = _Below.after(text, plain, match, end)
    return items, end


_ITEM_BRACKET = re.compile(r"[ \t]*[（(]")
_SUB_STARTER = re.compile(r"[ \t]*[，,][ \t]*(?:分别为|分别是|具体为|具体是|其中|包括)[ \t]*[:：]?")
_ITEMS_END = re.compile(r"[；;。\n]")


@dataclass
class _Below:
    """The parts an item's own `，分别为` list gives it: they run until they make up its amount (the item after is
    its list's next), or else to the `；` that ends the item."""

    value: float
    end: int  # the `；` (or the list's end) that ends the item
    summed: float = 0.0

    @classmethod
    def after(cls, text: str, plain: str, item: re.Match[str], end: int) -> _Below | None:
        opener = _SUB_STARTER.match(plain, item.end(), end)
        value = amount_in_wan(text[item.start("amount") : item.end("amount")])
        if opener is None or value is None:
            return None
        stop = _ITEMS_END.search(plain, opener.end(), end)
        return cls(value=value, end=stop.start() if stop else end)

    def takes(self, plain: str, match: re.Match[str]) -> bool:
        """Whether the item `match` is one of the parts (read, not listed)."""
        if match.start() >= self.end or about_equal(self.summed, self.value):
            return False
        self.summed += amount_in_wan(plain[match.start("amount") : match.end("amount")]) or 0.0
        return True


_SUM_AFTER = re.compile(rf"[，,]?\s*(?:{SUM_WORDS})")
_NEW_HEAD = re.compile(r"[:：]")  # between two items: a label of its own opens there


def sum_of(text: str, items: list[Item]) -> float | None:
    """The items' amounts added up in 万元, or None when one of them reads as no amount."""
    total = 0.0
    for item in items:
        value = amount_in_wan(text[item.start : item.end])
        if value is None:
            return None
        total += value
    return total


def about_equal(value: float, whole: float) -> bool:
    """Equal within rounding: half a percent of the whole (at least 0.005万元)."""
    return abs(value - whole) <= _TOLERANCE * max(abs(whole), 1)


_TOLERANCE = 0.005


def _without_restated_whole(text: str, items: list[Item]) -> list[Item]:
    """`其中中央25.4万元，县级25.4万元，2021年度中央下达资金50.8万元`: a last item that is the sum of the others
    restates the whole, it is no part."""
    if len(items) < _WITH_WHOLE:
        return items
    whole, last = sum_of(text, items[:-1]), sum_of(text, items[-1:])
    return items[:-1] if whole is not None and last is not None and about_equal(last, whole) else items


_WITH_WHOLE = 3


def _close(plain: str, start: int, end: int) -> int:
    depth = 1
    for at in range(start, end):
        if plain[at] in "（(":
            depth += 1
        elif plain[at] in ")）":
            depth -= 1
            if depth == 0:
                return at
    return end


_UNCLOSED_TAIL = re.compile(r"[^\d。；;！!)）\n]+")


def _cut_off(plain: str, money_list: MoneyList) -> bool:
    """A list whose last item is followed by words running unclosed to the end of the text was cut there
    (a truncated excerpt, `…村集体资金13万元、扣除群众`): items are lost, so it is no split of the total."""
    tail = plain.rstrip()[money_list.items[-1].end :]
    return bool(tail.strip(" ，,、")) and _UNCLOSED_TAIL.fullmatch(tail) is not None


_COUNT_FIRST = re.compile(r"\s*\d+[个项家户名次批]")
_OWN_VERB = re.compile(r"(?:资金)?(?:全部|已|均|已全部)?(?:支付|拨付|发放|兑付)到位")


def _counted_subset(plain: str, at: int, first: Item, end: int) -> bool:
    """The list opens on a count of units (`其中18家企业`) whose amount its own verb says was paid: a sentence
    about part of the units, not a list of the money's parts."""
    return _COUNT_FIRST.match(plain, at) is not None and _OWN_VERB.match(plain, first.end, end) is not None


def list_in(text: str, plain: str, start: int, end: int) -> list[MoneyList]:
    """The lists of the sentence text[start:end], in order, none read twice."""
    found: list[MoneyList] = []
    taken_until = start
    for bracket in _BRACKET_AFTER_AMOUNT.finditer(plain, start, end):
        inner = bracket.end("open")
        close = _close(plain, inner, end)
        items, _ = items_in(text, plain, inner, close)
        if items:
            found.append(MoneyList(start=inner, end=close, items=items, opens_sentence=False))
    brackets = len(found)
    for starter in _STARTER.finditer(plain, start, end):
        if starter.start() < taken_until or any(lst.start <= starter.start() < lst.end for lst in found):
            continue
        lead = _AFTER_STARTER.match(plain, starter.end())
        at = lead.end() if lead else starter.end()
        stop = _SUM.search(plain, at, end) if starter.group(0).startswith("资金") else None
        items, list_end = items_in(text, plain, at, stop.start() if stop else end)
        if items and _counted_subset(plain, at, items[0], end):
            continue  # `其中18家企业共计152万元资金全部支付到位，…`: what a count of them got, no split
        if items:
            opens = bool(_OPENING.fullmatch(plain, start, starter.start()))
            sum_after = stop is not None or _SUM_AFTER.match(plain, list_end) is not None
            given_first = GIVEN_TO.match(items[0].name) is not None
            found.append(MoneyList(at, list_end, _without_restated_whole(text, items), opens_sentence=opens,
                                   sum_after=sum_after, given_out=given_first, given_first=given_first,
                                   uses=starter.group(0) == "用于"))  # fmt: skip
            taken_until = list_end
    found = _without_item_brackets(found, brackets)
    for money_list in found:
        money_list.cut = _cut_off(plain, money_list)
    return sorted(found, key=lambda money_list: money_list.start)


def _without_item_brackets(found: list[MoneyList], brackets: int) -> list[MoneyList]:
    """The lists less the bracketed ones inside a 其中 list: each splits one of its items, a level below the line
    (`其中：中央248万元(上年结转95万元，本年下达153万元)，省级…`), no split of the line's total."""
    listed = found[brackets:]
    return [lst for lst in found[:brackets] if not any(o.start <= lst.start < o.end for o in listed)] + listed


def is_part(item: Item) -> bool:
    return not (
        _BATCH.search(item.name) or _NOT_A_PART.search(item.name) or item.name in GENERIC_NAMES or len(item.name) < 2
    )


def lists_parts(lists: list[MoneyList]) -> bool:
    """A list of named parts, none of them a level (`…专项资金共计260万元，其中：某站设备购置85.5万元；…`),
    splits the sentence's amount: the sentence states a whole, even when its fund's name opens on a level
    (`中央补助地方…专项资金`), not one source's row."""
    return any(
        len(found.items) >= MIN_PARTS and all(is_part(item) and level_of(item.name) is None for item in found.items)
        for found in lists
    )


def level_of(name: str) -> FundSource | None:
    """The level an item names when it is a source (`自治区专项资金`), not a part named after a level
    (`省生态环境督察工作经费`, `州级财政配套专项资金` is a source, `省级水利工程维修养护资金` a part)."""
    level = source_of(name)
    if level is None:
        return None
    return level if len(own_words(name)) <= _MAX_SOURCE_RESIDUE else None


def own_words(name: str) -> str:
    """What a money name says beyond its level and its money words: `中央水土保持补助资金` → 水土保持,
    `中央财政补助资金` → nothing."""
    body = re.sub(r"^(?:[（(]?[\d一二三四五六七八九十]+[、.．)）]\s*)?(?:其中|含)?[:：]?", "", name)
    residue = _MONEY_WORDS.sub("", body[_level_length(body) :])
    return re.sub(r"[（(][^)）]*[)）]", "", residue)


def _level_length(name: str) -> int:
    match = re.match(
        r"上年结转|以前年度结转|上年结余|结转结余|中央|自治区|省级|省|盟市|市级|州级|市本级|市|州|旗县级?|县级|区级|县|区|旗|其他|地方|本年|当年|单位自筹|自筹|社会",
        name,
    )
    return match.end() if match else 0


_QUOTED_PART = skipping(rf"“(?P<name>[^“”\n]{{4,60}})”\s*[（(](?P<amount>{AMOUNT_PATTERN})[)）]")
_QUOTED_CUES = ("”(", "”（")
_LINES = ("allocated", "budget", "executed")


def quoted_parts(text: str, end: int, funding: Funding) -> list[SpendingItem]:
    """Projects named in quotes, each with its money in brackets, across the batches of a line
    (`将该笔资金下拨至某旗，用于实施“某地块调查项目”(640万元)和“…”(535万元)`): spending, when together they
    make up a line's total (else they are some batch's projects, not the whole)."""
    if not any(text.find(cue, 0, end) >= 0 for cue in _QUOTED_CUES):
        return []
    parts = list(_QUOTED_PART.finditer(text, 0, end))
    values = [amount_in_wan(part["amount"]) for part in parts]
    if len(parts) < MIN_PARTS or any(value is None for value in values):
        return []
    whole = sum(value for value in values if value is not None)
    totals = [getattr(funding, line).total for line in _LINES]
    if not any(total is not None and total.value is not None and about_equal(whole, total.value) for total in totals):
        return []
    return [
        SpendingItem(category=part["name"], amount=money_at(text, *part.span("amount"), "narrative.quoted_parts"))
        for part in parts
    ]


MIN_PARTS = 2
