"""`branch_first`: a pattern rewritten so that its alternatives open with the char they consume.

At a position a scan lets through (jixiao.scan), the engine tries the alternatives in turn; it refuses one
whose first item is a literal or a class in one comparison, but enters every other (a group, an optional
prefix, a nested alternation) at a cost. `branch_first` rewrites a pattern without captures so that its
alternatives open with the char they consume, grouped by that char (the header words' scan cost a third as
much). The pattern is read with `re._parser` (the standard library's own parser) and written back (`written`);
a pattern the reading does not cover raises `Unknown` inside and is returned as it is.
"""

from __future__ import annotations

import re
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

CLASSES = {
    _c.CATEGORY_DIGIT: r"\d",
    _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w",
    _c.CATEGORY_NOT_WORD: r"\W",
}


class Unknown(Exception):
    """The pattern holds something the first-char reading (jixiao.scan) or branch_first does not cover."""


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
    except (Unknown, re.error, RecursionError):
        return pattern


def _spread(items: list[Any]) -> list[list[Any]]:
    """items as alternatives that open with a literal where they can (_spread_once); a part whose spreading
    would give too many is left as it is."""
    try:
        return _spread_once(items)
    except Unknown:
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
        raise Unknown("too many alternatives")
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
    parts = []
    for key, group in groups:
        if key is None or len(group) == 1:
            parts.append(written(group[0]))
            continue
        tails = [items[1:] for items in group]
        # a tail opening with a lookbehind set there by _behind, or with a repeat (peeled already), stays as it is
        tails = [spread for tail in tails for spread in ([tail] if _kept_as_tail(tail) else _spread(tail))]
        parts.append(f"{re.escape(chr(key))}(?:{_dispatched(tails)})")
    return "|".join(parts)


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


def written(items: list[Any]) -> str:
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
        return "(?:" + "|".join(written(list(branch)) for branch in av[1]) + ")"
    if op is _c.SUBPATTERN and not av[1] and not av[2]:  # a capture written as a plain group (without_captures)
        return f"(?:{written(list(av[3]))})"
    if op is _c.ATOMIC_GROUP:
        return f"(?>{written(list(av))})"
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        items = list(av[2])
        one = len(items) == 1 and items[0][0] in (*_CONSUMING, _c.ANY)
        body = written(items) if one else f"(?:{written(items)})"
        return (
            body
            + _quantifier(av[0], av[1])
            + ("?" if op is _c.MIN_REPEAT else "+" if op is _c.POSSESSIVE_REPEAT else "")
        )
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        behind = "<" if av[0] == -1 else ""
        return f"(?{behind}{'=' if op is _c.ASSERT else '!'}{written(list(av[1]))})"
    if op is _c.AT and av in _ANCHORS:
        return _ANCHORS[av]
    raise Unknown(str(op))  # a capture, a back reference, a conditional …


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
    if kind is _c.CATEGORY and value in CLASSES:
        return CLASSES[value]
    raise Unknown(str(kind))


def _in_class(code: int) -> str:
    char = chr(code)
    return "\\" + char if char in "\\]^-[" else char
