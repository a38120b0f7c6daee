"""Patterns compiled to skip the chars no match can start with (jixiao.scan) find exactly what they did.

The lookahead is read from each pattern itself; these tests check the reading on small patterns, that the
scans of the rules backend use it, and that each finds the same matches as the plain pattern in every
sample (and every real report, when ../shared/real is there).
"""

from __future__ import annotations

import re
from pathlib import Path
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

import pytest

from jixiao import injection, numbers, scan, vocabulary
from jixiao.documents import load_document
from jixiao.documents.tables import headers, levels, pieces, tokens, wrapped
from jixiao.extract.rules import amount_clauses, clauses, form_fields, money_lists, score, sentences, summed_parts
from jixiao.scan import _skipped_by_the_engine, branch_first, first_chars, optional_as_branch, skipping

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "real"


def test_first_chars_of_alternatives_optional_parts_and_classes() -> None:
    assert first_chars(r"(?:x|[b-d])?y|(?<!q)z") == "b-dxyz"
    assert first_chars(r"a?\d") == r"\da"
    assert first_chars(r"(?:^|\n)\s*x") == "\\\n\\sx"


def test_no_lookahead_when_any_char_may_start_a_match() -> None:
    for pattern in (r"a*", r"[^a]b", r".b", r"(?i:a)b", r"(?i)ab", r"(a)?(?(1)b|c)"):
        assert first_chars(pattern) is None, pattern
        assert skipping(pattern).pattern == pattern


def test_optional_groups_become_alternations_with_an_empty_last_branch() -> None:
    assert optional_as_branch(r"(?:ab|c)?d(?:e)?") == r"(?:ab|c|)d(?:e|)"
    kept = r"(x)?(?:a)??(?:b)?+[)?(]?\)?(?P<n>y)?"  # groups, lazy, possessive, classes, escapes
    assert optional_as_branch(kept) == kept
    assert optional_as_branch(r"(?:a(?:b)?)?") == r"(?:a(?:b|)|)"
    assert optional_as_branch("(?x)(?:a # (b)?\n)?") == "(?x)(?:a # (b)?\n)?"  # comments may hold brackets


def test_the_header_words_find_what_they_found_with_optional_groups() -> None:
    source = "|".join(f"(?P<{role.value}>{pattern})" for role, pattern in headers._WORDS)
    plain = re.compile(source)
    for text in _texts():
        found = [(m.span(), m.lastgroup) for m in headers.HEADER_WORD.finditer(text)]
        assert found == [(m.span(), m.lastgroup) for m in plain.finditer(text)]


def test_no_lookahead_where_the_engine_skips_to_a_literal_by_itself() -> None:
    for pattern in (r"其中[:：]", r"[（(]\d+", r"合计|共计"):
        assert skipping(pattern).pattern == pattern, pattern
    assert skipping(r"(?:全年)?预算").pattern == r"全年预算|预算"  # spread: both branches open with a literal
    assert skipping(r"(?:全年)?预算\d|\d+").pattern == r"(?=[\d全预])(?:全年预算\d|预算\d|\d+)"


def test_the_lookahead_shares_the_patterns_flags() -> None:
    assert skipping("ab|cd", re.IGNORECASE).findall("xAB cD") == ["AB", "cD"]


def test_branch_first_groups_the_alternatives_under_their_first_literal() -> None:
    assert branch_first("资金情况|资金来源|项目资金") == "资(?:金(?:情况|来源))|项目资金"
    assert branch_first("(?:全年|调整)?预算数") == "全年预算数|调整预算数|预算数"  # an optional prefix spread
    assert branch_first("(?:年度)??目标") == "目标|年度目标"  # a lazy one: without it first
    # a class that may open like `ae` stands between: `ae` is not moved before it (the order is kept)
    assert branch_first("ab|[a-c]d|ae|xe") == "ab|[a-c]d|ae|xe"
    assert branch_first("ab|[x-z]d|ae") == "a(?:b|e)|[x-z]d"
    # a small class spread char by char, a repeat peeled once, a lookbehind moved behind the literal after it
    assert branch_first("[甲乙]{2,}丙|丁") == "甲[甲乙]+丙|乙[甲乙]+丙|丁"
    assert branch_first("(?<!指标)完成率|完成值") == "完(?:(?<=(?<!指标)完)成率|成值)"


