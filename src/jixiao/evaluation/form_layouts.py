"""Layouts of the metamorphic eval met in held-out sets 14–16 that `layouts` and `table_layouts` did not draw.

A form's cells one per line with the empty cells a row ends with printed as one run of bars (`||||`), or one
per paragraph with a blank cell printed as a single space; an indicator's direction in a column of its own
before the target (`正向 | 大于等于 | 95%`, or a code and an operator, `004 >= | 95%`); the target's unit in a
计量单位 column after it (`95 | %`); pinyin glosses after characters, as a document site's preview prints them
(`项(xiàng)目`); a form's level cells printed after its rows; an indicator table written out as sections with
points (`（一）产出指标（50分）` then `1.数量指标：…，年度指标值…，实际完成值…`). None edits a figure's text beyond what
`layouts.lost_figures` folds (spaces, bars, width, script, a comparator spelt out).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from jixiao.documents.traditional import simplified
from jixiao.evaluation.pipe_rows import cell_per_line, cells, is_row
from jixiao.evaluation.table_layouts import TARGET, TARGET_HEAD, per_table, piped
from jixiao.vocabulary import level_number


def _row_lines(text: str, render: Callable[[list[str]], list[str]]) -> str:
    """Each pipe row rendered into lines of its own (a dump already one cell per line is left as it is)."""
    if cell_per_line(text):
        return text
    out: list[str] = []
    for line in text.split("\n"):
        out.extend(render(cells(line)) if is_row(line) else [line])
    return "\n".join(out)


def pipe_runs(text: str, keep: Sequence[str] = ()) -> str:
    """One cell per line closed by ` |`, an empty cell a lone `|`, and the empty cells a row ends with one run
    of bars on a line of its own (`||||`), as a Word table pasted into a web editor comes out."""

    def render(row: list[str]) -> list[str]:
        filled = len(row)
        while filled and not row[filled - 1]:
            filled -= 1
        lines = [cell + " |" if cell else "|" for cell in row[:filled]]
        return [*lines, "|" * (len(row) - filled + 1)] if filled < len(row) else lines

    return _row_lines(text, render)


def space_cells(text: str, keep: Sequence[str] = ()) -> str:
    """One cell per paragraph (a blank line between cells), a blank cell printed as a single space, no bars."""
    return _row_lines(text, lambda row: [line for cell in row for line in (cell or " ", "")])


_POINTS = re.compile(r"\d+(?:\.\d+)?")
_SPLIT = re.compile(r"[≥≤><=≧≦═﹦＝]+|[≥≤><=≧≦═﹦＝]?\s*\d[\d.,]*")  # `≥ | 95 | %`: a target already in cells


def _target_at(row: Sequence[str]) -> int | None:
    """The column of an indicator row's target, wherever the row's merged cells left it: counted back from its
    weight and score (the last two cells of bare points, a remark after them aside), past the actual; None for a
    row without both points, with fewer than five filled cells (a level or name, target, actual, points) or
    whose target is already split into cells."""
    filled = [at for at, cell in enumerate(row) if cell]
    while filled and not _POINTS.fullmatch(row[filled[-1]]) and len(filled) > 4:
        filled.pop()  # a remark (偏差原因)
    if len(filled) < 5 or not all(_POINTS.fullmatch(row[at]) for at in filled[-2:]):
        return None
    target = filled[-4]
    if filled[-3] != target + 1 or filled[-2] != target + 2 or _SPLIT.fullmatch(row[target - 1]):
        return None
    return target


def _rewrite_targets(text: str, split: Callable[[str], list[str]], head: Callable[[str], list[str]]) -> str:
    """The target cell of every indicator row rewritten by `split`, and the 指标值 header cell by `head`, in each
    table that has such a header; the other rows and tables stay as printed."""

    def render(rows: list[list[str]]) -> list[str] | None:
        out: list[list[str]] = []
        headed = changed = False
        for row in rows:
            column = next((at for at, cell in enumerate(row) if TARGET_HEAD.fullmatch(cell.replace(" ", ""))), None)
            if column is not None:
                headed = True
                out.append([*row[:column], *head(row[column]), *row[column + 1 :]])
                continue
            target = _target_at(row) if headed else None
            out.append(row if target is None else [*row[:target], *split(row[target]), *row[target + 1 :]])
            changed = changed or target is not None
        return [piped(row) for row in out] if changed else None

    return per_table(text, render)


# a target without a comparator gets none (an empty cell): `等于` would make it an exact one
_WORDS = {"≥": "大于等于", "≤": "小于等于", ">": "大于", "<": "小于", "=": "等于", "": ""}
_CODES = {"≥": "004 >=", "≤": "005 <=", ">": "001 >", "<": "002 <", "=": "003 =", "": ""}


def _comparator(cell: str) -> tuple[str, str]:
    """The target's comparator and the rest of its cell (`≥95%` -> `≥`, `95%`; a word target has none)."""
    match = TARGET.fullmatch(cell)
    return (match.group(1), cell[match.start(2) :]) if match else ("", cell)


