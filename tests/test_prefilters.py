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

from jixiao import numbers
from jixiao.documents.tables import headers
from jixiao.extract.rules import form_fields


def _first_chars(items: list[Any]) -> set[Any] | None:
    """What a match of the parsed pattern `items` can start with: chars, and classes such as `\\d` as their
    parsed (CATEGORY, …) items; None when it may start with any char, or be empty."""
    found: set[Any] = set()
    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # zero width: the next item consumes the first char
        if op is c.LITERAL:
            return found | {chr(av)}
        if op is c.IN:
            if any(kind not in (c.LITERAL, c.RANGE, c.CATEGORY) for kind, _ in av):
                return None
            for kind, value in av:
                if kind is c.LITERAL:
                    found.add(chr(value))
                elif kind is c.RANGE:
                    found |= {chr(x) for x in range(value[0], value[1] + 1)}
                else:
                    found.add((kind, value))
            return found
        if op is c.SUBPATTERN:
            inner = _first_chars(list(av[3]))
        elif op is c.BRANCH:
            branches = [_first_chars(list(branch)) for branch in av[1]]
            inner = None if any(b is None for b in branches) else set().union(*branches)  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            inner = _first_chars(list(av[2]))
            if inner is not None and av[0] == 0:
                found |= inner
                continue  # optional: the next item may start the match
        else:
            return None
        if inner is None:
            return None
        return found | inner
    return None


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
    assert _missing(re.compile(r"(?=[ab])(?:a|b\d)"), "ab") == []
    assert _missing(re.compile(r"(?=[a\d])(?:a|\s?b)"), r"a\d") == sorted(["b", str((c.CATEGORY, c.CATEGORY_SPACE))])


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        (headers.HEADER_WORD, headers.HEADER_FIRST),
        (form_fields._LABEL, form_fields.LABEL_FIRST),
        (numbers.QUANTITY, numbers.QUANTITY_FIRST),
    ],
    ids=["header words", "form labels", "quantities"],
)
def test_lookahead_admits_every_first_char(pattern: re.Pattern[str], first: str) -> None:
    missing = _missing(pattern, first)
    assert not missing, f"add to the lookahead: {missing}"