def test_branch_first_leaves_captures_flags_and_single_alternatives() -> None:
    for pattern in (r"(?P<a>甲)|乙", r"(甲)|乙", r"(?i)ab|ac", r"(?i:a)b|ac", r"甲乙", r"(?:甲乙)+丙", r"[（(]\d+"):
        assert branch_first(pattern) == pattern, pattern
    assert branch_first("ab|ac", re.IGNORECASE) == "ab|ac"


@pytest.mark.parametrize(
    "pattern",
    [
        headers.HEADER_WORDS,
        r"(?:绩效|自评|评价)[^\n，。；,;:：|]{0,14}?(?:报告书|报告|表)|绩效目标自评|(?:自评|评价)工作的?报告|情况的?报告",
        r"(?<![\u4e00-\u9fff])完成率|完成(?:值|数)?(?=\d)|^[-—]+$|(?:甲乙)?完成",
        r"(?:a|b)??c|[^ab]c|\bab\B|(?>a+)b|a*+c|.{2,}?d|\Aa|a\Z",
    ],
)
def test_branch_first_finds_what_the_pattern_finds(pattern: str) -> None:
    rewritten = re.compile(branch_first(pattern))
    plain = re.compile(pattern)
    invented = ["ab ac abc c d aad \n完成率 未完成率 完成9 完成值 —— 自评报告 绩效自评工作报告表", *_texts()]
    for text in invented:
        assert [m.span() for m in rewritten.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_spans_of_drops_the_captures_and_matches_finds_the_scans_matches() -> None:
    pattern = skipping(r"(?:全年|年度)?(?P<kind>预算|执行)(?P<value>\d+)万元")
    spans = scan.spans_of(pattern)
    assert spans.groups == 0 and not spans.pattern.startswith("(?=[")  # literal-first: the engine skips
    text = "全年预算120万元，执行118万元；年度执行x万元，预算3万元"
    found = [(m.span(), m.groupdict()) for m in scan.matches(pattern, spans, text)]
    assert found == [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
    assert [m["value"] for m in scan.matches(pattern, spans, text, 5)] == ["118", "3"]


@pytest.mark.parametrize("name", ["score", "grade", "form labels", "actual markers"])
def test_the_scans_through_their_spans_find_what_they_found(name: str) -> None:
    pattern, spans = {
        "score": (score._SCORE, score._SCORE_SPANS),
        "grade": (score._GRADE, score._GRADE_SPANS),
        "form labels": (form_fields._LABEL, form_fields._LABEL_SPANS),
        "actual markers": (clauses.ACTUAL, clauses.ACTUAL_SPANS),
    }[name]
    assert not spans.pattern.startswith("(?=["), "the spans scan should open with literals"
    for text in _texts():
        for start, end in ((0, len(text)), (len(text) // 3, 2 * len(text) // 3)):
            found = [(m.span(), m.groupdict(), m.lastgroup) for m in scan.matches(pattern, spans, text, start, end)]
            assert found == [(m.span(), m.groupdict(), m.lastgroup) for m in pattern.finditer(text, start, end)]


def test_the_header_spans_are_the_header_words_spans() -> None:
    for text in _texts():
        spans = [m.span() for m in headers.HEADER_SPAN.finditer(text)]
        assert spans == [m.span() for m in headers.HEADER_WORD.finditer(text)]


SCANS = {
    "header words": headers.HEADER_WORD,
    "form labels": form_fields._LABEL,
    "quantities": numbers.QUANTITY,
    "orders": injection._STRONG,
    "addressing a model": injection._ADDRESSED,
    "asking for output": injection._ASKS_OUTPUT,
    "amounts": amount_clauses.AMOUNT,
    "summed parts": summed_parts._AMOUNT,
    "run-in headings": sentences._RUN_IN_HEADING,
    "bracketed lists": money_lists._BRACKET_AFTER_AMOUNT,
    "actual markers": clauses.ACTUAL,
    "target markers": clauses.TARGET_MARKER,
    "cell separators": pieces._SEPARATOR,
    "levels inside a cell": levels._INNER_LEVEL,
    "wrapped words": wrapped._WORDS,
    "a block's points": tokens._POINTS,
}


def _texts() -> list[str]:
    paths = sorted((ROOT / "samples").rglob("*.txt")) + (sorted(REAL.glob("*.txt")) if REAL.is_dir() else [])
    return [load_document(path).text for path in paths]


@pytest.mark.parametrize("name", list(SCANS))
def test_a_skipping_scan_finds_what_the_plain_pattern_finds(name: str) -> None:
    pattern = SCANS[name]
    assert pattern.pattern.startswith("(?=[") or _skipped_by_the_engine(pattern.pattern, pattern.flags), "no skip"
    plain = re.compile(scan.SOURCES[pattern.pattern], pattern.flags)
    assert plain.pattern != pattern.pattern
    for text in _texts():
        found = [(m.span(), m.lastgroup) for m in pattern.finditer(text)]
        assert found == [(m.span(), m.lastgroup) for m in plain.finditer(text)]


def test_every_source_pattern_reads_from_the_start_of_the_label() -> None:
    """source_of tries the source patterns in one match at the label's start: a pattern that could match
    further in would be tried differently than by its own search."""

    def anchored(pattern: str) -> bool:
        first = _parser.parse(pattern)[0]
        branches = first[1][1] if first[0] is _c.BRANCH else [[first]]
        return all(branch[0] == (_c.AT, _c.AT_BEGINNING) for branch in branches)

    assert anchored("^a|^(?:b|c)") and not anchored("^a|b") and not anchored("a")
    for pattern, _ in vocabulary._SOURCE_WORDS:
        assert anchored(pattern.pattern), pattern.pattern


_INVENTED_LISTS = [
    "其中：市级补助资金120万元，县级配套资金 35.5 万元；社会捐赠（含物资折价）12万元。",
    "资金来源：省级奖补资金\n  80万元、区级财政资金-3.2万元、单位自筹、其他资金6万元",
    "下达某镇道路养护经费（2025年第二批）40万元，合计下达某专项资金1,240.50万元。",
    "本年度安排宣传经费，用于印制手册；会议费，全年不超过预算。培训费\t\t9万元",
    "（一）购置设备（万元）：(1)监测仪器5台共计18万元(2)车辆1辆21万",
]


def test_the_money_list_items_lookahead_refuses_only_starts_no_item_can_have() -> None:
    """The item pattern reads the run of name chars once before trying the name at 40 lengths; over
    invented lists (brackets, spaces and line breaks before the amount, a sign, a list with no amount) and
    every sample, it finds what the pattern without that lookahead finds, from any start and to any end."""
    lookahead = money_lists._ITEM_RUN
    assert money_lists._ITEM.pattern.startswith(lookahead), "the item pattern lost its lookahead"
    plain = re.compile(money_lists._ITEM.pattern[len(lookahead) :])
    texts = _INVENTED_LISTS + [amount_clauses.masked(text) for text in _texts()]
    for text in texts:
        for start in range(0, len(text), max(1, len(text) // 8)):
            for end in (len(text), (start + len(text)) // 2):
                found = [(m.span(), m.groupdict()) for m in money_lists._ITEM.finditer(text, start, end)]
                assert found == [(m.span(), m.groupdict()) for m in plain.finditer(text, start, end)]
    assert [m["name"] for m in money_lists._ITEM.finditer(_INVENTED_LISTS[0])] == [
        "市级补助资金", "县级配套资金", "社会捐赠（含物资折价）"
    ]  # fmt: skip
