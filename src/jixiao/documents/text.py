"""Plain-text reports (.txt, .md): detect the encoding, never assume it."""

from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

from jixiao.documents.document import Document, read_bytes
from jixiao.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _mostly_printable(text: str) -> bool:
    printable = sum(1 for char in text if char.isprintable() or char in "\n\r\t")
    return printable >= 0.95 * len(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text with no BOM, told apart from a binary file by decoding to printable text."""
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_printable(text):
            return text
    return None


def decode_strict(data: bytes, encoding: str) -> str:
    """Decode, forgiving only a multi-byte char cut off at the very end (a truncated download)."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        if error.start < len(data) - 3:
            raise
        return data[: error.start].decode(encoding)


def decode(data: bytes, path: object) -> str:
    """UTF-8 (with or without BOM), UTF-16/32 with BOM, then GB18030 (a superset of GBK), then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data[:4096]:
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError(path, "binary file, not text")
        return text
    for encoding in ("utf-8", "gb18030"):
        try:
            return decode_strict(data, encoding)
        except UnicodeDecodeError:
            continue
    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, "cannot decode the text (not UTF-8, GB18030, UTF-16 or any known encoding)")
    return str(best)


def load_text(path: Path) -> Document:
    data, sha256 = read_bytes(path)
    text = decode(data, path)
    if "\x00" in text:
        raise InputError(path, "binary file, not text")
    return Document.from_text(text, path=str(path), format=path.suffix.lstrip(".").lower() or "txt", sha256=sha256)
