"""Patterns tried at every char of a document, compiled to skip the chars no match can start with.

A pattern of many alternatives (header words, form labels, quantities, the cues of an injected order) is
tried at each position of a text. Python's regex engine jumps ahead by itself only when every alternative
starts with a literal; otherwise it enters every alternative at every char. `skipping` puts a lookahead for
the chars a match can start with in front of the pattern, derived from the pattern itself (so a word added
to the vocabulary is never missed), and the engine refuses most positions in one test. The matches are the
same: the lookahead only refuses positions where no match can start.

At a position the lookahead lets through, the engine tries the alternatives in turn; it refuses one whose
first item is a literal or a class in one comparison, but enters every other (a group, an optional prefix, a
nested alternation) at a cost. `branch_first` rewrites a pattern without captures so that its alternatives
open with the char they consume, grouped by that char (the header words' scan cost a third as much; see
jixiao.scan_branches).

The first chars are read from the parsed pattern (`re._parser`, the standard library's own parser). A
pattern the reading does not cover (a match that may start with any char, or be empty; scoped flags) is
compiled as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _compiler, _parser  # type: ignore[attr-defined]
from re import _constants as _c  # type: ignore[attr-defined]
from typing import Any

from jixiao.scan_branches import CLASSES, Unknown, branch_first, written


def skipping(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` compiled behind a lookahead for the chars its matches can start with (same matches), its
    optional groups as alternations (see optional_as_branch). A pattern the engine skips through by itself
    (it starts with a literal, a class or an alternation of literals) gets no lookahead: the engine's own
    scan for those chars is faster than a lookahead tried at every char; branch_first makes most scans so."""
    rewritten = branch_first(optional_as_branch(pattern, flags), flags)
    try:
        parsed = _parser.parse(rewritten, flags)  # once, for both readings (the header words' run to 12k chars)
    except re.error:
        return re.compile(rewritten, flags)  # raises the error as compiling the pattern would
    first = _first_chars_parsed(parsed, flags)
    if first is not None and not _engine_skips(parsed):
        rewritten = f"(?=[{first}])(?:{rewritten})"
    SOURCES[rewritten] = pattern
    return re.compile(rewritten, flags)


SOURCES: dict[str, str] = {}
"""The pattern each scan was compiled from, by the scan's pattern (for the tests that compare the two)."""


def optional_as_branch(pattern: str, flags: int = 0) -> str:
    """`(?:X)?` written `(?:X|)`: the same matches, tried in the same order (X, then nothing), but the engine
    runs an optional group through its general repeat (a context pushed at every try) and an alternation
    through its branch, which refuses an alternative whose first literal differs from the text in one
    comparison (a third of the cost of the header words' scan). Lazy and possessive `??`, `?+` are kept."""
    if "(?#" in pattern or _parser.parse(pattern, flags).state.flags & re.VERBOSE:
        return pattern  # comments may hold brackets
    out: list[str] = []
    groups: list[bool] = []  # whether each open group is non-capturing (?:…)
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            out.append(pattern[index : index + 2])
            index += 2
        elif char == "[":
            end = _class_end(pattern, index)
            out.append(pattern[index:end])
            index = end
        elif char == "(":
            groups.append(pattern.startswith("(?:", index))
            out.append(char)
            index += 1
        elif (
            char == ")"
            and groups.pop()
            and pattern[index + 1 : index + 2] == "?"
            and pattern[index + 2 : index + 3] not in ("?", "+")
        ):
            out.append("|)")
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)


def _class_end(pattern: str, start: int) -> int:
    """Index just past the character class opening at pattern[start] (a `]` first in it is a member)."""
    index = start + 1
    if pattern.startswith("^", index):
        index += 1
    if pattern.startswith("]", index):
        index += 1
    while pattern[index] != "]":
        index += 2 if pattern[index] == "\\" else 1
    return index + 1