def _directed(cell: str) -> list[str]:
    sign, rest = _comparator(cell)
    nature = "反向" if sign and sign in "≤<" else "正向" if re.search(r"\d", rest) else "定性"
    return [nature, _WORDS[sign], rest]


def directions(text: str, keep: Sequence[str] = ()) -> str:
    """A 指标性质 and a 指标方向 column before the target: `正向 | 大于等于 | 95%` (`反向` for an upper bound, `定性`
    for a word)."""
    return _rewrite_targets(text, _directed, lambda head: ["指标性质", "指标方向", head])


def _coded(cell: str) -> list[str]:
    sign, rest = _comparator(cell)
    return [_CODES[sign], rest]


def operator_codes(text: str, keep: Sequence[str] = ()) -> str:
    """The target's comparator in a 指标性质 cell before it, as a code and an operator: `004 >= | 95%`."""
    return _rewrite_targets(text, _coded, lambda head: ["指标性质", head])


_UNIT = re.compile(
    r"%|‰|[个次人户家所座项件台套辆条份篇场期批名亩吨元米天日年处只头株棵本册间块]|万[元人]|平方米|公里|小时|[人户]次"
)


def _unit_split(cell: str) -> list[str]:
    match = TARGET.fullmatch(cell)
    unit = match.group(3) if match else ""
    return [cell[: len(cell) - len(unit)], unit] if unit and _UNIT.fullmatch(unit) else [cell, ""]


def unit_column(text: str, keep: Sequence[str] = ()) -> str:
    """The target's unit in a 计量单位 column after it: `≥95 | %` (a target without one, an empty cell)."""
    return _rewrite_targets(text, _unit_split, lambda head: [head, "计量单位"])


# Tone-marked readings of characters common in the forms' labels (a preview glosses some characters only).
_READINGS = {"项": "xiàng", "资": "zī", "金": "jīn", "标": "biāo", "绩": "jì", "效": "xiào", "评": "píng",
             "价": "jià", "预": "yù", "算": "suàn", "执": "zhí", "行": "xíng", "完": "wán", "成": "chéng",
             "目": "mù", "费": "fèi", "补": "bǔ", "助": "zhù"}  # fmt: skip


def glossed(text: str, keep: Sequence[str] = ()) -> str:
    """Pinyin glosses in brackets after some characters (`项(xiàng)目资(zī)金`), outside the figures' texts, as a
    document site's preview prints a page that had ruby annotations."""
    plain = simplified(text)
    plain = plain if len(plain) == len(text) else text  # a traditional text is glossed where its plain form is

    def glossed_at(at: int) -> bool:  # a character the text glosses already: `補(bǔ)`
        return text[at + 1 : at + 2] in ("(", "（")

    guard = [False] * (len(text) + 1)
    for figure in keep:
        for match in re.finditer(re.escape(figure), plain):
            for at in range(match.start(), match.end()):
                guard[at] = True
    return "".join(
        f"{char}({_READINGS[plain[at]]})" if plain[at] in _READINGS and not guard[at] and not glossed_at(at) else char
        for at, char in enumerate(text)
    )


