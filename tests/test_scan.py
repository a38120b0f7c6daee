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

from jixiao import injection, numbers, vocabulary
from jixiao.documents import load_document
from jixiao.documents.tables import headers
from jixiao.extract.rules import clauses, form_fields, funding, money_lists, sentences, summed_parts
from jixiao.scan import first_chars, skipping

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


def test_the_lookahead_shares_the_patterns_flags() -> None:
    assert skipping("ab|cd", re.IGNORECASE).findall("xAB cD") == ["AB", "cD"]


SCANS = {
    "header words": headers.HEADER_WORD,
    "form labels": form_fields._LABEL,
    "quantities": numbers.QUANTITY,
    "orders": injection._STRONG,
    "addressing a model": injection._ADDRESSED,
    "asking for output": injection._ASKS_OUTPUT,
    "amounts": funding.AMOUNT,
    "summed parts": summed_parts._AMOUNT,
    "run-in headings": sentences._RUN_IN_HEADING,
    "bracketed lists": money_lists._BRACKET_AFTER_AMOUNT,
    "actual markers": clauses.ACTUAL,
    "target markers": clauses.TARGET_MARKER,
}


def _texts() -> list[str]:
    paths = sorted((ROOT / "samples").rglob("*.txt")) + (sorted(REAL.glob("*.txt")) if REAL.is_dir() else [])
    return [load_document(path).text for path in paths]


@pytest.mark.parametrize("name", list(SCANS))
def test_a_skipping_scan_finds_what_the_plain_pattern_finds(name: str) -> None:
    pattern = SCANS[name]
    assert pattern.pattern.startswith("(?=["), "the scan lost its lookahead"
    inner = pattern.pattern[pattern.pattern.index("])(?:") + len("])(?:") : -1]
    plain = re.compile(inner, pattern.flags)
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
