"""Named amounts that add up to a total stated beside them, with no 其中 or 分别为 to open the list.

    某局下达转移支付慈善项目40万元；困难救助项目12.5万元；公墓建设补助30万元。共计下达转移支付资金82.5万元。
    合计下达我区某补助资金5300万元。……下达各县某补助资金3900万元，安排本级部门预算资金1400万元。

Parts before their sum: three or more amounts, all the sentence has, each right after its own name, whose
sum the next amount states after 共计 / 合计 / 总计 (in the same sentence or the next), or the sentence's
last amount closes after a comma and 共 / 共计 / 合计 (`安排支出项目3个，即A…、B…、C…，共86万元`: the opening's
verb says the line, see funding._closing_whole).
Parts after their whole: two or more amounts, all the sentence has, each in a clause led by a verb that gives
the money out (下达 / 安排 / 拨付 / 分配 / 下拨 and where it goes), adding up to the total a line already has: where the
money went, not where it came from (`安排本级部门预算资金` names a destination, whatever level it names).
Spent parts after a whole: `累计支出A6.2万元，B4.35万元，C21.45万元` — the first clause led by a verb of spending
(支出 / 使用 / 开支), each later clause a bare name and its amount, adding up to the total a line already has:
what the money was spent on, and the first amount no executed total.
Sources before their sum: two or more amounts, each in a clause led by the level that gave it or by the
carry-over it is (`省级拨付我区…48万元，中央拨付14万元，上年度结余的资金5.32万元，共计67.32万元`), each level
once, that add up to the 共计 / 合计 closing the sentence: the line's total and its sources, the line said by
the clauses' verbs (none said, nothing read).
Batches of parts: `…5230万元，其中第一批资金3100万元，分别支持A项目1200万元、B项目1900万元；第二批资金2130万元，
分别支持…`: each batch's parts add up to the batch, the batches to the amount before them; the parts are the
spending (a project in two batches twice, as printed), the batches no split of their own.
Numbered parts after a whole: `…到位资金613万元，补助情况：(1)A经费和B经费分别为3万元和10万元。(2)C经费50万元。…`,
one or two named amounts per numbered item (`分别为` pairs names and amounts in order), the items numbered
from 1 without a gap, adding up to a line's total read before them.
Only the sum makes them parts: amounts that do not add up are batches, changes or figures of another kind,
and the sentence is left to the funding grammar.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from jixiao.extract.rules.figures import amount_in_wan
from jixiao.extract.rules.money_lists import AMOUNT_PATTERN, Item, MoneyList, about_equal, is_part, sum_of
from jixiao.model import FundSource
from jixiao.scan import skipping
from jixiao.vocabulary import FUNDING_VERBS, source_of

_AMOUNT = skipping(AMOUNT_PATTERN)
_CLAUSE_BREAKS = re.compile(r"[，,；;：:]")
_NAME_BREAKS = "，,；;。:：\n"
_WHOLE_AFTER = re.compile(rf"[\s。，,；;]*(?:共计|合计|总计)[^。\n\d]{{0,40}}?(?P<amount>{AMOUNT_PATTERN})")
# the list's last amount closing it as its sum: `…C10万元，共189万元` (a bare 共 too, right after the parts)
_CLOSING_SUM = re.compile(rf"[\s，,；;]*(?:共计|合计|总计|共)(?:为|是|计)?[ \t]*(?P<amount>{AMOUNT_PATTERN})")
_VERB = re.compile("|".join(FUNDING_VERBS.values()))
_GIVING = re.compile(r"\s*(?:下达|安排|拨付|分配|下拨)(?:到|至|给)?")
_LIST_OPENER = re.compile(r"^(?:即|分别为|分别是|包括)[:：]?")
_KIND_WORDS = re.compile(r"^(?:专项)?转移支付(?:资金|预算)?")
_MIN_BEFORE_SUM = 3
_MIN_AFTER_WHOLE = 2
_MAX_NAME = 40
MIN_AMOUNTS = min(_MIN_BEFORE_SUM, _MIN_AFTER_WHOLE)  # a sentence with fewer holds no parts either way


def _adds_up(text: str, items: list[Item], whole: float) -> bool:
    parts = sum_of(text, items)
    return parts is not None and about_equal(parts, whole)


def _name(raw: str) -> str:
    name = raw.strip(" \t、")
    if not 2 <= len(name) <= _MAX_NAME or any(char in _NAME_BREAKS or char.isdigit() for char in name):
        return ""
    return name


def amounts_in(plain: str, start: int, end: int) -> list[re.Match[str]]:
    """The amounts of plain[start:end], found once for both readings of a sentence. Every amount's unit holds
    元 or 万: a sentence with neither (most of a report's prose) is not scanned."""
    if plain.find("元", start, end) < 0 and plain.find("万", start, end) < 0:
        return []
    return list(_AMOUNT.finditer(plain, start, end))


def parts_before_sum(text: str, plain: str, start: int, amounts: list[re.Match[str]]) -> MoneyList | None:
    """`A40万元；B12.5万元；C30万元。共计下达…82.5万元`: the parts, with the span of their stated sum as the whole
    (the line is the sum's, which the caller reads in its clause); `amounts` are the sentence's (amounts_in)."""
    if len(amounts) < _MIN_BEFORE_SUM:
        return None
    whole = _WHOLE_AFTER.match(plain, amounts[-1].end())
    if whole is None and len(amounts) > _MIN_BEFORE_SUM:  # `…即A120万元、B59万元、C10万元，共189万元`
        whole = _CLOSING_SUM.fullmatch(plain, amounts[-2].end(), amounts[-1].end())
        amounts = amounts[:-1] if whole is not None else amounts
    if whole is None or (whole_value := amount_in_wan(whole["amount"])) is None:
        return None
    items: list[Item] = []
    boundary = start
    for index, amount in enumerate(amounts):
        raw = plain[boundary : amount.start()]
        if index == 0:  # `2024年度，某局下达转移支付慈善项目`: the name follows the verb and the money's kind
            raw = raw[max([0] + [found.end() for found in _CLAUSE_BREAKS.finditer(raw)]) :]
            verbs = list(_VERB.finditer(raw))
            raw = _KIND_WORDS.sub("", raw[verbs[-1].end() :].lstrip(" ◇")) if verbs else raw
        else:
            raw = raw.lstrip(" \t，,；;")
        raw = _LIST_OPENER.sub("", raw)  # `安排支出项目4个，即A120万元`: the word that opens the list
        name = _name(text[amount.start() - len(raw) : amount.start()])
        if not name:
            return None
        items.append(Item(name=name, start=amount.start(), end=amount.end()))
        boundary = amount.end()
    if not all(is_part(item) for item in items) or not _adds_up(text, items, whole_value):
        return None
    return MoneyList(start=items[0].start, end=items[-1].end, items=items, opens_sentence=False,
                     whole=whole.span("amount"), sum_after=True)  # fmt: skip


def parts_after_whole(
    text: str, plain: str, start: int, amounts: list[re.Match[str]], totals: dict[str, float]
) -> MoneyList | None:
    """`下达各县…3900万元，安排本级部门预算资金1400万元` under a stated 5300: where the line's money went
    (`amounts` are the sentence's, amounts_in)."""
    if len(amounts) < _MIN_AFTER_WHOLE or not totals:
        return None
    items: list[Item] = []
    for amount in amounts:
        clause_start = max([start] + [found.end() for found in _CLAUSE_BREAKS.finditer(plain, start, amount.start())])
        verb = _GIVING.match(plain, clause_start, amount.start())
        if verb is None:
            return None
        name = _name(text[verb.end() : amount.start()])
        if not name or any(item.end > clause_start for item in items):
            return None  # one amount to a clause, each with its own name
        items.append(Item(name=name, start=amount.start(), end=amount.end()))
    return _given_out(text, items, totals)


_SPENDING = re.compile(
    r"(?:(?:19|20)\d{2}年度?)?[^，,；;。\d]{0,12}?(?:累计|共|实际|已)?(?:支出|使用|开支)(?:了)?(?=[^，,；;。\d]{2})"
)


def spent_parts(
    text: str, plain: str, start: int, amounts: list[re.Match[str]], totals: dict[str, float]
) -> MoneyList | None:
    """`2030年累计支出A6.20万元，B4.35万元，C21.45万元` under a stated 32: the parts of a line's total, each
    clause one amount right after its name, the first name after a verb of spending and no other verb."""
    if not totals or (items := spent_items(text, plain, start, amounts)) is None:
        return None
    return _given_out(text, items, totals)


def spent_items(text: str, plain: str, start: int, amounts: list[re.Match[str]]) -> list[Item] | None:
    """The clauses of a sentence that lists what money was spent on (`累计支出A6.20万元，B4.35万元…`), each
    one amount right after its name, or None when the sentence is not such a list."""
    if len(amounts) < _MIN_AFTER_WHOLE:
        return None
    items: list[Item] = []
    for index, amount in enumerate(amounts):
        clause_start = max([start] + [found.end() for found in _CLAUSE_BREAKS.finditer(plain, start, amount.start())])
        if any(item.end > clause_start for item in items):
            return None  # one amount to a clause
        raw = plain[clause_start : amount.start()]
        if index == 0:
            verb = _SPENDING.match(raw)
            if verb is None:
                return None
            clause_start += verb.end()
            raw = raw[verb.end() :]
        if _VERB.search(raw):
            return None
        name = _name(text[clause_start : amount.start()])
        if not name:
            return None
        items.append(Item(name=name, start=amount.start(), end=amount.end()))
    return items


def _given_out(text: str, items: list[Item], totals: dict[str, float]) -> MoneyList | None:
    """The items as the parts a line's total was given out in: only when they add up to one and each is a part."""
    line = next((line for line, total in totals.items() if _adds_up(text, items, total)), None)
    if line is None or not all(is_part(item) for item in items):
        return None
    return MoneyList(start=items[0].start, end=items[-1].end, items=items, opens_sentence=False, line=line,
                     given_out=True)  # fmt: skip


# the level that gave a clause's money (`2023年度省级拨付…`, `…补贴中央年初下达…`) or the carry-over it is
_SOURCE_IN_CLAUSE = re.compile(
    r"(?P<level>中央|自治区|省级|省内|本省|省|市级|市本级|州级|县级|区级|旗级|本级|兵团)(?:财政)?(?:年初)?"
    r"(?=拨付|下达|下拨|安排|补助|补贴|配套|投入|资金)"
    r"|(?P<carry>(?:上年度?|以前年度|往年)[^，,。；;\d]{0,6}?(?:结余|结转)[^，,。；;\d]{0,4})"
)
_SOURCE_CLAUSE_BREAKS = re.compile(r"[，,；;、]|(?<!\d)\.(?!\d)")
_SUM_WORD = re.compile(r"共计|合计|总计")
_MIN_SOURCES = 2


@dataclass
class SummedSources:
    line: str
    whole: tuple[int, int]  # the span of the stated sum (the sentence reads on after it)
    rows: list[tuple[FundSource, str, tuple[int, int]]]  # source, name as printed, span of its amount


def _source_in(text: str, plain: str, start: int, end: int) -> tuple[FundSource, str] | None:
    """The one source a clause names (its level or its carry-over), with its words as printed."""
    named = set()
    for match in _SOURCE_IN_CLAUSE.finditer(plain, start, end):
        group = "level" if match["level"] else "carry"
        source = source_of(match[group])
        if source is None:
            return None
        named.add((source, text[match.start(group) : match.end(group)].strip()))
    return named.pop() if len(named) == 1 else None


def sources_before_sum(
    text: str, plain: str, start: int, end: int, line_in: Callable[[str], str | None]
) -> SummedSources | None:
    """`省级拨付我区…48万元，中央拨付14万元，上年度结余的资金5.32万元，共计67.32万元`: the clauses from the
    sentence's start each hold one amount and name one source, each source once, and the next amount's
    clause sums them (`共计`, `年初预算合计`). The sum's own words say the line (`年初预算合计` the initial
    budget); bare `共计` takes the parts' verbs (`拨付我区`: allocated)."""
    rows: list[tuple[FundSource, str, tuple[int, int]]] = []
    clause_start = start
    for amount in _AMOUNT.finditer(plain, start, end):
        values = [amount_in_wan(text[slice(*span)]) for _, _, span in rows]
        total = amount_in_wan(amount.group(0))
        summed = len(rows) >= _MIN_SOURCES and _SUM_WORD.search(plain, clause_start, amount.start())
        if summed and total is not None and None not in values:
            if not about_equal(sum(value for value in values if value is not None), total):
                return None
            words = _SUM_WORD.sub("", plain[clause_start : amount.start()])
            line = line_in(words) or line_in(plain[start:clause_start])
            return SummedSources(line=line, whole=amount.span(), rows=rows) if line else None
        source = _source_in(text, plain, clause_start, amount.start())
        if source is None or any(row[0] is source[0] for row in rows):
            return None  # a clause that names no one source, or a level twice (batches)
        rows.append((*source, amount.span()))
        following = _SOURCE_CLAUSE_BREAKS.search(plain, amount.end(), end)
        if following is None:
            return None
        clause_start = following.end()
    return None


_BATCH_HEAD = skipping(
    rf"第[一二三四五六七八九十\d]{{1,2}}批(?:资金|次)?[^，,；;。\d]{{0,10}}?(?P<amount>{AMOUNT_PATTERN})"
    r"[，,：:\s]*(?:分别)?(?:支持|用于|安排|下达|拨付|下拨|为)?[：:\s]*"
)
_PART_BREAKS = re.compile(r"[、，,；;]")
_MAX_PROJECT = 60
_MIN_BATCHES = 2


def _batch_parts(text: str, plain: str, start: int, end: int) -> list[Item] | None:
    """The `name amount` parts of text[start:end], every piece one (separators at its ends left out)."""
    items: list[Item] = []
    position = start
    while end > start and plain[end - 1] in " \t。；;，,、":
        end -= 1
    for brk in [*_PART_BREAKS.finditer(plain, start, end), None]:
        stop = brk.start() if brk else end
        while stop > position and plain[stop - 1] in " \t。；;":
            stop -= 1
        amounts = list(_AMOUNT.finditer(plain, position, stop))
        if len(amounts) != 1 or amounts[0].end() != stop:
            return None
        name = text[position : amounts[0].start()].strip()
        if not 2 <= len(name) <= _MAX_PROJECT or any(char in "\n:：" for char in name):
            return None
        items.append(Item(name=name, start=amounts[0].start(), end=amounts[0].end()))
        position = brk.end() if brk else end
    return items


def batched_parts(text: str, plain: str, start: int, end: int) -> MoneyList | None:
    """`…5230万元其中第一批资金3100万元,分别支持A1200万元、B1900万元;第二批资金2130万元,分别支持…`: the parts
    of every batch as one list, when each batch adds up and the batches make up the amount before them."""
    if plain.find("批", start, end) < 0:
        return None
    heads = list(_BATCH_HEAD.finditer(plain, start, end))
    if len(heads) < _MIN_BATCHES:
        return None
    before = list(_AMOUNT.finditer(plain, start, heads[0].start()))
    whole = amount_in_wan(before[-1].group(0)) if before else None
    if whole is None:
        return None
    items: list[Item] = []
    batches: list[float] = []
    for index, head in enumerate(heads):
        stop = heads[index + 1].start() if index + 1 < len(heads) else end
        parts = _batch_parts(text, plain, head.end(), stop)
        batch = amount_in_wan(head["amount"])
        if not parts or batch is None or not _adds_up(text, parts, batch):
            return None
        items += parts
        batches.append(batch)
    if not about_equal(sum(batches), whole) or not all(is_part(item) for item in items):
        return None
    return MoneyList(start=heads[0].start(), end=items[-1].end, items=items, opens_sentence=False,
                     whole=before[-1].span(), given_out=True)  # fmt: skip


_ENUMERATOR = re.compile(r"[ \t]*(?:[（(](?P<bracketed>\d{1,2})[)）]|(?<![\d.])(?P<dotted>\d{1,2})[、．.](?!\d))[ \t]*")
_RESPECTIVELY = re.compile(
    rf"(?P<first>[^，,；;。\d]{{2,40}}?)(?:和|及|与|、)(?P<second>[^，,；;。\d]{{2,40}}?)[，,]?\s*分别(?:为|是)\s*"
    rf"(?P<one>{AMOUNT_PATTERN})\s*(?:和|及|与|、)\s*(?P<two>{AMOUNT_PATTERN})"
)
_ITEM_END = re.compile(r"[。；;\n]")
_MIN_NUMBERED = 3


def _numbered_item(text: str, plain: str, start: int, end: int) -> list[Item] | None:
    """The one `name amount` (or the `A和B分别为X和Y` pair) that text[start:end] is."""
    while end > start and plain[end - 1] in " \t，,":
        end -= 1
    pair = _RESPECTIVELY.fullmatch(plain, start, end)
    if pair is not None:
        return [
            Item(name=text[slice(*pair.span(name))].strip(), start=pair.start(amount), end=pair.end(amount))
            for name, amount in (("first", "one"), ("second", "two"))
        ]
    amounts = list(_AMOUNT.finditer(plain, start, end))
    if len(amounts) != 1 or amounts[0].end() != end:
        return None
    name = _name(text[start : amounts[0].start()])
    return [Item(name=name, start=amounts[0].start(), end=amounts[0].end())] if name else None


def numbered_parts(
    text: str, plain: str, start: int, limit: int, totals: dict[str, tuple[float, tuple[int, int]]]
) -> MoneyList | None:
    """`(1)A经费和B经费分别为3万元和10万元。(2)C经费50万元。…` from `start`: the parts of the line whose total
    they make up, or None. The list ends at the first sentence that is not its next numbered item."""
    first = _ENUMERATOR.search(plain, start, min(limit, start + _MAX_NAME))
    if first is None or (first["bracketed"] or first["dotted"]) != "1" or not totals:
        return None
    items: list[Item] = []
    number = 1
    at_next: re.Match[str] | None = first
    while (at := at_next) is not None and int(at["bracketed"] or at["dotted"]) == number:
        stop = _ITEM_END.search(plain, at.end(), limit)
        stop_at = stop.start() if stop else limit
        found = _numbered_item(text, plain, at.end(), stop_at)
        if found is None:
            return None
        items += found
        number += 1
        at_next = _ENUMERATOR.match(plain, stop_at + 1, limit) if stop else None
    if number - 1 < _MIN_NUMBERED or not all(is_part(item) for item in items):
        return None
    line = next((line for line, (total, _) in totals.items() if _adds_up(text, items, total)), None)
    if line is None:
        return None
    return MoneyList(start=items[0].start, end=items[-1].end, items=items, opens_sentence=False, line=line,
                     whole=totals[line][1], given_out=True)  # fmt: skip


__all__ = [
    "MIN_AMOUNTS",
    "SummedSources",
    "amounts_in",
    "batched_parts",
    "numbered_parts",
    "parts_after_whole",
    "parts_before_sum",
    "sources_before_sum",
    "spent_items",
    "spent_parts",
]
