"""Scans that skip chars by a lookahead (`(?=[…])`) must admit every char a match can start with.

A pattern of many alternatives (header words, form labels) is tried at every char of a document; a
lookahead for the chars its matches can start with lets the regex engine skip the others in one test. The
set is written out beside the pattern; these tests derive it from the pattern itself, so a new word that
starts with a new char fails here, naming the char, instead of silently never matching.
"""

from __future__ import annotations

from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import pytest

from jixiao.documents.tables import headers
from jixiao.extract.rules import form_fields


def _first_chars(items: list[Any]) -> set[str] | None:
    """The chars a match of the parsed pattern `items` can start with (None: any char, or it may be empty)."""
    found: set[str] = set()
    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # zero width: the next item consumes the first char
        if op is c.LITERAL:
            return found | {chr(av)}
        if op is c.IN:
            if any(kind not in (c.LITERAL, c.RANGE) for kind, _ in av):
                return None
            for kind, value in av:
                found |= {chr(value)} if kind is c.LITERAL else {chr(x) for x in range(value[0], value[1] + 1)}
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


def test_first_chars_of_a_pattern() -> None:
    assert _first_chars(list(_parser.parse(r"(?:x|[b-d])?y|(?<!q)z"))) == {"x", "b", "c", "d", "y", "z"}
    assert _first_chars(list(_parser.parse(r"a?\d"))) is None
    assert _first_chars(list(_parser.parse(r"a*"))) is None


@pytest.mark.parametrize(
    ("alternation", "first"),
    [
        (headers._ALTERNATION, headers.HEADER_FIRST),
        (form_fields._LABEL_ALTERNATION, form_fields.LABEL_FIRST),
    ],
    ids=["header words", "form labels"],
)
def test_lookahead_admits_every_first_char(alternation: str, first: str) -> None:
    chars = _first_chars(list(_parser.parse(alternation)))
    assert chars is not None
    assert not chars - set(first), f"add to the lookahead: {''.join(sorted(chars - set(first)))}"
