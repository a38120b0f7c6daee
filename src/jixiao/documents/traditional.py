"""Traditional characters read as simplified for matching, without moving a single offset.

Some published reports are in traditional characters (a converter's output, or a Hong Kong/Taiwan
template). The grammar is written in simplified characters, so extractors match on `Document.match_text`:
the same length as `Document.text`, converted by OpenCC's `t2s` table. Spans found in it index `text` as
well, so a figure still quotes what the file printed.
"""

from __future__ import annotations

from functools import cache

import opencc


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")  # ships with the package: no download


@cache
def _char(char: str) -> str:
    converted = _converter().convert(char)
    return converted if len(converted) == 1 else char


def simplified(text: str) -> str:
    """`text` in simplified characters, char for char (same length, same offsets).

    OpenCC converts phrases, which keeps context (e.g. 頭髮 -> 头发); a line whose phrase conversion
    changes its length falls back to converting char by char.
    """
    converted = _converter().convert(text)
    if converted == text:
        return text
    if len(converted) == len(text):
        return converted
    lines = []
    for line in text.split("\n"):
        whole = _converter().convert(line)
        lines.append(whole if len(whole) == len(line) else "".join(_char(char) for char in line))
    return "\n".join(lines)