def _skipped_by_the_engine(pattern: str, flags: int) -> bool:
    """Whether the engine finds the pattern's start by itself: a literal prefix, or a first char from a class
    or an alternation of literals (re._compiler's own reading)."""
    try:
        return _engine_skips(_parser.parse(pattern, flags))
    except re.error:
        return False


def _engine_skips(parsed: Any) -> bool:
    """_skipped_by_the_engine of a parsed pattern."""
    prefix, _, _ = _compiler._get_literal_prefix(parsed, parsed.state.flags)
    return bool(prefix) or _compiler._get_charset_prefix(parsed, parsed.state.flags) is not None


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """The chars a match of `pattern` can start with, as the body of a character class (`\\d\\s≥≤…`), or
    None when any char may start one (or a match may be empty)."""
    try:
        return _first_chars_parsed(_parser.parse(pattern, flags), flags)
    except re.error:
        return None


def _first_chars_parsed(parsed: Any, flags: int) -> str | None:
    """first_chars of a parsed pattern."""
    if flags & re.LOCALE:
        return None
    try:
        if parsed.state.flags & ~re.UNICODE != flags & ~re.UNICODE:
            return None  # inline global flags: they must stay at the pattern's start
        starts, empty = _starts(list(parsed))
    except (Unknown, re.error):
        return None
    if empty:
        return None
    return "".join(sorted(starts))


def _starts(items: list[Any]) -> tuple[set[str], bool]:
    """(the first chars of a match of `items` as class parts, whether the match may be empty)."""
    found: set[str] = set()
    for op, av in items:
        chars, empty = _starts_of(op, av)
        found |= chars
        if not empty:
            return found, False
    return found, True


def _starts_of(op: Any, av: Any) -> tuple[set[str], bool]:
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return set(), True  # zero width: what follows consumes the first char
    if op is _c.LITERAL:
        return {re.escape(chr(av))}, False
    if op is _c.IN:
        return _class_parts(av), False
    if op is _c.SUBPATTERN:
        if av[1] or av[2]:
            raise Unknown("scoped flags")  # (?i:…): the lookahead would not share them
        return _starts(list(av[3]))
    if op is _c.BRANCH:
        branches = [_starts(list(branch)) for branch in av[1]]
        return set().union(*(chars for chars, _ in branches)), any(empty for _, empty in branches)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        chars, empty = _starts(list(av[2]))
        return chars, empty or av[0] == 0
    raise Unknown(str(op))  # any char (.), a back reference, a conditional …


def _class_parts(items: list[Any]) -> set[str]:
    parts: set[str] = set()
    for kind, value in items:
        if kind is _c.LITERAL:
            parts.add(re.escape(chr(value)))
        elif kind is _c.RANGE:
            parts.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif kind is _c.CATEGORY and value in CLASSES:
            parts.add(CLASSES[value])
        else:
            raise Unknown(str(kind))  # a negated class may start with almost any char
    return parts


def spans_of(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A scan's pattern (its source, when skipping compiled it) without its captures, compiled by skipping:
    the same matches, found faster where captures kept branch_first from the pattern (its alternatives then
    open with their first char). A scan that needs a match's groups matches the pattern itself at each start
    found (`matches`)."""
    source, flags = SOURCES.get(pattern.pattern, pattern.pattern), pattern.flags
    try:
        parsed = _parser.parse(source, flags)
        if parsed.state.flags != flags:
            return pattern  # inline flags
        return skipping(written(list(parsed)), flags)
    except (Unknown, re.error, RecursionError):
        return pattern


def matches(
    pattern: re.Pattern[str], spans: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """pattern.finditer(text, pos, endpos), the starts found by `spans` (spans_of the pattern): the same
    matches, each matched at the same place with its groups."""
    endpos = len(text) if endpos is None else endpos
    for found in spans.finditer(text, pos, endpos):
        match = pattern.match(text, found.start(), endpos)
        if match is not None:  # always: the two match alike
            yield match


__all__ = ["branch_first", "first_chars", "matches", "skipping", "spans_of"]
