"""Scans that skip chars by a lookahead (`(?=[…])`) must admit every char a match can start with.

A pattern of many alternatives (header words, form labels) is tried at every char of a document; a
lookahead for the chars its matches can start with lets the regex engine skip the others in one test. The
set is written out beside the pattern; these tests derive it from the pattern itself, so a new word that
starts with a new char fails here, naming the char, instead of silently never matching.
"""

from __future__ import annotations

import re
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import pytest

from jixiao import injection, numbers, vocabulary
from jixiao.documents.tables import headers
from jixiao.extract.rules import form_fields


def _first_chars(items: list[Any]) -> set[Any] | None:
    """What a match of the parsed pattern `items` can start with: chars, and classes such as `\\d` as their
    parsed (CATEGORY, …) items; None when it may start with any char, or be empty."""
    found = _starts(items)
    return None if found is None or found[1] else found[0]


def _starts(items: list[Any]) -> tuple[set[Any], bool] | None:
    """(the first chars of a match of `items`, whether it may be empty), or None when any char may start it."""
    found: set[Any] = set()
    for op, av in items:
        step = _starts_of(op, av)
        if step is None:
            return None
        found |= step[0]
        if not step[1]:
            return found, False
    return found, True


def _starts_of(op: Any, av: Any) -> tuple[set[Any], bool] | None:
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return set(), True  # zero width: what follows consumes the first char
    if op is c.LITERAL:
        return {chr(av)}, False
    if op is c.IN:
        chars: set[Any] = set()
        for kind, value in av:
            if kind is c.LITERAL:
                chars.add(chr(value))
            elif kind is c.RANGE:
                chars |= {chr(x) for x in range(value[0], value[1] + 1)}
            elif kind is c.CATEGORY:
                chars.add((kind, value))
            else:
                return None  # a negated class
        return chars, False
    if op is c.SUBPATTERN:
        return _starts(list(av[3]))
    if op is c.BRANCH:
        branches = [_starts(list(branch)) for branch in av[1]]
        if any(branch is None for branch in branches):
            return None
        known = [branch for branch in branches if branch is not None]
        return set().union(*(chars for chars, _ in known)), any(empty for _, empty in known)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        body = _starts(list(av[2]))
        return None if body is None else (body[0], body[1] or av[0] == 0)
    return None  # any char (.), a back reference …


def _missing(pattern: re.Pattern[str], first: str) -> list[str]:
    """What a match of `pattern` (its lookahead skipped as zero width) can start with that the lookahead
    class `[first]` does not admit."""
    chars = _first_chars(list(_parser.parse(pattern.pattern, pattern.flags)))
    assert chars is not None, "a match may start with any char: no lookahead can hold"
    lookahead = re.compile(f"[{first}]", pattern.flags)
    classes = {item for item in _parser.parse(f"[{first}]")[0][1] if item[0] is c.CATEGORY}

    def admitted(item: Any) -> bool:
        return item in classes if isinstance(item, tuple) else lookahead.fullmatch(item) is not None

    return sorted(str(item) for item in chars if not admitted(item))


def test_first_chars_of_a_pattern() -> None:
    assert _first_chars(list(_parser.parse(r"(?:x|[b-d])?y|(?<!q)z"))) == {"x", "b", "c", "d", "y", "z"}
    assert _first_chars(list(_parser.parse(r"a?\d"))) == {"a", (c.CATEGORY, c.CATEGORY_DIGIT)}
    assert _first_chars(list(_parser.parse(r"a*"))) is None
    assert _first_chars(list(_parser.parse(r"[^a]"))) is None
    assert _first_chars(list(_parser.parse(r"(?:^|\n)\s*x"))) == {"\n", (c.CATEGORY, c.CATEGORY_SPACE), "x"}
    assert _missing(re.compile(r"(?=[ab])(?:a|b\d)"), "ab") == []
    assert _missing(re.compile(r"(?=[a\d])(?:a|\s?b)"), r"a\d") == sorted(["b", str((c.CATEGORY, c.CATEGORY_SPACE))])


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        (headers.HEADER_WORD, headers.HEADER_FIRST),
        (form_fields._LABEL, form_fields.LABEL_FIRST),
        (numbers.QUANTITY, numbers.QUANTITY_FIRST),
        (injection._STRONG, injection.STRONG_FIRST),
        (injection._ADDRESSED, injection.ADDRESSED_FIRST),
        (injection._ASKS_OUTPUT, injection.ASKS_OUTPUT_FIRST),
    ],
    ids=["header words", "form labels", "quantities", "orders", "addressing a model", "asking for output"],
)
def test_lookahead_admits_every_first_char(pattern: re.Pattern[str], first: str) -> None:
    missing = _missing(pattern, first)
    assert not missing, f"add to the lookahead: {missing}"


def test_every_source_pattern_reads_from_the_start_of_the_label() -> None:
    """source_of tries the source patterns in one match at the label's start: a pattern that could match
    further in would be tried differently than its own search would."""

    def anchored(pattern: str) -> bool:
        first = _parser.parse(pattern)[0]
        branches = first[1][1] if first[0] is c.BRANCH else [[first]]
        return all(branch[0] == (c.AT, c.AT_BEGINNING) for branch in branches)

    assert anchored("^a|^(?:b|c)") and not anchored("^a|b") and not anchored("a")
    for pattern, _ in vocabulary._SOURCE_WORDS:
        assert anchored(pattern.pattern), pattern.pattern
