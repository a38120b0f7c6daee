"""A funding line's sources from sentences that name who gave the money, not from a list.

    中央财政资金预算400万元，执行380.5万元；地方财政资金预算112.4万元，执行100万元。
    2023年省级下拨某补助资金30万元；市级下拨某补助资金12万元。

A sentence about one source (its subject a source of money, `中央财政资金`) gives a row of that source for
each line it states; clauses that each open with the level that gave the money (`省级下拨…`) give a row per
level. Precision first: rows of sentences about one source stand only when together they make up the line's
total (one source's money alone is no split); level rows only for a line with no other split, each level
once, adding up to the line's total when one is stated.
The sentence reader (`funding`) calls these as it goes and once at the end.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.amount_clauses import LINES, MONEY_NOUN, SUM_TOLERANCE, VERB, Amount, clause_start, totals_of
from jixiao.extract.rules.figures import money_at
from jixiao.extract.rules.funding_reading import Offer, Reading
from jixiao.extract.rules.money_lists import MoneyList, level_of, lists_parts, own_words
from jixiao.extract.rules.project_parts import project_item
from jixiao.model import Funding, FundingLine, FundSource, SourceAmount, value_of
from jixiao.vocabulary import FUNDING_VERBS, source_of

_SOURCE_SUBJECT = re.compile(r"^\s*(?:\d{4}年度?)?[，,]?\s*")
_SUBJECT_ROW = "narrative.source_sentence"


def drop_partial_subject_rows(funding: Funding) -> None:
    """Rows from sentences about one source stand only when together they make up the line's total
    (`中央…预算400万元…地方…预算112.4万元` under 512.4): one source's money alone is no split, but it is the
    line's total when the report states no other."""
    for line in ("initial", "budget", "allocated", "executed"):
        block: FundingLine = getattr(funding, line)
        rows = [row for row in block.by_source if row.amount.found_by == _SUBJECT_ROW]
        if not rows:
            continue
        total = value_of(block.total)
        parts = sum(row.amount.value or 0 for row in rows)
        if len(rows) < 2 or total is None or abs(parts - total) > SUM_TOLERANCE * max(abs(total), 1):
            block.by_source = [row for row in block.by_source if row.amount.found_by != _SUBJECT_ROW]
            if total is None and len(rows) == 1:  # `中央财政某补助资金下达我区64万元…` and no other total
                block.total = rows[0].amount.model_copy(update={"found_by": "narrative.funding"})


def subject_source(plain: str, start: int, amounts: list[Amount], lists: list[MoneyList]) -> object | None:
    """The source a sentence is about (`中央财政资金预算400万元，执行380.5万元`), or None: not a fund named after
    the level that pays it (`中央补助地方某某专项资金共计X，其中：A…；B…`, `中央某某补助资金共计X，其中：A…；B…`:
    its name says more than a level's money, however few chars), whose parts a list names."""
    lines = [amount for amount in amounts if amount.line]
    if not lines:
        return None
    first_verb = min(  # each verb's first match (search), not all of them: the earliest is what counts
        (found.start() for line in LINES if (found := VERB[line].search(plain, start, lines[0].start)) is not None),
        default=lines[0].start,
    )
    subject = _SOURCE_SUBJECT.sub("", plain[start:first_verb]).strip(" ，,：:")
    if not subject or not MONEY_NOUN.search(subject):  # `中央下达…3万元` is a total, its actor no source
        return None
    if lists_parts(lists) and (level_of(subject) is None or own_words(subject)):
        return None  # a fund of its own, however short its name (`中央某某补助资金`), split into named parts
    return source_of(subject)


def add_source_rows(reading: Reading, start: int, amounts: list[Amount]) -> None:
    first = min(amount.start for amount in amounts if amount.line)
    verb = re.search("|".join(FUNDING_VERBS.values()), reading.plain[start:first])
    name = reading.text[start : start + verb.start() if verb else first]  # as printed, not as masked
    name = _SOURCE_SUBJECT.sub("", name).strip(" ，,：:")
    source = source_of(name)
    if source is None:
        return
    for line, amount in totals_of(amounts).items():
        block: FundingLine = getattr(reading.funding, line)
        figure = money_at(reading.text, amount.start, amount.end, _SUBJECT_ROW)
        block.by_source.append(SourceAmount(source=source, name=name, amount=figure))


# `2023年省级下拨某护理费2.76万元；市级下拨某护理费2.76万元`: each clause names the level that gave the money
_LEVEL_VERB = re.compile(
    r"\s*(?:(?:19|20)\d{2}年度?[，,]?\s*)?(?P<level>中央|自治区|省级|市级|州级|县级|区级|省|市|州|县)(?:财政)?"
    r"(?:匹配|配套)?(?:下拨|下达|拨付|安排)"  # `自治区匹配下拨…2.6万元`: the level's matching money, given
)


def level_clauses(reading: Reading, amounts: list[Amount], totals: dict[str, Amount], start: int) -> None:
    for amount in amounts:
        if amount.line is None or amount.line in totals:
            continue
        level = _LEVEL_VERB.match(reading.plain, clause_start(reading.plain, start, amount.start), amount.start)
        if level:
            reading.level_rows.append((amount.line, level["level"], amount))


