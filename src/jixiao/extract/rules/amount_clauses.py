"""The head amounts of a narrative sentence, each with the funding line its clause names.

An amount is read with the clause it stands in (the text since the last comma, at most `_CLAUSE_REACH`
characters): the strongest line verb there says its line. Document titles, document numbers and nouns that
hold a verb (转移支付, 执行率…) are masked first, so `关于下达…预算的通知` is no 下达.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.extract.rules.figures import amount_in_wan
from jixiao.numbers import UNIT_PATTERN
from jixiao.scan import skipping
from jixiao.vocabulary import FUNDING_VERBS, NOT_A_FUNDING_LINE, SUM_WORDS

SUM_TOLERANCE = 0.005

AMOUNT = skipping(
    r"(?<![\d.])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:万元|亿元|千元|元|万(?!(?!并且|全部)[\u4e00-\u9fff]))(?![/每])"
)
LINES = tuple(FUNDING_VERBS)  # strongest first
VERB = {line: re.compile(verbs) for line, verbs in FUNDING_VERBS.items()}
_SUM = re.compile(SUM_WORDS)
NOT_A_LINE = re.compile(NOT_A_FUNDING_LINE)  # a balance, an income, a change, a standard: no line
MONEY_NOUN = re.compile(r"(?:资金|补助|经费|拨款)$")  # a clause naming money, not who gave it
_INITIAL = re.compile(r"年初")
# `每年安排45万元，由年初预算批复下达`, `…万元，列入当年年初预算`: the amount was set in the year's initial budget
_THROUGH_INITIAL = re.compile(r"\s*[，,]\s*(?:由|经|通过|列入|纳入)(?:每年|当年|本年|年度)?的?年初(?:部门)?预算")
_MATCHING = re.compile(r"配套(?:资金|经费)?\s*$")
_FINAL = re.compile(r"全年实际|实际下达|调整后|最终")
# the verb after an amount with none of its own; never a negated one (`资金2万元未到位` is what did not arrive), and
# money that reached the unit's account (`154万元资金抵达我局账户`) was allocated to it
_AFTER_VERB = re.compile(
    r"[\s,，]?(?:资金)?[\s,，]?(?:全部|已|均|已全部|及时)?[^，,。；;]{0,14}?(?<![未不])"
    r"(?P<verb>拨付到位|执行到位|支付到位|下达|到位|(?:抵达|到达|拨入|转入)[^，,。；;]{0,4}?账户)"
)
# `将1639.69万元按…一次性拨付到各担保机构`: the amount a 将 moves, the verb and where it went after it
_MOVED = re.compile(r"将[^，,。；;]{0,20}$")
_MOVED_TO = re.compile(
    r"[^，,。；;]{0,30}?(?<![未不应])(?:拨付|支付|兑付|发放|划拨|转拨|拨)(?:到|至|给|进)(?P<to>[^，,。；;]{1,20})"
)
# who gets money paid out: the units or people it is for, not a government nor the unit itself
_RECIPIENTS = re.compile(
    r"机构|企业|公司|合作社|农户|群众|个人|学校|医院|施工单位|施工方|承建|实施单位|项目单位|受益|补助对象|对象|专户"
)
_OWN_OR_GOVERNMENT = re.compile(r"我[局委办院厅单位县市区镇乡]|本单位|本级|账户|各?[县市区乡镇旗]|街道|部门")


def paid_to(plain: str, clause: str, after: int, end: int) -> str | None:
    """The line of an amount a 将 moves to where the words after it say: paid out to its recipients is
    executed, handed to the unit itself or to a government below is allocated; else none."""
    if _MOVED.search(clause) is None or (moved := _MOVED_TO.match(plain, after, end)) is None:
        return None
    to = moved["to"]
    if _RECIPIENTS.search(to) and not _OWN_OR_GOVERNMENT.match(to.lstrip("各")):
        return "executed"
    return "allocated" if _OWN_OR_GOVERNMENT.search(to) else None


_OWN_AMOUNT = re.compile(r"\s*\d")  # `计划为860万元,到年末实际到位860万元`: the 到位 of the next amount
_PAID = ("拨付到位", "执行到位", "支付到位")  # what a sum's own verb may say (never a batch's 下达 in a bracket)
_AFTER_LINES = {"拨付到位": "allocated", "下达": "allocated", "到位": "allocated", "执行到位": "executed",
                "支付到位": "executed"}  # fmt: skip
# words that contain a verb but are nouns: 转移支付, 支出责任, (项目)支出预算 is a budget
_TITLE_MASK = r"《[^》\n]{0,120}》"
_NUMBER_MASK = r"[（(][^（()）\n]{0,30}〔\d{4}〕[^（()）\n]{0,12}[)）]|[^\s，,。；;（()）]{0,10}〔\d{4}〕\d+号"
_NOUN_MASK = (
    r"转移支付|支出责任|支出进度|执行进度|支出(?=预算|绩效|项目|全面|开展|进行|安排)|执行率|到位率|支付率|下达率|使用率|执行情况|到位情况|使用情况"
    # `安排支出项目4个`, `对项目支出全面开展绩效自评`: spending as the noun of what is arranged or evaluated
    r"|下达情况|预算绩效|预算管理|预算单位|年初预算支出"  # kept as 年初预算 (_blank)
    r"|预算(?:项目)?支出"  # 部门预算项目支出: a kind of spending, no verb
    # the template's section title `(一)中央下达某资金预算和绩效目标情况`, run onto its paragraph by a converter
    r"|下达[^，,。；;：:\n]{2,40}?预算和(?:区域)?绩效目标的?情况"
)
_MASKS = skipping(f"{_TITLE_MASK}|{_NUMBER_MASK}|{_NOUN_MASK}")
# a text with no 〔 holds no document number: the same masks without those, whose every alternative starts
# with a literal, so the scan jumps between the chars they start with (a number's may start anywhere)
_MASKS_WITHOUT_NUMBERS = skipping(f"{_TITLE_MASK}|{_NOUN_MASK}")
_CLAUSE_BREAKS = "，,；;：:"


def masked(text: str) -> str:
    """`text` with document titles, document numbers and verb-bearing nouns blanked (same length)."""
    masks = _MASKS if "〔" in text else _MASKS_WITHOUT_NUMBERS
    return masks.sub(_blank, text)


_INITIAL_SPENDING = "年初预算支出"  # `部门年初预算支出640.25万元`: the initial budget (of spending), 支出 no verb


def _blank(match: re.Match[str]) -> str:
    found = match.group(0)
    return "年初预算◇◇" if found == _INITIAL_SPENDING else "◇" * len(found)


@dataclass
class Amount:
    start: int
    end: int
    line: str | None  # initial / budget / allocated / executed, None when no verb says
    summed: bool  # 合计/共计… stands in its clause
    value: float | None = None  # in 万元
    final: bool = False  # `调减40万元，全年实际下达71万元`: what the line came to after changes
    verb: str = ""  # the word of its clause that says its line (empty when none or borrowed)
    arrived: bool = False  # a budget the verb after says arrived too (`安排45万元在年内都按时到位`): also allocated


_OPENERS = ("其中:", "其中：")
_CLAUSE_REACH = 60  # a verb governs the amount of its own clause, never one a page away


def clause_start(plain: str, start: int, at: int) -> int:
    """Where the clause of the amount at `at` starts: the last comma, or `_CLAUSE_REACH` printed characters
    back (a masked document title counts as one). A dash between words (`…资金-某工程9.8万元`) breaks a chain of
    labels as a comma does, and so does a bare decimal cell of a squashed form (below)."""
    begin = max([start] + [plain.rfind(char, start, at) + 1 for char in _CLAUSE_BREAKS])
    begin = max(begin, _label_dash(plain, begin, at) + 1)
    if plain.find(".", begin, at) >= 0:  # the cue of a decimal number
        begin = max([begin] + [cell.end() for cell in _BARE_DECIMAL.finditer(plain, begin, at) if _bare(plain, cell)])
    reach, position = 0, at
    while position > begin and reach < _CLAUSE_REACH:
        position -= 1
        if not (plain[position] == "◇" and position > begin and plain[position - 1] == "◇"):
            reach += 1
    return position


# `…实际分配下达县本级40.25乡镇59.75年度预算计划安排2022年100万元`: a form squashed without separators; a decimal
# printed with no unit before a word is another cell's value, and the heads before it are that cell's, not the
# amount's (a decimal in prose carries its unit: `12.5公里`, `95.5%`)
_BARE_DECIMAL = re.compile(r"(?<![\d.])\d+\.\d+(?=[\u4e00-\u9fff◇])")
_UNIT = re.compile(UNIT_PATTERN)


def _bare(plain: str, cell: re.Match[str]) -> bool:
    return _UNIT.match(plain, cell.end()) is None


def _label_dash(plain: str, begin: int, at: int) -> int:
    """The last `-` in plain[begin:at] that stands between words (not a minus, not a span of years), or -1."""
    dash = plain.rfind("-", begin, at)
    while dash > begin:
        if _is_word(plain[dash - 1]) and dash + 1 < at and (_is_word(plain[dash + 1]) or plain[dash + 1] == "-"):
            return dash
        dash = plain.rfind("-", begin, dash)
    return -1


def _is_word(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or char in ")）◇"


def line_in(clause: str) -> str | None:
    for line in LINES:
        verbs = list(VERB[line].finditer(clause))
        if verbs:
            if line == "budget" and _INITIAL.search(clause, 0, verbs[-1].start()):
                return "initial"
            return line
    return None


def head_amounts(text: str, plain: str, start: int, end: int, listed: list[tuple[int, int]]) -> list[Amount]:
    """The head amounts of a sentence (not inside a list), each with the line its clause names."""
    found: list[Amount] = []
    for match in AMOUNT.finditer(plain, start, end):
        if any(begin <= match.start() < stop for begin, stop in listed):
            continue
        clause_at = clause_start(plain, start, match.start())
        clause = plain[clause_at : match.start()]
        if _not_a_line(clause) or plain[match.start()] == "-":  # `调整预算数-83.06万元`: a change
            found.append(Amount(match.start(), match.end(), None, summed=False))
            continue
        line = line_in(clause)
        if line in (None, "budget") and _MATCHING.search(clause):  # `各级财政安排配套资金X`: one share
            found.append(Amount(match.start(), match.end(), None, summed=False))
            continue
        after = _AFTER_VERB.match(plain, match.end(), end) if line in (None, "budget") else None
        if line == "budget" and _THROUGH_INITIAL.match(plain, match.end(), end):
            line = "initial"
        if line == "budget" and after and after["verb"] in _PAID and _only_sum_words(clause):
            line = _AFTER_LINES.get(after["verb"], "allocated")  # `共计152万元资金全部支付到位`: the verb after says
        elif line == "budget" and _only_sum_words(clause) and found and found[-1].line:
            line = found[-1].line  # `…下达…；…下达…，合计528406万元`: the sum of the amounts before it
        elif line == "budget" and _only_sum_words(clause) and _after_opener(plain, start):
            line = None  # `其中：\n1.一般项目资金共计36250万元`: one part of the total before it, summed
        elif line == "budget" and _only_sum_words(clause) and not found:
            line = _line_before_sum(plain, start, clause_at) or line
        if line is None and after:
            line = _AFTER_LINES.get(after["verb"], "allocated")  # `…抵达我局账户`
        elif line is None:
            line = paid_to(plain, clause, match.end(), end)  # `将X万元…一次性拨付到各担保机构`
        value = amount_in_wan(text[match.start() : match.end()])
        said = list(VERB["budget" if line == "initial" else line].finditer(clause)) if line else []
        arrived = (
            line == "budget"
            and after is not None
            and after["verb"] == "到位"
            and not _OWN_AMOUNT.match(plain, after.end())
        )
        found.append(
            Amount(match.start(), match.end(), line, summed=bool(_SUM.search(clause)), value=value,
                    final=bool(_FINAL.search(clause)), verb=said[-1].group(0) if said else "", arrived=arrived)
        )  # fmt: skip
    if len(found) == 1 and found[0].line is None:  # 批复某州生态环境局项目7个，项目资金1630万元
        clause_at = clause_start(plain, start, found[0].start)
        own, earlier = plain[clause_at : found[0].start], plain[start:clause_at]
        labelled = plain[clause_at - 1 : clause_at] == "-"  # `…下达…资金-某工程9.8万元`: a label, not a clause
        own_kind = NOT_A_LINE.search(own)  # `…发放生活补贴，每人每月发放90元`: a standard, whatever came before
        borrows = not own_kind and "拨付" not in own and not labelled  # `已拨付…`: its own verb
        if borrows and not NOT_A_LINE.search(earlier):
            found[0].line = line_in(earlier)
    if plain.find("以来", start, end) >= 0:
        _drop_cumulative(plain, start, end, found)
    return found


# `财政拨款收入项目支出安排预算为X`: the income the money comes out of, a budget verb after it saying the line
_INCOME_ARRANGED = re.compile(r"收入[^，,。；;]*?(?:安排|预算)")


def _not_a_line(clause: str) -> bool:
    """Whether the clause says its amount is no funding line (a balance, an income, a change…), an income
    word followed by the budget that it funds excepted."""
    return any(
        not (found.group(0) == "收入" and _INCOME_ARRANGED.match(clause, found.start()))
        for found in NOT_A_LINE.finditer(clause)
    )


_SINCE = re.compile(r"自\s*(?:19|20)\d{2}年[^，,。；;]{0,24}?以来")


def _drop_cumulative(plain: str, start: int, end: int, found: list[Amount]) -> None:
    """`该项目自2015年启动以来，截至2018年已安排经费300万元`: money summed over the years since a start is
    no line of one year's report."""
    since = _SINCE.search(plain, start, end)
    for amount in found:
        if since is not None and since.end() <= amount.start:
            amount.line = None


