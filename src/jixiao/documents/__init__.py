"""Documents: load a report file of any supported format into normalized text with positions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jixiao.documents.document import Document
from jixiao.documents.docx import load_docx
from jixiao.documents.text import load_text
from jixiao.errors import InputError

Loader = Callable[[Path], Document]

LOADERS: dict[str, Loader] = {
    ".txt": load_text,
    ".md": load_text,
    ".text": load_text,
    ".docx": load_docx,
}


def load_document(path: str | Path) -> Document:
    """Load one report file; raise InputError naming the file and the reason when it cannot be read."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such file")
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        supported = ", ".join(sorted(LOADERS))
        raise InputError(path, f"unsupported format '{path.suffix or '(none)'}' (supported: {supported})")
    return loader(path)


__all__ = ["LOADERS", "Document", "load_document"]