def add_level_rows(reading: Reading) -> None:
    """Level clauses are a line's sources when the line has no other split, each level once, and they make
    up the line's total if one is stated (batches from one level are no split)."""
    for line in ("budget", "allocated", "executed"):
        rows = [(level, amount) for row_line, level, amount in reading.level_rows if row_line == line]
        block: FundingLine = getattr(reading.funding, line)
        sources = [source_of(level) for level, _ in rows]
        if block.by_source or len(rows) < 2 or None in sources or len(set(sources)) < len(rows):
            continue
        total = value_of(block.total)
        parts = sum(amount.value or 0 for _, amount in rows)
        if total is not None and abs(parts - total) > SUM_TOLERANCE * max(abs(total), 1):
            continue
        for (level, amount), source in zip(rows, sources, strict=True):
            figure = money_at(reading.text, amount.start, amount.end, "narrative.level_rows")
            block.by_source.append(SourceAmount(source=source, name=level, amount=figure))  # type: ignore[arg-type]


_LEVEL_GAVE = re.compile(
    r"(?<![我向至给])(?P<level>中央|自治区|省级|市县|市级|州级|县级|区级|省|市|州|县)(?:财政)?(?:匹配|配套)?"
    r"(?:下拨|下达|拨付|安排)"
)
"""The level that gave an amount (`中央下达`), not the one that received it (`向我市下达`); `市县下达` is the
local money of the two levels below the province, not split (Sichuan's outline: 市县资金安排、分解下达)."""


def _giver(level: str) -> object | None:
    return FundSource.LOCAL if level == "市县" else source_of(level)


def offer_total(reading: Reading, line: str, amount: Amount, start: int) -> None:
    """Note an amount a sentence states as `line`'s total, with the level its clause says gave it."""
    if amount.value is None:
        return
    given = _LEVEL_GAVE.search(reading.plain, clause_start(reading.plain, start, amount.start), amount.start)
    level = _giver(given["level"]) if given else None
    named_at = given.start() if given else None
    offer = Offer(amount.value, level, project_item(reading.text, amount.start), (amount.start, amount.end), named_at)
    reading.offered.setdefault(line, []).append(offer)


def drop_one_level_totals(reading: Reading) -> None:
    """Precision gate: a total read from a clause that names the level giving it (`收到中央下达…612万元`) is
    that level's money when other sentences give the same line from other levels (`省级下达…85万元`): the
    line's whole is not stated, so it has no total; when every amount the line was offered names its level,
    each level once, they are the line's sources (`中央下达…6120万元。…省级下达资金530万元。…市县下达资金…`)."""
    for line, offers in reading.offered.items():
        block: FundingLine = getattr(reading.funding, line)
        total = block.total
        if total is None or total.found_by != "narrative.funding" or total.value is None:
            continue
        kept = [offer.level for offer in offers if offer.level is not None and abs(offer.value - total.value) < 1e-9]
        others = {offer.level for offer in offers if offer.level is not None and offer.level not in kept}
        if kept and others:
            block.total = None
            if not block.by_source:
                block.by_source = _level_offers(reading, offers)


def _level_offers(reading: Reading, offers: list[Offer]) -> list[SourceAmount]:
    """One row per level when each offer names its level, outside any project paragraph, and no level states
    two different amounts (batches: no split)."""
    given: dict[object, Offer] = {}
    for offer in offers:
        if offer.level is None or offer.item is not None or offer.span is None or offer.named_at is None:
            return []
        if offer.level in given and abs(given[offer.level].value - offer.value) > 1e-9:
            return []
        given.setdefault(offer.level, offer)
    rows = []
    for level, offer in given.items():
        assert offer.span is not None and offer.named_at is not None
        name = reading.text[offer.named_at : offer.span[0]].strip(" ，,：:")
        figure = money_at(reading.text, *offer.span, "narrative.level_rows")
        rows.append(SourceAmount(source=level, name=name, amount=figure))  # type: ignore[arg-type]
    return rows


# the one level a clause says the money is of (`年初预算县级资金`, `市级配套`), not the one it was given to
_LEVEL_MONEY = re.compile(r"(?<![我向至给])(?P<level>中央|自治区|省级|市级|州级|县级|区级)(?:财政)?(?:资金|配套|补助)")


def drop_level_share_totals(reading: Reading) -> None:
    """Precision gate: a total whose clause names one level's money (`2030年年初预算县级资金726.40万元`) and
    that another line already gives as that level's row (`…其中…县级配套726.40万元`) is that level's share,
    not the line's whole."""
    rows = [
        (row.source, row.amount.value)
        for line in LINES
        for row in getattr(reading.funding, line).by_source
        if row.amount.value is not None
    ]
    for line in ("initial", *LINES):
        total = getattr(reading.funding, line).total
        if total is None or total.found_by != "narrative.funding" or total.span is None or total.value is None:
            continue
        at = total.span.start
        sentence = max(reading.plain.rfind(mark, 0, at) for mark in "。\n") + 1  # a clause ends with its sentence
        clause = reading.plain[clause_start(reading.plain, sentence, at) : at]
        named = {source_of(match["level"]) for match in _LEVEL_MONEY.finditer(clause)}
        if len(named) == 1 and any(source in named and abs(value - total.value) < 1e-9 for source, value in rows):
            getattr(reading.funding, line).total = None
