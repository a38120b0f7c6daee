"""A loaded document: its normalized text (what spans point into) and where it came from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from jixiao.documents.normalize import normalize
from jixiao.errors import InputError

MAX_BYTES = 50 * 1024 * 1024  # a report is a few hundred KB; anything this big is not one


@dataclass(frozen=True)
class Document:
    path: str
    format: str
    sha256: str
    raw_text: str  # text as decoded from the file, before normalization
    text: str  # normalized text; every Span in a Report indexes this
    origin: list[int] = field(repr=False)  # origin[i]: offset in raw_text of text[i]

    @classmethod
    def from_text(cls, raw_text: str, *, path: str, format: str, sha256: str) -> Document:
        text, origin = normalize(raw_text)
        if not text.strip():
            raise InputError(path, "no text in the document (empty or only whitespace)")
        return cls(path=path, format=format, sha256=sha256, raw_text=raw_text, text=text, origin=origin)

    def raw_offset(self, offset: int) -> int:
        """Offset in `raw_text` of the normalized offset (end offsets map to the end of the raw text)."""
        return self.origin[offset] if offset < len(self.origin) else len(self.raw_text)


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
