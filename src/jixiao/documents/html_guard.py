"""A page the HTML parser would take minutes on is refused before it is parsed.

The HTML tree builder checks the stack of open elements on every start tag and on every stray end tag,
so its work grows with (tags × nesting depth): 100,000 nested `<div>`s (1.1 MB) took 31 s, and a page of
stray closing tags under thousands of open ones took 327 s. A report page nests tens of elements deep,
old ones a few thousand (unclosed `<font>` and `<div>`). A linear scan estimates that work the way the
parser would do it and refuses a page far beyond any report, in well under a second.
"""

from __future__ import annotations

import re

from jixiao.errors import InputError

MAX_PARSE_WORK = 200_000_000  # ≈ 1–2 s of parsing; 20,000 nested <div>s, or 2,000 deep × 100,000 tags
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(/?)>")
# Elements that never stay open: void elements, and those the parser closes by itself at the next sibling
# (an old page's thousand unclosed <p> or <td> does not nest a thousand deep).
_NOT_NESTING = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd option optgroup tr td th thead tbody tfoot rt rp colgroup caption".split()
)


def parse_work(html: str) -> tuple[int, int]:
    """(estimated parser steps, deepest nesting) of a page: Σ stack depth over start and stray end tags."""
    stack: list[str] = []
    open_counts: dict[str, int] = {}
    work = deepest = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _NOT_NESTING or self_closing:
            continue
        if not closing:
            stack.append(name)
            open_counts[name] = open_counts.get(name, 0) + 1
            work += len(stack)
            deepest = max(deepest, len(stack))
        elif open_counts.get(name):
            while stack:  # each element is popped once: linear overall
                top = stack.pop()
                open_counts[top] -= 1
                if top == name:
                    break
        else:  # a stray end tag: the parser searches the whole stack for it
            work += len(stack)
    return work, deepest


def check_parse_work(path: object, html: str) -> None:
    """InputError for a page whose parsing would cost far more than any report's."""
    work, deepest = parse_work(html)
    if work > MAX_PARSE_WORK:
        raise InputError(
            path,
            f"HTML nested too deeply to parse in reasonable time (elements {deepest:,} deep; estimated "
            f"{work:,} parser steps > {MAX_PARSE_WORK:,}); a broken or hostile page",
        )


__all__ = ["MAX_PARSE_WORK", "check_parse_work", "parse_work"]
