"""Whether the source printed a row alone on its line: a web table's rows a line each, cells a space apart.

Normalization may join a short line to the next (`…稳步提升 6` then `科普宣传栏内容更新 …` become one line), so the
test asks the raw text, through the offsets normalization kept. A row that fills its raw line from start to end
had no cell wrapped over a line break (a .doc preview's scrambled rows run on over several).
"""

from __future__ import annotations

from jixiao.documents.tables.table import Table


def mark_own_lines(tables: list[Table], origin: list[int], raw: str) -> None:
    """Set `own_line` on every row whose raw span is a whole raw line (spaces aside)."""
    for table in tables:
        for row in table.rows:
            if not 0 <= row.start < row.end <= len(origin):
                continue
            start, end = origin[row.start], origin[row.end - 1] + 1
            line_start = raw.rfind("\n", 0, start) + 1
            line_end = raw.find("\n", end)
            line_end = len(raw) if line_end < 0 else line_end
            row.own_line = not raw[line_start:start].strip() and not raw[end:line_end].strip()
