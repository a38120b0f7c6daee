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
open with the char they consume, grouped by that char (the header words' scan cost a third as much).

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

_CLASSES = {
    _c.CATEGORY_DIGIT: r"\d",
    _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w",
    _c.CATEGORY_NOT_WORD: r"\W",
}


class _Unknown(Exception):
    """The pattern holds something the first-char reading does not cover."""


def skipping(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` compiled behind a lookahead for the chars its matches can start with (same matches), its
    optional groups as alternations (see optional_as_branch). A pattern the engine skips through by itself
    (it starts with a literal, a class or an alternation of literals) gets no lookahead: the engine's own
    scan for those chars is faster than a lookahead tried at every char; branch_first makes most scans so."""
    rewritten = optional_as_branch(pattern, flags)
    spread = branch_first(rewritten, flags)
    if len(spread) <= _MAX_SPREAD:  # a larger one costs more to compile at import than its scans save
        rewritten = spread
    try:
        parsed = _parser.parse(rewritten, flags)  # once, for both readings (the header words' run to 12k chars)
    except re.error:
        return re.compile(rewritten, flags)  # raises the error as compiling the pattern would
    first = _first_chars_parsed(parsed, flags)
    if first is not None and not _engine_skips(parsed):
        rewritten = f"(?=[{first}])(?:{rewritten})"
    SOURCES[rewritten] = pattern
    return re.compile(rewritten, flags)


_MAX_SPREAD = 8000  # chars: the header words spread to ~12k (+0.2 s import; ~1% of a report's instructions)

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
    except (_Unknown, re.error):
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
            raise _Unknown("scoped flags")  # (?i:…): the lookahead would not share them
        return _starts(list(av[3]))
    if op is _c.BRANCH:
        branches = [_starts(list(branch)) for branch in av[1]]
        return set().union(*(chars for chars, _ in branches)), any(empty for _, empty in branches)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        chars, empty = _starts(list(av[2]))
        return chars, empty or av[0] == 0
    raise _Unknown(str(op))  # any char (.), a back reference, a conditional …


def _class_parts(items: list[Any]) -> set[str]:
    parts: set[str] = set()
    for kind, value in items:
        if kind is _c.LITERAL:
            parts.add(re.escape(chr(value)))
        elif kind is _c.RANGE:
            parts.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif kind is _c.CATEGORY and value in _CLASSES:
            parts.add(_CLASSES[value])
        else:
            raise _Unknown(str(kind))  # a negated class may start with almost any char
    return parts


# ---- branch_first: alternatives that open with the char they consume -------------------------------------

_ANCHORS = {
    _c.AT_BEGINNING: "^",
    _c.AT_BEGINNING_LINE: "^",
    _c.AT_END: "$",
    _c.AT_END_LINE: "$",
    _c.AT_BEGINNING_STRING: r"\A",
    _c.AT_END_STRING: r"\Z",
    _c.AT_BOUNDARY: r"\b",
    _c.AT_NON_BOUNDARY: r"\B",
}
_CONSUMING = (_c.LITERAL, _c.IN, _c.NOT_LITERAL)
_QUANTIFIERS = {(0, _c.MAXREPEAT): "*", (1, _c.MAXREPEAT): "+", (0, 1): "?"}
_MAX_BRANCHES = 400  # a pattern whose alternatives would multiply past this is left as it is
_ZERO_WIDTH = (_c.ASSERT, _c.ASSERT_NOT, _c.AT)
_MAX_CLASS = 16  # a class of at most this many literals is spread into one alternative per char


def branch_first(pattern: str, flags: int = 0) -> str:
    """`pattern` as an alternation whose alternatives each open with a literal or a class where they can, those
    opening with the same literal under it (`资金情况|资金来源|项目资金` is `资(?:金(?:情况|来源))|项目资金`). The same
    matches at every position: an optional prefix or a group in front is spread over what follows it
    (`(?:A|B)?C` is `AC|BC|C`), alternatives are tried in the same order among those that can open with a
    given char, and the rest cannot match there. A pattern of one alternative, that may match nothing, with
    captures, scoped or inline flags, or back references is returned as it is."""
    try:
        parsed = _parser.parse(pattern, flags)
        if parsed.state.groups > 1 or parsed.state.flags & ~re.UNICODE != flags & ~re.UNICODE:
            return pattern
        if flags & (re.VERBOSE | re.LOCALE):
            return pattern
        if not parsed or parsed[0][0] in _CONSUMING:
            return pattern  # the engine skips to the chars its first item takes by itself
        alternatives = _spread(list(parsed))
        if len(alternatives) == 1 or not all(alternatives):  # one alternative, or a match may be empty
            return pattern
        return _dispatched(alternatives)
    except (_Unknown, re.error, RecursionError):
        return pattern


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
        return skipping(_written(list(parsed)), flags)
    except (_Unknown, re.error, RecursionError):
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


def _spread(items: list[Any]) -> list[list[Any]]:
    """items as alternatives that open with a literal where they can (_spread_once); a part whose spreading
    would give too many is left as it is."""
    try:
        return _spread_once(items)
    except _Unknown:
        return [items]


def _spread_once(items: list[Any]) -> list[list[Any]]:
    """items as alternatives in the order the engine tries them, each opening with a literal where spreading
    can give one: a leading alternation, optional item or group is spread over what follows; a small class of
    literals gives one alternative per char (a char matches one of them at most); a repeated literal or small
    class is peeled once (`[ab]{2,}` is `[ab][ab]+`); a zero-width item in front (a lookaround, an anchor)
    moves behind the literal that follows it, into a lookbehind over that literal (`(?<!X)c` is `c(?<=(?<!X)c)`:
    the same test at the same place)."""
    if not items or items[0][0] in (_c.LITERAL, _c.NOT_LITERAL):
        return [items]
    op, av = items[0]
    rest = items[1:]
    if op is _c.IN:
        chars = [value for kind, value in av if kind is _c.LITERAL]
        if len(chars) == len(av) <= _MAX_CLASS:
            return _limited([[(_c.LITERAL, char), *rest] for char in chars])
        return [items]
    if op is _c.SUBPATTERN and av[0] is None and not av[1] and not av[2]:
        return _spread(list(av[3]) + rest)
    if op is _c.BRANCH:
        return _limited([spread for branch in av[1] for spread in _spread(list(branch) + rest)])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        return _peeled(op, av, rest)
    if op in _ZERO_WIDTH:
        count = next((index for index, (kind, _) in enumerate(items) if kind not in _ZERO_WIDTH), len(items))
        return [_behind(items[:count], alternative) for alternative in _spread(items[count:])]
    return [items]  # a possessive repeat, an atomic group …: the alternative stays as it is


def _peeled(op: Any, av: Any, rest: list[Any]) -> list[list[Any]]:
    """X{m,n} spread as X X{m-1,n-1} (and, when m is 0, nothing: after it if greedy, before it if lazy)."""
    low, high, body = av[0], av[1], list(av[2])
    if high == 1:
        taken = _spread(body + rest)
    elif len(body) == 1 and (body[0][0] is _c.LITERAL or _small_class(body[0])):
        left = _c.MAXREPEAT if high == _c.MAXREPEAT else high - 1
        taken = _spread([body[0], (op, (max(low - 1, 0), left, av[2])), *rest])
    else:
        return [[(op, av), *rest]]
    if low > 0:
        return taken
    skipped = _spread(rest)
    return _limited(taken + skipped if op is _c.MAX_REPEAT else skipped + taken)


def _kept_as_tail(items: list[Any]) -> bool:
    if not items:
        return False
    op, av = items[0]
    return op in _ZERO_WIDTH or (op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[1] != 1)


def _small_class(item: tuple[Any, Any]) -> bool:
    return item[0] is _c.IN and len(item[1]) <= _MAX_CLASS and all(kind is _c.LITERAL for kind, _ in item[1])


def _behind(zero_width: list[Any], alternative: list[Any]) -> list[Any]:
    if alternative and alternative[0][0] is _c.LITERAL:
        return [alternative[0], (_c.ASSERT, (-1, [*zero_width, alternative[0]])), *alternative[1:]]
    return [*zero_width, *alternative]


def _limited(alternatives: list[list[Any]]) -> list[list[Any]]:
    if len(alternatives) > _MAX_BRANCHES:
        raise _Unknown("too many alternatives")
    return alternatives


def _dispatched(alternatives: list[list[Any]]) -> str:
    """The alternatives written with those that open with the same literal under it. An alternative joins the
    group of its literal unless one between them may open with that literal too (the order among the
    alternatives that can match at a position is kept)."""
    groups: list[tuple[int | None, list[list[Any]]]] = []
    for items in alternatives:
        literal = items[0][1] if items and items[0][0] is _c.LITERAL else None
        target = None
        if literal is not None:
            for key, group in reversed(groups):
                if key == literal:
                    target = group
                    break
                if key is None and _may_open(group[0], literal):
                    break
        if target is None:
            groups.append((literal, [items]))
        else:
            target.append(items)
    written = []
    for key, group in groups:
        if key is None or len(group) == 1:
            written.append(_written(group[0]))
            continue
        tails = [items[1:] for items in group]
        # a tail opening with a lookbehind set there by _behind, or with a repeat (peeled already), stays as it is
        tails = [spread for tail in tails for spread in ([tail] if _kept_as_tail(tail) else _spread(tail))]
        written.append(f"{re.escape(chr(key))}(?:{_dispatched(tails)})")
    return "|".join(written)


def _may_open(items: list[Any], literal: int) -> bool:
    """Whether a match of items may open with the char `literal` (any zero-width start may)."""
    if not items:
        return True
    op, av = items[0]
    if op is _c.IN:
        return re.fullmatch(_item(op, av), chr(literal)) is not None
    if op is _c.NOT_LITERAL:
        return bool(av != literal)
    return op is not _c.LITERAL or bool(av == literal)


def _written(items: list[Any]) -> str:
    """Parsed items written back as a pattern (the forms re._parser gives; captures are never among them)."""
    return "".join(_item(op, av) for op, av in items)


def _item(op: Any, av: Any) -> str:
    if op is _c.LITERAL:
        return re.escape(chr(av))
    if op is _c.NOT_LITERAL:
        return f"[^{_in_class(av)}]"
    if op is _c.ANY:
        return "."
    if op is _c.IN:
        negated = bool(av) and av[0][0] is _c.NEGATE
        members = "".join(_class_member(kind, value) for kind, value in av[negated:])
        return members if len(av) == 1 and av[0][0] is _c.CATEGORY else f"[{'^' * negated}{members}]"
    if op is _c.BRANCH:
        return "(?:" + "|".join(_written(list(branch)) for branch in av[1]) + ")"
    if op is _c.SUBPATTERN and not av[1] and not av[2]:  # a capture written as a plain group (without_captures)
        return f"(?:{_written(list(av[3]))})"
    if op is _c.ATOMIC_GROUP:
        return f"(?>{_written(list(av))})"
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        items = list(av[2])
        one = len(items) == 1 and items[0][0] in (*_CONSUMING, _c.ANY)
        body = _written(items) if one else f"(?:{_written(items)})"
        return (
            body
            + _quantifier(av[0], av[1])
            + ("?" if op is _c.MIN_REPEAT else "+" if op is _c.POSSESSIVE_REPEAT else "")
        )
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        behind = "<" if av[0] == -1 else ""
        return f"(?{behind}{'=' if op is _c.ASSERT else '!'}{_written(list(av[1]))})"
    if op is _c.AT and av in _ANCHORS:
        return _ANCHORS[av]
    raise _Unknown(str(op))  # a capture, a back reference, a conditional …


def _quantifier(low: int, high: int) -> str:
    if (low, high) in _QUANTIFIERS:
        return _QUANTIFIERS[low, high]
    if high == _c.MAXREPEAT:
        return f"{{{low},}}"
    return f"{{{low}}}" if low == high else f"{{{low},{high}}}"


def _class_member(kind: Any, value: Any) -> str:
    if kind is _c.LITERAL:
        return _in_class(value)
    if kind is _c.RANGE:
        return f"{_in_class(value[0])}-{_in_class(value[1])}"
    if kind is _c.CATEGORY and value in _CLASSES:
        return _CLASSES[value]
    raise _Unknown(str(kind))


def _in_class(code: int) -> str:
    char = chr(code)
    return "\\" + char if char in "\\]^-[" else char


__all__ = ["branch_first", "first_chars", "matches", "skipping", "spans_of"]
