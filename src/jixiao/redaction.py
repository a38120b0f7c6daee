"""Secrets out of every message: what jixiao prints, stores or renders passes through `redact` first.

Providers echo the key in error bodies ("Incorrect API key provided: sk-…"), and a base URL may carry
`user:password@`. The configured key is registered when the settings are built; tokens that look like keys
(`Bearer …`, `sk-…`), credentials in URLs and key-like query parameters are masked whatever they belong to.
"""

from __future__ import annotations

import re

MASK = "***"
_MIN_SECRET = 4  # shorter "keys" (placeholders such as "x") would mask ordinary words

_known: set[str] = set()

_PATTERNS = (
    # scheme://user:password@host -> scheme://***@host (also a bare user@ with no password, which is often a token)
    (re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s:@]*(?::[^/\s@]*)?@"), rf"\1{MASK}@"),
    (re.compile(r"(?i)\b(bearer|basic|token)(\s+)[A-Za-z0-9._~+/=-]{6,}"), rf"\1\2{MASK}"),
    (re.compile(r"\bsk-[A-Za-z0-9_*-]{6,}"), f"sk-{MASK}"),
    (
        re.compile(r"(?i)\b((?:api[-_]?key|access[-_]?token|token|key|secret|password)[\"']?\s*[=:]\s*[\"']?)"
                   r"[^\s\"'&,;]{4,}"),
        rf"\1{MASK}",
    ),
)  # fmt: skip


def register_secret(value: str | None) -> None:
    """Mask this exact value wherever it appears from now on (the configured API key)."""
    if value and len(value.strip()) >= _MIN_SECRET:
        _known.add(value.strip())


def redact(text: str) -> str:
    """`text` with registered secrets, key-like tokens and URL credentials replaced by ***."""
    for secret in sorted(_known, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, MASK)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def display_url(url: str | None) -> str | None:
    """A URL as it may be shown: without `user:password@` or key-like query parameters."""
    return None if url is None else redact(url)


__all__ = ["MASK", "display_url", "redact", "register_secret"]
