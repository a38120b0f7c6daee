"""The rows and cells of a pipe-table dump, as the layout transforms read them."""

from __future__ import annotations


def is_row(line: str) -> bool:
    """A table row of a pipe dump: two cell separators, or a cell closed by one."""
    return line.count("|") >= 2 or line.rstrip().endswith("|")


def cells(line: str) -> list[str]:
    """The cells of a row, stripped; the empty piece after a closing pipe is not a cell."""
    pieces = [piece.strip() for piece in line.split("|")]
    return pieces[:-1] if pieces and not pieces[-1] else pieces


def cell_per_line(text: str) -> bool:
    """A dump of one cell per line (most piped lines hold at most one cell): its rows are not known, so the
    transforms that rewrite whole rows leave it as it is."""
    rows = [line for line in text.split("\n") if is_row(line)]
    return sum(1 for line in rows if len([cell for cell in cells(line) if cell]) >= 2) < len(rows) / 2