def _line_before_sum(plain: str, start: int, clause_at: int) -> str | None:
    """`中央下达我省3批某资金，共计4300万元`: a bare sum word that opens the sentence's first amount sums what
    the clauses before it say was given or spent; their verb is its line (a sum word alone says no line)."""
    earlier = plain[start:clause_at]
    if NOT_A_LINE.search(earlier) or _MATCHING.search(earlier.rstrip("，,；; \t")):
        return None
    line = line_in(earlier)
    return line if line in ("allocated", "executed") else None


def _after_opener(plain: str, start: int) -> bool:
    return plain[max(0, start - 12) : start].rstrip().endswith(_OPENERS)


def _only_sum_words(clause: str) -> bool:
    return all(_SUM.fullmatch(verb.group(0)) for verb in VERB["budget"].finditer(clause))


def totals_of(amounts: list[Amount]) -> dict[str, Amount]:
    """One total per line: the only amount of that line, the stated sum, or equal restatements."""
    by_line: dict[str, list[Amount]] = {}
    for amount in amounts:
        if amount.line is not None:
            by_line.setdefault(amount.line, []).append(amount)
        if amount.arrived:
            by_line.setdefault("allocated", []).append(amount)
    totals = {}
    for line, found in by_line.items():
        summed = [amount for amount in found if amount.summed] or _sum_of_the_others(found)
        final = [amount for amount in found if amount.final]
        if len(found) == 1 or len(summed) == 1:
            totals[line] = summed[0] if summed else found[0]
        elif not summed and len(final) == 1:
            totals[line] = final[0]
        elif _restated(found):
            totals[line] = found[0]
    return totals


def _restated(found: list[Amount]) -> bool:
    """`下达…资金62.47万元，资金到位62.47万元`: one amount said twice by two different verbs of its line (two
    batches repeat one verb: `下达10万元，再下达10万元` are 20)."""
    verbs = {amount.verb for amount in found}
    return (
        len(found) == len(verbs) == 2 and "" not in verbs
        and found[0].value is not None and found[0].value == found[1].value
    )  # fmt: skip


def _sum_of_the_others(found: list[Amount]) -> list[Amount]:
    """`下达…3万元，…下达…1.5万元、…1.5万元`: the amount the others add up to is their whole."""
    values = [amount.value for amount in found]
    if len(found) < 3 or any(value is None for value in values):
        return []
    whole = sum(value for value in values if value is not None)
    return [amount for amount in found if abs(2 * (amount.value or 0) - whole) <= SUM_TOLERANCE * whole]


__all__ = [
    "AMOUNT",
    "LINES",
    "MONEY_NOUN",
    "NOT_A_LINE",
    "SUM_TOLERANCE",
    "VERB",
    "Amount",
    "clause_start",
    "head_amounts",
    "line_in",
    "masked",
    "totals_of",
]
