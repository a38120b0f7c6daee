"""What a file really is, whatever its extension says.

Government systems export "Excel" files that are HTML tables, sites serve .xlsx under .xls names, and
users rename files. `load_document` routes Office files by content; the loaders use `describe` to say what the
file is when it is not what its name claims.
"""

from __future__ import annotations

import re

_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|table|meta)\b",
                         re.IGNORECASE | re.DOTALL)  # fmt: skip


def sniff(data: bytes) -> str | None:
    """'zip', 'ole' (legacy Office), 'pdf', 'html', or None when the bytes match none of them."""
    head = data[:1024]
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if b"%PDF-" in head:
        return "pdf"
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            sample = head.decode(encoding, errors="ignore").encode("utf-8")
        except UnicodeError:
            continue
        if _HTML_START.match(sample):
            return "html"
    return None


_NAMES = {
    "zip": "a ZIP archive (an Office document such as .docx/.xlsx?)",
    "ole": "a legacy Office file (.doc/.xls)",
    "pdf": "a PDF",
    "html": "an HTML page",
}


def describe(data: bytes) -> str:
    """A few words on what the bytes are, for error messages."""
    kind = sniff(data)
    if kind is not None:
        return _NAMES[kind]
    if b"\x00" in data[:4096]:
        return "binary data of an unknown kind"
    return "text of an unknown kind"


_PROGRAMS = {".docx": "Word", ".xlsx": "Excel", ".xls": "Excel", "PDF": "a PDF reader"}


def damaged(kind: str, error: BaseException) -> str:
    """The reason for a file its library could not parse, in words a person acts on; the library's own text
    (`Expected "little-endian" marker, found b''`) follows in brackets for whoever reports the problem."""
    detail = str(error).strip().splitlines()[0][:200] if str(error).strip() else type(error).__name__
    program = _PROGRAMS.get(kind, "the program that made it")
    return (
        f"not a readable {kind} (corrupt or truncated): the file is damaged or was cut off when copied; "
        f"open it in {program} and save it again, or get the complete file (library: {detail})"
    )