def _level_cell(cell: str) -> bool:
    return level_number(cell.replace(" ", "")) is not None


def levels_after(text: str, keep: Sequence[str] = ()) -> str:
    """A form's 一级/二级 level cells printed after its rows, as a converter that reads a table's merged (vertical)
    cells last prints them: each indicator row keeps an empty cell where its level stood, and the levels follow
    the table on a row of their own. No reader can tell which row a level was printed beside, so the eval
    measures here that no level is guessed (its category facts are lost by design)."""

    def render(rows: list[list[str]]) -> list[str] | None:
        levels: list[str] = []
        out: list[list[str]] = []
        for row in rows:
            lead = 0
            while lead < len(row) - 1 and (not row[lead] or _level_cell(row[lead])):
                lead += 1
            named = [cell for cell in row[:lead] if cell]
            if named and len(row) - lead >= _ROW_VALUES:
                levels.extend(named)
                row = ["" if _level_cell(cell) else cell for cell in row[:lead]] + row[lead:]
            out.append(row)
        return [piped(row) for row in [*out, levels]] if levels else None

    return per_table(text, render)


_ROW_VALUES = 3  # a name and two values after the levels: an indicator row, not a level block's heading


_NUMERALS = "一二三四五六七八九十"


_POINTS_TAG = re.compile(r"[（(]\d+(?:\.\d+)?分[)）]$")


def _target_head(cell: str) -> bool:
    return TARGET_HEAD.fullmatch(cell.replace(" ", "")) is not None


def _sections(rows: list[list[str]]) -> list[tuple[str, list[tuple[str, str, list[str]]]]] | None:
    """The indicator rows under a 指标值 header as (level 1, [(level 2, name, [target, actual, weight, score])]),
    levels carried down from the rows above (merged cells); None where a row's levels are not both known."""
    sections: list[tuple[str, list[tuple[str, str, list[str]]]]] = []
    level1 = level2 = ""
    for row in rows:
        target = _target_at(row)
        if target is None:
            continue
        levels = [cell for cell in row[: target - 1] if cell]
        for cell in levels:
            if level_number(cell.replace(" ", "")) == 1:
                level1, level2 = cell, ""
            else:
                level2 = cell
        if not level1 or not level2:
            return None
        if not sections or sections[-1][0] != level1:
            sections.append((level1, []))
        sections[-1][1].append((level2, row[target - 1], row[target : target + 4]))
    return sections or None


def scored_prose(text: str, keep: Sequence[str] = ()) -> str:
    """An indicator table written out as a report's sections: a heading per 一级 level with its points
    (`（一）产出指标（50分）`), a numbered line per indicator (`1.数量指标：疏浚沟渠长度，年度指标值≥42公里，实际完成值
    43.5公里，分值20分，得分20分。`). A table whose rows' levels are not all known stays as it is."""

    def render(rows: list[list[str]]) -> list[str] | None:
        head = next((at for at, row in enumerate(rows) if any(map(_target_head, row))), None)
        sections = _sections(rows[head + 1 :]) if head is not None else None
        if head is None or sections is None or len(sections) > len(_NUMERALS):
            return None
        out = [piped(row) for row in rows[:head]]
        number = 0
        for at, (level1, items) in enumerate(sections):
            points = sum(float(values[2]) for _, _, values in items)
            level = _POINTS_TAG.sub("", level1.replace(" ", ""))  # `产出指标(50分)`: its points printed anew
            out.append(f"（{_NUMERALS[at]}）{level}（{points:g}分）")
            for level2, name, (target, actual, weight, score) in items:
                number += 1
                out.append(
                    f"{number}.{level2.replace(' ', '')}：{name}，年度指标值{target}，实际完成值{actual}，"
                    f"分值{weight}分，得分{score}分。"
                )
        rest = [row for row in rows[head + 1 :] if _target_at(row) is None and re.search(r"\d", "".join(row))]
        return out + [piped(row) for row in rest]  # a 合计 row after them, as printed

    return per_table(text, render)
