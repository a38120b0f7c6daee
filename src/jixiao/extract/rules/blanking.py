"""Regions of a text blanked for a reader that must not read them, offsets kept (same length, newlines kept)."""

from __future__ import annotations

from collections.abc import Iterable


def blanked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text with each span (in order, none overlapping) blanked: every char of it a space but newlines."""
    pieces: list[str] = []
    last = 0
    for start, stop in spans:
        pieces.append(text[last:start])
        pieces.append("\n".join(" " * len(line) for line in text[start:stop].split("\n")))
        last = stop
    pieces.append(text[last:])
    return "".join(pieces)
