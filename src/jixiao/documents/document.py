"""A loaded document: its normalized text (what spans point into) and where it came from."""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jixiao.documents.layout import TableCell, TableLayout
from jixiao.documents.normalize import normalize
from jixiao.documents.traditional import simplified
from jixiao.errors import InputError

MAX_BYTES = 50 * 1024 * 1024  # a report is a few hundred KB; anything this big is not one
MAX_CHARS = 5_000_000  # text rendered from a compressed format (xlsx, pdf) may not grow past this either


@dataclass(frozen=True)
class Document:
    path: str
    format: str
    sha256: str
    raw_text: str  # text as decoded or rendered from the file, before normalization
    text: str  # normalized text; every Span in a Report indexes this
    origin: list[int] = field(repr=False)  # origin[i]: offset in raw_text of text[i]
    # `text` with traditional characters simplified, char for char: extractors match on it, spans index both
    match_text: str = field(default="", repr=False)
    # `raw_text` simplified the same way (the header reads it): kept from loading, not converted again per reader
    match_raw_text: str = field(default="", repr=False)
    # tables as the file laid them out (docx, xlsx, html, pdf); cell offsets index `text`
    tables: tuple[TableLayout, ...] = field(default=(), repr=False)
    # what a reader of the result must know about the input (pages without text, sheets skipped …)
    notes: tuple[str, ...] = ()

    @classmethod
    def from_text(
        cls,
        raw_text: str,
        *,
        path: str,
        format: str,
        sha256: str,
        tables: Sequence[TableLayout] = (),
        notes: Sequence[str] = (),
    ) -> Document:
        if len(raw_text) > MAX_CHARS:
            raise InputError(path, f"too much text ({len(raw_text):,} chars > {MAX_CHARS:,}); not a single report")
        view = simplified(raw_text)  # the passes read a traditional text in simplified script
        text, origin = normalize(raw_text, view)
        if not text.strip():
            raise InputError(path, "no text in the document (empty or only whitespace)")
        return cls(
            path=path,
            format=format,
            sha256=sha256,
            raw_text=raw_text,
            text=text,
            origin=origin,
            match_text=text if view is raw_text else simplified(text),
            match_raw_text=view,
            tables=tuple(_normalized_table(table, text, origin) for table in tables),
            notes=tuple(notes),
        )

    def __post_init__(self) -> None:
        if not self.match_text:  # built directly (tests, other tools): match on the text itself
            object.__setattr__(self, "match_text", self.text)
        if not self.match_raw_text:
            raw = self.raw_text if self.match_text is self.text else simplified(self.raw_text)
            object.__setattr__(self, "match_raw_text", raw)

    def raw_offset(self, offset: int) -> int:
        """Offset in `raw_text` of the normalized offset (end offsets map to the end of the raw text)."""
        return self.origin[offset] if offset < len(self.origin) else len(self.raw_text)


def _normalized_table(table: TableLayout, text: str, origin: list[int]) -> TableLayout:
    """The table with its cell offsets moved from the raw text into the normalized text."""

    def cell(raw: TableCell) -> TableCell:
        start, end = bisect_left(origin, raw.start), bisect_left(origin, raw.end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return TableCell(start, end, raw.column)

    return TableLayout(name=table.name, rows=tuple(tuple(cell(c) for c in row) for row in table.rows))


def read_bytes(path: Path) -> tuple[bytes, str]:
    """Read a file whole, refusing empty and oversized ones; return the bytes and their SHA-256."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from error
    if size == 0:
        raise InputError(path, "empty file")
    if size > MAX_BYTES:
        raise InputError(path, f"file too large ({size / 1e6:.0f} MB > {MAX_BYTES / 1e6:.0f} MB)")
    data = path.read_bytes()
    return data, hashlib.sha256(data).hexdigest()
